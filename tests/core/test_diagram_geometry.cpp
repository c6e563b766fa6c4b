// The diagram's geometry and its lines: the exercise draws one line per weight, a network at the
// limits draws aggregated lines within the budget, and pointing at a node or a line finds it.
#include <doctest/doctest.h>

#include <cmath>

#include "core/diagram/diagram_geometry.h"
#include "core/diagram/edge_bins.h"
#include "core/document/default_network.h"
#include "core/limits.h"

using namespace mlp;

namespace {

const Box kLaptop{380, 0, 900, 720};  // the diagram beside the panel at 1280x720
const Box kPhone{0, 0, 390, 380};     // the diagram above the panels at 390x844

Network random_like(const std::vector<int>& shape) {
    Network net = make_network(shape);
    for (int l = 0; l < net.weight_layers(); ++l)
        for (size_t k = 0; k < net.weights[l].values.size(); ++k)
            net.weights[l].values[k] = static_cast<double>((k * 7919 + l * 31) % 17) - 8.0;  // -8..8
    return net;
}

}  // namespace

TEST_CASE("node bins: every node in exactly one bin, sizes differ by at most one") {
    for (int nodes = 1; nodes <= 300; nodes += 7) {
        for (int bins = 1; bins <= nodes; bins += 3) {
            NodeBins b{nodes, bins};
            CHECK(b.start(0) == 0);
            CHECK(b.start(bins) == nodes);
            int smallest = nodes, largest = 0;
            for (int k = 0; k < bins; ++k) {
                const int size = b.start(k + 1) - b.start(k);
                smallest = std::min(smallest, size);
                largest = std::max(largest, size);
                for (int i = b.start(k); i < b.start(k + 1); ++i) REQUIRE(b.bin_of(i) == k);
            }
            CHECK(largest - smallest <= 1);
        }
    }
}

TEST_CASE("the exercise draws one line per weight: 47 lines, W3[2,1] = 1 where it belongs") {
    Document doc = exercise_document();
    EdgePlan plan = plan_edges(doc.network.shape);
    REQUIRE(plan.gaps.size() == 7);
    CHECK(plan.total_instances == 47);
    for (const GapPlan& g : plan.gaps) CHECK_FALSE(g.binned());
    std::vector<EdgeInstance> lines;
    build_edge_instances(plan, doc.network, &lines);
    REQUIRE(lines.size() == 47);
    // W3[2,1]: weight layer 2 (0-based), row 1, col 0.
    const EdgeInstance& e = lines[edge_instance_index(plan, 2, 1, 0)];
    CHECK(e.gap == 2.0f);
    CHECK(e.dst == 1.0f);
    CHECK(e.src == 0.0f);
    CHECK(e.weight == 1.0f);
    CHECK(e.kind == static_cast<float>(EdgeKind::Weight));
    CHECK(lines[edge_instance_index(plan, 2, 1, 1)].weight == -1.0f);  // W3[2,2]
    CHECK(lines[edge_instance_index(plan, 2, 2, 1)].weight == 2.0f);   // W3[3,2]
    // The thickest line is |w| = 2 everywhere: the gaps share one scale.
    std::vector<float> maxima;
    for (int l = 0; l < 7; ++l) maxima.push_back(gap_max_abs(plan, lines, l));
    CHECK(maxima[0] == 1.0f);
    CHECK(maxima[2] == 2.0f);
    for (float s : gap_scales(plan, maxima)) CHECK(s == 2.0f);
}

TEST_CASE("a 1024x1024 layer is drawn as 64x64 lines of bin means") {
    Network net = random_like({1024, 1024});
    EdgePlan plan = plan_edges(net.shape);
    REQUIRE(plan.gaps.size() == 1);
    CHECK(plan.gaps[0].binned());
    CHECK(plan.gaps[0].src.bins == 64);
    CHECK(plan.gaps[0].dst.bins == 64);
    CHECK(plan.total_instances == 4096);
    std::vector<EdgeInstance> lines;
    build_edge_instances(plan, net, &lines);
    // Bin (3, 5) covers rows 48..63 and columns 80..95.
    double sum = 0;
    for (int r = 48; r < 64; ++r)
        for (int c = 80; c < 96; ++c) sum += net.weights[0].at(r, c);
    const EdgeInstance& e = lines[plan.gaps[0].instance_of(3, 5)];
    CHECK(e.weight == doctest::Approx(sum / 256).epsilon(1e-6));
    CHECK(e.kind == static_cast<float>(EdgeKind::BinMean));
    CHECK(e.src == doctest::Approx(87.5));
    CHECK(e.dst == doctest::Approx(55.5));

    // Editing one weight updates only its bin, to what a full rebuild gives.
    const double old_value = net.weights[0].at(60, 81);
    net.weights[0].at(60, 81) = 1000.0;
    const int index = update_edge_instance(plan, net, 0, 60, 81, &lines);
    CHECK(index == plan.gaps[0].instance_of(3, 5));
    CHECK(lines[index].weight == doctest::Approx((sum - old_value + 1000.0) / 256).epsilon(1e-6));
    std::vector<EdgeInstance> rebuilt;
    build_edge_instances(plan, net, &rebuilt);
    CHECK(lines[index].weight == rebuilt[index].weight);
}

