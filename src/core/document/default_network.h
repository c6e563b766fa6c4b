// The default network: the seven-layer "by hand" exercise of docs/design.md, the one place it is
// written down. Everything else (the page at start, tests, docs examples) takes it from here.
#pragma once

#include "core/document/document.h"

namespace mlp {

// Shape 3-5-2-3-2-2-2-1, zero biases, ReLU after W1..W6, linear output, samples
// x1 = [3,4,5] and x2 = [5,4,3]. Its outputs are -4 and -18.
Document exercise_document();

}  // namespace mlp
