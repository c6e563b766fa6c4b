#include "core/state_json.h"

#include "core/exercise.h"
#include "core/json_writer.h"

namespace mlp {

// for_state: state() always has "loss", "reduce", "learning_rate", "hidden" (an empty list when
// nothing is hidden), "title" and "note" ("" for none), so a script can read them without a check;
// a file has them only when they are not the defaults, and is otherwise exactly the spec's format
// (the link leaves the keys out in the same way).
static void write_document_fields(JsonWriter& w, const Document& doc, bool for_state) {
    const Network& net = doc.network;
    w.key("format");
    w.string(kJsonFormat);
    w.key("shape");
    w.begin_array();
    for (int n : net.shape) w.integer(n);
    w.end_array();
    w.key("activations");
    w.begin_array();
    for (Activation act : net.activations) w.string(activation_name(act));
    w.end_array();
    w.key("weights");
    w.begin_array();
    for (const Matrix& m : net.weights) w.matrix_rows(m);
    w.end_array();
    w.key("biases");
    w.begin_array();
    for (const std::vector<double>& b : net.biases) w.number_array(b.data(), static_cast<int>(b.size()));
    w.end_array();
    w.key("inputs");
    w.matrix_rows(doc.inputs);
    if (doc.has_targets()) {
        w.key("targets");
        w.matrix_rows(doc.targets);
    }
    if (for_state || doc.loss != Loss::Mse) {
        w.key("loss");
        w.string(loss_name(doc.loss));
    }
    if (for_state || doc.reduction != Reduction::Mean) {
        w.key("reduce");
        w.string(reduction_name(doc.reduction));
    }
    if (for_state || doc.learning_rate != kDefaultLearningRate) {
        w.key("learning_rate");
        w.number(doc.learning_rate);
    }
    if (!doc.hidden.empty() || for_state) {
        w.key("hidden");
        w.begin_array();
        for (const std::string& item : hidden_items(doc.hidden, net.shape, doc.inputs.rows)) w.string(item);
        w.end_array();
    }
    // The title and the note likewise: in a file when there are any, in state() always.
    for (const auto& [key, text] : {std::pair<const char*, const std::string&>{"title", doc.title}, {"note", doc.note}}) {
        if (text.empty() && !for_state) continue;
        w.key(key);
        w.string(text);
    }
}

std::string document_json(const Document& doc) {
    std::string out;
    JsonWriter w(&out);
    w.begin_object();
    write_document_fields(w, doc, /*for_state=*/false);
    w.end_object();
    return out;
}

// [layer][row][col] of a list of matrices: "z", "a", "dz", "dw".
static void write_layers(JsonWriter& w, const char* key, const std::vector<Matrix>& layers) {
    w.key(key);
    w.begin_array();
    for (const Matrix& m : layers) w.matrix_rows(m);
    w.end_array();
}

static void write_gradients(JsonWriter& w, const BackwardPass& g) {
    w.key("loss_value");
    w.number(g.loss);
    w.key("sample_losses");
    w.number_array(g.sample_losses.data(), static_cast<int>(g.sample_losses.size()));
    write_layers(w, "dz", g.dz);
    write_layers(w, "dw", g.dw);
    w.key("db");
    w.begin_array();
    for (const std::vector<double>& b : g.db) w.number_array(b.data(), static_cast<int>(b.size()));
    w.end_array();
}

std::string state_json(const Document& doc, const ForwardPass& pass, const BackwardPass* gradients,
                       const StateExtras& extras) {
    std::string out;
    JsonWriter w(&out);
    w.begin_object();
    write_document_fields(w, doc, /*for_state=*/true);
    write_layers(w, "z", pass.z);
    write_layers(w, "a", pass.a);
    if (gradients) write_gradients(w, *gradients);
    w.key("hash");
    w.string(extras.hash);
    w.key("error");
    if (extras.error.empty())
        w.null();
    else
        w.string(extras.error);
    w.key("warnings");
    w.begin_array();
    for (const std::string& warning : extras.warnings) w.string(warning);
    w.end_array();
    w.end_object();
    return out;
}

}  // namespace mlp
