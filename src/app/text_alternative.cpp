#include "app/text_alternative.h"

#include <algorithm>
#include <vector>

#include "app/backward_sheet.h"
#include "app/breakdown_panel.h"
#include "app/diagram_text.h"
#include "app/plane_image.h"
#include "app/sample_marker.h"
#include "app/training_text.h"
#include "app/value_mask.h"
#include "app/worksheet_text.h"
#include "core/formats/json_writer.h"
#include "core/text/notation.h"
#include "core/text/number_format.h"

namespace app {

namespace notation = mlp::notation;
namespace {

using Row = std::vector<std::string>;

struct Table {
    std::string caption;
    Row head;
    std::vector<Row> rows;
    std::string note;  // what the table leaves out ("" when nothing)
};

std::string n(int i) { return std::to_string(i); }

// The samples a layer's table shows as columns: all of them while they are few, else the one
// the diagram shows.
void table_samples(const mlp::Session& session, const ViewState& view, int* first, int* count) {
    const int S = session.sample_count();
    if (S <= kMaxTableSamples) {
        *first = 0;
        *count = S;
    } else {
        *first = std::clamp(view.sample, 0, S - 1);
        *count = 1;
    }
}

Table inputs_table(const mlp::Session& session) {
    const mlp::Matrix& x = session.document().inputs;
    Table t;
    t.caption = "Inputs x, one row per sample";
    const int cols = std::min(x.cols, kMaxTableRows);
    t.head.push_back("sample");
    for (int j = 0; j < cols; ++j) t.head.push_back("x[" + n(j + 1) + "]");
    const int rows = std::min(x.rows, kMaxTableRows);
    for (int s = 0; s < rows; ++s) {
        Row r{notation::sample(s)};
        for (int j = 0; j < cols; ++j) r.push_back(mlp::format_value(x.at(s, j)));
        t.rows.push_back(std::move(r));
    }
    if (rows < x.rows) t.note = "Samples " + n(rows + 1) + " to " + n(x.rows) + " are not listed.";
    if (cols < x.cols) t.note += (t.note.empty() ? "" : " ") + std::string("Inputs ") + n(cols + 1) + " to " + n(x.cols) + " are not listed.";
    return t;
}

// Weight layer l (the worksheet's layer l + 1): one row per node, its weights W[i, j] (when the
// worksheet's card shows W), its bias (when biases are shown or not all 0), z and a per sample.
Table layer_table(const mlp::Session& session, const ViewState& view, const ValueMask& mask, int l) {
    const mlp::Network& net = session.network();
    const mlp::ForwardPass& pass = session.pass();
    const mlp::Matrix& W = net.weights[l];
    const mlp::Matrix& Z = pass.z[l];
    const mlp::Matrix& A = pass.a[l];
    const mlp::Activation act = net.activations[l];
    const std::string L = n(l + 1);
    const bool show_w = W.cols <= kMaxShownWeightColumns;
    const bool show_b =
        view.show_biases || std::any_of(net.biases[l].begin(), net.biases[l].end(), [](double b) { return b != 0.0; });
    int first = 0, samples = 0;
    table_samples(session, view, &first, &samples);

    Table t;
    const std::string in = l == 0 ? "x" : "a" + n(l);
    t.caption = "Layer " + L + (l + 1 == net.weight_layers() ? " (output)" : "") + ": z" + L + " = W" + L + " " + notation::kDot + " " + in +
                (show_b ? " + b" + L : "") + ", a" + L + " = " + activation_label(act) + "(z" + L + ")";
    t.head.push_back("node");
    if (show_w)
        for (int j = 0; j < W.cols; ++j) t.head.push_back("W" + L + " from " + in + "[" + n(j + 1) + "]");
    if (show_b) t.head.push_back("b" + L);
    for (int s = first; s < first + samples; ++s) t.head.push_back("z" + L + " of " + notation::sample(s));
    for (int s = first; s < first + samples; ++s) t.head.push_back("a" + L + " of " + notation::sample(s));

    const int rows = std::min(W.rows, kMaxTableRows);
    for (int i = 0; i < rows; ++i) {
        Row r{"node " + n(i + 1)};
        if (show_w)
            for (int j = 0; j < W.cols; ++j) r.push_back(mlp::format_value(W.at(i, j)));
        if (show_b) r.push_back(mlp::format_value(net.biases[l][i]));
        for (int s = first; s < first + samples; ++s) r.push_back(shown_value(mask.hides_z(l, s, i), Z.at(s, i)));
        for (int s = first; s < first + samples; ++s) {
            // A value ReLU clipped says so, as the worksheet's "−5 → 0" does.
            const bool hidden = mask.hides_a(l, s, i);
            const bool clipped = !hidden && !mask.hides_z(l, s, i) && mlp::is_clipped(act, Z.at(s, i));
            r.push_back(shown_value(hidden, A.at(s, i)) + (clipped ? " (clipped)" : ""));
        }
        t.rows.push_back(std::move(r));
    }
    if (!show_w) t.note = "W" + L + " (" + n(W.rows) + " " + notation::kTimes + " " + n(W.cols) + ") is not listed.";
    if (rows < W.rows)
        t.note += (t.note.empty() ? "" : " ") + std::string("Nodes ") + n(rows + 1) + " to " + n(W.rows) + " are not listed.";
    if (samples < session.sample_count())
        t.note += (t.note.empty() ? "" : " ") + std::string("Only sample x") + n(first + 1) +
                  ", the one the diagram shows, is listed.";
    return t;
}

// A card of the backward worksheet (backward_sheet.h): one row per node, a column per sample or
// W's column in each block ("∂L/∂z3 of x1", "∂L/∂W3 from 2"). A crossed-out ∂L/∂z says why.
Table backward_table(const BackwardCard& card, const ValueMask& mask, int samples) {
    Table t;
    t.caption = card.title + ": " + card.subtitle;
    t.head.push_back(card.layer < 0 ? "output node" : "node");
    for (const BackwardBlock& b : card.blocks) {
        for (const std::string& h : b.column_heads) {
            if (h.empty()) t.head.push_back(b.head);
            else t.head.push_back(b.head + (b.per_sample ? " of " : " from ") + h);
        }
    }
    const int rows = std::min(card.rows, kMaxTableRows);
    for (int r = 0; r < rows; ++r) {
        Row row{(card.layer < 0 ? "output " : "node ") + n(r + 1)};
        for (const BackwardBlock& b : card.blocks) {
            for (size_t c = 0; c < b.column_heads.size(); ++c) {
                if (r >= b.rows) {
                    row.push_back("");
                    continue;
                }
                const BackwardCell cell = b.cell(r, static_cast<int>(c));
                const int col = b.per_sample ? b.first_sample + static_cast<int>(c) : static_cast<int>(c);
                if (backward_cell_masked(mask, b.quantity, card.layer, r, col, samples)) {
                    row.push_back(kMaskedText);  // exercise mode: a value to find, or one that gives it away
                    continue;
                }
                row.push_back(mlp::format_value(cell.v) + (cell.crossed ? std::string(" (f") + notation::kPrime + "(z) = 0)" : ""));
            }
        }
        t.rows.push_back(std::move(row));
    }
    t.note = card.note;
    if (rows < card.rows)
        t.note += (t.note.empty() ? "" : " ") + std::string("Nodes ") + n(rows + 1) + " to " + n(card.rows) + " are not listed.";
    return t;
}

void write_row(mlp::JsonWriter& w, const Row& row) {
    w.begin_array();
    for (const std::string& cell : row) w.string(cell);
    w.end_array();
}

}  // namespace

bool SheetKey::operator==(const SheetKey& o) const {
    return revision == o.revision && sample == o.sample && show_biases == o.show_biases && exercise_on == o.exercise_on &&
           exercise_editing == o.exercise_editing && mask_version == o.mask_version;
}

SheetKey sheet_key(const mlp::Session& session, const ViewState& view) {
    SheetKey k;
    k.revision = session.revision();
    k.sample = session.sample_count() > kMaxTableSamples ? view.sample : 0;
    k.show_biases = view.show_biases;
    k.exercise_on = view.exercise.on;
    k.exercise_editing = view.exercise.editing;
    k.mask_version = view.exercise.mask_version;
    return k;
}

std::string sheet_json(const mlp::Session& session, const ViewState& view) {
    const ValueMask mask(session, view);
    std::vector<Table> tables{inputs_table(session)};
    for (int l = 0; l < session.network().weight_layers(); ++l) tables.push_back(layer_table(session, view, mask, l));
    for (const BackwardCard& card : backward_cards(session, view.sample))
        tables.push_back(backward_table(card, mask, session.sample_count()));
    std::string out;
    mlp::JsonWriter w(&out);
    w.begin_object();
    w.key("tables");
    w.begin_array();
    for (const Table& t : tables) {
        w.begin_object();
        w.key("caption");
        w.string(t.caption);
        w.key("head");
        write_row(w, t.head);
        w.key("rows");
        w.begin_array();
        for (const Row& r : t.rows) write_row(w, r);
        w.end_array();
        w.key("note");
        w.string(t.note);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return out;
}

std::string outputs_text(const mlp::Session& session, const ViewState& view) {
    constexpr int kMost = 8;
    const ValueMask mask(session, view);
    const int l = session.network().weight_layers() - 1;
    const mlp::Matrix& A = session.pass().a[l];
    const int S = std::min(A.rows, kMost), m = std::min(A.cols, kMost);
    std::string text = "Outputs: ";
    for (int s = 0; s < S; ++s) {
        text += (s ? "; x" : "x") + n(s + 1) + ": ";
        for (int i = 0; i < m; ++i) {
            const std::string y = A.cols == 1 ? "y" : "y[" + n(i + 1) + "]";  // one output: "y = −4"
            text += (i ? ", " : "") + y + " = " + shown_value(mask.hides_a(l, s, i), A.at(s, i));
        }
        if (m < A.cols) text += std::string(", ") + notation::kEllipsis;
    }
    if (S < A.rows) text += std::string("; ") + notation::kEllipsis;
    return text;
}

namespace {

std::string shown_view_text(const mlp::Session& session, const ViewState& view) {
    if (!session.document().has_targets()) return "";
    if (!shows_gradients(session, view.gradient_view)) return "The diagram shows the values: lines by weight, nodes by value.";
    return std::string("The diagram shows the gradients: lines by ") + notation::kPartial + "L/" + notation::kPartial +
           "w (summed over the samples), nodes by " + notation::kDelta + " = " + notation::kPartial + "L/" +
           notation::kPartial + "z" + (session.sample_count() > 1 ? " of the sample shown." : ".");
}

}  // namespace

std::string view_text(const mlp::Session& session, const ViewState& view) {
    std::string text = shown_view_text(session, view);
    if (view.node_pictures)
        text += std::string(text.empty() ? "" : " ") +
                "Beside each node drawn as a circle in the hidden layers and the output, a small picture shows its "
                "value over the input plane (x1 and x2 from " + mlp::format_value(-kPlaneExtent) + " to " + mlp::format_value(kPlaneExtent) +
                ", the Data panel's plot); hovering a node enlarges it.";
    return text;
}

std::string status_json(const mlp::Session& session, const ViewState& view, const std::string& exercise,
                        const std::string& plot, const mlp::TrainingMetrics* metrics) {
    const std::vector<int>& shape = session.network().shape;
    std::string network = n(static_cast<int>(shape.size())) + " layers of nodes: ";
    for (size_t c = 0; c < shape.size(); ++c) network += (c ? std::string(" ") + notation::kArrow + " " : std::string()) + n(shape[c]);
    std::string out;
    mlp::JsonWriter w(&out);
    w.begin_object();
    w.key("network");
    w.string(network);
    w.key("outputs");
    w.string(outputs_text(session, view));
    // The loss of the targets (state()'s loss_value): "Loss (ce, sum): L = 1.104"; "" without.
    w.key("loss");
    w.string(loss_text(session));
    w.key("exercise");
    w.string(exercise);
    w.key("view");
    w.string(view_text(session, view));
    w.key("training");
    w.string(training_status_text(session, metrics));
    w.key("plot");
    w.string(plot);
    w.key("marker");
    w.string(sample_marker_text(session, view.sample));
    w.end_object();
    return out;
}

}  // namespace app
