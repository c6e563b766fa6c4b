// The diagram's node pictures (node_pictures.h) and when they and the plot are computed again
// (picture_schedule.h, and the training pace's share: training_pace.h): each pixel against a
// forward pass of its own grid point, the atlas's layout, where thumbnails go, a made-up clock.
#include <doctest/doctest.h>

#include <cmath>

#include "app/node_pictures.h"
#include "app/picture_schedule.h"
#include "app/text_alternative.h"
#include "app/training_pace.h"
#include "core/diagram/diagram_geometry.h"
#include "core/document/session.h"
#include "core/model/forward_pass.h"
#include "core/training/data_set.h"
#include "core/training/data_settings.h"

using namespace app;

namespace {

// 3 features (x1, x2, x1·x2) -> 4 tanh -> 2 ReLU -> 1, weights and biases all different.
mlp::Document deep_document(mlp::Loss loss, mlp::DataKind kind) {
    mlp::Document doc;
    doc.network.shape = {3, 4, 2, 1};
    doc.network.activations = {mlp::Activation::Tanh, mlp::Activation::ReLU, mlp::Activation::Linear};
    int k = 0;
    for (size_t l = 0; l + 1 < doc.network.shape.size(); ++l) {
        mlp::Matrix w(doc.network.shape[l + 1], doc.network.shape[l]);
        for (double& v : w.values) v = 0.8 * std::sin(1.7 * ++k);
        doc.network.weights.push_back(w);
        std::vector<double> b(doc.network.shape[l + 1]);
        for (double& v : b) v = 0.3 * std::cos(2.3 * ++k);
        doc.network.biases.push_back(b);
    }
    doc.loss = loss;
    doc.data.kind = kind;
    doc.data.features = mlp::kFeatureX1 | mlp::kFeatureX2 | mlp::kFeatureX1TimesX2;
    doc.inputs = mlp::Matrix(1, 3);
    return doc;
}

// The pass of one point, as the page would compute it for a single sample.
mlp::ForwardPass pass_at(const mlp::Document& doc, double x1, double x2) {
    mlp::Matrix in(1, mlp::feature_count(doc.data.features));
    mlp::compute_features(doc.data.features, x1, x2, in.row(0));
    mlp::ForwardPass pass;
    mlp::forward_pass(doc.network, in, &pass);
    return pass;
}

}  // namespace

TEST_CASE("node pictures: every node's value at a cell is the forward pass of that cell's centre") {
    const mlp::Document doc = deep_document(mlp::Loss::BinaryCrossEntropy, mlp::DataKind::Circle);
    PlaneImage image;
    constexpr int n = 12;
    image.compute(doc, true, n);
    for (int row = 0; row < n; row += 5)
        for (int col = 0; col < n; col += 3) {
            const double x1 = plane_cell_centre(col, n), x2 = plane_cell_centre(n - 1 - row, n);
            const mlp::ForwardPass one = pass_at(doc, x1, x2);
            for (int layer = 1; layer <= 2; ++layer)
                for (int i = 0; i < doc.network.shape[layer]; ++i) {
                    bool class_map = true;
                    CHECK(node_picture_value(image, doc.loss, true, layer, i, row * n + col, &class_map) ==
                          doctest::Approx(one.a[layer - 1].at(0, i)));
                    CHECK_FALSE(class_map);  // a hidden node: the regression map (-1, 0, +1)
                }
            // The output: the plot's probability of class 1, sigmoid(a) for bce.
            bool class_map = false;
            CHECK(node_picture_value(image, doc.loss, true, 3, 0, row * n + col, &class_map) ==
                  doctest::Approx(1.0 / (1.0 + std::exp(-one.a[2].at(0, 0)))));
            CHECK(class_map);
        }
}

