// The backward worksheet's cards (backward_sheet.h).
//
// [SECTION] Names
// [SECTION] The cards: the loss, each layer from the output down, the step

#include "app/backward_sheet.h"

#include <algorithm>

#include "app/worksheet_text.h"
#include "app/breakdown_panel.h"
#include "core/model/activation.h"
#include "core/model/loss.h"
#include "core/text/notation.h"
#include "core/text/number_format.h"

namespace app {

namespace notation = mlp::notation;
using Q = BackwardQuantity;
// [SECTION] Names
namespace {

std::string n(int i) { return std::to_string(i); }
// "∂L/∂z3"
std::string partial(const std::string& of) { return std::string(notation::kPartial) + "L/" + notation::kPartial + of; }

std::vector<std::string> sample_heads(int first, int count) {
    std::vector<std::string> heads;
    for (int s = first; s < first + count; ++s) heads.push_back(notation::sample(s));
    return heads;
}
std::vector<std::string> index_heads(int count) {
    std::vector<std::string> heads;
    for (int j = 0; j < count; ++j) heads.push_back(n(j + 1));
    return heads;
}

BackwardBlock per_sample(std::string head, std::string name, Q q, int first, int count, int rows,
                         const mlp::Session& session, int layer) {
    BackwardBlock b;
    b.head = std::move(head);
    b.name = std::move(name);
    b.quantity = q;
    b.column_heads = sample_heads(first, count);
    b.first_sample = first;
    b.rows = rows;
    b.session = &session;
    b.layer = layer;
    return b;
}
BackwardBlock per_column(std::string head, std::string name, Q q, int cols, int rows,
                         const mlp::Session& session, int layer) {
    BackwardBlock b;
    b.head = std::move(head);
    b.name = std::move(name);
    b.quantity = q;
    b.column_heads = cols == 1 ? std::vector<std::string>{""} : index_heads(cols);
    b.per_sample = false;
    b.rows = rows;
    b.session = &session;
    b.layer = layer;
    return b;
}
BackwardCell value(double v) { return {true, v, false}; }

}  // namespace

BackwardCell BackwardBlock::cell(int r, int c) const {
    const mlp::BackwardPass& g = *session->gradients();
    const mlp::Document& doc = session->document();
    const mlp::Network& net = doc.network;
    const int l = layer;
    const int s = first_sample + c;  // the sample of column c, for the blocks over samples
    const double lr = doc.learning_rate;
    auto fprime = [&] {
        return mlp::activation_derivative(net.activations[l], session->pass().z[l].at(s, r), session->pass().a[l].at(s, r));
    };
    switch (quantity) {
        case Q::Target: return value(doc.targets.at(s, r));
        case Q::Prediction: return value(g.p.at(s, r));
        case Q::SampleLoss: return value(g.sample_losses[s]);
        case Q::Da: return value(g.da[l].at(s, r));
        case Q::Fprime: return value(fprime());
        case Q::Dz: {
            BackwardCell cell = value(g.dz[l].at(s, r));
            cell.crossed = fprime() == 0.0;
            return cell;
        }
        case Q::Dw: return value(g.dw[l].at(r, c));
        case Q::Db: return value(g.db[l][r]);
        case Q::W: return value(net.weights[l].at(r, c));
        case Q::LrDw: return value(lr * g.dw[l].at(r, c));
        case Q::NewW: return value(mlp::clamp_value(net.weights[l].at(r, c) - lr * g.dw[l].at(r, c)));
        case Q::B: return value(net.biases[l][r]);
        case Q::LrDb: return value(lr * g.db[l][r]);
        case Q::NewB: return value(mlp::clamp_value(net.biases[l][r] - lr * g.db[l][r]));
    }
    return {};
}

std::string backward_cell_name(const BackwardBlock& block, int row, int col) {
    if (block.per_sample) return "cell:" + block.name + notation::index(row) + "." + notation::sample(block.first_sample + col);
    if (block.column_heads.size() == 1) return "cell:" + block.name + notation::index(row);
    return "cell:" + block.name + "[" + n(row + 1) + "," + n(col + 1) + "]";
}

bool hidden_cell_value(const BackwardBlock& b, int l, int row, int col, mlp::HiddenValue* out) {
    using HQ = mlp::HiddenValue::Quantity;
    mlp::HiddenValue h;
    h.layer = l;
    h.node = row;
    switch (b.quantity) {
        case Q::Dz: h.quantity = HQ::Dz; h.sample = b.first_sample + col; break;
        case Q::Dw: h.quantity = HQ::Dw; h.col = col; break;
        case Q::Db: h.quantity = HQ::Db; break;
        case Q::NewW: h.quantity = HQ::NewW; h.col = col; break;
        case Q::NewB: h.quantity = HQ::NewB; break;
        default: return false;
    }
    if (l < 0) return false;
    *out = h;
    return true;
}

bool backward_cell_masked(const ValueMask& mask, BackwardQuantity q, int l, int row, int col, int samples) {
    if (!mask.any() || l < 0) return false;
    using HQ = mlp::HiddenValue::Quantity;
    auto hides = [&](HQ hq, int sample, int c) {
        mlp::HiddenValue h;
        h.quantity = hq;
        h.layer = l;
        h.sample = sample;
        h.node = row;
        h.col = c;
        return mask.hides(h);
    };
    auto dw = [&] { return hides(HQ::Dw, 0, col); };
    auto db = [&] {
        if (hides(HQ::Db, 0, 0)) return true;
        for (int s = 0; s < samples; ++s)
            if (hides(HQ::Dz, s, 0)) return true;
        return false;
    };
    switch (q) {
        case Q::Dz: return hides(HQ::Dz, col, 0);
        case Q::Dw: return dw();
        case Q::Db: return db();
        case Q::LrDw: return dw() || hides(HQ::NewW, 0, col);
        case Q::NewW: return hides(HQ::NewW, 0, col) || dw();
        case Q::LrDb: return db() || hides(HQ::NewB, 0, 0);
        case Q::NewB: return hides(HQ::NewB, 0, 0) || db();
        default: return false;
    }
}

std::string loss_text(const mlp::Session& session) {
    const mlp::BackwardPass* g = session.gradients();
    if (!g) return "";
    const mlp::Document& doc = session.document();
    return "Loss (" + std::string(mlp::loss_name(doc.loss)) + ", " + std::string(mlp::reduction_name(doc.reduction)) +
           "): L = " + mlp::format_value(g->loss);
}

// [SECTION] The cards: the loss, each layer from the output down, the step
std::vector<BackwardCard> backward_cards(const mlp::Session& session, int sample) {
    std::vector<BackwardCard> cards;
    const mlp::BackwardPass* gp = session.gradients();
    if (!gp) return cards;
    const mlp::BackwardPass& g = *gp;
    const mlp::Document& doc = session.document();
    const mlp::Network& net = doc.network;
    const int S = session.sample_count();
    const int layers = net.weight_layers();
    int first = 0, count = S;
    if (S > kMaxBackwardSamples) {
        first = std::clamp(sample, 0, S - 1);
        count = 1;
    }
    const std::string few_samples =
        count < S ? "Only sample x" + n(first + 1) + ", the one the diagram shows, is a column." : "";

    // The loss: the targets, the prediction (ce, bce), each sample's loss.
    {
        BackwardCard c;
        const int m = net.shape.back();
        c.title = "Loss";
        c.subtitle = std::string(mlp::loss_name(doc.loss)) + " " + notation::kDot + " " +
                     std::string(mlp::reduction_name(doc.reduction)) + " " + notation::kDot + " L = " + mlp::format_value(g.loss);
        c.rows = m;
        c.blocks.push_back(per_sample("y", "y", Q::Target, first, count, m, session, -1));
        if (doc.loss != mlp::Loss::Mse) c.blocks.push_back(per_sample("p", "p", Q::Prediction, first, count, m, session, -1));
        c.blocks.push_back(per_sample("L_s", "L", Q::SampleLoss, first, count, 1, session, -1));
        c.note = few_samples;
        cards.push_back(std::move(c));
    }
    // Each layer, from the output down: ∂L/∂a, f′(z), ∂L/∂z, ∂L/∂W, ∂L/∂b.
    for (int l = layers - 1; l >= 0; --l) {
        BackwardCard c;
        const std::string L = n(l + 1);
        const int m = net.shape[l + 1], cols = net.shape[l];
        const mlp::Activation act = net.activations[l];
        c.title = "Layer " + L + " backward";
        c.subtitle = std::string(activation_label(act)) + (l == layers - 1 ? " output" : "");
        c.layer = l;
        c.rows = m;
        // ∂L/∂a of a layer below the output comes from the layer above: W·ᵀδ, said in the subtitle
        // (a block's head stays short: it stands over columns as narrow as their numbers).
        if (l < layers - 1)
            c.subtitle += " " + std::string(notation::kDot) + " " + partial("a" + L) + " = W" + n(l + 2) + notation::kTranspose +
                          notation::kDot + notation::kDelta + n(l + 2);
        c.subtitle += " " + std::string(notation::kDot) + " " + notation::kDelta + L + " = " + partial("z" + L);
        c.blocks.push_back(per_sample(partial("a" + L), "da" + L, Q::Da, first, count, m, session, l));
        c.blocks.push_back(per_sample(std::string("f") + notation::kPrime + "(z" + L + ")", "fz" + L, Q::Fprime, first, count,
                                      m, session, l));
        c.blocks.push_back(per_sample(partial("z" + L), "dz" + L, Q::Dz, first, count, m, session, l));
        if (cols <= kMaxShownWeightColumns) {
            c.blocks.push_back(per_column(partial("W" + L), "dw" + L, Q::Dw, cols, m, session, l));
        } else {
            c.note = partial("W" + L) + " (" + n(m) + " " + notation::kTimes + " " + n(cols) + ") is not shown.";
        }
        c.blocks.push_back(per_column(partial("b" + L), "db" + L, Q::Db, 1, m, session, l));
        if (!few_samples.empty()) c.note += (c.note.empty() ? "" : " ") + few_samples;
        cards.push_back(std::move(c));
    }
    // The step: W ← W − lr·∂L/∂W and b ← b − lr·∂L/∂b (clamped into the limits, as Step does).
    for (int l = 0; l < layers; ++l) {
        BackwardCard c;
        const std::string L = n(l + 1);
        const int m = net.shape[l + 1], cols = net.shape[l];
        c.title = "Step, layer " + L;
        c.step = true;
        c.subtitle = "lr = " + mlp::format_value(doc.learning_rate);
        c.layer = l;
        c.rows = m;
        const std::string lr_times = std::string("lr") + notation::kDot;
        if (cols <= kMaxShownWeightColumns) {
            c.blocks.push_back(per_column("W" + L, "W" + L, Q::W, cols, m, session, l));
            c.blocks.push_back(per_column(lr_times + partial("W" + L), "lrdw" + L, Q::LrDw, cols, m, session, l));
            c.blocks.push_back(per_column("new W" + L, "newW" + L, Q::NewW, cols, m, session, l));
        } else {
            c.note = "W" + L + " (" + n(m) + " " + notation::kTimes + " " + n(cols) + ") is not shown.";
        }
        c.blocks.push_back(per_column("b" + L, "b" + L, Q::B, 1, m, session, l));
        c.blocks.push_back(per_column(lr_times + partial("b" + L), "lrdb" + L, Q::LrDb, 1, m, session, l));
        c.blocks.push_back(per_column("new b" + L, "newb" + L, Q::NewB, 1, m, session, l));
        cards.push_back(std::move(c));
    }
    return cards;
}

}  // namespace app
