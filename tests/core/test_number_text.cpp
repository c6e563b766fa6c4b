// Numbers as text: shortest round-trip output and strict parsing.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>

#include "core/number_text.h"

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
