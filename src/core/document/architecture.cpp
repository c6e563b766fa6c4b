#include "core/document/architecture.h"

#include <algorithm>

#include "core/limits.h"
#include "core/model/random_fill.h"

namespace mlp {

namespace {

// A rows x cols copy of `old` where it fits; new entries from `fill` (fan_in = cols).
Matrix resized(const Matrix& old, int rows, int cols, const NewWeights& fill, RandomFill* rng) {
    Matrix m(rows, cols);
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) {
            if (i < old.rows && j < old.cols)
                m.at(i, j) = old.at(i, j);
            else if (fill.random)
                m.at(i, j) = rng->weight(cols, fill.integers);
        }
    return m;
}

// m with `cols` columns: each row's values kept where they fit, new ones zero.
Matrix with_columns(const Matrix& m, int cols) {
    Matrix out(m.rows, cols);
    for (int r = 0; r < m.rows; ++r) std::copy_n(m.row(r), std::min(cols, m.cols), out.row(r));
    return out;
}

// Targets follow the output layer (one per output node), kept where they fit.
void fit_targets(Document* doc) {
    if (doc->has_targets() && doc->targets.cols != doc->network.shape.back())
        doc->targets = with_columns(doc->targets, doc->network.shape.back());
}

// A row appended to m: a copy of row `copy_from`, or zeros when copy_from < 0.
void append_row(Matrix* m, int copy_from) {
    m->values.resize(static_cast<size_t>(m->rows + 1) * m->cols, 0.0);
    if (copy_from >= 0) std::copy_n(m->row(copy_from), m->cols, m->row(m->rows));
    ++m->rows;
}

void erase_row(Matrix* m, int r) {
    m->values.erase(m->values.begin() + static_cast<ptrdiff_t>(r) * m->cols,
                    m->values.begin() + static_cast<ptrdiff_t>(r + 1) * m->cols);
    --m->rows;
}

std::vector<double> resized(const std::vector<double>& old, int n) {
    std::vector<double> v(n, 0.0);
    std::copy_n(old.begin(), std::min<size_t>(old.size(), n), v.begin());
    return v;
}

// The exercise's hidden values after a shape or sample change, each kept on its node:
// `place(&h)` moves h to its node's new layer, sample and index, or returns false when that node
// (or sample) is gone. The order stays the forward order (every move here is monotonic; sorted
// again all the same).
template <class Place>
void move_hidden(Document* doc, Place&& place) {
    std::vector<HiddenValue> kept;
    kept.reserve(doc->hidden.size());
    for (HiddenValue h : doc->hidden)
        if (place(&h)) kept.push_back(h);
    std::sort(kept.begin(), kept.end());
    doc->hidden = std::move(kept);
}

// check_shape's message, phrased as the limit that stops this edit.
std::string refuse(const std::vector<int>& shape) {
    std::string err = check_shape(shape);
    return err.empty() ? "" : "cannot change the network: " + err;
}

}  // namespace

std::string insert_layer(Document* doc, int position, int nodes, const NewWeights& fill) {
    Network& net = doc->network;
    const int layers = static_cast<int>(net.shape.size());
    if (position < 0 || position > layers)
        return "there is no place " + std::to_string(position) + " for a layer; expected 0 to " + std::to_string(layers);
    std::vector<int> shape = net.shape;
    shape.insert(shape.begin() + position, nodes);
    std::string err = refuse(shape);
    if (!err.empty()) return err;

    RandomFill rng(fill.seed);
    Network out;
    out.shape = shape;
    Matrix inputs = doc->inputs;
    if (position == 0) {
        // New input layer: a new matrix from it into the old input layer, which becomes hidden.
        out.weights.push_back(resized(Matrix(), shape[1], nodes, fill, &rng));
        out.biases.emplace_back(shape[1], 0.0);
        out.activations.push_back(Activation::ReLU);
        for (int l = 0; l < net.weight_layers(); ++l) {
            out.weights.push_back(net.weights[l]);
            out.biases.push_back(net.biases[l]);
            out.activations.push_back(net.activations[l]);
        }
        inputs = Matrix(doc->inputs.rows, nodes);
    } else if (position == layers) {
        out.weights = net.weights;
        out.biases = net.biases;
        out.activations = net.activations;
        out.weights.push_back(resized(Matrix(), nodes, shape[position - 1], fill, &rng));
        out.biases.emplace_back(nodes, 0.0);
        out.activations.push_back(Activation::Linear);
    } else {
        for (int l = 0; l < net.weight_layers(); ++l) {
            if (l == position - 1) {
                // Into the new layer: new weights. Out of it: the old matrix, columns adapted.
                out.weights.push_back(resized(Matrix(), nodes, shape[position - 1], fill, &rng));
                out.biases.emplace_back(nodes, 0.0);
                out.activations.push_back(Activation::ReLU);
                out.weights.push_back(resized(net.weights[l], shape[position + 1], nodes, fill, &rng));
            } else {
                out.weights.push_back(net.weights[l]);
            }
            out.biases.push_back(net.biases[l]);
            out.activations.push_back(net.activations[l]);
        }
    }
    doc->network = std::move(out);
    doc->inputs = std::move(inputs);
    fit_targets(doc);
    // Node layers from `position` on move one to the right (h.layer + 1 is h's node layer).
    move_hidden(doc, [position](HiddenValue* h) {
        // A weight matrix at or above the new layer is another matrix now: its backward values go.
        if (!h->per_sample() && h->layer + 1 >= position) return false;
        if (h->layer + 1 >= position) ++h->layer;
        return true;
    });
    return "";
}

