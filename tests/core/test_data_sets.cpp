// Data sets (data_set.h): TensorFlow Playground's generators against their definitions (counts,
// label rules, ranges), the seeded split, the features, points added one by one; the points file
// (points_file.h) with good and hostile inputs; the new link keys and JSON fields (read back
// exactly, old links unchanged, every refusal naming its key).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "allocation_counter.h"
#include "core/document/session.h"
#include "core/formats/file_import.h"
#include "core/formats/json_import.h"
#include "core/formats/link_codec.h"
#include "core/formats/points_file.h"
#include "core/formats/state_json.h"
#include "core/limits.h"
#include "core/training/data_fit.h"
#include "core/training/data_set.h"

using namespace mlp;

namespace {

DataSettings settings_of(DataKind kind, double noise = 0.0, int points = 500, uint32_t seed = 1) {
    DataSettings d;
    d.kind = kind;
    d.noise = noise;
    d.points = points;
    d.seed = seed;
    return d;
}

double radius(const DataPoint& p) { return std::sqrt(p.x1 * p.x1 + p.x2 * p.x2); }

// The 2-2-1 network of the link tests, fitting a data set of two features and one output.
const std::string kSmall = "v=1&shape=2,2,1&x=1,2&w1=1,0;0,1&w2=1,-1";

}  // namespace

// ---------------------------------------------------------------------------------------------
// The generators
// ---------------------------------------------------------------------------------------------

TEST_CASE("circle: half inside radius 2.5, half in 3.5..5; without noise the label is whether it is inside") {
    std::vector<DataPoint> pts;
    generate_points(settings_of(DataKind::Circle, 0.0, 501), &pts);
    REQUIRE(pts.size() == 501);
    for (int i = 0; i < 501; ++i) {
        const double r = radius(pts[i]);
        if (i < 251) CHECK((r >= 0.0 && r < 2.5));
        else CHECK((r >= 3.5 && r < 5.0));
        CHECK(pts[i].target == (r < 2.5 ? 1.0 : 0.0));
    }
    // With noise, some labels move but no point does: the same positions, the same draws.
    std::vector<DataPoint> noisy;
    generate_points(settings_of(DataKind::Circle, 0.5, 501), &noisy);
    int flipped = 0;
    for (int i = 0; i < 501; ++i) {
        CHECK(noisy[i].x1 == pts[i].x1);
        CHECK(noisy[i].x2 == pts[i].x2);
        flipped += noisy[i].target != pts[i].target;
    }
    CHECK(flipped > 10);
    CHECK(flipped < 250);
}

TEST_CASE("xor: |x|, |y| in 0.3..5.3, the label the sign of x*y without noise") {
    std::vector<DataPoint> pts;
    generate_points(settings_of(DataKind::Xor, 0.0, 400), &pts);
    int positive = 0;
    for (const DataPoint& p : pts) {
        CHECK(std::fabs(p.x1) >= 0.3);
        CHECK(std::fabs(p.x1) < 5.3);
        CHECK(std::fabs(p.x2) >= 0.3);
        CHECK(std::fabs(p.x2) < 5.3);
        CHECK(p.target == (p.x1 * p.x2 >= 0 ? 1.0 : 0.0));
        positive += p.target == 1.0;
    }
    CHECK(positive > 150);
    CHECK(positive < 250);
}

TEST_CASE("gauss: two normal clouds around (2, 2) and (-2, -2), variance 0.5 at noise 0 and 4 at noise 0.5") {
    for (double noise : {0.0, 0.5}) {
        std::vector<DataPoint> pts;
        generate_points(settings_of(DataKind::Gauss, noise, 10000), &pts);
        double sum[2][2] = {}, sq[2][2] = {};
        for (int i = 0; i < 10000; ++i) {
            const int k = i < 5000 ? 0 : 1;
            CHECK(pts[i].target == (k == 0 ? 1.0 : 0.0));
            const double c = k == 0 ? 2.0 : -2.0;
            sum[k][0] += pts[i].x1 - c, sum[k][1] += pts[i].x2 - c;
            sq[k][0] += (pts[i].x1 - c) * (pts[i].x1 - c), sq[k][1] += (pts[i].x2 - c) * (pts[i].x2 - c);
        }
        const double variance = 0.5 + 7.0 * noise;
        for (int k = 0; k < 2; ++k)
            for (int j = 0; j < 2; ++j) {
                CHECK(std::fabs(sum[k][j] / 5000) < 0.1);  // the mean, within ~5 standard errors
                CHECK(sq[k][j] / 5000 == doctest::Approx(variance).epsilon(0.1));
            }
    }
}

