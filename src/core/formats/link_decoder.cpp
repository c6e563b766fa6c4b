// decode_link (link_codec.h): a link fragment to a document, refusing every size beyond the limits
// before allocating for it.
//
// [SECTION] Text pieces: splitting, trimming, percent-decoding
// [SECTION] Keys: which field a key names
// [SECTION] Pass 1: where every key's value is (nothing decoded, nothing allocated)
// [SECTION] Pass 2: version and shape
// [SECTION] Pass 3: counts of every row, sample, bias vector and activation
// [SECTION] Pass 4: the document, numbers parsed in place; targets and the loss; the hidden values
// [SECTION] Pass 5: the data set and its training
#include <algorithm>
#include <array>
#include <climits>

#include "core/exercise/exercise.h"
#include "core/formats/document_text.h"
#include "core/formats/link_codec.h"
#include "core/formats/number_text.h"
#include "core/limits.h"
#include "core/training/data_fit.h"

namespace mlp {
namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Text pieces: splitting, trimming, percent-decoding
// ---------------------------------------------------------------------------------------------

// Calls fn(index, piece) for each piece of `text` between separators `sep` ("a;b;" has three
// pieces, the last one empty). Stops and returns false as soon as fn returns false.
template <class Fn>
bool for_each_piece(std::string_view text, char sep, Fn&& fn) {
    size_t start = 0;
    for (int index = 0;; ++index) {
        size_t end = text.find(sep, start);
        if (!fn(index, text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)))
            return false;
        if (end == std::string_view::npos) return true;
        start = end + 1;
    }
}

// Pieces of text between separators: separators + 1. Counting is all a size check needs.
int64_t count_pieces(std::string_view text, char sep) {
    return 1 + static_cast<int64_t>(std::count(text.begin(), text.end(), sep));
}

// Spaces around a number are allowed: "3, 4, 5" is what a hand-written list looks like, and a
// '+' in a link reads as a space.
std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

// Numbers in one row or sample: 0 for an empty one, else commas + 1.
int64_t count_numbers(std::string_view row) {
    return trim_spaces(row).empty() ? 0 : count_pieces(row, ',');
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool needs_decoding(std::string_view text) {
    return text.find_first_of("%+") != std::string_view::npos;
}

// As URLSearchParams (application/x-www-form-urlencoded): '+' is a space, %XX is the byte XX,
// and a '%' not followed by two hex digits stays as it is.
std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 && hex_digit(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2])));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Keys: which field a key names
// ---------------------------------------------------------------------------------------------

enum class KeyKind {
    Version, Shape, Inputs, Activations, Weights, Biases, Hidden, Targets, Loss, Reduction, Rate, Title, Note,
    Data,  // data, noise, points, ...: one of LinkFields::data (kDataKeys)
    Unknown,
};

// The keys of the data set and its training (data_settings.h), in the order the page writes them.
enum DataKey { kData, kNoise, kPoints, kSeed, kTest, kFeatures, kBatch, kOpt, kReg, kRegRate, kEpoch, kPts, kDataKeyCount };
constexpr const char* kDataKeys[kDataKeyCount] = {"data",  "noise", "points", "seed",    "test",  "features",
                                                  "batch", "opt",   "reg",    "regrate", "epoch", "pts"};

struct Key {
    KeyKind kind = KeyKind::Unknown;
    int64_t index = 0;  // wN, bN: N >= 1 (saturated: "w99999999999" is a weight key beyond any shape); Data: a DataKey
};

// "w3" -> weights of layer 3. Only N written without leading zeros counts ("w03" is unknown).
bool parse_layer_key(std::string_view name, char prefix, int64_t* index) {
    if (name.size() < 2 || name[0] != prefix || name[1] < '1' || name[1] > '9') return false;
    int64_t n = 0;
    for (size_t i = 1; i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9') return false;
        n = std::min<int64_t>(n * 10 + (name[i] - '0'), INT_MAX);
    }
    *index = n;
    return true;
}

