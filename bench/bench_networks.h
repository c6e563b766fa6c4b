// The networks every figure of docs/benchmarks.md is measured on, the one place they are listed:
// the native benchmarks build them here, `mlp_bench_links` writes their links for the numpy
// reference (numpy_forward.py) and the page (page_bench.js), so all three use the same numbers.
#pragma once

#include <string>
#include <vector>

#include "core/document/document.h"

namespace bench {

struct BenchNetwork {
    std::string name;        // "8x128": 8 layers of 128 nodes
    mlp::Document document;  // one input sample, except the exercise (two)
};

// The exercise; 8x128; 16x256; 1024,1024 (the design's largest: 1,048,576 weights). Random weights
// are the app's own (mlp::random_document: He-uniform, rounded to two decimals, seed 6), which
// keeps the largest link under the 16 MiB a link may be.
const std::vector<BenchNetwork>& bench_networks();

// 8x128 again, with weights of full double precision (17 significant digits): the longest link
// an 8x128 network can have, for the worst case of reading numbers.
const BenchNetwork& full_precision_network();

}  // namespace bench
