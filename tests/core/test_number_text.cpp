// Numbers as text: shortest round-trip output and strict parsing.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "allocation_counter.h"
#include "core/formats/number_text.h"

using namespace mlp;

static std::string written(double v) {
    char buf[kMaxNumberChars];
    return std::string(buf, write_number(v, buf));
}

TEST_CASE("numbers are written as the shortest decimal that reads back the same") {
    CHECK(written(0.1) == "0.1");
    CHECK(written(-2) == "-2");
    CHECK(written(1e-7) == "1e-07");
    CHECK(written(1e6) == "1000000");
    CHECK(written(-0.0) == "0");
    CHECK(written(0.30000000000000004) == "0.30000000000000004");
    CHECK(written(5e-324) == "5e-324");
    CHECK(written(-1.7976931348623157e308) == "-1.7976931348623157e+308");
}

TEST_CASE("every double written reads back to the same bits") {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> uniform(-1e6, 1e6);
    for (int i = 0; i < 100000; ++i) {
        double v = i % 2 ? uniform(rng) : std::ldexp(uniform(rng), -static_cast<int>(rng() % 1000));
        std::string text = written(v);
        CHECK(text.size() < static_cast<size_t>(kMaxNumberChars));
        double back = 0;
        REQUIRE(parse_number(text, &back));
        if (v == 0.0) v = 0.0;
        if (std::memcmp(&back, &v, sizeof v) != 0) FAIL_CHECK(text << " read back as " << back);
    }
}

TEST_CASE("parse_number accepts decimal numbers only") {
    double v = 0;
    CHECK((parse_number("3", &v) && v == 3));
    CHECK((parse_number("-0.25", &v) && v == -0.25));
    CHECK((parse_number("+2", &v) && v == 2));
    CHECK((parse_number(".5", &v) && v == 0.5));
    CHECK((parse_number("5.", &v) && v == 5));
    CHECK((parse_number("1e-07", &v) && v == 1e-7));
    CHECK((parse_number("2E3", &v) && v == 2000));
    for (const char* bad : {"", "-", ".", "e5", "1e", "1e+", "0x10", "inf", "nan", "Infinity", " 1", "1 ",
                            "1,2", "--1", "1.2.3", "1e5.5", "\xff"})
        CHECK_MESSAGE(!parse_number(bad, &v), "accepted: ", bad);
    CHECK(!parse_number(std::string(65, '1'), &v));
    CHECK(parse_number("0." + std::string(60, '0') + "1", &v));
}

// parse_number reads most numbers without strtod (Clinger's fast path: up to 15 digits, a power
// of ten within 1e22); the double must be exactly strtod's either way, signs of zero included.
TEST_CASE("parse_number reads every decimal as strtod does, fast path or not") {
    std::mt19937_64 rng(6);
    int checked = 0;
    for (int k = 0; k < 200000; ++k) {
        std::string text = rng() % 3 == 0 ? "-" : rng() % 10 == 0 ? "+" : "";
        std::string digits;
        const int n = 1 + static_cast<int>(rng() % 17);
        for (int i = 0; i < n; ++i) digits += static_cast<char>('0' + rng() % 10);
        const int dot = static_cast<int>(rng() % (n + 2)) - 1;  // -1: no point
        if (dot >= 0) digits.insert(digits.begin() + dot, '.');
        text += digits == "." ? "0" : digits;
        if (rng() % 3 == 0) text += "e" + std::to_string(static_cast<int>(rng() % 61) - 30);
        double v = 0;
        REQUIRE_MESSAGE(parse_number(text, &v), text);
        const double expected = std::strtod(text.c_str(), nullptr);
        if (std::memcmp(&v, &expected, sizeof v) != 0) FAIL_CHECK(text << " read as " << v << ", strtod: " << expected);
        ++checked;
    }
    CHECK(checked == 200000);
    double v = 1;
    CHECK((parse_number("-0", &v) && std::signbit(v) && v == 0));
    CHECK((parse_number("0.07", &v) && v == 0.07));
    CHECK((parse_number("123456789012345", &v) && v == 123456789012345.0));       // 15 digits: fast
    CHECK((parse_number("0.30000000000000004", &v) && v == 0.30000000000000004));  // 17: strtod
    CHECK((parse_number("1e22", &v) && v == 1e22));
    CHECK((parse_number("1e23", &v) && v == 1e23));
    CHECK((parse_number("1e999", &v) && std::isinf(v)));
}

TEST_CASE("parse_number allocates nothing") {
    double v = 0;
    CHECK(mlp_test::bytes_allocated_by([&] { parse_number("-0.123456789012345678", &v); }) == 0);
    CHECK(mlp_test::bytes_allocated_by([&] { parse_number("0.07", &v); }) == 0);
}