Key classify_key(std::string_view name) {
    Key key;
    if (name == "v") key.kind = KeyKind::Version;
    else if (name == "shape") key.kind = KeyKind::Shape;
    else if (name == "x") key.kind = KeyKind::Inputs;
    else if (name == "act") key.kind = KeyKind::Activations;
    else if (name == "hide") key.kind = KeyKind::Hidden;
    else if (name == "y") key.kind = KeyKind::Targets;
    else if (name == "loss") key.kind = KeyKind::Loss;
    else if (name == "reduce") key.kind = KeyKind::Reduction;
    else if (name == "lr") key.kind = KeyKind::Rate;
    else if (name == "title") key.kind = KeyKind::Title;
    else if (name == "note") key.kind = KeyKind::Note;
    else if (parse_layer_key(name, 'w', &key.index)) key.kind = KeyKind::Weights;
    else if (parse_layer_key(name, 'b', &key.index)) key.kind = KeyKind::Biases;
    for (int k = 0; k < kDataKeyCount && key.kind == KeyKind::Unknown; ++k)
        if (name == kDataKeys[k]) {
            key.kind = KeyKind::Data;
            key.index = k;
        }
    return key;
}

std::string layer_key(char prefix, int64_t index) { return std::string(1, prefix) + std::to_string(index); }

// ---------------------------------------------------------------------------------------------
// [SECTION] Pass 1: where every key's value is (nothing decoded, nothing allocated)
// ---------------------------------------------------------------------------------------------

// One key's value. `text` is the raw value until decode() is called; it then points at the
// percent-decoded copy, made only when the value holds a '%' or '+'.
struct Field {
    bool present = false;
    std::string_view text;
    std::string decoded;

    void decode() {
        if (!needs_decoding(text)) return;
        decoded = percent_decode(text);
        text = decoded;
    }
};

struct LinkFields {
    Field version, shape, inputs, activations;
    Field hidden;  // the exercise's `hide`, read once the shape and the samples are known
    Field targets, loss, reduction, rate;  // y, loss, reduce, lr: read once the samples are known
    Field title, note;  // text, percent-encoded
    std::array<Field, kDataKeyCount> data;  // data, noise, ...: read once the shape is known
    std::array<Field, kMaxWeightLayers> weights, biases;  // [N - 1] for wN, bN
    int64_t first_weight_beyond = 0;  // the smallest N > kMaxWeightLayers of a wN key, 0 if none
    int64_t first_bias_beyond = 0;
};

