// parse_points_file (points_file.h): CSV and JSON points, each counted before it is stored.
#include "core/formats/points_file.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/formats/decode_result.h"
#include "core/formats/number_text.h"
#include "core/limits.h"
#include "core/model/network.h"

namespace mlp {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string too_many_points() {
    return "more than " + std::to_string(kMaxCustomPoints) + " points; at most " + std::to_string(kMaxCustomPoints) +
           " are allowed";
}

// Calls line(number, text) for every line (1-based, without its '\n'); stops when it returns false.
template <class Line>
void for_each_line(std::string_view text, Line&& line) {
    size_t start = 0;
    for (int number = 1; start <= text.size(); ++number) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (!line(number, text.substr(start, end - start))) return;
        start = end + 1;
    }
}

// The fields of a CSV line, at most kMax of them: false when there are more.
constexpr int kMaxFields = 3;
int split_fields(std::string_view line, std::string_view* fields) {
    int n = 0;
    size_t start = 0;
    for (;;) {
        const size_t end = line.find(',', start);
        if (n < kMaxFields) fields[n] = trim(line.substr(start, end == std::string_view::npos ? end : end - start));
        ++n;
        if (end == std::string_view::npos) return n;
        start = end + 1;
    }
}

bool is_number_field(std::string_view field) {
    double v = 0;
    return parse_number(field, &v);
}

// The fields of a line that holds a point, and their count; 0 for a blank line or the header
// (the first line that is not blank, when its first field is not a number). *first: no line that
// is not blank came before.
int point_fields(std::string_view line, bool* first, std::string_view* fields) {
    if (trim(line).empty()) return 0;
    const int n = split_fields(line, fields);
    const bool header = *first && !is_number_field(fields[0]);
    *first = false;
    return header ? 0 : n;
}

std::string parse_csv(std::string_view text, std::vector<DataPoint>* out) {
    // Pass 1: the lines that hold points, counted, and every field checked.
    std::string err;
    int points = 0;
    bool first = true;
    for_each_line(text, [&](int row, std::string_view line) {
        std::string_view f[kMaxFields];
        const int n = point_fields(line, &first, f);
        if (n == 0) return true;
        if (n != 3) {
            err = "row " + std::to_string(row) + ": " + count_text(n, "number") + "; expected 3 (x1, x2, target)";
            return false;
        }
        for (int c = 0; c < 3; ++c) {
            double v = 0;
            if (!parse_number(f[c], &v) || !is_allowed_value(v)) {
                err = "row " + std::to_string(row) + ", column " + std::to_string(c + 1) + ": " + quote_input(f[c]) +
                      (parse_number(f[c], &v) ? " is out of range" : " is not a number") + "; expected " +
                      kAllowedValueText;
                return false;
            }
        }
        if (++points > kMaxCustomPoints) {
            err = "row " + std::to_string(row) + ": " + too_many_points();
            return false;
        }
        return true;
    });
    if (!err.empty()) return err;
    if (points == 0) return "no points; expected lines of x1,x2,target";
    // Pass 2: only now, with the count known, the points are stored.
    std::vector<DataPoint> result;
    result.reserve(points);
    first = true;
    for_each_line(text, [&](int, std::string_view line) {
        std::string_view f[kMaxFields];
        if (point_fields(line, &first, f) == 0) return true;
        DataPoint p;
        parse_number(f[0], &p.x1);
        parse_number(f[1], &p.x2);
        parse_number(f[2], &p.target);
        result.push_back(p);
        return true;
    });
    *out = std::move(result);
    return "";
}

// A small reader of the one JSON shape allowed: [[n, n, n], ...]. `store` false: only checks and
// counts (pass 1); true: appends the points (pass 2, after the count was allowed).
class JsonPoints {
public:
    explicit JsonPoints(std::string_view text) : text_(text) {}
    std::string read(std::vector<DataPoint>* store, int* count);

private:
    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    bool take(char c) {
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    // "line 3, column 7" of the next character.
    std::string where() const {
        int line = 1;
        size_t line_start = 0;
        for (size_t i = 0; i < pos_ && i < text_.size(); ++i)
            if (text_[i] == '\n') line += 1, line_start = i + 1;
        return "line " + std::to_string(line) + ", column " + std::to_string(pos_ - line_start + 1);
    }
    std::string expected(const std::string& what) const {
        const std::string_view rest = text_.substr(std::min(pos_, text_.size()), 12);
        return "JSON at " + where() + ": expected " + what + (rest.empty() ? " before the end" : "; got " + quote_input(rest));
    }

    std::string_view text_;
    size_t pos_ = 0;
};

std::string JsonPoints::read(std::vector<DataPoint>* store, int* count) {
    pos_ = 0;
    *count = 0;
    if (!take('[')) return expected("'[' (an array of points)");
    if (take(']')) return "no points; expected an array of [x1, x2, target]";
    for (;;) {
        const int point = *count + 1;
        if (point > kMaxCustomPoints) return "point " + std::to_string(point) + ": " + too_many_points();
        if (!take('[')) return "point " + std::to_string(point) + ": " + expected("'[' (a point: [x1, x2, target])");
        double v[3];
        for (int c = 0; c < 3; ++c) {
            if (c > 0 && !take(','))
                return "point " + std::to_string(point) + ": " + count_text(c, "number") + "; expected 3 (x1, x2, target)";
            skip_space();
            const size_t start = pos_;
            while (pos_ < text_.size() && std::strchr("+-.0123456789eE", text_[pos_]) && text_[pos_] != '\0') ++pos_;
            const std::string_view token = text_.substr(start, pos_ - start);
            if (!parse_number(token, &v[c]) || !is_allowed_value(v[c])) {
                pos_ = start;
                const std::string what = token.empty() ? expected("a number") : quote_input(token) + " is not " +
                                                                                      kAllowedValueText;
                return "point " + std::to_string(point) + ", column " + std::to_string(c + 1) + ": " + what;
            }
        }
        if (!take(']')) return "point " + std::to_string(point) + ": " + expected("']' after 3 numbers (x1, x2, target)");
        if (store) store->push_back({v[0], v[1], v[2]});
        ++*count;
        if (take(']')) break;
        if (!take(',')) return expected("',' or ']' after point " + std::to_string(point));
    }
    skip_space();
    if (pos_ != text_.size()) return expected("the end of the text after the array");
    return "";
}

std::string parse_json(std::string_view text, std::vector<DataPoint>* out) {
    JsonPoints reader(text);
    int count = 0;
    std::string err = reader.read(nullptr, &count);
    if (!err.empty()) return err;
    std::vector<DataPoint> result;
    result.reserve(count);
    reader.read(&result, &count);
    *out = std::move(result);
    return "";
}

}  // namespace

std::string parse_points_file(std::string_view text, std::vector<DataPoint>* out) {
    if (text.size() > kMaxPointsFileBytes)
        return "the file is " + std::to_string(text.size()) + " bytes long; at most " + std::to_string(kMaxPointsFileBytes) +
               " (1 MiB) are allowed";
    if (text.find('\0') != std::string_view::npos) return "the file holds a NUL character; expected text";
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "the file is empty; expected lines of x1,x2,target";
    return text[first] == '[' ? parse_json(text, out) : parse_csv(text, out);
}

}  // namespace mlp
