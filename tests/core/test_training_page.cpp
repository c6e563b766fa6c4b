// The Data panel's logic without ImGui: the training pace of Run (training_pace.h), the loss
// history of the chart (loss_history.h), the plot of the input plane (plane_image.h) and what the
// page's text form says of training and of the plot's cross-hair (training_text.h).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "app/loss_history.h"
#include "app/plane_image.h"
#include "app/training_pace.h"
#include "app/training_text.h"
#include "core/document/document.h"
#include "core/document/session.h"
#include "core/limits.h"
#include "core/training/data_set.h"

using namespace app;

TEST_CASE("training pace: one point to measure, then as many as fit the budget, growing at most twofold a frame") {
    TrainingPace pace(8.0);
    CHECK(pace.points_this_frame() == 1);
    pace.record(1, 0.5);  // 0.5 ms a point: 16 fit, but at most 2 after a frame of 1
    CHECK(pace.points_this_frame() == 2);
    pace.record(2, 1.0);
    CHECK(pace.points_this_frame() == 4);
    pace.record(4, 2.0);
    CHECK(pace.points_this_frame() == 8);
    pace.record(8, 4.0);
    CHECK(pace.points_this_frame() == 16);
    pace.record(16, 8.0);
    CHECK(pace.points_this_frame() == 16);  // 8 ms / 0.5 ms: the budget holds it there
    // The machine gets busy: points take 2 ms, and the count shrinks within a few frames.
    int n = 16;
    for (int frame = 0; frame < 6; ++frame) {
        pace.record(n, 2.0 * n);
        n = pace.points_this_frame();
    }
    CHECK(n == 4);
}

TEST_CASE("training pace: a point longer than the budget still runs, one a frame; a fast one is capped") {
    TrainingPace slow(8.0);
    slow.record(1, 30.0);
    CHECK(slow.points_this_frame() == 1);
    TrainingPace fast(8.0);
    int n = 1;
    for (int frame = 0; frame < 40; ++frame) {
        fast.record(n, 0.0);  // a clock coarser than a point
        n = fast.points_this_frame();
    }
    CHECK(n == kMaxPointsPerFrame);
    fast.reset();
    CHECK(fast.points_this_frame() == 1);
    fast.record(0, 5.0);  // ignored
    fast.record(1, NAN);  // ignored
    CHECK(fast.ms_per_point() == 0.0);
}

TEST_CASE("loss history: bounded however long the run, first and latest epoch kept; an earlier epoch starts over") {
    LossHistory h;
    for (int e = 0; e <= 100000; ++e) h.add({e, 1.0 / (1 + e), 2.0 / (1 + e), 0.5, 0.5});
    REQUIRE(h.entries().size() < static_cast<size_t>(LossHistory::kMaxEntries));
    CHECK(h.entries().size() > static_cast<size_t>(LossHistory::kMaxEntries / 4));
    CHECK(h.entries().front().epoch == 0);
    CHECK(h.entries().back().epoch == 100000);
    for (size_t k = 1; k < h.entries().size(); ++k) CHECK(h.entries()[k].epoch > h.entries()[k - 1].epoch);
    CHECK(h.max_loss() == doctest::Approx(2.0));
    h.add({50, 0.1, NAN, NAN, NAN});  // undo back to epoch 50
    REQUIRE(h.entries().size() == 1);
    CHECK(h.entries()[0].epoch == 50);
    CHECK(h.max_loss() == doctest::Approx(0.1));
}

namespace {

// x1 -> one linear output with weights (w1, w2) and bias b: the prediction is w1 x1 + w2 x2 + b.
mlp::Document linear_document(double w1, double w2, double b, mlp::Loss loss, mlp::DataKind kind) {
    mlp::Document doc;
    doc.network.shape = {2, 1};
    doc.network.weights = {mlp::matrix_of({{w1, w2}})};
    doc.network.biases = {{b}};
    doc.network.activations = {mlp::Activation::Linear};
    doc.loss = loss;
    doc.data.kind = kind;
    return doc;
}

}  // namespace

TEST_CASE("plane image: the prediction at each cell's centre, x1 left to right, x2 bottom to top") {
    PlaneImage image;
    image.compute(linear_document(1, 0, 0, mlp::Loss::Mse, mlp::DataKind::Plane), false, 4);
    REQUIRE(image.size() == 4);
    // Cells of width 3 from -6: centres -4.5, -1.5, 1.5, 4.5.
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 4; ++col) CHECK(image.values()[row * 4 + col] == doctest::Approx(-4.5 + 3 * col));
    image.compute(linear_document(0, 1, 0.25, mlp::Loss::Mse, mlp::DataKind::Plane), false, 4);
    CHECK(image.values()[0] == doctest::Approx(4.75));       // top row: x2 = 4.5
    CHECK(image.values()[3 * 4] == doctest::Approx(-4.25));  // bottom row: x2 = -4.5
    // bce on a classification set: the probability of class 1, sigmoid of the output.
    image.compute(linear_document(1, 0, 0, mlp::Loss::BinaryCrossEntropy, mlp::DataKind::Circle), true, 4);
    CHECK(image.values()[0] == doctest::Approx(1.0 / (1.0 + std::exp(4.5))));
    image.colour(true, {200, 0, 0}, {255, 255, 255}, {0, 0, 200});
    REQUIRE(image.rgba().size() == 4u * 4 * 4);
    CHECK(image.rgba()[0] > image.rgba()[2]);                  // left: class 0's colour, paled
    CHECK(image.rgba()[4 * 3 + 2] > image.rgba()[4 * 3 + 0]);  // right: class 1's
    CHECK(image.rgba()[3] == 255);
}

