// The worksheet's notation (core/text/notation.h): the names the UI and the browser tests share, and
// glyphs the page's font can draw.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/text/notation.h"

using namespace mlp;

namespace {

using Q = HiddenValue::Quantity;

// The code points of UTF-8 text (the glyphs are valid UTF-8 by construction; a bad byte fails).
std::vector<unsigned> code_points(const std::string& text) {
    std::vector<unsigned> out;
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : 3;
        unsigned cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
        REQUIRE(i + extra < text.size());
        for (int k = 1; k <= extra; ++k) {
            const unsigned char d = static_cast<unsigned char>(text[i + k]);
            REQUIRE((d >> 6) == 0x2);
            cp = (cp << 6) | (d & 0x3F);
        }
        out.push_back(cp);
        i += extra + 1;
    }
    return out;
}

// MLP_FONT_RANGES of cmake/web_app.cmake: the characters the page's font is cut down to.
std::vector<std::pair<unsigned, unsigned>> font_ranges() {
    std::string here = __FILE__;  // .../tests/core/test_notation.cpp
    const std::string path = here.substr(0, here.rfind("/tests/")) + "/cmake/web_app.cmake";
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    const size_t start = all.find("set(MLP_FONT_RANGES");
    REQUIRE(start != std::string::npos);
    const std::string block = all.substr(start, all.find("\n)", start) - start);
    std::vector<std::pair<unsigned, unsigned>> ranges;
    const std::regex pair("(0x[0-9A-Fa-f]+)[ \t]+(0x[0-9A-Fa-f]+)");
    for (std::sregex_iterator it(block.begin(), block.end(), pair), end; it != end; ++it) {
        ranges.emplace_back(std::stoul((*it)[1], nullptr, 16), std::stoul((*it)[2], nullptr, 16));
    }
    return ranges;
}

}  // namespace

TEST_CASE("values are named 1-based, as on the worksheet") {
    CHECK(notation::weights(2) == "W3");
    CHECK(notation::weight(2, 1, 0) == "W3[2,1]");
    CHECK(notation::bias(2, 1) == "b3[2]");
    CHECK(notation::input(0, 2) == "x1[3]");
    CHECK(notation::sample(1) == "x2");
    CHECK(notation::index(0) == "[1]");
    CHECK(notation::node_value(Q::Z, 2, 1) == "z3[2]");
    CHECK(notation::node_value(Q::A, 6, 0) == "a7[1]");
    // The exercise's one ReLU clip: z = −5 and a = 0 of node 2 of layer 3, sample x2.
    CHECK(notation::value({Q::Z, 2, 1, 1}) == "z3[2].x2");
    CHECK(notation::value({Q::A, 2, 1, 1}) == "a3[2].x2");
    CHECK(notation::value({Q::A, 31, 63, 1023}) == "a32[1024].x64");
    CHECK(std::string(notation::quantity(Q::Z)) == "z");
    CHECK(std::string(notation::quantity(Q::A)) == "a");
}

TEST_CASE("every glyph is one character the page's font carries") {
    const std::vector<std::pair<const char*, unsigned>> glyphs = {
        {notation::kArrow, 0x2192},       {notation::kLeftArrow, 0x2190},   {notation::kDot, 0x00B7},
        {notation::kTimes, 0x00D7},       {notation::kMinus, 0x2212},       {notation::kEllipsis, 0x2026},
        {notation::kEnDash, 0x2013},      {notation::kOpenSection, 0x25BC}, {notation::kClosedSection, 0x25B6},
        {notation::kFoldUp, 0x25B2},      {notation::kRight, 0x2713},       {notation::kWrong, 0x2717},
    };
    const auto ranges = font_ranges();
    REQUIRE(ranges.size() >= 5);
    for (const auto& [glyph, expected] : glyphs) {
        const std::vector<unsigned> cps = code_points(glyph);
        CAPTURE(glyph);
        REQUIRE(cps.size() == 1);
        CHECK(cps[0] == expected);
        bool carried = false;
        for (const auto& [lo, hi] : ranges) carried = carried || (lo <= cps[0] && cps[0] <= hi);
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", cps[0]);
        CHECK_MESSAGE(carried, code << " is not in MLP_FONT_RANGES");
    }
}
