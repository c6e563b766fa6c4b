// Native benchmarks of the core (Google Benchmark), run by ./build.sh bench on a Release build:
// the forward pass in GFLOP/s (2 * weights * samples floating-point operations a pass), the
// pass after one edit (only the layers downstream of it are recomputed), the backward pass and a
// step of gradient descent, and reading and writing links. Every benchmark runs on the networks
// of bench_networks.h.
#include <benchmark/benchmark.h>

#include <string>

#include "bench_networks.h"
#include <cstdlib>

#include "core/diagram/edge_bins.h"
#include "core/document/session.h"
#include "core/formats/link_codec.h"
#include "core/formats/number_text.h"
#include "core/formats/state_json.h"
#include "core/model/backward_pass.h"
#include "core/model/forward_pass.h"

namespace {

using bench::BenchNetwork;

double flops_per_pass(const mlp::Document& doc) {
    return 2.0 * static_cast<double>(doc.network.weight_count()) * doc.inputs.rows;
}

// The whole pass, every layer (what opening a link costs after decoding).
void forward_pass_full(benchmark::State& state, const BenchNetwork* net) {
    const mlp::Document& doc = net->document;
    mlp::ForwardPass pass;
    mlp::forward_pass(doc.network, doc.inputs, &pass);  // storage allocated once, then reused
    for (auto _ : state) {
        mlp::forward_pass(doc.network, doc.inputs, &pass);
        benchmark::DoNotOptimize(pass.a.back().values.data());
        benchmark::ClobberMemory();
    }
    state.counters["GFLOP/s"] =
        benchmark::Counter(flops_per_pass(doc) * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
    state.counters["weights"] = static_cast<double>(doc.network.weight_count());
}

// The benchmark networks have no targets: these get zeros for every output, scored by mse with
// the mean over samples (bench/numpy_backward.py does the same).
mlp::Document with_targets(const mlp::Document& doc) {
    mlp::Document out = doc;
    out.targets = mlp::Matrix(doc.inputs.rows, doc.network.shape.back());
    return out;
}

// dW of every layer and dL/da of every layer but the first: 2 operations per weight and sample
// for each.
double flops_per_backward(const mlp::Document& doc) {
    const double first = static_cast<double>(doc.network.weights[0].values.size());
    return 2.0 * (2.0 * static_cast<double>(doc.network.weight_count()) - first) * doc.inputs.rows;
}

// The backward pass from a forward pass: the loss, dz, dW and db of every layer (what a frame of
// a drag adds when something shows the gradients).
void backward_pass(benchmark::State& state, const BenchNetwork* net) {
    const mlp::Document doc = with_targets(net->document);
    mlp::ForwardPass pass;
    mlp::forward_pass(doc.network, doc.inputs, &pass);
    mlp::BackwardPass grad;
    mlp::backward_pass(doc, pass, &grad);  // storage allocated once, then reused
    for (auto _ : state) {
        mlp::backward_pass(doc, pass, &grad);
        benchmark::DoNotOptimize(grad.dw[0].values.data());
        benchmark::ClobberMemory();
    }
    state.counters["GFLOP/s"] =
        benchmark::Counter(flops_per_backward(doc) * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

// step(1) as the page's script API runs it: the backward pass, every weight and bias updated, the
// forward pass again, and the undo step's copy of the weights and biases.
void gradient_step(benchmark::State& state, const BenchNetwork* net) {
    mlp::Session session;
    session.replace(with_targets(net->document), /*undoable=*/false);
    session.set_learning_rate(1e-6);  // tiny steps: the network stays much the same
    for (auto _ : state) {
        session.step(1);
        benchmark::DoNotOptimize(session.pass().a.back().values.data());
    }
}

// One weight edited, as a slider drag does every frame: Session::set_weight recomputes from the
// edited layer on. `layer`: 0 = the first weight layer (everything downstream), or the last.
void edit_weight(benchmark::State& state, const BenchNetwork* net, bool last_layer) {
    mlp::Session session;
    session.replace(net->document, /*undoable=*/false);
    const int layer = last_layer ? session.network().weight_layers() - 1 : 0;
    double v = 0.0;
    for (auto _ : state) {
        v = v == 0.5 ? -0.5 : 0.5;  // a new value every time, or nothing would be recomputed
        session.set_weight(layer, 0, 0, v);
        benchmark::DoNotOptimize(session.pass().a.back().values.data());
    }
}

void decode_link(benchmark::State& state, const BenchNetwork* net) {
    const std::string link = mlp::encode_link(net->document);
    for (auto _ : state) {
        mlp::DecodeResult result = mlp::decode_link(link);
        if (!result.ok()) state.SkipWithError(result.error.c_str());
        benchmark::DoNotOptimize(result.document.network.weights.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(link.size()));
    state.counters["link_bytes"] = static_cast<double>(link.size());
}

void encode_link(benchmark::State& state, const BenchNetwork* net) {
    for (auto _ : state) {
        std::string link = mlp::encode_link(net->document);
        benchmark::DoNotOptimize(link.data());
    }
}

// The address bar's link during a drag: LinkEncoder formats again only the edited row.
void encode_link_after_edit(benchmark::State& state, const BenchNetwork* net) {
    mlp::Document doc = net->document;
    mlp::LinkEncoder encoder;
    encoder.encode(doc);
    double& w = doc.network.weights[0].at(0, 0);
    for (auto _ : state) {
        w = w == 0.5 ? -0.5 : 0.5;
        benchmark::DoNotOptimize(encoder.encode(doc).data());
    }
}

// state() as window.mlpExplorer.load() returns it: the document, z and a of every layer, the link.
void state_json(benchmark::State& state, const BenchNetwork* net) {
    mlp::Session session;
    session.replace(net->document, /*undoable=*/false);
    for (auto _ : state) {
        std::string json = session.state_json();
        benchmark::DoNotOptimize(json.data());
    }
}

// The diagram's lines (app/diagram_renderer.h): all rebuilt, or the one line of an edited weight
// and its gap's scale, as the renderer does during a drag.
void diagram_lines(benchmark::State& state, const BenchNetwork* net, bool all) {
    const mlp::EdgePlan plan = mlp::plan_edges(net->document.network.shape);
    std::vector<mlp::EdgeInstance> lines;
    mlp::build_edge_instances(plan, net->document.network, &lines);
    for (auto _ : state) {
        if (all) {
            mlp::build_edge_instances(plan, net->document.network, &lines);
        } else {
            const int index = mlp::update_edge_instance(plan, net->document.network, 0, 0, 0, &lines);
            benchmark::DoNotOptimize(index);
            benchmark::DoNotOptimize(mlp::gap_max_abs(plan, lines, 0));
        }
        benchmark::DoNotOptimize(lines.data());
    }
}

// Reading one number of a link, in place without allocating: parse_number (its fast path: each of
// these has at most 15 significant digits), and the
// C library's strtod it replaced.
const char* const kNumbers[] = {"0", "-0.05", "0.07", "1e-07", "-2", "0.123456789012345", "3", "-0.01"};
void parse_numbers(benchmark::State& state, bool with_strtod) {
    double sum = 0.0;
    for (auto _ : state) {
        for (const char* text : kNumbers) {
            double v = 0.0;
            if (with_strtod) v = std::strtod(text, nullptr);
            else mlp::parse_number(text, &v);
            sum += v;
        }
    }
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 8);
}

// MLP_BENCH_ITERATIONS=N runs the forward pass exactly N times (for instruction counts under
// callgrind, which ./build.sh bench takes as the difference of two such runs).
void set_iterations(benchmark::internal::Benchmark* b) {
    if (const char* n = std::getenv("MLP_BENCH_ITERATIONS")) b->Iterations(std::atoi(n));
}

void register_all() {
    for (const BenchNetwork& net : bench::bench_networks()) {
        const std::string n = "/" + net.name;
        set_iterations(benchmark::RegisterBenchmark(("forward_pass" + n).c_str(), forward_pass_full, &net));
        benchmark::RegisterBenchmark(("backward_pass" + n).c_str(), backward_pass, &net);
        benchmark::RegisterBenchmark(("gradient_step" + n).c_str(), gradient_step, &net);
        benchmark::RegisterBenchmark(("edit_weight_first_layer" + n).c_str(), edit_weight, &net, false);
        benchmark::RegisterBenchmark(("edit_weight_last_layer" + n).c_str(), edit_weight, &net, true);
        benchmark::RegisterBenchmark(("decode_link" + n).c_str(), decode_link, &net)->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("encode_link" + n).c_str(), encode_link, &net)->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("encode_link_after_edit" + n).c_str(), encode_link_after_edit, &net);
        benchmark::RegisterBenchmark(("state_json" + n).c_str(), state_json, &net)->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("diagram_lines_rebuild" + n).c_str(), diagram_lines, &net, true);
        benchmark::RegisterBenchmark(("diagram_line_update" + n).c_str(), diagram_lines, &net, false);
    }
    const BenchNetwork& full = bench::full_precision_network();
    benchmark::RegisterBenchmark(("decode_link/" + full.name).c_str(), decode_link, &full)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("parse_number", parse_numbers, false);
    benchmark::RegisterBenchmark("strtod", parse_numbers, true);
}

}  // namespace

int main(int argc, char** argv) {
    register_all();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