// Splits the fragment into key=value pairs and files each value under its key. Returns "" or the
// message for a key given twice.
std::string find_fields(std::string_view fragment, LinkFields* fields, UnknownNames* unknown) {
    std::string error;
    for_each_piece(fragment, '&', [&](int, std::string_view pair) {
        if (pair.empty()) return true;  // "a=1&&b=2": URLSearchParams skips empty pairs too
        size_t eq = pair.find('=');
        std::string_view raw_name = pair.substr(0, eq);
        std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        std::string decoded_name;
        if (needs_decoding(raw_name)) {
            // Names of the format are short; a long one is unknown whatever it decodes to.
            decoded_name = percent_decode(raw_name.substr(0, 3 * kMaxQuotedChars));
            raw_name = decoded_name;
        }
        Key key = classify_key(raw_name);
        Field* field = nullptr;
        switch (key.kind) {
            case KeyKind::Version: field = &fields->version; break;
            case KeyKind::Shape: field = &fields->shape; break;
            case KeyKind::Inputs: field = &fields->inputs; break;
            case KeyKind::Activations: field = &fields->activations; break;
            case KeyKind::Hidden: field = &fields->hidden; break;
            case KeyKind::Targets: field = &fields->targets; break;
            case KeyKind::Loss: field = &fields->loss; break;
            case KeyKind::Reduction: field = &fields->reduction; break;
            case KeyKind::Rate: field = &fields->rate; break;
            case KeyKind::Title: field = &fields->title; break;
            case KeyKind::Note: field = &fields->note; break;
            case KeyKind::Data: field = &fields->data[key.index]; break;
            case KeyKind::Weights:
            case KeyKind::Biases: {
                bool weights = key.kind == KeyKind::Weights;
                if (key.index > kMaxWeightLayers) {
                    int64_t& beyond = weights ? fields->first_weight_beyond : fields->first_bias_beyond;
                    if (beyond == 0 || key.index < beyond) beyond = key.index;
                    return true;
                }
                field = &(weights ? fields->weights : fields->biases)[key.index - 1];
                break;
            }
            case KeyKind::Unknown:
                unknown->add(raw_name);
                return true;
        }
        if (field->present) {
            error = std::string(raw_name) + " appears twice; each key may appear once";
            return false;
        }
        field->present = true;
        field->text = value;
        return true;
    });
    return error;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Pass 2: version and shape
// ---------------------------------------------------------------------------------------------

std::string check_version(Field& v) {
    if (!v.present) return "missing v (the format version: v=1)";
    v.decode();
    std::string_view text = trim_spaces(v.text);
    const std::string supported = std::to_string(kLinkVersion);
    if (text == supported) return "";
    bool digits = !text.empty() && text.size() <= 9 &&
                  std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits)
        return "v: version " + std::string(text) + " is not supported (this page reads version " + supported + ")";
    return "v: " + quote_input(v.text) + " is not a version; expected " + supported;
}

// Reads the node counts into *shape; at most kMaxWeightLayers + 1 of them are stored, after the
// count has been checked.
std::string read_shape(Field& field, std::vector<int>* shape) {
    if (!field.present) return "missing shape (the node counts of every layer, input first, e.g. shape=3,5,2)";
    field.decode();
    std::string err = check_layer_count(count_pieces(field.text, ','));
    if (!err.empty()) return "shape: " + err;
    shape->clear();
    for_each_piece(field.text, ',', [&](int l, std::string_view piece) {
        std::string_view text = trim_spaces(piece);
        bool digits = !text.empty() &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) {
            err = "shape: layer " + std::to_string(l) + " is " + quote_input(piece) +
                  "; expected a whole number of nodes";
            return false;
        }
        // Past 9 digits the count cannot be allowed, and it would not fit an int.
        size_t first = std::min(text.find_first_not_of('0'), text.size() - 1);
        if (text.size() - first > 9) {
            std::string_view digits_shown = text.substr(first, 12);
            err = "shape: layer " + std::to_string(l) + " has " + std::string(digits_shown) +
                  (text.size() - first > digits_shown.size() ? "..." : "") + " nodes; expected 1 to " +
                  std::to_string(kMaxNodesPerLayer);
            return false;
        }
        int n = 0;
        for (char c : text) n = n * 10 + (c - '0');
        shape->push_back(n);
        return true;
    });
    if (!err.empty()) return err;
    err = check_shape(*shape);
    return err.empty() ? "" : "shape: " + err;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Pass 3: counts of every row, sample, bias vector and activation
// ---------------------------------------------------------------------------------------------

// The inputs: samples of shape[0] numbers, joined by ';'.
std::string check_input_counts(const Field& x, int width) {
    std::string err = check_sample_count(count_pieces(x.text, ';'));
    if (!err.empty()) return "x: " + err;
    for_each_piece(x.text, ';', [&](int s, std::string_view sample) {
        int64_t n = count_numbers(sample);
        if (n == width) return true;
        err = "x: sample " + std::to_string(s + 1) + " has " + count_text(n, "number") + "; expected " +
              std::to_string(width);
        return false;
    });
    return err;
}

