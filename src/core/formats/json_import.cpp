// decode_json (json_import.h): the design's JSON to a document, read as SAX events so that limits
// hold while the text streams by.
//
// [SECTION] Fields of the format
// [SECTION] The SAX handler: collects arrays within the limits
// [SECTION] Checking what was collected against the shape

// The wasm build has C++ exceptions disabled, and this file is compiled without them natively
// too (CMakeLists.txt): nlohmann-json then reports errors only through the SAX parse_error event.
#define JSON_NOEXCEPTION
#include <nlohmann/json.hpp>

#include <array>
#include <cmath>

#include "core/exercise/exercise.h"
#include "core/formats/document_text.h"
#include "core/formats/json_import.h"
#include "core/formats/number_text.h"
#include "core/formats/state_json.h"
#include "core/limits.h"
#include "core/training/data_fit.h"
#include "core/training/data_settings.h"

namespace mlp {
namespace {

using json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// [SECTION] Fields of the format
// ---------------------------------------------------------------------------------------------

enum class Field {
    Format, Shape, Activations, Weights, Biases, Inputs, Hidden, Targets, Loss, Reduce, Rate, Title, Note,
    Data, Batch, Optimizer, Regularization, RegularizationRate, Epoch, Skipped
};
constexpr int kFieldCount = 19;  // the fields of the format, before Skipped
// "hidden": the exercise's hidden values, the link's `hide` items one per string. "targets",
// "loss", "reduce", "learning_rate": the link's y, loss, reduce and lr (loss.h). "title", "note":
// text about the document (document_text.h). "data" (an object: DataField below) and the training
// settings after it: the link's data, noise, ... and batch, opt, reg, regrate, epoch (data_settings.h).
constexpr const char* kFieldNames[kFieldCount] = {"format",  "shape", "activations", "weights", "biases",
                                                  "inputs",  "hidden", "targets",    "loss",    "reduce",
                                                  "learning_rate", "title", "note", "data", "batch",
                                                  "optimizer", "regularization", "regularization_rate", "epoch"};
// The fields of "data". "train_count" and "test_count" are state()'s: read and ignored.
enum class DataField { Kind, Noise, Points, Seed, Test, Features, Custom, Counts, Skipped };
constexpr int kDataFieldCount = 7;  // before Counts
constexpr const char* kDataFieldNames[kDataFieldCount] = {"kind", "noise", "points", "seed", "test", "features", "custom"};
// Fields state() adds (the forward and backward passes, the link, the messages): ignored without
// a warning, so that state() output loads back.
constexpr const char* kStateFields[] = {"z", "a", "loss_value", "sample_losses", "dz", "dw", "db", "hash", "error", "warnings",
                                       "train_loss", "test_loss", "accuracy"};

// Arrays around each value of a field: weights[l][i][j] is a number three arrays deep.
int leaf_level(Field f) {
    switch (f) {
        case Field::Format:
        case Field::Loss:
        case Field::Reduce:
        case Field::Rate:
        case Field::Title:
        case Field::Note:
        case Field::Batch:
        case Field::Optimizer:
        case Field::Regularization:
        case Field::RegularizationRate:
        case Field::Epoch: return 0;
        case Field::Data: return 0;  // an object, read by data_value
        case Field::Shape:
        case Field::Activations:
        case Field::Hidden: return 1;
        case Field::Biases:
        case Field::Inputs:
        case Field::Targets: return 2;
        case Field::Weights: return 3;
        case Field::Skipped: break;
    }
    return 0;
}

// What a JSON value is, for "got ..." in messages.
enum class Kind { Object, Array, String, Number, Boolean, Null };

const char* kind_name(Kind k) {
    switch (k) {
        case Kind::Object: return "an object";
        case Kind::Array: return "an array";
        case Kind::String: return "a string";
        case Kind::Number: return "a number";
        case Kind::Boolean: return "true or false";
        case Kind::Null: return "null";
    }
    return "a value";
}

// "line 2, column 7": where the byte before `position` is, 1-based as an editor shows it.
std::string line_and_column(std::string_view text, size_t position) {
    const size_t end = std::min(position, text.size());
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < end; ++i)
        if (text[i] == '\n') ++line, line_start = i + 1;
    return "line " + std::to_string(line) + ", column " + std::to_string(end - line_start);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The SAX handler: collects arrays within the limits
// ---------------------------------------------------------------------------------------------

class DocumentReader {
public:
    explicit DocumentReader(std::string_view text) : text_(text) {}