TEST_CASE("plane image in parts: the last whole picture stays until the part that completes the new one") {
    PlaneImage whole, parts;
    const mlp::Document first = linear_document(1, 0, 0, mlp::Loss::Mse, mlp::DataKind::Plane);
    mlp::Document second = linear_document(0, 1, 0.25, mlp::Loss::Mse, mlp::DataKind::Plane);
    parts.compute(first, false, 10);
    const std::vector<double> shown = parts.values();
    parts.begin(second, false, 30);
    // The network changes while the picture is computed (a run): the picture is of the copy.
    second.network.weights[0].at(0, 1) = -7.0;
    int calls = 0;
    while (!parts.advance(97)) {  // 97 cells a part: parts end inside rows of the grid
        ++calls;
        CHECK(parts.pending());
        CHECK(parts.size() == 10);
        CHECK(parts.values() == shown);
    }
    CHECK(calls == 9);  // 900 cells: 9 parts of 97 and the tenth
    CHECK_FALSE(parts.pending());
    whole.compute(linear_document(0, 1, 0.25, mlp::Loss::Mse, mlp::DataKind::Plane), false, 30);
    CHECK(parts.size() == 30);
    CHECK(parts.values() == whole.values());
    REQUIRE(parts.pass().a.size() == whole.pass().a.size());
    CHECK(parts.pass().a.back().values == whole.pass().a.back().values);
}

TEST_CASE("plane prediction and colour: mse, bce, ce; classes from low through mid to high") {
    const double a[2] = {0.0, 2.0};
    CHECK(plane_prediction(mlp::Loss::Mse, true, a, 1) == 0.0);
    CHECK(plane_prediction(mlp::Loss::BinaryCrossEntropy, true, a, 1) == doctest::Approx(0.5));
    CHECK(plane_prediction(mlp::Loss::CrossEntropy, true, a, 2) == doctest::Approx(std::exp(2.0) / (1 + std::exp(2.0))));
    CHECK(plane_prediction(mlp::Loss::Mse, false, a + 1, 1) == 2.0);
    const PlaneRgb low{200, 0, 0}, mid{255, 255, 255}, high{0, 0, 200};
    CHECK(plane_colour(0.0, true, low, mid, high).r == 200);
    CHECK(plane_colour(0.5, true, low, mid, high).g == 255);
    CHECK(plane_colour(1.0, true, low, mid, high).b == 200);
    CHECK(plane_colour(-3.0, false, low, mid, high).r == 200);  // regression: -1 and below is low
    CHECK(plane_colour(NAN, false, low, mid, high).g == 255);
    CHECK(plane_cell_centre(0, 100) == doctest::Approx(-5.94));
}

TEST_CASE("training text: the data set, the epoch, the loss and accuracy as the metrics say; nothing without data") {
    mlp::Session session;
    CHECK(training_status_text(session) == "");
    mlp::Document doc = linear_document(0.5, -0.25, 0.1, mlp::Loss::BinaryCrossEntropy, mlp::DataKind::Circle);
    doc.inputs = mlp::Matrix(1, 2);
    REQUIRE(session.replace(doc) == "");
    REQUIRE(session.train(3) == "");
    const mlp::TrainingMetrics* m = session.training_metrics();
    REQUIRE(m != nullptr);
    REQUIRE(m->test_count > 0);
    CHECK(training_status_text(session) ==
          "Training on circle, epoch 3: loss " + metric_loss_text(m->train_loss) + " (train), " +
              metric_loss_text(m->test_loss) + " (test); accuracy " + percent_text(m->train_accuracy) + " (train), " +
              percent_text(m->test_accuracy) + " (test).");
    CHECK(metric_loss_text(0.00504) == "0.0050");
    CHECK(metric_loss_text(NAN) == "-");
    CHECK(percent_text(0.975) == "97.5%");
    CHECK(percent_text(NAN) == "-");
}

TEST_CASE("the plot's cross-hair in words: where it is and the nearest point within reach; nothing without data") {
    mlp::Session session;
    CHECK(plot_cursor_text(session, 0, 0) == "");
    mlp::Document doc = linear_document(0.5, -0.25, 0.1, mlp::Loss::BinaryCrossEntropy, mlp::DataKind::Circle);
    doc.inputs = mlp::Matrix(1, 2);
    REQUIRE(session.replace(doc) == "");
    REQUIRE(session.import_points("1.5,-2,1\n1.6,-2,0\n4,4,0\n") == "");
    // The set's one test point of three is the last (split_points), so the first two train.
    CHECK(plot_cursor_text(session, 1.5, -2.2) ==
          "Cross-hair at x1 = 1.5, x2 = \xE2\x88\x92" "2.2. Nearest point: class 1, " +
              std::string(session.data_set()->is_test[0] ? "test" : "train") + ", at x1 = 1.5, x2 = \xE2\x88\x92" "2.");
    CHECK(plot_cursor_text(session, 0, 0) == "Cross-hair at x1 = 0, x2 = 0. No point within reach.");
    CHECK(mlp::nearest_point(*session.data_set(), 1.56, -2, kPointReach) == 1);
    CHECK(mlp::nearest_point(*session.data_set(), 1.52, -2, kPointReach) == 0);
    CHECK(mlp::nearest_point(*session.data_set(), 4, 4.4, kPointReach) == -1);  // out of reach
}