TEST_CASE("spiral: two arms of n/2 points, r = 5 i/(n/2), t = 1.75 (2 pi) i/(n/2) + 0 or pi, exact without noise") {
    std::vector<DataPoint> pts;
    generate_points(settings_of(DataKind::Spiral, 0.0, 100), &pts);
    const double pi = 3.14159265358979323846;
    for (int k = 0; k < 100; ++k) {
        const int i = k % 50;
        const double r = 5.0 * i / 50.0, t = 1.75 * 2 * pi * i / 50.0 + (k < 50 ? 0.0 : pi);
        CHECK(pts[k].x1 == doctest::Approx(r * std::sin(t)).epsilon(1e-12));
        CHECK(pts[k].x2 == doctest::Approx(r * std::cos(t)).epsilon(1e-12));
        CHECK(pts[k].target == (k < 50 ? 1.0 : 0.0));
    }
    std::vector<DataPoint> noisy;
    generate_points(settings_of(DataKind::Spiral, 0.5, 100), &noisy);
    for (int k = 0; k < 100; ++k) {
        CHECK(std::fabs(noisy[k].x1 - pts[k].x1) <= 0.5);
        CHECK(std::fabs(noisy[k].x2 - pts[k].x2) <= 0.5);
    }
}

TEST_CASE("plane and multigauss: points in -6..6, targets (x + y)/10 and the largest bump") {
    std::vector<DataPoint> pts;
    generate_points(settings_of(DataKind::Plane, 0.0, 300), &pts);
    for (const DataPoint& p : pts) {
        CHECK((std::fabs(p.x1) <= 6 && std::fabs(p.x2) <= 6));
        CHECK(p.target == doctest::Approx((p.x1 + p.x2) / 10));
    }
    generate_points(settings_of(DataKind::MultiGauss, 0.0, 2000), &pts);
    int positive = 0, negative = 0;
    for (const DataPoint& p : pts) {
        CHECK((std::fabs(p.x1) <= 6 && std::fabs(p.x2) <= 6));
        CHECK(std::fabs(p.target) <= 1.0);
        // Near a centre the bump's own sign and value: (4, 2.5) is +, (0, 2.5) is -.
        const double d_plus = std::hypot(p.x1 - 4, p.x2 - 2.5), d_minus = std::hypot(p.x1, p.x2 - 2.5);
        if (d_plus < 1) {
            CHECK(p.target == doctest::Approx(1 - d_plus / 2));
            ++positive;
        }
        if (d_minus < 1) {
            CHECK(p.target == doctest::Approx(-(1 - d_minus / 2)));
            ++negative;
        }
    }
    CHECK(positive > 5);
    CHECK(negative > 5);
}

TEST_CASE("a seed gives the same points, another seed others; the split holds out round(n test) points") {
    std::vector<DataPoint> a, b, c;
    generate_points(settings_of(DataKind::Xor, 0.2, 50, 7), &a);
    generate_points(settings_of(DataKind::Xor, 0.2, 50, 7), &b);
    generate_points(settings_of(DataKind::Xor, 0.2, 50, 8), &c);
    CHECK(a == b);
    CHECK(!(a == c));
    CHECK(test_point_count(500, 0.5) == 250);
    CHECK(test_point_count(7, 0.5) == 4);  // 3.5 rounds up
    CHECK(test_point_count(10, 0.0) == 0);
    CHECK(test_point_count(1, 0.9) == 0);  // one point trains
    CHECK(test_point_count(2, 0.9) == 1);
    std::vector<uint8_t> split, again;
    split_points(1, 0.3, 101, &split);
    split_points(1, 0.3, 101, &again);
    CHECK(split == again);
    int tests = 0;
    for (uint8_t t : split) tests += t;
    CHECK(tests == 30);
}