    // nlohmann-json's SAX interface. Returning false stops the parse.
    bool null() { return begin_value(Kind::Null); }
    bool boolean(bool) { return begin_value(Kind::Boolean); }
    bool number_integer(json::number_integer_t v) { return number(static_cast<double>(v), nullptr); }
    bool number_unsigned(json::number_unsigned_t v) { return number(static_cast<double>(v), nullptr); }
    // `text`: the number as written, when nlohmann-json keeps it (floats); integers are written
    // back from the value.
    bool number_float(json::number_float_t v, const json::string_t& text) { return number(v, &text); }
    bool string(json::string_t& s);
    bool binary(json::binary_t&) { return fail("JSON: binary values are not part of the format"); }
    bool start_object(std::size_t);
    bool key(json::string_t& name);
    bool end_object();
    bool start_array(std::size_t);
    bool end_array();
    bool parse_error(std::size_t position, const std::string& last_token, const json::exception& e);

    const std::string& error() const { return error_; }
    // After a successful parse: checks every array against the shape and builds the document.
    std::string finish(Document* doc) const;
    std::string finish_data(Document* doc) const;
    void append_warnings(std::vector<std::string>* out) const { unknown_.append_warnings(out); }

private:
    bool fail(std::string message) {
        error_ = std::move(message);
        return false;
    }
    bool begin_value(Kind kind);
    bool data_value(Kind kind);
    bool data_number(double v, const std::string& written);
    bool training_number(double v, const std::string& written);
    bool number(double v, const json::string_t* text);
    bool check_count(int level, int64_t index);
    std::string path(int levels) const;
    int level() const { return depth_ - 1; }  // arrays open inside the current field

    std::string_view text_;
    std::string error_;
    UnknownNames unknown_{"field"};
    int depth_ = 0;                 // objects and arrays open, the top-level object included
    Field field_ = Field::Skipped;  // the field whose value is being read
    std::array<int64_t, 4> count_{};  // values so far in each array open inside the field
    std::array<bool, kFieldCount> seen_{};