TEST_CASE("any network within the limits stays within the line budget") {
    const std::vector<std::vector<int>> shapes = {
        {1024, 1024},
        std::vector<int>(33, 178),  // 32 gaps of 178x178: 1,013,888 weights
        {1024, 256, 512, 512, 3},
        {3, 1024, 2},
    };
    for (const auto& shape : shapes) {
        REQUIRE(check_shape(shape) == "");
        EdgePlan plan = plan_edges(shape);
        CHECK(plan.total_instances <= kEdgeInstanceBudget);
        for (const GapPlan& g : plan.gaps) {
            CHECK(g.src.bins <= kMaxBinsPerSide);
            CHECK(g.dst.bins <= kMaxBinsPerSide);
        }
    }
    EdgePlan deep = plan_edges(std::vector<int>(33, 178));
    CHECK(deep.gaps[0].src.bins == 45);  // floor(sqrt(65536 / 32))
    CHECK(deep.total_instances == 32 * 45 * 45);
}

TEST_CASE("layout: columns left to right inside the area, circles apart, nothing outside") {
    for (const Box& area : {kLaptop, kPhone}) {
        DiagramGeometry geo = layout_diagram(exercise_document().network.shape, area);
        REQUIRE(geo.columns.size() == 8);
        for (size_t c = 0; c < geo.columns.size(); ++c) {
            const Column& col = geo.columns[c];
            CHECK_FALSE(col.strip);
            CHECK(col.radius <= kMaxNodeRadius);
            CHECK(col.radius >= 8.0f);  // room for a number inside
            CHECK(col.spacing >= 2.2f * col.radius);
            if (c > 0) CHECK(col.x - geo.columns[c - 1].x >= 4.0f * col.radius);
            CHECK(col.x - col.radius >= area.x);
            CHECK(col.x + col.radius <= area.x + area.w);
            CHECK(col.node(0).y - col.radius >= geo.header_bottom);
            CHECK(col.node(static_cast<float>(col.count - 1)).y + col.radius <= geo.footer_top);
        }
    }
    // 1024 nodes in 650 pixels: a strip of cells, still inside the area.
    DiagramGeometry dense = layout_diagram({1024, 1024}, kLaptop);
    CHECK(dense.columns[0].strip);
    CHECK(dense.columns[0].node(0).y >= dense.header_bottom);
    CHECK(dense.columns[0].node(1023).y <= dense.footer_top);
}

TEST_CASE("hit test: node centres, line midpoints, empty space, outside") {
    Document doc = exercise_document();
    DiagramGeometry geo = layout_diagram(doc.network.shape, kLaptop);
    EdgePlan plan = plan_edges(doc.network.shape);
    for (int c = 0; c < 8; ++c)
        for (int i = 0; i < geo.columns[c].count; ++i) {
            DiagramHit hit = hit_test(geo, plan, geo.node(c, i));
            CHECK(hit == DiagramHit{DiagramHit::Kind::Node, c, i, 0});
        }
    // W7[1,1]: the only lines of the last gap, 1 -> 1 and 2 -> 1 do not cross.
    Point a = geo.node(6, 0), b = geo.node(7, 0);
    DiagramHit hit = hit_test(geo, plan, {(a.x + b.x) / 2, (a.y + b.y) / 2});
    CHECK(hit == DiagramHit{DiagramHit::Kind::Edge, 6, 0, 0});
    // Far above every line, under the headings: nothing.
    CHECK(hit_test(geo, plan, {(a.x + b.x) / 2, geo.header_bottom + 1}).kind == DiagramHit::Kind::None);
    CHECK(hit_test(geo, plan, {kLaptop.x - 5, 300}).kind == DiagramHit::Kind::None);
}

TEST_CASE("every line of the exercise has a safe point to point at, away from crossings") {
    Document doc = exercise_document();
    for (const Box& area : {kLaptop, kPhone}) {
        DiagramGeometry geo = layout_diagram(doc.network.shape, area);
        EdgePlan plan = plan_edges(doc.network.shape);
        for (int l = 0; l < 7; ++l)
            for (int i = 0; i < doc.network.shape[l + 1]; ++i)
                for (int j = 0; j < doc.network.shape[l]; ++j) {
                    Point p;
                    REQUIRE(safe_edge_point(geo, plan, l, i, j, &p));
                    CHECK(hit_test(geo, plan, p) == DiagramHit{DiagramHit::Kind::Edge, l, i, j});
                    CHECK(distance_to_segment(p, geo.node(l, j), geo.node(l + 1, i)) < 0.01f);
                }
        // W5 = [[0,1],[1,0]]: its two crossing lines meet at the midpoint, which is not safe.
        Point p;
        REQUIRE(safe_edge_point(geo, plan, 4, 0, 1, &p));
        Point a = geo.node(4, 1), b = geo.node(5, 0);
        CHECK(std::fabs(p.x - (a.x + b.x) / 2) > 3.0f);
    }
}

