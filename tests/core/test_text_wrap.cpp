// Text wraps at spaces only (text_wrap.h): a number is never split across two lines.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/text_wrap.h"

using namespace mlp;

// Every character 1 wide, as a fixed-width font.
static std::vector<std::string> wrapped(std::string_view text, float width) {
    std::vector<std::string> out;
    for (std::string_view line : wrap_text(text, width, [](std::string_view s) { return static_cast<float>(s.size()); }))
        out.emplace_back(line);
    return out;
}

TEST_CASE("a line breaks at the last space that fits, never inside a number") {
    // ImGui 1.86 breaks after '.' or ',': "z1 = 0." then "7195".
    CHECK(wrapped("z1 = 0.7195", 8) == std::vector<std::string>{"z1 =", "0.7195"});
    CHECK(wrapped("x1:  z1 = 5, 4, 3, 7, 9", 16) == std::vector<std::string>{"x1:  z1 = 5, 4,", "3, 7, 9"});
    CHECK(wrapped("a b c", 100) == std::vector<std::string>{"a b c"});
}

TEST_CASE("a word wider than the line keeps a line of its own, whole") {
    CHECK(wrapped("see 0.000123456789 here", 6) == std::vector<std::string>{"see", "0.000123456789", "here"});
}

TEST_CASE("the text's own line breaks are kept, and spaces at the ends of lines dropped") {
    CHECK(wrapped("one\ntwo  three", 5) == std::vector<std::string>{"one", "two", "three"});
    CHECK(wrapped("a\n\nb", 5) == std::vector<std::string>{"a", "", "b"});
    CHECK(wrapped("", 5) == std::vector<std::string>{""});
    CHECK(wrapped("  padded  ", 10) == std::vector<std::string>{"padded"});
}
