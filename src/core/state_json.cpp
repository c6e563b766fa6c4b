#include "core/state_json.h"

#include "core/exercise.h"
#include "core/json_writer.h"

namespace mlp {

// for_state: state() always has "hidden" (an empty list when nothing is hidden), "title" and
// "note" ("" for none), so a script can read them without a check; a file has them only when
// they say something, and is otherwise exactly the spec's format (the link leaves `hide`,
// `title` and `note` out in the same way).
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

std::string state_json(const Document& doc, const ForwardPass& pass, const StateExtras& extras) {
    std::string out;
    JsonWriter w(&out);
    w.begin_object();
    write_document_fields(w, doc, /*for_state=*/true);
    w.key("z");
    w.begin_array();
    for (const Matrix& m : pass.z) w.matrix_rows(m);
    w.end_array();
    w.key("a");
    w.begin_array();
    for (const Matrix& m : pass.a) w.matrix_rows(m);
    w.end_array();
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
