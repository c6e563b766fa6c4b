// A small streaming JSON writer. Written by hand because the state of a large network is a
// million numbers: building a DOM (nlohmann::json) first would double the memory and time for
// no gain, and numbers must use write_number's shortest round-trip form.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/network.h"

namespace mlp {

class JsonWriter {
public:
    explicit JsonWriter(std::string* out) : out_(out) {}

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(std::string_view name);  // inside an object, before each value
    void number(double v);  // null when v is not finite
    void integer(long long v);
    void string(std::string_view text);  // escaped; invalid UTF-8 bytes become U+FFFD
    void null();
    void raw(std::string_view json);  // an already-encoded JSON value

    void number_array(const double* values, int count);  // [v0, v1, ...]
    void matrix_rows(const Matrix& m);                     // [[row 0], [row 1], ...]

private:
    void before_value();
    void write_escaped(std::string_view text);  // a quoted JSON string, no separator

    std::string* out_;
    std::vector<bool> first_in_scope_;  // one entry per open object/array
    bool after_key_ = false;
};

}  // namespace mlp
