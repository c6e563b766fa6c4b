// Numbers for people (number_format.h): one format for the worksheet, sliders, diagram and
// tooltips; never an exponent such as 1e+05 within the limits.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <string>

#include "core/formats/number_text.h"
#include "core/text/number_format.h"

using namespace mlp;

static const std::string kMinus = "\xE2\x88\x92";

TEST_CASE("four significant digits, never fewer than the integer digits, a true minus sign") {
    CHECK(format_value(0) == "0");
    CHECK(format_value(-0.0) == "0");
    CHECK(format_value(-5) == kMinus + "5");
    CHECK(format_value(16) == "16");
    CHECK(format_value(0.25) == "0.25");
    CHECK(format_value(0.7195) == "0.7195");
    CHECK(format_value(0.71954321) == "0.7195");
    CHECK(format_value(-0.076154) == kMinus + "0.07615");
    CHECK(format_value(1.5) == "1.5");
    CHECK(format_value(26.3849) == "26.38");
    CHECK(format_value(1234.56) == "1235");
    CHECK(format_value(100000) == "100000");  // was "1e+05"
    CHECK(format_value(123456.7) == "123457");
    CHECK(format_value(-1e6) == kMinus + "1000000");
    CHECK(format_value(0.33333333) == "0.3333");
}

TEST_CASE("a value that rounds up to the next power of ten loses its zeros") {
    CHECK(format_value(9.99996) == "10");
    CHECK(format_value(0.0999996) == "0.1");
    CHECK(format_value(999.96) == "1000");
    CHECK(format_value(0.000099996) == "0.0001");  // rounded first: not a power of ten
}

TEST_CASE("values below 0.0001 are written with a power of ten, in superscript") {
    CHECK(format_value(0.00012346) == "0.0001235");
    CHECK(format_value(1.2e-7) == "1.2\xC3\x97" "10\xE2\x81\xBB\xE2\x81\xB7");                 // 1.2×10⁻⁷
    CHECK(format_value(-5e-5) == kMinus + "5\xC3\x97" "10\xE2\x81\xBB\xE2\x81\xB5");            // −5×10⁻⁵
    CHECK(format_value(4.94e-324) == "4.941\xC3\x97" "10\xE2\x81\xBB\xC2\xB3\xC2\xB2\xE2\x81\xB4");  // ×10⁻³²⁴
}

TEST_CASE("no value within the limits prints an exponent in letters, and none has more than 4 digits of fraction beyond its size") {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> uniform(-1e6, 1e6);
    for (int i = 0; i < 20000; ++i) {
        const double v = i % 2 ? uniform(rng) : std::ldexp(uniform(rng), -static_cast<int>(rng() % 60));
        const std::string text = format_value(v);
        CAPTURE(v);
        CAPTURE(text);
        CHECK(text.find('e') == std::string::npos);
        CHECK(text.find('-') == std::string::npos);  // the minus sign is U+2212
        CHECK(text_columns(text) <= 13);
        // What people see is v to 4 significant digits: it reads back within half a unit of the
        // fourth digit (plain decimals only; a power of ten is checked above).
        if (text.find("\xC3\x97") != std::string::npos) continue;
        std::string ascii = text;
        if (ascii.rfind(kMinus, 0) == 0) ascii = "-" + ascii.substr(kMinus.size());
        double back = 0;
        REQUIRE(parse_number(ascii, &back));
        const double unit = std::pow(10.0, std::floor(std::log10(std::fabs(v))) - (kShownDigits - 1));
        CHECK(std::fabs(back - v) <= std::max(0.5 * unit, 0.5) * (1 + 1e-9));
    }
}

TEST_CASE("the widest text of a range is as wide as the widest value in it") {
    CHECK(widest_value_text(1, 9, false) == "0.000");
    CHECK(widest_value_text(0.07, 40, true) == kMinus + "0.00000");
    CHECK(widest_value_text(3, 250000, true) == kMinus + "000000");  // 111100 is wider than 1.111
    CHECK(widest_value_text(1e-9, 1, false) == "0.000\xC3\x97" "10\xE2\x81\xBB\xE2\x81\xB9");
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> uniform(-6, 6);
    for (int i = 0; i < 2000; ++i) {
        double a = std::pow(10.0, uniform(rng)), b = std::pow(10.0, uniform(rng));
        if (a > b) std::swap(a, b);
        const int widest = text_columns(widest_value_text(a, b, true));
        for (double v : {a, b, std::sqrt(a * b), (a + b) / 2}) {
            CAPTURE(v);
            CHECK(text_columns(format_value(-v)) <= widest);
        }
    }
}

TEST_CASE("a range of values knows the widest text of them without formatting each") {
    ValueRange none;
    CHECK(none.widest_text() == "0");
    ValueRange whole;
    for (double v : {3.0, -5.0, 16.0, 0.0}) whole.add(v);
    CHECK(whole.widest_text() == kMinus + "00");  // −5 and 16: two digits and a sign at most
    ValueRange mixed = whole;
    mixed.add(0.07615);
    CHECK(mixed.fraction);
    CHECK(mixed.smallest == 0.07615);
    CHECK(text_columns(mixed.widest_text()) >= text_columns(format_value(-0.07615)));
    ValueRange merged;
    merged.add(whole);
    CHECK(merged.widest_text() == whole.widest_text());
    merged.add(mixed);
    CHECK(merged.widest_text() == mixed.widest_text());
}