    // What was read, each within the limits however the text goes on.
    std::vector<int> shape_;
    std::vector<Activation> activations_;
    std::vector<double> weights_;                // every weight, layer by layer, row by row
    std::vector<std::vector<int>> weight_rows_;  // [layer][row]: how many numbers that row has
    std::vector<std::vector<double>> biases_;
    std::vector<std::vector<double>> inputs_;
    std::vector<std::vector<double>> targets_;
    Loss loss_ = Loss::Mse;
    Reduction reduction_ = Reduction::Mean;
    double learning_rate_ = kDefaultLearningRate;
    std::vector<std::string> hidden_;  // items, read once the shape is known
    std::string title_, note_;
    // "data" and the training settings. data_field_: the field of "data" being read.
    DataField data_field_ = DataField::Skipped;
    std::array<bool, kDataFieldCount> data_seen_{};
    DataSettings data_;
    std::string features_;  // the names of "features" joined by ',', checked in finish
    std::vector<int> custom_counts_;  // numbers in each point of "custom"
    TrainingSettings training_;
};

// "weights[2][1]": the field and the index in each of the first `levels` open arrays.
std::string DocumentReader::path(int levels) const {
    std::string out = kFieldNames[static_cast<int>(field_)];
    if (field_ == Field::Data && levels > 0) {  // "data.custom[3][1]": the object is the first level
        out += ".";
        out += data_field_ == DataField::Counts ? "count" : kDataFieldNames[static_cast<int>(data_field_)];
        for (int k = 1; k < levels; ++k) out += "[" + std::to_string(count_[k] - 1) + "]";
        return out;
    }
    for (int k = 0; k < levels; ++k) out += "[" + std::to_string(count_[k] - 1) + "]";
    return out;
}

// A new value at level() of the current field, at index count_[level()-1] of its array: the
// counts are checked before anything is stored, so no array ever grows past a limit.
bool DocumentReader::check_count(int lv, int64_t index) {
    const std::string where = path(lv - 1);
    const std::string nodes = std::to_string(kMaxNodesPerLayer);
    const std::string layers = std::to_string(kMaxWeightLayers);
    switch (field_) {
        case Field::Shape:
            if (index >= kMaxWeightLayers + 1)
                return fail(where + ": more than " + std::to_string(kMaxWeightLayers + 1) + " layers; at most " + layers +
                            " weight layers are allowed");
            break;
        case Field::Activations:
            if (index >= kMaxWeightLayers)
                return fail(where + ": more than " + layers + " names; at most " + layers + " weight layers are allowed");
            break;
        case Field::Weights:
        case Field::Biases:
            if (lv == 1 && index >= kMaxWeightLayers)
                return fail(where + ": more than " + layers + (field_ == Field::Weights ? " matrices" : " vectors") +
                            "; at most " + layers + " weight layers are allowed");
            if (lv == 2 && index >= kMaxNodesPerLayer)
                return fail(where + ": more than " + nodes +
                            (field_ == Field::Weights ? " rows" : " numbers") + "; at most " + nodes +
                            " nodes are allowed in a layer");
            if (lv == 3 && index >= kMaxNodesPerLayer)
                return fail(where + ": more than " + nodes + " numbers; at most " + nodes +
                            " nodes are allowed in a layer");
            if (lv == 3 && static_cast<int64_t>(weights_.size()) >= kMaxWeights)
                return fail("weights: more than " + std::to_string(kMaxWeights) + " numbers in all; at most " +
                            std::to_string(kMaxWeights) + " weights are allowed");
            break;
        case Field::Inputs:
        case Field::Targets:
            if (lv == 1 && index >= kMaxSamples)
                return fail(where + ": more than " + std::to_string(kMaxSamples) + " samples; expected 1 to " +
                            std::to_string(kMaxSamples));
            if (lv == 2 && index >= kMaxNodesPerLayer)
                return fail(where + ": more than " + nodes + " numbers; at most " + nodes +
                            " nodes are allowed in a layer");
            break;
        case Field::Hidden:
            // Each item hides at least one value.
            if (index >= kMaxHiddenValues)
                return fail(where + ": more than " + std::to_string(kMaxHiddenValues) + " items; at most " +
                            std::to_string(kMaxHiddenValues) + " values may be hidden");
            break;
        default: break;
    }
    return true;
}

// Every value (scalar or the start of an array or object) passes here first.
bool DocumentReader::begin_value(Kind kind) {
    if (depth_ == 0) {
        if (kind == Kind::Object) return true;
        return fail(std::string("JSON: expected an object such as {\"format\": \"") + kJsonFormat + "\", ...}; got " +
                    kind_name(kind));
    }
    if (field_ == Field::Skipped) return true;
    if (field_ == Field::Data) return data_value(kind);
    const int lv = level();
    if (lv > 0) {
        const int64_t index = count_[lv - 1]++;
        if (!check_count(lv, index)) return false;
    }
    const int leaf = leaf_level(field_);
    const bool text_field = field_ == Field::Format || field_ == Field::Activations || field_ == Field::Hidden ||
                            field_ == Field::Loss || field_ == Field::Reduce || field_ == Field::Title ||
                            field_ == Field::Note || field_ == Field::Optimizer || field_ == Field::Regularization;
    const Kind wanted = lv < leaf ? Kind::Array : text_field ? Kind::String : Kind::Number;
    if (kind != wanted)
        return fail(path(lv) + ": got " + kind_name(kind) + "; expected " + kind_name(wanted));
    if (kind != Kind::Array) return true;
    // A new array inside a field: a layer, a row, a bias vector or a sample.
    count_[lv] = 0;
    if (field_ == Field::Weights && lv == 1) weight_rows_.emplace_back();
    if (field_ == Field::Weights && lv == 2) weight_rows_.back().push_back(0);
    if (field_ == Field::Biases && lv == 1) biases_.emplace_back();
    if (field_ == Field::Inputs && lv == 1) inputs_.emplace_back();
    if (field_ == Field::Targets && lv == 1) targets_.emplace_back();
    return true;
}

// A value inside "data" (level 0: the object itself; 1: a field's value; 2, 3: inside "features"
// and "custom"), checked for its kind and counted before anything is stored.
bool DocumentReader::data_value(Kind kind) {
    const int lv = level();
    if (lv == 0) {
        if (kind != Kind::Object) return fail(std::string("data: got ") + kind_name(kind) + "; expected an object");
        return true;
    }
    if (data_field_ == DataField::Skipped) return true;
    if (lv > 1) {
        const int64_t index = count_[lv - 1]++;
        if (data_field_ == DataField::Features && index >= kFeatureCount)
            return fail(path(lv - 1) + ": more than " + std::to_string(kFeatureCount) + " names; expected some of " +
                        feature_choices());
        if (data_field_ == DataField::Custom && lv == 2 && index >= kMaxCustomPoints)
            return fail(path(lv - 1) + ": more than " + std::to_string(kMaxCustomPoints) + " points; at most " +
                        std::to_string(kMaxCustomPoints) + " are allowed");
        if (data_field_ == DataField::Custom && lv == 3 && index >= 3)
            return fail(path(lv - 1) + ": more than 3 numbers; expected 3 (x1, x2, target)");
    }
    const int leaf = data_field_ == DataField::Features ? 2 : data_field_ == DataField::Custom ? 3 : 1;
    const Kind wanted = lv < leaf ? Kind::Array
                        : data_field_ == DataField::Kind || data_field_ == DataField::Features ? Kind::String
                                                                                                 : Kind::Number;
    if (kind != wanted) return fail(path(lv) + ": got " + kind_name(kind) + "; expected " + kind_name(wanted));
    if (kind == Kind::Array) {
        count_[lv] = 0;
        if (data_field_ == DataField::Custom && lv == 2) custom_counts_.push_back(0);
    }
    return true;
}

bool DocumentReader::data_number(double v, const std::string& written) {
    auto refuse = [&](const std::string& expected) { return fail(path(level()) + ": got " + written + "; expected " + expected); };
    switch (data_field_) {
        case DataField::Noise:
            if (!is_allowed_noise(v)) return refuse(kNoiseRange);
            data_.noise = v;
            break;
        case DataField::Points:
            if (!is_whole_in(v, 1, kMaxDataPoints)) return refuse(points_range());
            data_.points = static_cast<int>(v);
            break;
        case DataField::Seed:
            if (!is_whole_in(v, 0, 4294967295.0)) return refuse(seed_range());
            data_.seed = static_cast<uint32_t>(v);
            break;
        case DataField::Test:
            if (!is_allowed_test_share(v)) return refuse(kTestShareRange);
            data_.test = v;
            break;
        case DataField::Custom: {
            if (!is_allowed_value(v)) return refuse(kAllowedValueText);
            if (custom_counts_.back() == 0) data_.custom.emplace_back();
            DataPoint& p = data_.custom.back();
            (custom_counts_.back() == 0 ? p.x1 : custom_counts_.back() == 1 ? p.x2 : p.target) = v;
            ++custom_counts_.back();
            break;
        }
        default: break;  // state()'s counts
    }
    return true;
}

bool DocumentReader::training_number(double v, const std::string& written) {
    auto refuse = [&](const std::string& expected) {
        return fail(std::string(kFieldNames[static_cast<int>(field_)]) + ": got " + written + "; expected " + expected);
    };
    switch (field_) {
        case Field::Batch:
            if (!is_whole_in(v, 1, kMaxBatch)) return refuse(batch_range());
            training_.batch = static_cast<int>(v);
            break;
        case Field::RegularizationRate:
            if (!is_allowed_regularization_rate(v)) return refuse(kRegularizationRateRange);
            training_.regularization_rate = v;
            break;
        case Field::Epoch:
            if (!is_whole_in(v, 0, static_cast<double>(kMaxEpoch))) return refuse(epoch_range());
            training_.epoch = static_cast<int64_t>(v);
            break;
        default: break;
    }
    return true;
}

bool DocumentReader::number(double v, const json::string_t* text) {
    if (!begin_value(Kind::Number)) return false;
    if (field_ == Field::Skipped) return true;
    auto written = [&] {
        if (text) return quote_input(*text);
        std::string out;
        append_number(&out, v);
        return out;
    };
    if (field_ == Field::Shape) {
        if (v != std::floor(v)) return fail(path(1) + ": got " + written() + "; expected a whole number of nodes");
        // Far beyond the limit: said here, before the value would overflow an int.
        if (std::fabs(v) > 1e9)
            return fail(path(1) + ": got " + written() + "; expected 1 to " + std::to_string(kMaxNodesPerLayer) + " nodes");
        shape_.push_back(static_cast<int>(v));
        return true;
    }
    if (field_ == Field::Rate) {
        if (!is_allowed_learning_rate(v)) return fail("learning_rate: got " + written() + "; expected " + kLearningRateRange);
        learning_rate_ = v;
        return true;
    }
    if (field_ == Field::Data) return data_field_ == DataField::Skipped || data_number(v, written());
    if (field_ == Field::Batch || field_ == Field::RegularizationRate || field_ == Field::Epoch)
        return training_number(v, written());
    if (!is_allowed_value(v)) return fail(path(level()) + ": got " + written() + "; expected " + kAllowedValueText);
    switch (field_) {
        case Field::Weights:
            weights_.push_back(v);
            ++weight_rows_.back().back();
            break;
        case Field::Biases: biases_.back().push_back(v); break;
        case Field::Inputs: inputs_.back().push_back(v); break;
        case Field::Targets: targets_.back().push_back(v); break;
        default: break;
    }
    return true;
}

bool DocumentReader::string(json::string_t& s) {
    if (!begin_value(Kind::String)) return false;
    if (field_ == Field::Format && s != kJsonFormat)
        return fail("format: " + quote_input(s) + " is not supported (this page reads \"" + kJsonFormat + "\")");
    if (field_ == Field::Activations) {
        Activation act;
        if (!parse_activation(s, &act))
            return fail(path(1) + ": " + quote_input(s) + " is not an activation; expected " + activation_choices());
        activations_.push_back(act);
    }
    if (field_ == Field::Hidden) hidden_.push_back(std::move(s));
    if (field_ == Field::Loss && !parse_loss(s, &loss_))
        return fail("loss: " + quote_input(s) + " is not a loss; expected " + loss_choices());
    if (field_ == Field::Reduce && !parse_reduction(s, &reduction_))
        return fail("reduce: " + quote_input(s) + " is not a reduction; expected " + reduction_choices());
    if (field_ == Field::Optimizer && !parse_optimizer(s, &training_.optimizer))
        return fail("optimizer: " + quote_input(s) + " is not an optimizer; expected " + optimizer_choices());
    if (field_ == Field::Regularization && !parse_regularization(s, &training_.regularization))
        return fail("regularization: " + quote_input(s) + " is not a regularization; expected " + regularization_choices());
    if (field_ == Field::Data && data_field_ == DataField::Kind && !parse_data_kind(s, &data_.kind))
        return fail("data.kind: " + quote_input(s) + " is not a data set; expected " + data_kind_choices());
    if (field_ == Field::Data && data_field_ == DataField::Features) {
        // Joined for parse_features: a name may not carry the separator itself.
        if (s.find(',') != std::string::npos)
            return fail(path(level()) + ": " + quote_input(s) + " is not a feature; expected one of " + feature_choices());
        if (!features_.empty()) features_.push_back(',');
        features_ += s;
    }
    if (field_ == Field::Title || field_ == Field::Note) {
        std::string err = field_ == Field::Title ? check_title(s) : check_note(s);
        if (!err.empty()) return fail(std::move(err));
        (field_ == Field::Title ? title_ : note_) = std::move(s);
    }
    return true;
}

// Inside a skipped field, containers only move depth_: the next key at depth 1 ends the field.
bool DocumentReader::start_object(std::size_t) {
    if (!begin_value(Kind::Object)) return false;
    ++depth_;
    return true;
}

bool DocumentReader::key(json::string_t& name) {
    if (depth_ == 2 && field_ == Field::Data) {  // a field of "data"
        data_field_ = DataField::Skipped;
        for (int f = 0; f < kDataFieldCount; ++f) {
            if (name != kDataFieldNames[f]) continue;
            if (data_seen_[f]) return fail("data: " + quote_input(name) + " appears twice; each field may appear once");
            data_seen_[f] = true;
            data_field_ = static_cast<DataField>(f);
            return true;
        }
        if (name == "train_count" || name == "test_count") data_field_ = DataField::Counts;
        else unknown_.add("data." + name);
        return true;
    }
    if (depth_ != 1) return true;  // a key inside a skipped field's value
    field_ = Field::Skipped;
    for (int f = 0; f < kFieldCount; ++f) {
        if (name != kFieldNames[f]) continue;
        if (seen_[f]) return fail(quote_input(name) + " appears twice; each field may appear once");
        seen_[f] = true;
        field_ = static_cast<Field>(f);
        return true;
    }
    for (const char* state_field : kStateFields)
        if (name == state_field) return true;
    unknown_.add(name);
    return true;
}

bool DocumentReader::end_object() {
    --depth_;
    return true;
}

bool DocumentReader::start_array(std::size_t) {
    if (!begin_value(Kind::Array)) return false;
    ++depth_;
    return true;
}

bool DocumentReader::end_array() {
    --depth_;
    return true;
}

bool DocumentReader::parse_error(std::size_t position, const std::string& last_token, const json::exception& e) {
    // The last byte read: the end of the token that could not be used.
    const std::string where = line_and_column(text_, position);
    if (e.id == 406)  // nlohmann-json: a number too large for a double (1e999)
        return fail("JSON: the number " + quote_input(last_token) + " at " + where +
                    " is out of range; expected " + kAllowedValueText);
    return fail("JSON syntax error at " + where + (last_token.empty() ? "" : " (near " + quote_input(last_token) + ")"));
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Checking what was collected against the shape
// ---------------------------------------------------------------------------------------------

std::string DocumentReader::finish(Document* doc) const {
    const auto seen = [&](Field f) { return seen_[static_cast<int>(f)]; };
    if (!seen(Field::Format)) return std::string("missing format (expected \"format\": \"") + kJsonFormat + "\")";
    if (!seen(Field::Shape)) return "missing shape (the node counts of every layer, input first, e.g. [3, 5, 2])";
    std::string err = check_shape(shape_);
    if (!err.empty()) return "shape: " + err;
    const int layers = static_cast<int>(shape_.size()) - 1;
    const std::string one_per_layer = std::to_string(layers) + " (one per weight layer)";

    if (!seen(Field::Weights)) return "missing weights (one matrix per weight layer)";
    if (static_cast<int>(weight_rows_.size()) != layers)
        return "weights: " + count_text(static_cast<int64_t>(weight_rows_.size()), "matrix", "matrices") + "; expected " +
               one_per_layer;
    for (int l = 0; l < layers; ++l) {
        const std::string w = "weights[" + std::to_string(l) + "]";
        const int rows = shape_[l + 1], cols = shape_[l];
        if (static_cast<int>(weight_rows_[l].size()) != rows)
            return w + ": " + count_text(static_cast<int64_t>(weight_rows_[l].size()), "row") + "; expected " +
                   std::to_string(rows) + " (" + layer_nodes(l + 1, rows) + ")";
        for (int i = 0; i < rows; ++i)
            if (weight_rows_[l][i] != cols)
                return w + "[" + std::to_string(i) + "]: " + count_text(weight_rows_[l][i], "number") + "; expected " +
                       std::to_string(cols) + " (" + layer_nodes(l, cols) + ")";
    }
    if (seen(Field::Biases)) {
        if (static_cast<int>(biases_.size()) != layers)
            return "biases: " + count_text(static_cast<int64_t>(biases_.size()), "vector") + "; expected " + one_per_layer;
        for (int l = 0; l < layers; ++l)
            if (static_cast<int>(biases_[l].size()) != shape_[l + 1])
                return "biases[" + std::to_string(l) + "]: " + count_text(static_cast<int64_t>(biases_[l].size()), "number") + "; expected " +
                       std::to_string(shape_[l + 1]) + " (" + layer_nodes(l + 1, shape_[l + 1]) + ")";
    }
    if (seen(Field::Activations) && static_cast<int>(activations_.size()) != layers)
        return "activations: " + count_text(static_cast<int64_t>(activations_.size()), "name") + "; expected " +
               one_per_layer;
    if (seen(Field::Inputs)) {
        err = check_sample_count(static_cast<int64_t>(inputs_.size()));
        if (!err.empty()) return "inputs: " + err;
        for (size_t s = 0; s < inputs_.size(); ++s)
            if (static_cast<int>(inputs_[s].size()) != shape_[0])
                return "inputs[" + std::to_string(s) + "]: " + count_text(static_cast<int64_t>(inputs_[s].size()), "number") + "; expected " +
                       std::to_string(shape_[0]) + " (" + layer_nodes(0, shape_[0]) + ")";
    }

    doc->network = make_network(shape_);  // zero biases, default activations
    size_t next = 0;
    for (Matrix& w : doc->network.weights)
        for (double& v : w.values) v = weights_[next++];
    if (seen(Field::Biases)) doc->network.biases = biases_;
    if (seen(Field::Activations)) doc->network.activations = activations_;
    const int samples = seen(Field::Inputs) ? static_cast<int>(inputs_.size()) : 1;
    doc->inputs = Matrix(samples, shape_[0]);  // one sample of zeros when left out
    for (int s = 0; s < static_cast<int>(inputs_.size()); ++s)
        for (int j = 0; j < shape_[0]; ++j) doc->inputs.at(s, j) = inputs_[s][j];
    if (seen(Field::Targets)) {
        if (static_cast<int>(targets_.size()) != samples)
            return "targets: " + count_text(static_cast<int64_t>(targets_.size()), "sample") + "; expected " +
                   std::to_string(samples) + " (one per sample of inputs)";
        for (int s = 0; s < samples; ++s)
            if (static_cast<int>(targets_[s].size()) != shape_[layers])
                return "targets[" + std::to_string(s) + "]: " + count_text(static_cast<int64_t>(targets_[s].size()), "number") +
                       "; expected " + std::to_string(shape_[layers]) + " (" + layer_nodes(layers, shape_[layers]) + ")";
        doc->targets = Matrix(samples, shape_[layers]);
        for (int s = 0; s < samples; ++s) std::copy(targets_[s].begin(), targets_[s].end(), doc->targets.row(s));
    }
    doc->loss = loss_;
    doc->reduction = reduction_;
    doc->learning_rate = learning_rate_;
    doc->title = title_;
    doc->note = note_;
    err = finish_data(doc);
    if (!err.empty()) return err;
    return parse_hidden_items(hidden_, shape_, samples, doc->has_targets(), &doc->hidden);
}

// "data" and the training settings into the document, then whether its network fits them.
std::string DocumentReader::finish_data(Document* doc) const {
    const auto seen = [&](Field f) { return seen_[static_cast<int>(f)]; };
    if (!seen(Field::Data)) {
        for (Field f : {Field::Batch, Field::Optimizer, Field::Regularization, Field::RegularizationRate, Field::Epoch})
            if (seen(f)) return std::string(kFieldNames[static_cast<int>(f)]) + ": needs a data set (the field data)";
        return "";
    }
    if (!data_seen_[static_cast<int>(DataField::Kind)])
        return std::string("data: missing kind (expected one of ") + data_kind_choices() + ")";
    doc->data = data_;
    if (data_seen_[static_cast<int>(DataField::Features)]) {
        std::string err = parse_features(features_, ',', &doc->data.features);
        if (!err.empty()) return "data.features: " + err;
    }
    for (size_t i = 0; i < custom_counts_.size(); ++i)
        if (custom_counts_[i] != 3)
            return "data.custom[" + std::to_string(i) + "]: " + count_text(custom_counts_[i], "number") +
                   "; expected 3 (x1, x2, target)";
    if (data_seen_[static_cast<int>(DataField::Custom)] && doc->data.kind != DataKind::Custom)
        return "data.custom: custom points need \"kind\": \"custom\"";
    doc->training = training_;
    return check_data_fit(*doc);
}

}  // namespace

DecodeResult decode_json(std::string_view text) {
    DecodeResult result;
    result.error = check_text_size(text.size(), "the JSON text");
    if (!result.ok()) return result;
    // nlohmann-json takes a NUL byte for the end of its input, so whatever followed one would be
    // ignored without a word. JSON has no place for a raw NUL (in a string it is "\u0000").
    const size_t nul = text.find('\0');
    if (nul != std::string_view::npos) {
        result.error = "JSON syntax error at " + line_and_column(text, nul + 1) + ": a NUL character";
        return result;
    }
    DocumentReader reader(text);
    bool parsed = json::sax_parse(text.begin(), text.end(), &reader);
    result.error = reader.error();
    if (result.ok() && !parsed) result.error = "JSON: the text could not be read";
    if (result.ok()) result.error = reader.finish(&result.document);
    if (!result.ok()) {
        result.document = Document();
        return result;
    }
    reader.append_warnings(&result.warnings);
    return result;
}

}  // namespace mlp