std::string insert_identity_layer(Document* doc, int after) {
    const int layers = static_cast<int>(doc->network.shape.size());
    if (after < 0 || after >= layers)
        return "there is no layer " + std::to_string(after) + "; expected 0 to " + std::to_string(layers - 1);
    const int nodes = doc->network.shape[after];
    std::string err = insert_layer(doc, after + 1, nodes, NewWeights{});
    if (!err.empty()) return err;
    // The new layer is node layer after + 1; the matrix into it, weight layer `after`.
    Network& net = doc->network;
    Matrix& w = net.weights[after];
    for (int i = 0; i < nodes; ++i) w.at(i, i) = 1.0;
    const bool never_negative = after > 0 && (net.activations[after - 1] == Activation::ReLU ||
                                              net.activations[after - 1] == Activation::Sigmoid);
    const bool output = after + 1 == layers;
    net.activations[after] = never_negative && !output ? Activation::ReLU : Activation::Linear;
    return "";
}

std::string remove_layer(Document* doc, int position) {
    Network& net = doc->network;
    const int layers = static_cast<int>(net.shape.size());
    if (layers <= 2) return "cannot remove a layer: a network needs at least 2 layers (input and output)";
    if (position < 0 || position >= layers)
        return "there is no layer " + std::to_string(position) + "; expected 0 to " + std::to_string(layers - 1);
    std::vector<int> shape = net.shape;
    shape.erase(shape.begin() + position);
    std::string err = refuse(shape);  // joining two layers can exceed the weight limit
    if (!err.empty()) return err;

    Network out;
    out.shape = shape;
    Matrix inputs = doc->inputs;
    const NewWeights zeros;
    RandomFill unused(0);
    for (int l = 0; l < net.weight_layers(); ++l) {
        if (position == 0 && l == 0) continue;                  // W1 goes with the input layer
        if (position == layers - 1 && l == layers - 2) continue;  // the last matrix goes with the output
        if (position > 0 && position < layers - 1 && l == position - 1) continue;  // joined below
        if (position > 0 && position < layers - 1 && l == position) {
            out.weights.push_back(resized(net.weights[l], shape[position], shape[position - 1], zeros, &unused));
        } else {
            out.weights.push_back(net.weights[l]);
        }
        out.biases.push_back(net.biases[l]);
        out.activations.push_back(net.activations[l]);
    }
    if (position == 0) inputs = with_columns(doc->inputs, shape[0]);
    doc->network = std::move(out);
    doc->inputs = std::move(inputs);
    fit_targets(doc);
    // The removed layer's values go; later layers move one to the left. A layer that becomes the
    // input layer (position 0 removed) holds inputs, which are never hidden.
    move_hidden(doc, [position](HiddenValue* h) {
        const int node_layer = h->layer + 1;
        if (node_layer == position) return false;
        if (!h->per_sample() && node_layer >= position) return false;  // another matrix now
        if (node_layer > position) --h->layer;
        return h->layer >= 0;
    });
    return "";
}

std::string resize_layer(Document* doc, int layer, int nodes, const NewWeights& fill) {
    Network& net = doc->network;
    const int layers = static_cast<int>(net.shape.size());
    if (layer < 0 || layer >= layers)
        return "there is no layer " + std::to_string(layer) + "; expected 0 to " + std::to_string(layers - 1);
    std::vector<int> shape = net.shape;
    shape[layer] = nodes;
    std::string err = refuse(shape);
    if (!err.empty()) return err;

    RandomFill rng(fill.seed);
    if (layer > 0) {
        net.weights[layer - 1] = resized(net.weights[layer - 1], nodes, shape[layer - 1], fill, &rng);
        net.biases[layer - 1] = resized(net.biases[layer - 1], nodes);
    }
    if (layer < layers - 1) net.weights[layer] = resized(net.weights[layer], shape[layer + 1], nodes, fill, &rng);
    if (layer == 0) doc->inputs = with_columns(doc->inputs, nodes);
    net.shape = std::move(shape);
    fit_targets(doc);
    // Nodes past the new count take their hidden values with them; new nodes are not hidden.
    // A column of W (∂L/∂W, the new W) goes with the node of the layer below it.
    move_hidden(doc, [layer, nodes](HiddenValue* h) {
        const bool column_gone = (h->quantity == HiddenValue::Quantity::Dw || h->quantity == HiddenValue::Quantity::NewW) &&
                                 h->layer == layer && h->col >= nodes;
        return (h->layer + 1 != layer || h->node < nodes) && !column_gone;
    });
    return "";
}

std::string add_sample(Document* doc, int copy_from) {
    Matrix& x = doc->inputs;
    if (x.rows >= kMaxSamples)
        return "cannot add a sample: at most " + std::to_string(kMaxSamples) + " samples are allowed";
    if (copy_from >= x.rows) return "there is no sample " + std::to_string(copy_from + 1) + " to copy";
    append_row(&x, copy_from);
    if (doc->has_targets()) append_row(&doc->targets, copy_from);
    return "";
}

std::string remove_sample(Document* doc, int sample) {
    Matrix& x = doc->inputs;
    if (x.rows <= 1) return "cannot remove the last sample: a network needs at least one input sample";
    if (sample < 0 || sample >= x.rows) return "there is no sample " + std::to_string(sample + 1);
    erase_row(&x, sample);
    if (doc->has_targets()) erase_row(&doc->targets, sample);
    move_hidden(doc, [sample](HiddenValue* h) {
        if (!h->per_sample()) return true;  // summed over the samples: still there
        if (h->sample == sample) return false;
        if (h->sample > sample) --h->sample;
        return true;
    });
    return "";
}

}  // namespace mlp
