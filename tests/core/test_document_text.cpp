// A document's title and note (document_text.h): checked like every value of a link or a file,
// percent-encoded in the link, fields of the JSON, one undo step; links without them unchanged.
#include <doctest/doctest.h>

#include <string>

#include "core/document/default_network.h"
#include "core/document/session.h"
#include "core/formats/document_text.h"
#include "core/formats/json_import.h"
#include "core/formats/link_codec.h"
#include "core/formats/state_json.h"
#include "core/limits.h"

using namespace mlp;

// XOR as the page writes it (weights, then biases).
static const std::string kXor = "v=1&shape=2,2,1&x=0,0;0,1;1,0;1,1&w1=1,1;1,1&w2=1,-2&b1=0,-1";

TEST_CASE("a title is one line of UTF-8 text, a note may have line breaks; both have a length limit") {
    CHECK(check_title("").empty());
    CHECK(check_title("XOR, by hand: find z\xE2\x82\x81").empty());
    CHECK(check_title(std::string(kMaxTitleChars, 'x')).empty());
    CHECK(check_title(std::string(kMaxTitleChars + 1, 'x')) == "title: 121 characters; at most 120 are allowed");
    // Characters, not bytes: 120 of "é" (240 bytes) is a title.
    std::string accents;
    for (int i = 0; i < kMaxTitleChars; ++i) accents += "\xC3\xA9";
    CHECK(check_title(accents).empty());
    CHECK(check_title("two\nlines") ==
          "title: character 4 is a control character (U+000A); a title is one line of text");
    CHECK(check_note("two\nlines").empty());
    CHECK(check_note("tab\there") == "note: character 4 is a control character (U+0009); only line breaks are allowed");
    CHECK(check_note("bell \x07") == "note: character 6 is a control character (U+0007); only line breaks are allowed");
    CHECK(check_note(std::string(kMaxNoteChars + 1, 'x')) == "note: 1001 characters; at most 1000 are allowed");
    CHECK(check_title("caf\xC3") == "title: byte 4 is not UTF-8 text");          // cut short
    CHECK(check_title("\xC0\xAF") == "title: byte 1 is not UTF-8 text");        // overlong '/'
    CHECK(check_title("\xED\xA0\x80") == "title: byte 1 is not UTF-8 text");    // a surrogate
    CHECK(check_title("\xF4\x90\x80\x80") == "title: byte 1 is not UTF-8 text");  // beyond U+10FFFF
}

TEST_CASE("the link carries them last, percent-encoded as URLSearchParams writes a form value") {
    Document doc = decode_link(kXor).document;
    doc.title = "XOR & friends";
    doc.note = "a = 1\n\xE2\x88\x92" "5 \xE2\x86\x92 0, 100%";
    const std::string link = encode_link(doc);
    CHECK(link == kXor + "&title=XOR+%26+friends&note=a+%3D+1%0A%E2%88%925+%E2%86%92+0%2C+100%25");
    const DecodeResult back = decode_link(link);
    REQUIRE(back.ok());
    CHECK(back.document.title == doc.title);
    CHECK(back.document.note == doc.note);
    CHECK(back.document == doc);
    // As a person might write it: %20 for a space, raw UTF-8, any order of keys.
    const DecodeResult typed = decode_link("title=Exercise%203%20(\xC3\xA9t\xC3\xA9)&" + kXor);
    REQUIRE(typed.ok());
    CHECK(typed.document.title == "Exercise 3 (\xC3\xA9t\xC3\xA9)");
    CHECK(typed.warnings.empty());
}

TEST_CASE("every existing link opens exactly as before, and a document without text writes the same link") {
    const DecodeResult r = decode_link(encode_link(exercise_document()));
    CHECK(r.document.title.empty());
    CHECK(r.document.note.empty());
    CHECK(encode_link(exercise_document()).find("title") == std::string::npos);
    CHECK(document_json(exercise_document()).find("title") == std::string::npos);
}

TEST_CASE("a title or note that cannot be used refuses the link, naming the key") {
    CHECK(decode_link(kXor + "&title=%FF").error == "title: byte 1 is not UTF-8 text");
    CHECK(decode_link(kXor + "&title=a%0Ab").error ==
          "title: character 2 is a control character (U+000A); a title is one line of text");
    CHECK(decode_link(kXor + "&note=" + std::string(kMaxNoteChars + 1, 'n')).error ==
          "note: 1001 characters; at most 1000 are allowed");
    CHECK(decode_link(kXor + "&title=a&title=b").error == "title appears twice; each key may appear once");
    // Far too long to be a title: refused from its length, before it is decoded.
    const std::string huge(max_encoded_text_bytes(kMaxTitleChars) + 1, 'x');
    CHECK(decode_link(kXor + "&title=" + huge).error ==
          "title: " + std::to_string(huge.size()) + " characters of link; at most 120 characters of text are allowed");
    // An empty value is no title.
    const DecodeResult empty = decode_link(kXor + "&title=&note=");
    REQUIRE(empty.ok());
    CHECK(empty.document.title.empty());
    CHECK(encode_link(empty.document) == kXor);
}

TEST_CASE("JSON has \"title\" and \"note\" fields, checked the same way; state() always has them") {
    Document doc = decode_link(kXor).document;
    doc.title = "XOR \"by hand\"";
    doc.note = "line 1\nline 2 <b>not bold</b>";
    const std::string json = document_json(doc);
    CHECK(json.find("\"title\":\"XOR \\\"by hand\\\"\"") != std::string::npos);
    CHECK(json.find("\"note\":\"line 1\\u000aline 2 <b>not bold</b>\"") != std::string::npos);
    const DecodeResult back = decode_json(json);
    REQUIRE(back.ok());
    CHECK(back.document == doc);
    CHECK(decode_json(R"({"format":"mlp-explorer/1","shape":[1,1],"weights":[[[1]]],"title":"a\u0007"})").error ==
          "title: character 2 is a control character (U+0007); a title is one line of text");
    CHECK(decode_json(R"({"format":"mlp-explorer/1","shape":[1,1],"weights":[[[1]]],"note":3})").error ==
          "note: got a number; expected a string");
    Session session;
    CHECK(session.state_json().find("\"title\":\"\",\"note\":\"\"") != std::string::npos);
}

TEST_CASE("the session sets them as one undo step, refusing what cannot be used") {
    Session session;
    const uint64_t structure = session.structure_revision();
    CHECK(session.set_text("Exercise 1", "Find every z.").empty());
    CHECK(session.document().title == "Exercise 1");
    CHECK(session.link().find("&title=Exercise+1&note=Find+every+z.") != std::string::npos);
    CHECK(session.structure_revision() == structure);  // the diagram is not rebuilt for it
    CHECK(session.set_text("two\nlines", "") ==
          "title: character 4 is a control character (U+000A); a title is one line of text");
    CHECK(session.document().title == "Exercise 1");
    session.set_weight(0, 0, 0, 7);
    REQUIRE(session.undo());
    REQUIRE(session.undo());
    CHECK(session.document().title.empty());
    CHECK(session.document() == exercise_document());
    REQUIRE(session.redo());
    CHECK(session.document().note == "Find every z.");
}
