// Numbers typed into the page's fields: read exactly as the link reads them, or refused with a
// message that says why; never turned into another number (issue 10, item 3).
#include <doctest/doctest.h>

#include <string>

#include "core/formats/link_codec.h"
#include "core/formats/typed_number.h"
#include "core/limits.h"

using namespace mlp;

namespace {

double read(const char* text) {
    const TypedNumber t = read_typed_number(text);
    REQUIRE_MESSAGE(t.ok(), text, ": ", t.error);
    return t.value;
}

std::string refusal(const char* text, TypedRange range = TypedRange::Limits) {
    const TypedNumber t = read_typed_number(text, range);
    CHECK_MESSAGE(!t.ok(), text, " was read as ", t.value);
    return t.error;
}

}  // namespace

TEST_CASE("a typed number is read as the link reads it") {
    CHECK(read("1e5") == 1e5);
    CHECK(read("-0.125") == -0.125);
    CHECK(read(" 4 ") == 4);
    CHECK(read("+2") == 2);
    CHECK(read(".5") == 0.5);
    CHECK(read("1e-7") == 1e-7);
    CHECK(read("1000000") == 1e6);
    CHECK(read("-1e6") == -1e6);
    CHECK(read("-0") == 0);
    // The minus sign the worksheet writes, pasted back.
    CHECK(read("\xE2\x88\x92" "5") == -5);
    CHECK(read("2e\xE2\x88\x92" "1") == 0.2);
    // The same value the link gives for the same text, for every number of the link docs' kind.
    for (const char* text : {"0.1", "-2", "1e-07", "0.30000000000000004", "123456.789", "-999999.9999999"}) {
        const DecodeResult link = decode_link(std::string("v=1&shape=1,1&w1=") + text);
        REQUIRE(link.ok());
        CHECK(read(text) == link.document.network.weights[0].at(0, 0));
    }
}

TEST_CASE("what the issue saw silently changed is refused, saying why") {
    // 1e7 gave 1, 1000001 gave 100000: beyond the limits, refused whole.
    CHECK(refusal("1e7") == "\"1e7\" is beyond the limits; expected a number from -1e6 to 1e6");
    CHECK(refusal("1000001") == "\"1000001\" is beyond the limits; expected a number from -1e6 to 1e6");
    CHECK(refusal("-1e999") == "\"-1e999\" is beyond the limits; expected a number from -1e6 to 1e6");
    // 3,5 gave 35: a decimal comma is neither 35 nor 3.5 ("1,000" is a thousand to some).
    CHECK(refusal("3,5") == "\"3,5\" has a comma; write decimals with a point (3.5) and thousands without a separator (1000)");
    CHECK(refusal("1,000") == refusal("3,5").replace(1, 3, "1,000"));
    // 1/3 gave 1: a fraction is not worked out.
    CHECK(refusal("1/3") == "\"1/3\" is a fraction; type it as a decimal number (0.25 for 1/4)");
    CHECK(refusal("2*3") == "\"2*3\" is not one number; type a single number such as 2, -0.5 or 1e-3 (nothing is worked out)");
    CHECK(refusal("1+1") == refusal("2*3").replace(1, 3, "1+1"));
    CHECK(refusal("1 2") == refusal("2*3").replace(1, 3, "1 2"));
    CHECK(refusal("") == "nothing was typed; expected a number such as 2, -0.5 or 1e-3");
    CHECK(refusal("   ") == refusal(""));
    for (const char* text : {"abc", "1e", "-", "inf", "nan", "0x10", "--5", "1..2", "e5", "5e+"})
        CHECK(refusal(text) == "\"" + std::string(text) + "\" is not a number; expected a number such as 2, -0.5 or 1e-3");
    const std::string long_text(100, '1');
    CHECK(refusal(long_text.c_str()) == "\"11111111111111111111111111111111...\" is too long for a number (at most 64 characters)");
}

TEST_CASE("an exercise answer may be any finite number") {
    const TypedNumber big = read_typed_number("1e7", TypedRange::Finite);
    CHECK(big.ok());
    CHECK(big.value == 1e7);
    CHECK(refusal("1e999", TypedRange::Finite) == "\"1e999\" is too large for a number");
    CHECK(refusal("3,5", TypedRange::Finite) == refusal("3,5"));
}

TEST_CASE("a typed count is a whole number within its range") {
    const TypedNumber six = read_typed_count(" 6 ", "a node count", 1, kMaxNodesPerLayer);
    CHECK(six.ok());
    CHECK(six.value == 6);
    CHECK(read_typed_count("1e3", "a node count", 1, kMaxNodesPerLayer).value == 1000);
    CHECK(read_typed_count("2.5", "a node count", 1, kMaxNodesPerLayer).error ==
          "\"2.5\" is not a node count; expected a whole number from 1 to 1024");
    CHECK(read_typed_count("0", "a node count", 1, kMaxNodesPerLayer).error ==
          "\"0\" is not a node count; expected a whole number from 1 to 1024");
    CHECK(read_typed_count("1025", "a node count", 1, kMaxNodesPerLayer).error ==
          "\"1025\" is not a node count; expected a whole number from 1 to 1024");
    CHECK(read_typed_count("1e12", "a node count", 1, kMaxNodesPerLayer).error ==
          "\"1e12\" is not a node count; expected a whole number from 1 to 1024");
    CHECK(read_typed_count("3,5", "a node count", 1, kMaxNodesPerLayer).error == refusal("3,5"));
}

TEST_CASE("a refused value is said in the session's error with what stays, and taken back when a value is accepted") {
    Session s;
    FieldMessage message;
    const TypedNumber t = read_typed_number("3,5");
    message.refuse(&s, "W3[2,1]: " + t.error, kept_value_note("W3[2,1]", -0.27));
    CHECK(s.error() == "W3[2,1]: \"3,5\" has a comma; write decimals with a point (3.5) and thousands without a separator (1000)");
    CHECK(s.error_note() == "W3[2,1] stays -0.27.");
    message.accepted(&s);
    CHECK(s.error().empty());
    CHECK(s.error_note().empty());
    // A message that replaced it meanwhile (a refused link) is not the field's to take back.
    message.refuse(&s, "x1[1]: " + read_typed_number("1e7").error, kept_value_note("x1[1]", 3));
    s.set_error("v: version 9 is not supported (this page reads version 1)");
    message.accepted(&s);
    CHECK(s.error() == "v: version 9 is not supported (this page reads version 1)");
}