TEST_CASE("node atlas: one slot per node, as square as it can be, each pixel the colour of its cell's value") {
    const mlp::Document doc = deep_document(mlp::Loss::Mse, mlp::DataKind::Plane);
    PlaneImage image;
    constexpr int n = 20, cells = 10;
    image.compute(doc, false, n);
    const std::vector<mlp::NodeRef> nodes = {{1, 0}, {1, 1}, {1, 2}, {1, 3}, {2, 1}};
    const PlaneColours colours{{230, 159, 0}, {255, 255, 255}, {0, 114, 178}};
    NodeAtlas atlas;
    atlas.build(image, doc.loss, false, nodes, colours, cells);
    CHECK(atlas.width() == 3 * cells);  // 5 slots: 3 columns, 2 rows
    CHECK(atlas.height() == 2 * cells);
    REQUIRE(atlas.rgba().size() == static_cast<size_t>(atlas.width() * atlas.height() * 4));
    float u0, v0, u1, v1;
    atlas.uv(4, &u0, &v0, &u1, &v1);
    CHECK(u0 == doctest::Approx(1.0 / 3));
    CHECK(v0 == doctest::Approx(0.5));
    CHECK(u1 == doctest::Approx(2.0 / 3));
    CHECK(v1 == doctest::Approx(1.0));
    // Pixel i of 10 samples cell 2i + 1 of 20 (the cell under its centre).
    CHECK(picture_cell(0, cells, n) == 1);
    CHECK(picture_cell(9, cells, n) == 19);
    CHECK(picture_cell(7, n, n) == 7);
    for (int k = 0; k < static_cast<int>(nodes.size()); ++k)
        for (int y = 0; y < cells; y += 3)
            for (int x = 0; x < cells; x += 4) {
                const int row = picture_cell(y, cells, n), col = picture_cell(x, cells, n);
                const mlp::ForwardPass one = pass_at(doc, plane_cell_centre(col, n), plane_cell_centre(n - 1 - row, n));
                const PlaneRgb want = plane_colour(one.a[nodes[k].layer - 1].at(0, nodes[k].index), false, colours.low,
                                                   colours.mid, colours.high);
                const uint8_t* px = &atlas.rgba()[4 * (static_cast<size_t>(atlas.slot_y(k) + y) * atlas.width() + atlas.slot_x(k) + x)];
                CHECK(px[0] == want.r);
                CHECK(px[1] == want.g);
                CHECK(px[2] == want.b);
                CHECK(px[3] == 255);
            }
}

TEST_CASE("thumbnails: beside every hidden and output circle big enough, clear of the circles and each other") {
    const mlp::DiagramGeometry geo = mlp::layout_diagram({3, 4, 2, 1}, {0, 0, 900, 560});
    const std::vector<mlp::NodeRef> nodes = thumbnail_nodes(geo);
    REQUIRE(nodes.size() == 7u);  // 4 + 2 + 1; the inputs have none
    CHECK(thumbnail_box(geo, 0, 0).w == 0);
    for (size_t k = 0; k < nodes.size(); ++k) {
        const mlp::Box b = thumbnail_box(geo, nodes[k].layer, nodes[k].index);
        const mlp::Column& col = geo.columns[nodes[k].layer];
        const mlp::Point c = col.node(static_cast<float>(nodes[k].index));
        CHECK(b.w == b.h);
        CHECK(b.w >= kMinThumbnailNode * 0.5f);
        CHECK(b.w <= kMaxThumbnailSide);
        CHECK(b.x > c.x + col.radius);                                // right of its circle
        CHECK(b.y + b.h * 0.5f == doctest::Approx(c.y));              // level with it
        CHECK(b.x + b.w <= geo.area.x + geo.area.w);
        if (nodes[k].layer + 1 < static_cast<int>(geo.columns.size()))  // short of the next column
            CHECK(b.x + b.w < geo.columns[nodes[k].layer + 1].x - geo.columns[nodes[k].layer + 1].radius);
        if (k > 0 && nodes[k - 1].layer == nodes[k].layer)
            CHECK(b.y >= thumbnail_box(geo, nodes[k - 1].layer, nodes[k - 1].index).y + b.h);  // no overlap
    }
    // A layer of 128 is a strip of cells: no thumbnails there; circles too small: none at all.
    const mlp::DiagramGeometry big = mlp::layout_diagram({2, 128, 1}, {0, 0, 900, 560});
    REQUIRE(big.columns[1].strip);
    CHECK(thumbnail_box(big, 1, 0).w == 0);
    const mlp::DiagramGeometry tiny = mlp::layout_diagram({2, 8, 8, 8, 8, 8, 8, 1}, {0, 0, 300, 200});
    for (int layer = 1; layer < 7; ++layer)
        if (2 * tiny.columns[layer].radius < kMinThumbnailNode) CHECK(thumbnail_box(tiny, layer, 0).w == 0);
}