TEST_CASE("features: x1, x2, x1 squared, x2 squared, x1 x2, sin x1, sin x2, those chosen in order") {
    double out[7];
    compute_features((1u << kFeatureCount) - 1, 2.0, -3.0, out);
    CHECK(out[0] == 2.0);
    CHECK(out[1] == -3.0);
    CHECK(out[2] == 4.0);
    CHECK(out[3] == 9.0);
    CHECK(out[4] == -6.0);
    CHECK(out[5] == std::sin(2.0));
    CHECK(out[6] == std::sin(-3.0));
    compute_features(kFeatureX2 | kFeatureX1TimesX2, 2.0, -3.0, out);
    CHECK(out[0] == -3.0);
    CHECK(out[1] == -6.0);
    uint32_t f = 0;
    CHECK(parse_features("x1,x1sq,sin2", ',', &f) == "");
    CHECK(f == (kFeatureX1 | kFeatureX1Squared | kFeatureSinX2));
    CHECK(features_text(f) == "x1,x1sq,sin2");
    CHECK(parse_features("x2,x1", ',', &f).find("comes after") != std::string::npos);
    CHECK(parse_features("x1,x1", ',', &f).find("twice") != std::string::npos);
    CHECK(parse_features("x3", ',', &f).find("\"x3\" is not a feature") != std::string::npos);
    CHECK(parse_features("", ',', &f).find("at least one") != std::string::npos);
}

