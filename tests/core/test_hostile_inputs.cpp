// Regression tests for what the robustness work (issue 7) found in untrusted input, and the
// property every hostile network relies on: whatever the limits allow, the forward pass stays
// finite, so state() is always valid JSON.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/document/document.h"
#include "core/document/document_loader.h"
#include "core/formats/json_import.h"
#include "core/formats/link_codec.h"
#include "core/formats/state_json.h"
#include "core/limits.h"
#include "core/model/forward_pass.h"

using namespace mlp;

namespace {

const std::string kJson = R"({"format": "mlp-explorer/1", "shape": [1, 1], "weights": [[[3]]]})";

std::string with_nul(const std::string& before, const std::string& after) { return before + '\0' + after; }

}  // namespace

// nlohmann-json ends its input at a NUL byte: text after one was ignored, so a file or load()
// text holding a NUL and then anything at all opened as the JSON before it (found by the soak's
// inputs once load() passed its text's length; tests/browser/robustness_load.test.js).
TEST_CASE("a NUL byte in JSON text is refused, not taken for the end of the text") {
    CHECK(decode_json(kJson).ok());
    CHECK(decode_json(with_nul(kJson, R"({"weights": "never read"})")).error ==
          "JSON syntax error at line 1, column 66: a NUL character");
    CHECK(decode_json(with_nul(kJson, "")).error == "JSON syntax error at line 1, column 66: a NUL character");
    CHECK(decode_json(with_nul("{\n\"format\"", ": 1}")).error == "JSON syntax error at line 2, column 9: a NUL character");
    CHECK(decode_document_text(with_nul(kJson, " garbage")).error == "JSON syntax error at line 1, column 66: a NUL character");
    // Written as an escape inside a string, a NUL is text like any other (here of a field the
    // format does not have; a title or note refuses control characters).
    DecodeResult escaped = decode_json(R"({"format": "mlp-explorer/1", "shape": [1, 1], "weights": [[[3]]], "remark": "a\u0000b"})");
    CHECK(escaped.ok());
}

TEST_CASE("a NUL byte in a link is a character of the value that holds it") {
    const DecodeResult r = decode_document_text(with_nul("v=1&shape=1,1&w1=1", "&x=2"));
    CHECK(r.error.rfind("w1: ", 0) == 0);
    CHECK(r.error.find('\0') == std::string::npos);  // quoted as '?'
}

// The largest amplification the limits allow: 32 weight layers of 181 nodes (32 x 181 x 181 =
// 1,048,352 weights), every weight, bias and input 1e6, linear. Each layer multiplies by about
// 181e6, so the output is near 1e270: finite, as every value of state() must be (JSON has no inf).
TEST_CASE("the forward pass of any network within the limits is finite") {
    std::vector<int> shape(kMaxWeightLayers + 1, 181);
    Document doc;
    doc.network = make_network(shape);
    for (Matrix& w : doc.network.weights) w.values.assign(w.values.size(), kMaxAbsValue);
    for (std::vector<double>& b : doc.network.biases) b.assign(b.size(), kMaxAbsValue);
    for (Activation& a : doc.network.activations) a = Activation::Linear;
    doc.inputs = Matrix(1, shape[0], kMaxAbsValue);
    REQUIRE(validate(doc) == "");
    ForwardPass pass;
    forward_pass(doc.network, doc.inputs, &pass);
    const double output = pass.a.back().at(0, 0);
    MESSAGE("output of the largest amplification: " << output);
    CHECK(std::isfinite(output));
    CHECK(output > 1e260);
    for (const Matrix& z : pass.z)
        for (double v : z.values) REQUIRE(std::isfinite(v));
    const std::string state = state_json(doc, pass, nullptr, {});
    CHECK(state.find("inf") == std::string::npos);
    CHECK(state.find("nan") == std::string::npos);
}
