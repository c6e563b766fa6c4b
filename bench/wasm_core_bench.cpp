// The core's costs compiled to WebAssembly, as the page runs them, timed under Node (V8, the
// engine of Chromium). Google Benchmark does not build for wasm here, so this is a small timing
// loop of its own: each figure is the median (and minimum) over `repeats` timed runs, each run
// long enough (>= 20 ms, or one call) for the clock. Prints JSON on stdout.
//
//   node mlp_wasm_core_bench.js [repeats]
//
// ./build.sh bench builds it once per set of compiler flags (-O3, -Oz, -msimd128) to measure
// those levers on the core alone.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_networks.h"
#include "core/diagram/edge_bins.h"
#include "core/document/session.h"
#include "core/formats/link_codec.h"
#include "core/formats/number_text.h"
#include "core/model/forward_pass.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
    double median_ms = 0;
    double min_ms = 0;
};

volatile double g_sink = 0;  // keeps results alive

// fn() once per call; returns the per-call time of each repeat's median and minimum.
template <class Fn>
Timing time_calls(int repeats, Fn&& fn) {
    fn();  // warm-up: lazy compilation tiers, first-touch allocation
    std::vector<double> per_call;
    for (int r = 0; r < repeats; ++r) {
        int calls = 0;
        const Clock::time_point t0 = Clock::now();
        double elapsed = 0;
        do {
            fn();
            ++calls;
            elapsed = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        } while (elapsed < 20.0);
        per_call.push_back(elapsed / calls);
    }
    std::sort(per_call.begin(), per_call.end());
    return {per_call[per_call.size() / 2], per_call.front()};
}

void print_timing(const char* name, const Timing& t, bool last = false) {
    std::printf("    \"%s\": {\"median_ms\": %.6f, \"min_ms\": %.6f}%s\n", name, t.median_ms, t.min_ms, last ? "" : ",");
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    std::printf("{\"repeats\": %d, \"networks\": [\n", repeats);
    const std::vector<bench::BenchNetwork>& networks = bench::bench_networks();
    for (size_t n = 0; n < networks.size(); ++n) {
        const bench::BenchNetwork& net = networks[n];
        const mlp::Document& doc = net.document;
        const double flops = 2.0 * static_cast<double>(doc.network.weight_count()) * doc.inputs.rows;
        const std::string link = mlp::encode_link(doc);

        mlp::ForwardPass pass;
        mlp::forward_pass(doc.network, doc.inputs, &pass);
        const Timing forward = time_calls(repeats, [&] {
            mlp::forward_pass(doc.network, doc.inputs, &pass);
            g_sink = g_sink + pass.a.back().values[0];
        });
        mlp::Session session;
        session.replace(doc, false);
        double v = 0;
        const Timing edit_first = time_calls(repeats, [&] {
            v = v == 0.5 ? -0.5 : 0.5;
            session.set_weight(0, 0, 0, v);
        });
        const int last = session.network().weight_layers() - 1;
        const Timing edit_last = time_calls(repeats, [&] {
            v = v == 0.5 ? -0.5 : 0.5;
            session.set_weight(last, 0, 0, v);
        });
        // The diagram's lines (app/diagram_renderer.h): all of them rebuilt, against the one line
        // of an edited weight (and its gap's scale) as the renderer does during a drag.
        const mlp::EdgePlan plan = mlp::plan_edges(doc.network.shape);
        std::vector<mlp::EdgeInstance> lines;
        const Timing lines_rebuild = time_calls(repeats, [&] {
            mlp::build_edge_instances(plan, doc.network, &lines);
            g_sink = g_sink + lines[0].weight;
        });
        const Timing line_update = time_calls(repeats, [&] {
            const int index = mlp::update_edge_instance(plan, doc.network, 0, 0, 0, &lines);
            g_sink = g_sink + mlp::gap_max_abs(plan, lines, 0) + index;
        });
        const Timing decode = time_calls(repeats, [&] {
            mlp::DecodeResult r = mlp::decode_link(link);
            if (!r.ok()) std::abort();
            g_sink = g_sink + r.document.network.weights[0].values[0];
        });
        const Timing encode = time_calls(repeats, [&] { g_sink = g_sink + mlp::encode_link(doc).size(); });
        mlp::Document edited = doc;
        mlp::LinkEncoder encoder;
        encoder.encode(edited);
        const Timing encode_edit = time_calls(repeats, [&] {
            double& w = edited.network.weights[0].at(0, 0);
            w = w == 0.5 ? -0.5 : 0.5;
            g_sink = g_sink + encoder.encode(edited).size();
        });
        const Timing state = time_calls(repeats, [&] { g_sink = g_sink + session.state_json().size(); });

        std::printf("  {\"name\": \"%s\", \"weights\": %lld, \"samples\": %d, \"link_bytes\": %zu,\n", net.name.c_str(),
                    static_cast<long long>(doc.network.weight_count()), doc.inputs.rows, link.size());
        std::printf("    \"forward_gflops\": %.4f,\n", flops / (forward.median_ms * 1e-3) * 1e-9);
        print_timing("forward_pass", forward);
        print_timing("edit_weight_first_layer", edit_first);
        print_timing("edit_weight_last_layer", edit_last);
        print_timing("diagram_lines_rebuild", lines_rebuild);
        print_timing("diagram_line_update", line_update);
        print_timing("decode_link", decode);
        print_timing("encode_link", encode);
        print_timing("encode_link_after_edit", encode_edit);
        print_timing("state_json", state, true);
        std::printf("  }%s\n", n + 1 < networks.size() ? "," : "");
    }
    // One number of a link: parse_number (its fast path: each has at most 15 significant digits),
    // against the C library's strtod, which it calls for longer numbers.
    const char* const numbers[] = {"0", "-0.05", "0.07", "1e-07", "-2", "0.123456789012345", "3", "-0.01"};
    const Timing parse = time_calls(repeats, [&] {
        for (const char* text : numbers) {
            double x = 0;
            mlp::parse_number(text, &x);
            g_sink = g_sink + x;
        }
    });
    const Timing strtod = time_calls(repeats, [&] {
        for (const char* text : numbers) g_sink = g_sink + std::strtod(text, nullptr);
    });
    std::printf("], \"parse_number_ns\": %.2f, \"strtod_ns\": %.2f}\n", parse.median_ms * 1e6 / 8,
                strtod.median_ms * 1e6 / 8);
    return 0;
}