TEST_CASE("points(): the inputs after the features, targets one-hot with ce, and which are test points") {
    DataSettings d = settings_of(DataKind::Circle, 0.0, 4);
    d.features = kFeatureX1Squared | kFeatureX2Squared;
    DataSet set;
    make_data_set(d, Loss::CrossEntropy, &set);
    REQUIRE(set.inputs.cols == 2);
    REQUIRE(set.targets.cols == 2);
    for (int i = 0; i < 4; ++i) {
        CHECK(set.inputs.at(i, 0) == set.points[i].x1 * set.points[i].x1);
        CHECK(set.targets.at(i, 1) == set.points[i].target);
        CHECK(set.targets.at(i, 0) == 1.0 - set.points[i].target);
    }
    const std::string json = points_json(set);
    CHECK(json.rfind("[{\"x\":[", 0) == 0);
    CHECK(json.find("\"test\":true") != std::string::npos);
    CHECK(json.find("\"test\":false") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// The points file
// ---------------------------------------------------------------------------------------------

TEST_CASE("a points file: CSV with or without a header, blank lines and CRLF; JSON arrays") {
    std::vector<DataPoint> pts;
    CHECK(parse_points_file("x1,x2,label\r\n1,2,1\r\n\r\n -0.5 , 3e2,0\r\n", &pts) == "");
    REQUIRE(pts.size() == 2);
    CHECK(pts[1].x1 == -0.5);
    CHECK(pts[1].x2 == 300);
    CHECK(pts[1].target == 0);
    CHECK(parse_points_file("1,2,0.25", &pts) == "");
    CHECK(pts.size() == 1);
    CHECK(parse_points_file(" [[1, 2, 1],\n [3, -4.5, 0]] \n", &pts) == "");
    REQUIRE(pts.size() == 2);
    CHECK(pts[1].x2 == -4.5);
}

TEST_CASE("a hostile points file is refused naming the row and column, and nothing is half-loaded") {
    const std::vector<DataPoint> before = {{9, 9, 1}};
    const std::pair<std::string, std::string> cases[] = {
        {"1,2,1\n3,abc,0\n", "row 2, column 2: \"abc\" is not a number"},
        {"1,2,1\n3,4\n", "row 2: 2 numbers; expected 3 (x1, x2, target)"},
        {"1,2,1,4\n", "row 1: 4 numbers; expected 3"},
        {"1,2,1e7\n", "row 1, column 3: \"1e7\" is out of range; expected a number from -1e6 to 1e6"},
        {"1,2,nan\n", "row 1, column 3: \"nan\" is not a number"},
        {"x,y,z\n", "no points"},
        {"", "the file is empty"},
        {std::string("1,2,1\n\0", 7), "NUL"},
        {"[[1,2,1],[3,4]]", "point 2: 2 numbers; expected 3"},
        {"[[1,2,1] [3,4,0]]", "expected ',' or ']' after point 1"},
        {"[[1,2,\"a\"]]", "point 1, column 3: JSON at line 1, column 7: expected a number"},
        {"[[1,2,1]] x", "expected the end of the text"},
        {"[[1,2,1]", "before the end"},
        {"[]", "no points"},
        {"[{\"x\": 1}]", "point 1: JSON at line 1, column 2: expected '['"},
    };
    for (const auto& [text, expected] : cases) {
        CAPTURE(text);
        std::vector<DataPoint> pts = before;
        const std::string err = parse_points_file(text, &pts);
        CHECK(err.find(expected) != std::string::npos);
        CHECK(pts == before);
    }
}

TEST_CASE("a points file over the limits is refused before anything is allocated for its points") {
    std::string many;
    for (int i = 0; i <= kMaxCustomPoints; ++i) many += "1,2,1\n";
    std::vector<DataPoint> pts;
    std::string err;
    // Counted first: a refused file allocates nothing for its points, only the message.
    CHECK(mlp_test::bytes_allocated_by([&] { err = parse_points_file(many, &pts); }) < 1024);
    CHECK(err == "row 2001: more than 2000 points; at most 2000 are allowed");
    std::string json = "[";
    for (int i = 0; i <= kMaxCustomPoints; ++i) json += i ? ",[1,2,1]" : "[1,2,1]";
    CHECK(parse_points_file(json + "]", &pts) == "point 2001: more than 2000 points; at most 2000 are allowed");
    const std::string huge(kMaxPointsFileBytes + 1, ' ');
    CHECK(mlp_test::bytes_allocated_by([&] { err = parse_points_file(huge, &pts); }) < 1024);
    CHECK(err.find("at most 1048576 (1 MiB)") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Link keys and JSON fields
// ---------------------------------------------------------------------------------------------

TEST_CASE("links without data keys open and encode exactly as before") {
    const Document doc = decode_link(kSmall).document;
    CHECK(!doc.data.has_data());
    CHECK(encode_link(doc) == kSmall);
    CHECK(document_json(doc).find("\"data\"") == std::string::npos);
    CHECK(document_json(doc).find("\"batch\"") == std::string::npos);
}

TEST_CASE("the data keys are written only when not their defaults and read back exactly, link and JSON") {
    const std::string links[] = {
        kSmall + "&data=circle",
        kSmall + "&data=spiral&noise=0.25&points=200&seed=4294967295&test=0.1&batch=25&opt=adam&reg=l2&regrate=0.003&epoch=40",
        "v=1&shape=3,2,1&x=1,2,4&w1=1,0,0;0,1,0&w2=1,-1&data=xor&features=x1,x2,x1x2&opt=momentum&reg=l1&regrate=0.1",
        kSmall + "&data=custom&pts=1,2,1;-3.5,0.25,0;1e-07,-1000000,1",
        kSmall + "&data=plane&test=0",
    };
    for (const std::string& link : links) {
        CAPTURE(link);
        DecodeResult r = decode_link(link);
        REQUIRE(r.error == "");
        CHECK(r.warnings.empty());
        CHECK(encode_link(r.document) == link);
        DecodeResult back = decode_json(document_json(r.document));
        REQUIRE(back.error == "");
        CHECK(back.warnings.empty());
        CHECK(back.document == r.document);
        // state() loads back too (its counts and metrics are ignored without a warning).
        Session session;
        REQUIRE(session.replace(r.document) == "");
        DecodeResult from_state = decode_json(session.state_json());
        REQUIRE(from_state.error == "");
        CHECK(from_state.warnings.empty());
        CHECK(from_state.document == r.document);
    }
    DecodeResult r = decode_link(links[1]);
    CHECK(r.document.data.kind == DataKind::Spiral);
    CHECK(r.document.data.noise == 0.25);
    CHECK(r.document.data.points == 200);
    CHECK(r.document.data.seed == 4294967295u);
    CHECK(r.document.training.batch == 25);
    CHECK(r.document.training.optimizer == Optimizer::Adam);
    CHECK(r.document.training.regularization == Regularization::L2);
    CHECK(r.document.training.epoch == 40);
}

TEST_CASE("bad data keys and fields are refused with a message naming the key") {
    const std::pair<std::string, std::string> links[] = {
        {"&data=moons", "data: \"moons\" is not a data set; expected circle, xor, gauss, spiral, plane, multigauss or custom"},
        {"&noise=0.1", "noise: needs a data set (the key data)"},
        {"&data=circle&noise=0.7", "noise: \"0.7\" is not a noise level; expected a number from 0 to 0.5"},
        {"&data=circle&points=0", "points: \"0\" is not a number of points; expected a whole number from 1 to 10000"},
        {"&data=circle&points=10001", "points: \"10001\""},
        {"&data=circle&seed=-1", "seed: \"-1\""},
        {"&data=circle&seed=4294967296", "seed: \"4294967296\""},
        {"&data=circle&test=0.95", "test: \"0.95\""},
        {"&data=circle&batch=2.5", "batch: \"2.5\""},
        {"&data=circle&opt=rmsprop", "opt: \"rmsprop\" is not an optimizer; expected sgd, momentum or adam"},
        {"&data=circle&reg=l3", "reg: \"l3\" is not a regularization; expected none, l1 or l2"},
        {"&data=circle&regrate=-1", "regrate: \"-1\""},
        {"&data=circle&epoch=1e10", "epoch: \"1e10\""},
        {"&data=circle&features=x1", "shape: the input layer has 2 nodes; features=x1 gives 1 input"},
        {"&data=circle&features=x2,x1", "features: \"x1\" comes after \"x2\""},
        {"&data=circle&pts=1,2,1", "pts: custom points need data=custom"},
        {"&data=custom&pts=1,2", "pts: point 1 has 2 numbers; expected 3 (x1, x2, target)"},
        {"&data=custom&pts=1,2,1;3,x,0", "pts: point 2"},
        {"&data=custom&pts=1,2,1;3,4,2e6", "pts: point 2"},
        {"&data=plane&loss=ce", "loss: ce needs a classification data set; plane is a regression set"},
        {"&data=circle&loss=ce", "shape: the output layer has 1 node; loss=ce on a classification data set needs 2"},
    };
    for (const auto& [extra, expected] : links) {
        CAPTURE(extra);
        const std::string err = decode_link(kSmall + extra).error;
        CHECK(err.find(expected) != std::string::npos);
    }
    std::string many = "&data=custom&pts=";
    for (int i = 0; i <= kMaxCustomPoints; ++i) many += i ? ";1,2,1" : "1,2,1";
    CHECK(decode_link(kSmall + many).error == "pts: 2001 points; at most 2000 are allowed in a link");

    const std::string json =
        R"({"format": "mlp-explorer/1", "shape": [2, 2, 1], "weights": [[[1, 0], [0, 1]], [[1, -1]]])";
    const std::pair<std::string, std::string> fields[] = {
        {R"(, "data": "circle")", "data: got a string; expected an object"},
        {R"(, "data": {"noise": 0.1})", "data: missing kind"},
        {R"(, "data": {"kind": "moons"})", "data.kind: \"moons\" is not a data set"},
        {R"(, "data": {"kind": "circle", "noise": 1})", "data.noise: got 1; expected a number from 0 to 0.5"},
        {R"(, "data": {"kind": "circle", "features": ["x1", "x1"]})", "data.features: \"x1\" appears twice"},
        {R"(, "data": {"kind": "circle", "features": "x1"})", "data.features: got a string; expected an array"},
        {R"(, "data": {"kind": "custom", "custom": [[1, 2]]})", "data.custom[0]: 2 numbers; expected 3"},
        {R"(, "data": {"kind": "custom", "custom": [[1, 2, 3, 4]]})", "data.custom[0]: more than 3 numbers"},
        {R"(, "data": {"kind": "circle", "kind": "xor"})", "data: \"kind\" appears twice"},
        {R"(, "batch": 5)", "batch: needs a data set (the field data)"},
        {R"(, "data": {"kind": "circle"}, "batch": 0)", "batch: got 0; expected a whole number from 1 to 10000"},
        {R"(, "data": {"kind": "circle"}, "optimizer": "rmsprop")", "optimizer: \"rmsprop\" is not an optimizer"},
        {R"(, "data": {"kind": "circle"}, "epoch": -1)", "epoch: got -1"},
        {R"(, "data": {"kind": "plane"}, "loss": "ce")", "loss: ce needs a classification data set"},
    };
    for (const auto& [extra, expected] : fields) {
        CAPTURE(extra);
        const std::string err = decode_json(json + extra + "}").error;
        CHECK(err.find(expected) != std::string::npos);
    }
    DecodeResult unknown = decode_json(json + R"(, "data": {"kind": "circle", "shuffle": true}})");
    CHECK(unknown.error == "");
    CHECK(unknown.warnings.size() == 1);
}

// ---------------------------------------------------------------------------------------------
// The session: a data set chosen, points one by one, a file, train() refusals
// ---------------------------------------------------------------------------------------------

TEST_CASE("set_data reshapes the input and output layers as one undo step, keeping the weights that fit") {
    Session session;
    REQUIRE(session.replace(decode_link(kSmall).document) == "");
    DataSettings d = settings_of(DataKind::Circle);
    d.features = kFeatureX1 | kFeatureX2 | kFeatureX1Squared;
    REQUIRE(session.set_data(d) == "");
    CHECK(session.document().network.shape == std::vector<int>{3, 2, 1});
    CHECK(session.document().network.weights[0].values == std::vector<double>{1, 0, 0, 0, 1, 0});
    session.set_loss(Loss::CrossEntropy);
    CHECK(session.document().network.shape.back() == 2);
    CHECK(session.document().loss == Loss::CrossEntropy);
    CHECK(validate(session.document()) == "");
    session.undo();
    session.undo();
    CHECK(session.document() == decode_link(kSmall).document);
    CHECK(session.set_data(settings_of(DataKind::Plane)) == "");
    session.set_loss(Loss::CrossEntropy);  // refused: plane is a regression set
    CHECK(session.document().loss == Loss::Mse);
    CHECK(session.error().find("loss: ce needs a classification data set") != std::string::npos);
}

TEST_CASE("points one by one and from a file: the custom set, one undo step each, a refusal keeps it") {
    Session session;
    REQUIRE(session.replace(decode_link(kSmall).document) == "");
    CHECK(session.points_json() == "[]");
    REQUIRE(session.add_point(1, 2, 1) == "");
    REQUIRE(session.add_point(-1, 0.5, 0) == "");
    CHECK(session.document().data.kind == DataKind::Custom);
    CHECK(session.document().data.custom.size() == 2);
    CHECK(session.link().find("&data=custom&pts=1,2,1;-1,0.5,0") != std::string::npos);
    REQUIRE(session.remove_point(0) == "");
    CHECK(session.document().data.custom.size() == 1);
    CHECK(session.remove_point(5).find("no custom point 6") != std::string::npos);
    session.undo();
    CHECK(session.document().data.custom.size() == 2);
    const Document before = session.document();
    CHECK(session.import_points("1,2,1\n3,x,0\n").find("row 2, column 2") != std::string::npos);
    CHECK(session.document() == before);
    REQUIRE(session.import_points("[[0,0,1],[1,1,0],[2,2,1]]") == "");
    CHECK(session.document().data.custom.size() == 3);
    // A generated set becomes custom with its points and the new one.
    DataSettings gen = settings_of(DataKind::Gauss, 0.0, 20);
    REQUIRE(session.set_data(gen) == "");
    REQUIRE(session.add_point(0, 0, 1) == "");
    CHECK(session.document().data.custom.size() == 21);
    gen.points = 5000;
    REQUIRE(session.set_data(gen) == "");
    CHECK(session.add_point(0, 0, 1).find("at most 2000") != std::string::npos);
}

TEST_CASE("a points file picked or dropped: recognised by name or '[', refused whole with its file named") {
    CHECK(is_points_file("p.csv", "1,2,1"));
    CHECK(is_points_file("P.CSV", "{"));
    CHECK(is_points_file("p.txt", ""));
    CHECK(is_points_file("points.json", "  \n[[1,2,1]]"));
    CHECK_FALSE(is_points_file("mlp-network.json", " {\"version\": 1}"));
    CHECK_FALSE(is_points_file("picture.png", "\x89PNG"));
    Session session;
    REQUIRE(session.replace(decode_link(kSmall).document) == "");
    REQUIRE(session.add_point(1, 2, 1) == "");
    const Document before = session.document();
    CHECK_FALSE(open_any_file(&session, "bad.csv", "x1,x2,label\n1,2,1\n3,abc,0\n"));
    CHECK(session.document() == before);
    CHECK(session.error() == "the file \"bad.csv\" cannot be read as points: row 3, column 2: \"abc\" is not a number; "
                             "expected a number from -1e6 to 1e6");
    CHECK(session.error_note() == kKeptPointsNote);
    CHECK(points_file_size_error("big.csv", kMaxPointsFileBytes) == "");
    CHECK(points_file_size_error("big.csv", kMaxPointsFileBytes + 1) ==
          "the file \"big.csv\" is 1048577 bytes long; at most 1048576 (1 MiB) are allowed for points");
    CHECK_FALSE(import_points_file(&session, "big.csv", std::string(kMaxPointsFileBytes + 1, '1')));
    CHECK(session.document() == before);
    // A good file replaces the points as one undo step and clears the message.
    CHECK(open_any_file(&session, "good.json", "[[0,0,1],[1,1,0],[2,2,1]]"));
    CHECK(session.error() == "");
    CHECK(session.document().data.custom.size() == 3);
    session.undo();
    CHECK(session.document() == before);
    // A network's JSON still opens as a network.
    CHECK_FALSE(open_any_file(&session, "net.json", "{\"version\": 99}"));
    CHECK(session.error().find("the file \"net.json\" cannot be opened") == 0);
}

TEST_CASE("a point of the data set as the worksheet's sample: its features and target, one undo step") {
    Session session;
    REQUIRE(session.replace(decode_link("v=1&shape=2,2,1&x=1,2;3,4&w1=1,0;0,1&w2=1,-1&y=0.5;0.25").document) == "");
    REQUIRE(session.import_points("[[1.5,-2,1],[3000,0.5,0]]") == "");
    DataSettings squares = session.document().data;
    squares.features = kFeatureX1 | kFeatureX2 | kFeatureX1Squared;
    REQUIRE(session.set_data(squares) == "");
    const Document before = session.document();
    REQUIRE(session.use_point_as_sample(0, 1) == "");
    const Document& doc = session.document();
    CHECK(doc.inputs.at(0, 0) == before.inputs.at(0, 0));  // sample 1 untouched
    CHECK(doc.inputs.at(1, 0) == 1.5);
    CHECK(doc.inputs.at(1, 1) == -2);
    CHECK(doc.inputs.at(1, 2) == 2.25);
    CHECK(doc.targets.at(1, 0) == 1);
    CHECK(doc.targets.at(0, 0) == 0.5);
    session.undo();
    CHECK(session.document() == before);
    // x1 squared of 3000 is past what a sample may be: clamped, as set_data does.
    REQUIRE(session.use_point_as_sample(1, 0) == "");
    CHECK(session.document().inputs.at(0, 2) == kMaxAbsValue);
    CHECK(session.use_point_as_sample(2, 0) == "use as sample: there is no point 3 in the data set");
    CHECK(session.use_point_as_sample(0, 2) == "use as sample: there is no sample 3");
}

TEST_CASE("train(n) refuses a bad count, no data set and an epoch count past the limit, changing nothing") {
    Session session;
    CHECK(session.train(1) == "train: there is no data set (data) to train on");
    CHECK(check_epoch_count(0) == "train: n is 0; expected a whole number from 1 to 10000");
    CHECK(check_epoch_count(2.5) == "train: n is 2.5; expected a whole number from 1 to 10000");
    CHECK(check_epoch_count(10001) != "");
    CHECK(check_epoch_count(std::nan("")) == "train: n is not a number; expected a whole number from 1 to 10000");
    REQUIRE(session.replace(decode_link(kSmall + "&data=circle&points=20&epoch=1000000000").document) == "");
    const Document before = session.document();
    CHECK(session.train(1).find("would pass") != std::string::npos);
    CHECK(session.document() == before);
    CHECK(session.train(0) != "");
    CHECK(session.document() == before);
}

TEST_CASE("state() with a data set: its settings, counts, epoch, losses and accuracy") {
    Session session;
    REQUIRE(session.replace(decode_link(kSmall + "&data=circle&points=40&test=0.25").document) == "");
    const std::string state = session.state_json();
    CHECK(state.find(R"("data":{"kind":"circle","noise":0,"points":40,"seed":1,"test":0.25,"features":["x1","x2"],"train_count":30,"test_count":10})") !=
          std::string::npos);
    CHECK(state.find(R"("batch":10,"optimizer":"sgd","regularization":"none","regularization_rate":0,"epoch":0)") !=
          std::string::npos);
    CHECK(state.find("\"train_loss\":") != std::string::npos);
    CHECK(state.find("\"accuracy\":{\"train\":") != std::string::npos);
    REQUIRE(session.train(3) == "");
    CHECK(session.state_json().find("\"epoch\":3") != std::string::npos);
    CHECK(session.link().find("&epoch=3") != std::string::npos);
}
