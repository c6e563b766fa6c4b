#include "core/default_network.h"

namespace mlp {

// Fills a matrix from rows written out as in the worksheet.
static void set_rows(Matrix* m, std::initializer_list<std::initializer_list<double>> rows) {
    int i = 0;
    for (const auto& r : rows) {
        int j = 0;
        for (double v : r) m->at(i, j++) = v;
        ++i;
    }
}

Document exercise_document() {
    Document doc;
    doc.network = make_network({3, 5, 2, 3, 2, 2, 2, 1});
    std::vector<Matrix>& W = doc.network.weights;
    set_rows(&W[0], {{0, 0, 1}, {0, 1, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 1}});
    set_rows(&W[1], {{1, 1, -1, 0, 0}, {0, 0, 1, 1, -1}});
    set_rows(&W[2], {{1, 1}, {1, -1}, {1, 2}});
    set_rows(&W[3], {{1, -1, 0}, {0, -1, 1}});
    set_rows(&W[4], {{0, 1}, {1, 0}});
    set_rows(&W[5], {{1, -1}, {1, 1}});
    set_rows(&W[6], {{1, -1}});
    doc.inputs = Matrix(2, 3);
    set_rows(&doc.inputs, {{3, 4, 5}, {5, 4, 3}});
    return doc;
}

}  // namespace mlp
