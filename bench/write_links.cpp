// mlp_bench_links DIR: writes the link of every network of bench_networks.h (and the
// full-precision 8x128) to DIR/<name>.link, the fragment without '#', for the numpy reference
// and the page benchmark.
#include <cstdio>
#include <fstream>
#include <string>

#include "bench_networks.h"
#include "core/formats/link_codec.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    auto write = [&](const bench::BenchNetwork& net) {
        const std::string path = std::string(argv[1]) + "/" + net.name + ".link";
        std::ofstream out(path, std::ios::binary);
        out << mlp::encode_link(net.document);
        if (!out) {
            std::fprintf(stderr, "could not write %s\n", path.c_str());
            return false;
        }
        return true;
    };
    for (const bench::BenchNetwork& net : bench::bench_networks())
        if (!write(net)) return 1;
    return write(bench::full_precision_network()) ? 0 : 1;
}
