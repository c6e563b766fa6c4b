#include "core/document/default_network.h"

namespace mlp {

Document exercise_document() {
    Document doc;
    doc.network = make_network({3, 5, 2, 3, 2, 2, 2, 1});
    doc.network.weights = {
        matrix_of({{0, 0, 1}, {0, 1, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 1}}),
        matrix_of({{1, 1, -1, 0, 0}, {0, 0, 1, 1, -1}}),
        matrix_of({{1, 1}, {1, -1}, {1, 2}}),
        matrix_of({{1, -1, 0}, {0, -1, 1}}),
        matrix_of({{0, 1}, {1, 0}}),
        matrix_of({{1, -1}, {1, 1}}),
        matrix_of({{1, -1}}),
    };
    doc.inputs = matrix_of({{3, 4, 5}, {5, 4, 3}});
    return doc;
}

}  // namespace mlp