TEST_CASE("picture schedule: at once when no run goes on; during a run at most every picture time / share") {
    PictureSchedule s;
    CHECK(s.due(0.0, true));  // nothing shown yet
    CHECK_FALSE(s.current(1));
    s.record(1, 0.0, 10.0);  // a 10 ms picture
    CHECK(s.current(1));
    CHECK_FALSE(s.current(2));
    CHECK(s.interval_ms() == doctest::Approx(10.0 / kPictureShare));
    CHECK_FALSE(s.due(39.0, true));
    CHECK(s.reserved_ms(39.0, true) == 0.0);
    CHECK(s.due(40.0, true));
    CHECK(s.reserved_ms(40.0, true) == doctest::Approx(10.0));
    CHECK(s.due(1.0, false));  // paused, or an edit: at once
    CHECK(s.reserved_ms(1.0, false) == 0.0);
    // A 1 ms picture is refreshed every frame of 60 Hz (16.7 ms apart).
    PictureSchedule fast;
    double t = 0.0;
    int refreshed = 0;
    for (int frame = 0; frame < 60; ++frame, t += 16.7)
        if (fast.due(t, true)) {
            fast.record(frame, t, 1.0);
            ++refreshed;
        }
    CHECK(refreshed == 60);
    // A 25 ms picture (a deep network): every 100 ms, the frames between train at full pace.
    PictureSchedule slow;
    refreshed = 0;
    t = 0.0;
    for (int frame = 0; frame < 60; ++frame, t += 16.7)
        if (slow.due(t, true)) {
            slow.record(frame, t, 25.0);
            ++refreshed;
        }
    CHECK(refreshed == 10);
    s.invalidate();
    CHECK_FALSE(s.current(1));
    s.record(3, 50.0, NAN);  // a broken clock: the time learned stays
    CHECK(s.ms_per_picture() == doctest::Approx(10.0));
}

TEST_CASE("lines in parts: a part is sized to take about kLinePartMs by the last redraw's cost, within 1/4x to 2x") {
    CHECK(next_lines_per_part(2048, kLinePartMs) == 2048);
    CHECK(next_lines_per_part(2048, 2 * kLinePartMs) == 1024);  // twice too slow: half
    CHECK(next_lines_per_part(2048, 100.0) == 512);              // far too slow: a quarter at most
    CHECK(next_lines_per_part(2048, 0.5 * kLinePartMs) == 4096);
    CHECK(next_lines_per_part(2048, 0.01) == 4096);              // far too fast: twice at most
    CHECK(next_lines_per_part(2048, 0.0) == 4096);               // too small to see
    CHECK(next_lines_per_part(2048, NAN) == 4096);
    CHECK(next_lines_per_part(100, 1000.0) == kMinLinesPerPart);
    CHECK(next_lines_per_part(0, kLinePartMs) == kMinLinesPerPart);
    CHECK(next_lines_per_part(1 << 30, 0.0) == 1000000000);      // no overflow
    // A redraw of 115,072 lines (8 layers of 128) at 9 µs a line in software GL settles on parts
    // of about 4 ms within a few redraws.
    int lines = kFirstLinesPerPart;
    for (int redraw = 0; redraw < 6; ++redraw) lines = next_lines_per_part(lines, lines * 0.009);
    CHECK(lines * 0.009 == doctest::Approx(kLinePartMs).epsilon(0.01));
}

