// Numbers for people: the one format every place of the page shows a value in (the worksheet,
// the sliders, the diagram's nodes, tags and notes, tooltips, exercise mode), so a value reads the
// same wherever the eye finds it. Links and JSON write numbers with number_text.h instead, exactly.
//
//   4 significant digits, never fewer than the integer digits:  0.25, 0.07615, -5, 1235, 123456
//   a true minus sign (U+2212), no "-0", no trailing zeros
//   no exponent from 0.0001 up to the limit (|v| <= 1e6); below, a power of ten: 1.2×10⁻⁷
#pragma once

#include <string>

namespace mlp {

constexpr int kShownDigits = 4;  // significant digits people see (links keep every digit)

// v as text (UTF-8). v must be finite.
std::string format_value(double v);

// The widest text format_value writes for a value whose size is within [smallest, largest]
// (0 < smallest <= largest; both finite), negative when `negative`: a sample text, made of '0'
// digits (of one width in the UI's font), for columns that must hold values they do not
// format one by one.
std::string widest_value_text(double smallest, double largest, bool negative);

// The sizes of a set of values, gathered one by one, and the widest text format_value writes for
// any of them: for a column that holds more values than are worth formatting each frame.
struct ValueRange {
    double smallest = 0;    // the smallest nonzero |v| (0 while there is none)
    double largest = 0;     // the largest |v|
    bool negative = false;  // some v < 0
    bool fraction = false;  // some v is not a whole number

    void add(double v);
    void add(const ValueRange& other);
    // "0" digits, a minus sign, a point, as the widest value of the range is written.
    std::string widest_text() const;
};

// The width in columns of a text, counting each UTF-8 character once.
int text_columns(const std::string& text);

}  // namespace mlp