TEST_CASE("hit test on an aggregated gap finds the block of weights under the pointer") {
    std::vector<int> shape = {1024, 1024};
    DiagramGeometry geo = layout_diagram(shape, kLaptop);
    EdgePlan plan = plan_edges(shape);
    const GapPlan& g = plan.gaps[0];
    // On the line from bin 10 to bin 100, a third of the way.
    Point a = geo.line_start(0, g.src.centre(10)), b = geo.line_end(0, g.dst.centre(100));
    Point p{a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3};
    DiagramHit hit = hit_test(geo, plan, p);
    CHECK(hit.kind == DiagramHit::Kind::EdgeBins);
    CHECK(hit.layer == 0);
    // Many lines pass within a pixel of p; the one found passes at least as close as this one.
    Point ha = geo.line_start(0, g.src.centre(hit.col)), hb = geo.line_end(0, g.dst.centre(hit.row));
    CHECK(distance_to_segment(p, ha, hb) <= distance_to_segment(p, a, b) + 1e-4f);
    // A node of the strip.
    DiagramHit node = hit_test(geo, plan, geo.node(1, 700));
    CHECK(node == DiagramHit{DiagramHit::Kind::Node, 1, 700, 0});
}

TEST_CASE("a line's tooltip keeps clear of its two nodes and the pointer while the line is dragged") {
    Document doc = exercise_document();
    struct Screen {
        Box diagram, display;
        float tip_w, tip_h;  // a weight's tooltip, three lines, wrapped on a phone
    };
    const Screen screens[] = {{kLaptop, {0, 0, 1280, 720}, 300, 62}, {kPhone, {0, 0, 390, 844}, 260, 80}};
    int placed = 0, moved = 0;
    for (const Screen& screen : screens) {
        DiagramGeometry geo = layout_diagram(doc.network.shape, screen.diagram);
        EdgePlan plan = plan_edges(doc.network.shape);
        auto covers = [&](Point at, Point c, float r) {
            return c.x + r > at.x && c.x - r < at.x + screen.tip_w && c.y + r > at.y && c.y - r < at.y + screen.tip_h;
        };
        for (int l = 0; l < 7; ++l)
            for (int i = 0; i < doc.network.shape[l + 1]; ++i)
                for (int j = 0; j < doc.network.shape[l]; ++j) {
                    Point start;
                    REQUIRE(safe_edge_point(geo, plan, l, i, j, &start));
                    // The drag goes up and down from the line, as a hand does.
                    for (float dy : {0.0f, -12.0f, 12.0f, -40.0f, 40.0f, -90.0f}) {
                        const Point pointer{start.x, start.y + dy};
                        CAPTURE(l);
                        CAPTURE(i);
                        CAPTURE(j);
                        CAPTURE(dy);
                        CAPTURE(screen.tip_w);
                        CAPTURE(pointer.x);
                        CAPTURE(pointer.y);
                        if (!screen.diagram.contains(pointer)) continue;
                        const Point at = place_tooltip(geo, pointer, screen.tip_w, screen.tip_h, screen.display,
                                                       {{l + 1, i}, {l, j}});
                        ++placed;
                        if (at.x != pointer.x + 16 || at.y != pointer.y + 12) ++moved;
                        // Inside the screen, off the pointer, off the line's two nodes.
                        CHECK(at.x >= screen.display.x);
                        CHECK(at.y >= screen.display.y);
                        CHECK(at.x + screen.tip_w <= screen.display.x + screen.display.w);
                        CHECK(at.y + screen.tip_h <= screen.display.y + screen.display.h);
                        CHECK_FALSE(covers(at, pointer, 0.0f));
                        CHECK_FALSE(covers(at, geo.node(l + 1, i), geo.columns[l + 1].radius));
                        CHECK_FALSE(covers(at, geo.node(l, j), geo.columns[l].radius));
                    }
                }
    }
    MESSAGE("placed ", placed, " tooltips; ", moved, " moved from below right of the pointer to keep the nodes clear");
    CHECK(moved > 0);
}

TEST_CASE("the height a diagram can use: in that height its tallest column is as spread as it gets") {
    const std::vector<int> shape = exercise_document().network.shape;
    for (float width : {520.0f, 896.0f, 2000.0f}) {
        const float wanted = diagram_wanted_height(shape, width, 5000.0f);
        CAPTURE(width);
        // Given exactly that height, the 5 nodes of layer 1 sit as far apart as they ever do, and
        // a taller area would not spread them further.
        const DiagramGeometry fit = layout_diagram(shape, {0, 0, width, wanted});
        const DiagramGeometry tall = layout_diagram(shape, {0, 0, width, wanted * 2});
        CHECK(fit.columns[1].spacing == doctest::Approx(tall.columns[1].spacing));
        CHECK(fit.columns[1].radius == doctest::Approx(tall.columns[1].radius));
        // With less, they are squeezed.
        const DiagramGeometry short_area = layout_diagram(shape, {0, 0, width, wanted * 0.8f});
        CHECK(short_area.columns[1].spacing < fit.columns[1].spacing);
    }
    // Dense layers want all there is: the cap.
    CHECK(diagram_wanted_height({1024, 1024}, 800.0f, 900.0f) == 900.0f);
}