TEST_CASE("training pace: a frame that computes the picture trains that much less, never below half the budget") {
    TrainingPace pace(8.0);
    pace.record(4, 4.0);  // 1 ms a point
    CHECK(pace.points_this_frame() == 8);
    CHECK(pace.points_this_frame(3.0) == 5);
    CHECK(pace.points_this_frame(5.0) == 4);    // the training keeps half the budget
    CHECK(pace.points_this_frame(100.0) == 4);
    CHECK(pace.points_this_frame(-3.0) == 8);
    CHECK(pace.points_this_frame(NAN) == 8);
}

TEST_CASE("node pictures in words: the caption of a picture, and the text form says pictures are shown") {
    mlp::Session session;
    REQUIRE(session.replace(deep_document(mlp::Loss::BinaryCrossEntropy, mlp::DataKind::Circle)) == "");
    CHECK(picture_caption(session, 1, 1) == "node 1.2 over the input plane: a");
    CHECK(picture_caption(session, 3, 0) == "y[1] over the input plane: P(class 1)");
    ViewState view;
    CHECK(view_text(session, view).find("picture") == std::string::npos);
    view.node_pictures = true;
    const std::string text = view_text(session, view);
    CHECK(text.find("a small picture shows its value over the input plane") != std::string::npos);
    CHECK(text.find("drawn as a circle") != std::string::npos);
    CHECK(text.find("hovering a node enlarges it") != std::string::npos);
}

TEST_CASE("thumbnails: a point on a node's picture finds that node, a point beside none") {
    const mlp::DiagramGeometry geo = mlp::layout_diagram({3, 4, 2, 1}, {0, 0, 900, 560});
    for (const mlp::NodeRef& n : thumbnail_nodes(geo)) {
        const mlp::Box b = thumbnail_box(geo, n.layer, n.index);
        mlp::NodeRef found{-1, -1};
        REQUIRE(thumbnail_at(geo, {b.x + b.w * 0.5f, b.y + b.h * 0.5f}, &found));
        CHECK(found.layer == n.layer);
        CHECK(found.index == n.index);
        CHECK_FALSE(thumbnail_at(geo, {b.x + b.w + 2.0f, b.y + b.h * 0.5f}, &found));
    }
    mlp::NodeRef found;
    CHECK_FALSE(thumbnail_at(geo, geo.node(0, 0), &found));  // an input has no picture
}

TEST_CASE("picture schedule: the grid is 100 cells a side while that fits the target time, coarser for a big network") {
    PictureSchedule s;
    CHECK(s.grid_cells(18, 100) == 100);      // 2-4-2-1, before anything is measured
    CHECK(s.grid_cells(270, 100) == 100);     // 8 hidden layers of 6
    CHECK(s.grid_cells(115072, 100) < 100);   // 8 hidden layers of 128: guessed too slow for 100
    // Measured: 2.5 ns a multiply-add (1e4 cells x 115072 weights took 2.9 s).
    s.record(1, 0.0, 2877.0, 1e4 * 115072, 2877.0);
    const int n = s.grid_cells(115072, 100);
    CHECK(n >= kMinPictureCells);
    CHECK(n * n * 115072 * 2.5e-6 <= doctest::Approx(std::max(kPictureTargetMs, kMinPictureCells * kMinPictureCells * 115072 * 2.5e-6)));
    // A small network measured fast stays at 100.
    s.record(2, 10.0, 0.4, 1e4 * 18, 0.3);
    CHECK(s.grid_cells(18, 100) == 100);
    CHECK(s.grid_cells(NAN, 100) == 100);
    // A grid of 100 at 2.5 ns a multiply-add fits 8 ms up to 320 weights: 8 x 6 does.
    PictureSchedule measured;
    measured.record(1, 0.0, 9.5, 1e4 * 270, 6.75);  // 2.75 ms of it colouring
    CHECK(measured.grid_cells(270, 100) == 100);
    CHECK(measured.grid_cells(1000, 100) == 56);  // sqrt(8 / (2.5e-6 x 1000))
}