// wL: shape[L] rows of shape[L-1] numbers.
std::string check_weight_counts(const Field& w, int layer, const std::vector<int>& shape) {
    const std::string key = layer_key('w', layer);
    const int rows = shape[layer], cols = shape[layer - 1];
    int64_t n = count_pieces(w.text, ';');
    if (n != rows)
        return key + ": " + count_text(n, "row") + "; expected " + std::to_string(rows) + " (" +
               layer_nodes(layer, rows) + ")";
    std::string err;
    for_each_piece(w.text, ';', [&](int r, std::string_view row) {
        int64_t count = count_numbers(row);
        if (count == cols) return true;
        err = key + ": row " + std::to_string(r + 1) + " has " + count_text(count, "number") + "; expected " +
              std::to_string(cols) + " (" + layer_nodes(layer - 1, cols) + ")";
        return false;
    });
    return err;
}

// bL: shape[L] numbers.
std::string check_bias_counts(const Field& b, int layer, const std::vector<int>& shape) {
    int64_t n = count_numbers(b.text);
    if (n == shape[layer]) return "";
    return layer_key('b', layer) + ": " + count_text(n, "number") + "; expected " + std::to_string(shape[layer]) +
           " (" + layer_nodes(layer, shape[layer]) + ")";
}

// act: one name per weight layer, read into a fixed array (no allocation).
std::string read_activations(const Field& act, int layers, std::array<Activation, kMaxWeightLayers>* out) {
    int64_t n = count_pieces(act.text, ',');
    if (n != layers)
        return "act: " + count_text(n, "activation") + "; expected " + std::to_string(layers) +
               " (one per weight layer)";
    std::string err;
    for_each_piece(act.text, ',', [&](int l, std::string_view name) {
        if (parse_activation(trim_spaces(name), &(*out)[l])) return true;
        err = "act: activation " + std::to_string(l + 1) + " is " + quote_input(name) + "; expected " +
              activation_choices();
        return false;
    });
    return err;
}

