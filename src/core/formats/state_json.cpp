#include "core/formats/state_json.h"

#include "core/exercise/exercise.h"
#include "core/formats/json_writer.h"

namespace mlp {

// for_state: state() always has "loss", "reduce", "learning_rate", "hidden" (an empty list when
// nothing is hidden), "title" and "note" ("" for none), so a script can read them without a check;
// a file has them only when they are not the defaults, and is otherwise exactly the design's format
// (the link leaves the keys out in the same way).
// The data set and the training settings: only with a data set; in a file, only the settings that
// are not the defaults (but the kind, and a custom set's points); in state() all of them and the
// counts of train and test points (`training`).
static void write_data_fields(JsonWriter& w, const Document& doc, bool for_state, const TrainingMetrics* training) {
    const DataSettings& data = doc.data;
    if (!data.has_data()) return;
    const DataSettings defaults;
    w.key("data");
    w.begin_object();
    w.key("kind");
    w.string(data_kind_name(data.kind));
    if (for_state || data.noise != defaults.noise) {
        w.key("noise");
        w.number(data.noise);
    }
    if (for_state || data.points != defaults.points) {
        w.key("points");
        w.integer(data.points);
    }
    if (for_state || data.seed != defaults.seed) {
        w.key("seed");
        w.integer(data.seed);
    }
    if (for_state || data.test != defaults.test) {
        w.key("test");
        w.number(data.test);
    }
    if (for_state || data.features != defaults.features) {
        w.key("features");
        w.begin_array();
        for (int f = 0; f < kFeatureCount; ++f)
            if (data.features & (1u << f)) w.string(feature_name(f));
        w.end_array();
    }
    if (data.kind == DataKind::Custom) {
        w.key("custom");
        w.begin_array();
        for (const DataPoint& p : data.custom) {
            const double row[3] = {p.x1, p.x2, p.target};
            w.number_array(row, 3);
        }
        w.end_array();
    }
    if (training) {
        w.key("train_count");
        w.integer(training->train_count);
        w.key("test_count");
        w.integer(training->test_count);
    }
    w.end_object();
    const TrainingSettings& t = doc.training;
    const TrainingSettings t0;
    if (for_state || t.batch != t0.batch) {
        w.key("batch");
        w.integer(t.batch);
    }
    if (for_state || t.optimizer != t0.optimizer) {
        w.key("optimizer");
        w.string(optimizer_name(t.optimizer));
    }
    if (for_state || t.regularization != t0.regularization) {
        w.key("regularization");
        w.string(regularization_name(t.regularization));
    }
    if (for_state || t.regularization_rate != t0.regularization_rate) {
        w.key("regularization_rate");
        w.number(t.regularization_rate);
    }
    if (for_state || t.epoch != t0.epoch) {
        w.key("epoch");
        w.integer(t.epoch);
    }
}

static void write_document_fields(JsonWriter& w, const Document& doc, bool for_state,
                                  const TrainingMetrics* training = nullptr) {
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
    write_data_fields(w, doc, for_state, training);
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

// train_loss, test_loss and (classification) accuracy: NaN, where there are no points, is null.
static void write_metrics(JsonWriter& w, const TrainingMetrics& m) {
    w.key("train_loss");
    w.number(m.train_loss);
    w.key("test_loss");
    w.number(m.test_loss);
    if (!m.classification) return;
    w.key("accuracy");
    w.begin_object();
    w.key("train");
    w.number(m.train_accuracy);
    w.key("test");
    w.number(m.test_accuracy);
    w.end_object();
}

std::string state_json(const Document& doc, const ForwardPass& pass, const BackwardPass* gradients,
                       const StateExtras& extras) {
    std::string out;
    JsonWriter w(&out);
    w.begin_object();
    write_document_fields(w, doc, /*for_state=*/true, extras.training);
    write_layers(w, "z", pass.z);
    write_layers(w, "a", pass.a);
    if (gradients) write_gradients(w, *gradients);
    if (extras.training) write_metrics(w, *extras.training);
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
