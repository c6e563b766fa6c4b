#include "bench_networks.h"

#include <cstdlib>

#include "core/document/default_network.h"
#include "core/document/presets.h"
#include "core/model/random_fill.h"

namespace bench {

namespace {

constexpr uint64_t kSeed = 6;  // issue 6

BenchNetwork random_network(const std::string& name, const std::vector<int>& shape) {
    BenchNetwork net{name, {}};
    const std::string err = mlp::random_document(shape, kSeed, /*integers=*/false, &net.document);
    if (!err.empty()) std::abort();  // the shapes below are within the limits
    return net;
}

}  // namespace

const std::vector<BenchNetwork>& bench_networks() {
    static const std::vector<BenchNetwork> networks = {
        {"exercise", mlp::exercise_document()},
        random_network("8x128", std::vector<int>(8, 128)),
        random_network("16x256", std::vector<int>(16, 256)),
        random_network("1024x1024", {1024, 1024}),
    };
    return networks;
}

const BenchNetwork& full_precision_network() {
    static const BenchNetwork network = [] {
        BenchNetwork net = random_network("8x128-full", std::vector<int>(8, 128));
        mlp::RandomFill rng(kSeed + 1);
        for (mlp::Matrix& w : net.document.network.weights)
            for (double& v : w.values) v = (2.0 * rng.uniform() - 1.0) * 0.2;  // ~17 digits each
        return net;
    }();
    return network;
}

}  // namespace bench
