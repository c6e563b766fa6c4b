// The page's sscanf (src/platform/scan_format.h), checked against the C library's on the formats
// Dear ImGui gives it: its settings lines, the GLSL version, a typed slider value.
#include <doctest/doctest.h>

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "platform/scan_format.h"

static int page_scan(const char* text, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int stored = platform::scan_format(text, format, args, std::strtod);
    va_end(args);
    return stored;
}

// Both scanners on the same text and format with two int outputs: same count, same values.
static void check_two_ints(const char* text, const char* format) {
    CAPTURE(text);
    CAPTURE(format);
    int a1 = -7, b1 = -7, a2 = -7, b2 = -7;
    const int libc = std::sscanf(text, format, &a1, &b1);
    const int page = page_scan(text, format, &a2, &b2);
    CHECK(page == libc);
    CHECK(a2 == a1);
    CHECK(b2 == b1);
}

static void check_float(const char* text, const char* format) {
    CAPTURE(text);
    CAPTURE(format);
    float f1 = -7.0f, f2 = -7.0f;
    int n1 = -7, n2 = -7;
    const int libc = std::sscanf(text, format, &f1, &n1);
    const int page = page_scan(text, format, &f2, &n2);
    CHECK(page == libc);
    CHECK(f2 == f1);
    CHECK(n2 == n1);
}

TEST_CASE("the page's sscanf reads ImGui's integer formats as the C library does") {
    check_two_ints("Pos=60,-12", "Pos=%i,%i");
    check_two_ints("Size=0x10,010", "Size=%i,%i");  // %i takes C's prefixes: 16 and 8
    check_two_ints("Pos=60", "Pos=%i,%i");
    check_two_ints("Collapsed=1", "Collapsed=%d");
    check_two_ints("Collapsed=", "Collapsed=%d");
    check_two_ints("#version 300 es", "#version %d");
    check_two_ints("#version", "#version %d");
    check_two_ints("", "%d");      // nothing to read: EOF
    check_two_ints("   ", "%d");   // only white space: EOF too
    check_two_ints("x", "%d");     // a matching failure: 0
    check_two_ints("  -42  ", "%d");
    check_two_ints("+17", "%d");
    check_two_ints("0x1F", "%d");  // %d stops at the x
    check_two_ints("0x1234ABCD,7", "0x%08X,%d");
    check_two_ints("0x123456789,7", "0x%08X,%d");  // the width stops the hex at 8 digits
    check_two_ints("ff 10", "%x %X");
    check_two_ints("Column 3", "Column %d%n");
    check_two_ints("Width=120 Order=2", "Width=%d%n");
    check_two_ints("Visible=1", "Visible=%d%n");
    check_two_ints("100%", "%d%%");
    check_two_ints("100 %", "%d %%");
}

TEST_CASE("the page's sscanf reads floats, 64-bit integers and characters as the C library does") {
    check_float("RefScale=13.5", "RefScale=%f%n");
    check_float("Weight=0.25 Visible=1", "Weight=%f%n");
    check_float("  -1.5e-3", "%f%n");
    check_float("3.", "%f%n");
    check_float(".5", "%f%n");
    check_float("1e5x", "%f%n");
    check_float("abc", "%f%n");
    check_float("12345", "%3f%n");  // the width: "123"
    double d1 = 0, d2 = 0;
    CHECK(page_scan("0.30000000000000004", "%lf", &d2) == std::sscanf("0.30000000000000004", "%lf", &d1));
    CHECK(d2 == d1);
    long long l1 = 0, l2 = 0;
    CHECK(page_scan("-9007199254740993", "%lld", &l2) == std::sscanf("-9007199254740993", "%lld", &l1));
    CHECK(l2 == l1);
    unsigned long long u1 = 0, u2 = 0;
    CHECK(page_scan("18446744073709551615", "%llu", &u2) == std::sscanf("18446744073709551615", "%llu", &u1));
    CHECK(u2 == u1);
    unsigned v1 = 0, v2 = 0;
    CHECK(page_scan("4000000000", "%u", &v2) == std::sscanf("4000000000", "%u", &v1));
    CHECK(v2 == v1);
    int n1 = 0, n2 = 0, r1 = 0, r2 = 0;
    char c1 = 0, c2 = 0;
    CHECK(page_scan("Sort=0^ next", "Sort=%d%c%n", &n2, &c2, &r2) ==
          std::sscanf("Sort=0^ next", "Sort=%d%c%n", &n1, &c1, &r1));
    CHECK(n2 == n1);
    CHECK(c2 == c1);
    CHECK(r2 == r1);
}