// Every key's counts against the shape. Nothing is allocated but percent-decoded copies of
// values (never longer than the fragment).
std::string check_counts(LinkFields& f, const std::vector<int>& shape,
                         std::array<Activation, kMaxWeightLayers>* activations) {
    const int layers = static_cast<int>(shape.size()) - 1;
    const std::string last = std::to_string(layers);
    const std::string range = "the shape has " + count_text(layers, "weight layer");
    // A key beyond the shape's layers most likely means the shape is not what the writer meant.
    for (char prefix : {'w', 'b'}) {
        auto& slots = prefix == 'w' ? f.weights : f.biases;
        int64_t beyond = prefix == 'w' ? f.first_weight_beyond : f.first_bias_beyond;
        for (int l = layers + 1; l <= kMaxWeightLayers && beyond == 0; ++l)
            if (slots[l - 1].present) beyond = l;
        if (beyond != 0)
            return layer_key(prefix, beyond) + ": " + range + " (" + prefix + "1 to " + prefix + last + ")";
    }
    for (int l = 1; l <= layers; ++l) {
        Field& w = f.weights[l - 1];
        if (!w.present)
            return "missing " + layer_key('w', l) + " (" + count_text(shape[l], "row") + " of " +
                   count_text(shape[l - 1], "number") + ", rows joined by ';')";
        w.decode();
        std::string err = check_weight_counts(w, l, shape);
        if (!err.empty()) return err;
        Field& b = f.biases[l - 1];
        if (b.present) {
            b.decode();
            err = check_bias_counts(b, l, shape);
            if (!err.empty()) return err;
        }
    }
    if (f.inputs.present) {
        f.inputs.decode();
        std::string err = check_input_counts(f.inputs, shape[0]);
        if (!err.empty()) return err;
    }
    if (f.activations.present) {
        f.activations.decode();
        std::string err = read_activations(f.activations, layers, activations);
        if (!err.empty()) return err;
    }
    return "";
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Pass 4: the document, numbers parsed in place; the hidden values
// ---------------------------------------------------------------------------------------------

// Parses one row of numbers (its count already checked) into out[0..]. Returns -1, or the index
// of the first piece that is not an allowed number (*bad is that piece).
int read_numbers(std::string_view row, double* out, std::string_view* bad) {
    int failed = -1;
    for_each_piece(row, ',', [&](int j, std::string_view piece) {
        double v = 0;
        if (parse_number(trim_spaces(piece), &v) && is_allowed_value(v)) {
            out[j] = v;
            return true;
        }
        failed = j;
        *bad = piece;
        return false;
    });
    return failed;
}

// `where` starts the message: "w3: row 2, " gives "w3: row 2, number 1 is "abc"; expected ...".
std::string number_error(const std::string& where, int index, std::string_view bad) {
    return where + "number " + std::to_string(index + 1) + " is " + quote_input(bad) +
           "; expected " + kAllowedValueText;
}

// Rows joined by ';' into m (its size already checked). `row_word`: "row" or "sample".
std::string read_rows(std::string_view text, Matrix* m, const std::string& key, const char* row_word) {
    std::string err;
    for_each_piece(text, ';', [&](int r, std::string_view row) {
        std::string_view bad;
        int failed = read_numbers(row, m->row(r), &bad);
        if (failed < 0) return true;
        err = number_error(key + ": " + row_word + " " + std::to_string(r + 1) + ", ", failed, bad);
        return false;
    });
    return err;
}

std::string build_document(const LinkFields& f, const std::vector<int>& shape,
                           const std::array<Activation, kMaxWeightLayers>& activations, Document* doc) {
    const int layers = static_cast<int>(shape.size()) - 1;
    doc->network = make_network(shape);  // zero biases, default activations
    for (int l = 1; l <= layers; ++l) {
        std::string err = read_rows(f.weights[l - 1].text, &doc->network.weights[l - 1], layer_key('w', l), "row");
        if (!err.empty()) return err;
        const Field& b = f.biases[l - 1];
        if (b.present) {
            std::string_view bad;
            int failed = read_numbers(b.text, doc->network.biases[l - 1].data(), &bad);
            if (failed >= 0) return number_error(layer_key('b', l) + ": ", failed, bad);
        }
    }
    if (f.activations.present)
        doc->network.activations.assign(activations.begin(), activations.begin() + layers);
    if (!f.inputs.present) {
        doc->inputs = Matrix(1, shape[0]);  // one sample of zeros
        return "";
    }
    doc->inputs = Matrix(static_cast<int>(count_pieces(f.inputs.text, ';')), shape[0]);
    return read_rows(f.inputs.text, &doc->inputs, "x", "sample");
}

// y, loss, reduce, lr (loss.h): y's counts are checked against the samples and the output layer
// before its matrix is allocated; the others allocate nothing.
std::string read_learning(LinkFields& f, Document* doc) {
    if (f.targets.present) {
        f.targets.decode();
        const int samples = doc->inputs.rows, layer = static_cast<int>(doc->network.shape.size()) - 1;
        const int outputs = doc->network.shape[layer];
        const int64_t rows = count_pieces(f.targets.text, ';');
        if (rows != samples)
            return "y: " + count_text(rows, "sample") + "; expected " + std::to_string(samples) + " (one per sample of x)";
        std::string err;
        for_each_piece(f.targets.text, ';', [&](int s, std::string_view row) {
            const int64_t n = count_numbers(row);
            if (n != outputs)
                err = "y: sample " + std::to_string(s + 1) + " has " + count_text(n, "number") + "; expected " +
                      std::to_string(outputs) + " (" + layer_nodes(layer, outputs) + ")";
            return err.empty();
        });
        if (!err.empty()) return err;
        doc->targets = Matrix(samples, outputs);
        err = read_rows(f.targets.text, &doc->targets, "y", "sample");
        if (!err.empty()) return err;
    }
    if (f.loss.present) {
        f.loss.decode();
        if (!parse_loss(trim_spaces(f.loss.text), &doc->loss))
            return "loss: " + quote_input(f.loss.text) + " is not a loss; expected " + loss_choices();
    }
    if (f.reduction.present) {
        f.reduction.decode();
        if (!parse_reduction(trim_spaces(f.reduction.text), &doc->reduction))
            return "reduce: " + quote_input(f.reduction.text) + " is not a reduction; expected " + reduction_choices();
    }
    if (f.rate.present) {
        f.rate.decode();
        if (!parse_number(trim_spaces(f.rate.text), &doc->learning_rate) || !is_allowed_learning_rate(doc->learning_rate))
            return "lr: " + quote_input(f.rate.text) + " is not a learning rate; expected " + kLearningRateRange;
    }
    return "";
}

// hide: the exercise's hidden values. parse_hidden counts what its items stand for (a whole
// layer over every sample) before it expands them.
std::string read_hidden(Field& hide, Document* doc) {
    if (!hide.present) return "";
    hide.decode();
    return parse_hidden(hide.text, doc->network.shape, doc->inputs.rows, doc->has_targets(), &doc->hidden);
}

// title, note: the text, percent-decoded and checked (document_text.h). A value too long to
// decode within the limit is refused from its length alone.
std::string read_text(Field& field, const char* key, int max_chars, std::string (*check)(std::string_view),
                      std::string* out) {
    if (!field.present) return "";
    if (field.text.size() > max_encoded_text_bytes(max_chars))
        return std::string(key) + ": " + std::to_string(field.text.size()) + " characters of link; at most " +
               std::to_string(max_chars) + " characters of text are allowed";
    field.decode();
    std::string err = check(field.text);
    if (err.empty()) out->assign(field.text);
    return err;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Pass 5: the data set and its training
// ---------------------------------------------------------------------------------------------

// "noise: \"0.7\" is not a noise level; expected a number from 0 to 0.5".
std::string not_a(DataKey key, std::string_view text, const char* what, const std::string& expected) {
    return std::string(kDataKeys[key]) + ": " + quote_input(text) + " is not " + what + "; expected " + expected;
}

// A number key within `allowed`, into *out.
template <class Allowed>
std::string read_data_number(Field& f, DataKey key, const char* what, const std::string& expected, Allowed&& allowed,
                             double* out) {
    double v = 0;
    if (!parse_number(trim_spaces(f.text), &v) || !allowed(v)) return not_a(key, f.text, what, expected);
    *out = v;
    return "";
}

// pts: x1,x2,target of each point, joined by ';'. Counted before anything is allocated.
std::string read_custom_points(Field& f, std::vector<DataPoint>* out) {
    const int64_t n = count_pieces(f.text, ';');
    if (n > kMaxCustomPoints)
        return "pts: " + std::to_string(n) + " points; at most " + std::to_string(kMaxCustomPoints) +
               " are allowed in a link";
    std::string err;
    for_each_piece(f.text, ';', [&](int i, std::string_view point) {
        const int64_t count = count_numbers(point);
        if (count != 3)
            err = "pts: point " + std::to_string(i + 1) + " has " + count_text(count, "number") +
                  "; expected 3 (x1, x2, target)";
        return err.empty();
    });
    if (!err.empty()) return err;
    out->resize(static_cast<size_t>(n));
    for_each_piece(f.text, ';', [&](int i, std::string_view point) {
        double v[3];
        std::string_view bad;
        const int failed = read_numbers(point, v, &bad);
        if (failed >= 0) {
            err = number_error("pts: point " + std::to_string(i + 1) + ", ", failed, bad);
            return false;
        }
        (*out)[i] = {v[0], v[1], v[2]};
        return true;
    });
    return err;
}

// data, noise, points, seed, test, features, batch, opt, reg, regrate, epoch, pts: each within its
// range, all but data only with a data set (pts only with data=custom); then the shape must fit.
std::string read_data(LinkFields& f, Document* doc) {
    for (Field& field : f.data) field.decode();
    std::array<Field, kDataKeyCount>& d = f.data;
    if (!d[kData].present) {
        for (int k = 1; k < kDataKeyCount; ++k)
            if (d[k].present) return std::string(kDataKeys[k]) + ": needs a data set (the key data)";
        return "";
    }
    DataSettings& data = doc->data;
    TrainingSettings& training = doc->training;
    if (!parse_data_kind(trim_spaces(d[kData].text), &data.kind))
        return not_a(kData, d[kData].text, "a data set", data_kind_choices());
    std::string err;
    // Reads key's number into *out when the key is there and nothing failed before; true if it did.
    auto number = [&](DataKey key, const char* what, const std::string& expected, auto&& allowed, double* out) {
        if (err.empty() && d[key].present) err = read_data_number(d[key], key, what, expected, allowed, out);
        return err.empty() && d[key].present;
    };
    auto whole_in = [](double lo, double hi) { return [lo, hi](double x) { return is_whole_in(x, lo, hi); }; };
    double v = 0;
    number(kNoise, "a noise level", kNoiseRange, is_allowed_noise, &data.noise);
    if (number(kPoints, "a number of points", points_range(), whole_in(1, kMaxDataPoints), &v))
        data.points = static_cast<int>(v);
    if (number(kSeed, "a seed", seed_range(), whole_in(0, 4294967295.0), &v)) data.seed = static_cast<uint32_t>(v);
    number(kTest, "a test share", kTestShareRange, is_allowed_test_share, &data.test);
    if (err.empty() && d[kFeatures].present) {
        err = parse_features(d[kFeatures].text, ',', &data.features);
        if (!err.empty()) err = "features: " + err;
    }
    if (number(kBatch, "a batch size", batch_range(), whole_in(1, kMaxBatch), &v)) training.batch = static_cast<int>(v);
    if (err.empty() && d[kOpt].present && !parse_optimizer(trim_spaces(d[kOpt].text), &training.optimizer))
        err = not_a(kOpt, d[kOpt].text, "an optimizer", optimizer_choices());
    if (err.empty() && d[kReg].present && !parse_regularization(trim_spaces(d[kReg].text), &training.regularization))
        err = not_a(kReg, d[kReg].text, "a regularization", regularization_choices());
    number(kRegRate, "a regularization rate", kRegularizationRateRange, is_allowed_regularization_rate,
           &training.regularization_rate);
    if (number(kEpoch, "an epoch count", epoch_range(), whole_in(0, kMaxEpoch), &v))
        training.epoch = static_cast<int64_t>(v);
    if (err.empty() && d[kPts].present) {
        if (data.kind != DataKind::Custom) return "pts: custom points need data=custom";
        err = read_custom_points(d[kPts], &data.custom);
    }
    return err.empty() ? check_data_fit(*doc) : err;
}

}  // namespace

DecodeResult decode_link(std::string_view fragment) {
    DecodeResult result;
    if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
    result.error = check_text_size(fragment.size(), "the link");
    if (!result.ok()) return result;

    LinkFields fields;
    UnknownNames unknown("key");
    std::vector<int> shape;
    std::array<Activation, kMaxWeightLayers> activations{};
    result.error = find_fields(fragment, &fields, &unknown);
    if (result.ok()) result.error = check_version(fields.version);
    if (result.ok()) result.error = read_shape(fields.shape, &shape);
    if (result.ok()) result.error = check_counts(fields, shape, &activations);
    // Every size is known to be within the limits: only now is anything allocated for them.
    if (result.ok()) result.error = build_document(fields, shape, activations, &result.document);
    if (result.ok()) result.error = read_learning(fields, &result.document);
    if (result.ok()) result.error = read_data(fields, &result.document);
    if (result.ok()) result.error = read_hidden(fields.hidden, &result.document);
    if (result.ok()) result.error = read_text(fields.title, "title", kMaxTitleChars, check_title, &result.document.title);
    if (result.ok()) result.error = read_text(fields.note, "note", kMaxNoteChars, check_note, &result.document.note);
    if (!result.ok()) {
        result.document = Document();
        return result;
    }
    unknown.append_warnings(&result.warnings);
    return result;
}

}  // namespace mlp
