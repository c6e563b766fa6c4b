#include "core/formats/json_writer.h"

#include <cmath>

#include "core/formats/number_text.h"

namespace mlp {

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_in_scope_.empty()) {
        if (!first_in_scope_.back()) out_->push_back(',');
        first_in_scope_.back() = false;
    }
}

void JsonWriter::begin_object() {
    before_value();
    out_->push_back('{');
    first_in_scope_.push_back(true);
}

void JsonWriter::end_object() {
    out_->push_back('}');
    first_in_scope_.pop_back();
}

void JsonWriter::begin_array() {
    before_value();
    out_->push_back('[');
    first_in_scope_.push_back(true);
}

void JsonWriter::end_array() {
    out_->push_back(']');
    first_in_scope_.pop_back();
}

void JsonWriter::key(std::string_view name) {
    before_value();
    write_escaped(name);
    out_->push_back(':');
    after_key_ = true;
}

void JsonWriter::number(double v) {
    before_value();
    // JSON has no infinity or NaN. A document's values are always finite, and so is its forward
    // pass; a gradient, a product over every layer, can overflow in an extreme network.
    if (std::isfinite(v))
        append_number(out_, v);
    else
        out_->append("null");
}

void JsonWriter::integer(long long v) {
    before_value();
    out_->append(std::to_string(v));
}

void JsonWriter::null() {
    before_value();
    out_->append("null");
}

void JsonWriter::raw(std::string_view json) {
    before_value();
    out_->append(json);
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 when the bytes there are not one.
static size_t utf8_sequence_length(std::string_view s, size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    if (len == 2 && c < 0xC2) return 0;  // overlong
    return len;
}

void JsonWriter::string(std::string_view text) {
    before_value();
    write_escaped(text);
}

void JsonWriter::write_escaped(std::string_view text) {
    out_->push_back('"');
    for (size_t i = 0; i < text.size();) {
        char c = text[i];
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out_->push_back('\\');
            out_->push_back(c);
            ++i;
        } else if (u < 0x20) {
            static const char kHex[] = "0123456789abcdef";
            out_->append("\\u00");
            out_->push_back(kHex[u >> 4]);
            out_->push_back(kHex[u & 15]);
            ++i;
        } else if (u < 0x80) {
            out_->push_back(c);
            ++i;
        } else {
            size_t len = utf8_sequence_length(text, i);
            if (len == 0) {
                out_->append("\xEF\xBF\xBD");  // U+FFFD REPLACEMENT CHARACTER
                ++i;
            } else {
                out_->append(text.substr(i, len));
                i += len;
            }
        }
    }
    out_->push_back('"');
}

void JsonWriter::number_array(const double* values, int count) {
    begin_array();
    for (int i = 0; i < count; ++i) number(values[i]);
    end_array();
}

void JsonWriter::matrix_rows(const Matrix& m) {
    begin_array();
    for (int r = 0; r < m.rows; ++r) number_array(m.row(r), m.cols);
    end_array();
}

}  // namespace mlp
