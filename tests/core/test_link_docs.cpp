// docs/link-format.md says what links do; this keeps it true. Every example link in it loads
// without warnings, every error example gives exactly the message shown next to it, the JSON
// example loads, and the worked examples compute what the text says. docs/learning.md's links are
// the learning presets.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/document/default_network.h"
#include "core/document/presets.h"
#include "core/exercise/exercise.h"
#include "core/formats/json_import.h"
#include "core/formats/link_codec.h"
#include "core/model/backward_pass.h"
#include "core/model/forward_pass.h"

using namespace mlp;

namespace {

std::string read_doc(const char* name = "link-format.md") {
    std::string here = __FILE__;  // .../tests/core/test_link_docs.cpp
    std::string path = here.substr(0, here.rfind("/tests/")) + "/docs/" + name;
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct DocExamples {
    std::vector<std::string> links;                                 // in ```text blocks
    std::vector<std::pair<std::string, std::string>> error_rows;    // | `#link` | `message` |
    std::vector<std::string> json_blocks;                           // ```json blocks
};

DocExamples examples_of(const std::string& doc) {
    DocExamples ex;
    std::istringstream lines(doc);
    std::string line, block_kind, block;
    bool inside = false;  // in a fenced block of kind block_kind ("text", "json", "")
    const std::string address = "http://127.0.0.1:8080/";
    while (std::getline(lines, line)) {
        if (line.rfind("```", 0) == 0) {
            if (!inside) {
                block_kind = line.substr(3);
                block.clear();
            } else if (block_kind == "json") {
                ex.json_blocks.push_back(block);
            }
            inside = !inside;
            continue;
        }
        if (inside) {
            block += line + "\n";
            if (block_kind == "text" && line.rfind(address, 0) == 0) ex.links.push_back(line.substr(address.size()));
            if (block_kind == "text" && line.rfind("#v=", 0) == 0) ex.links.push_back(line);
            continue;
        }
        // | `#v=2&...` | `v: version 2 ...` |
        if (line.rfind("| `#", 0) == 0) {
            size_t a = line.find('`') + 1, b = line.find('`', a);
            size_t c = line.find('`', b + 1) + 1, d = line.rfind('`');
            ex.error_rows.emplace_back(line.substr(a, b - a), line.substr(c, d - c));
        }
    }
    return ex;
}

std::vector<double> outputs(const Document& doc) {
    ForwardPass pass;
    forward_pass(doc.network, doc.inputs, &pass);
    return pass.a.back().values;
}

}  // namespace

TEST_CASE("docs/link-format.md: every example link loads, every error example says what it shows") {
    DocExamples ex = examples_of(read_doc());
    REQUIRE(ex.links.size() >= 6);
    REQUIRE(ex.error_rows.size() >= 10);
    REQUIRE(ex.json_blocks.size() >= 1);
    MESSAGE("checked " << ex.links.size() << " links, " << ex.error_rows.size() << " error examples, "
                       << ex.json_blocks.size() << " JSON blocks of docs/link-format.md");

    // The first example is the exercise, exactly as the page writes it.
    CHECK(ex.links[0] == "#" + encode_link(exercise_document()));
    for (const std::string& link : ex.links) {
        CAPTURE(link);
        DecodeResult r = decode_link(link);
        CHECK(r.error == "");
        CHECK(r.warnings.empty());
    }
    for (const auto& [link, message] : ex.error_rows) {
        CAPTURE(link);
        CHECK(decode_link(link).error == message);
    }
    for (const std::string& json : ex.json_blocks) {
        DecodeResult r = decode_json(json);
        CHECK(r.error == "");
        CHECK(r.warnings.empty());
    }
}

TEST_CASE("docs/link-format.md: the worked examples compute what the text says") {
    auto out = [](const char* link) {
        DecodeResult r = decode_link(link);
        REQUIRE(r.error == "");
        return outputs(r.document);
    };
    CHECK(out("#v=1&shape=2,1&x=3,4&w1=0.5,-1") == std::vector<double>{-2.5});
    CHECK(out("#v=1&shape=2%2C1&x=3%2C4&w1=0.5%2C-1") == std::vector<double>{-2.5});
    CHECK(out("#v=1&shape=2,2,1&x=0,0;0,1;1,0;1,1&w1=1,1;1,1&w2=1,-2&b1=0,-1") == std::vector<double>{0, 1, 1, 0});
    std::vector<double> a = out("#v=1&shape=2,2,2&x=1,2&w1=1,1;1,-1&w2=1,0;0,1&b1=0,0.5&b2=-3,0&act=leaky_relu,sigmoid");
    CHECK(a[0] == 0.5);
    CHECK(a[1] == doctest::Approx(0.49875).epsilon(1e-6));
    // The JSON example is the XOR link.
    DecodeResult json = decode_json(examples_of(read_doc()).json_blocks[0]);
    CHECK(json.document == decode_link("#v=1&shape=2,2,1&x=0,0;0,1;1,0;1,1&w1=1,1;1,1&w2=1,-2&b1=0,-1").document);
}

TEST_CASE("docs/link-format.md: the exercise links hide what the text says") {
    std::vector<std::string> exercises;
    for (const std::string& link : examples_of(read_doc()).links)
        if (link.find("&hide=") != std::string::npos) exercises.push_back(link);
    REQUIRE(exercises.size() == 3);
    const std::string spec = "#" + encode_link(exercise_document());
    // The design's exercise link plus `&hide=...`, as the page writes it; Tom Yeh's sheet with
    // backward values hidden.
    CHECK(exercises[0] == spec + "&hide=z3.2.2,a3.2.2");
    CHECK(exercises[1] == spec + "&hide=a7");
    CHECK(exercises[2] == "#" + encode_link(yeh_backprop_document()) + "&hide=dz3.1.1,dw3.2.1,nb1.1");
    for (const std::string& link : exercises) {
        DecodeResult r = decode_link(link);
        REQUIRE(r.ok());
        CHECK("#" + encode_link(r.document) == link);
    }
    // z = -5 and a = 0: the worksheet's one ReLU clip.
    DecodeResult clip = decode_link(exercises[0]);
    ForwardPass pass;
    forward_pass(clip.document.network, clip.document.inputs, &pass);
    REQUIRE(clip.document.hidden.size() == 2);
    CHECK(hidden_value(clip.document.hidden[0], pass) == -5.0);
    CHECK(hidden_value(clip.document.hidden[1], pass) == 0.0);
    CHECK(decode_link(exercises[1]).document.hidden.size() == 2);  // the output of x1 and of x2
    {
        using Q = HiddenValue::Quantity;
        const std::vector<HiddenValue> expected = {{Q::Dz, 2, 0, 0}, {Q::Dw, 2, 0, 1, 0}, {Q::NewB, 0, 0, 0}};
        CHECK(decode_link(exercises[2]).document.hidden == expected);
        // Without y the same items are refused, naming the first.
        const std::string no_targets = exercises[2].substr(0, exercises[2].find("&y=")) + "&hide=dz3.1.1";
        CHECK(decode_link(no_targets).error == "hide: \"dz3.1.1\" is a value of the backward pass, which needs targets (y)");
    }
    // The JSON example hides a1, the single neuron's output.
    const std::vector<std::string> blocks = examples_of(read_doc()).json_blocks;
    const auto hiding = std::find_if(blocks.begin(), blocks.end(),
                                     [](const std::string& b) { return b.find("\"hidden\"") != std::string::npos; });
    REQUIRE(hiding != blocks.end());
    DecodeResult json = decode_json(*hiding);
    REQUIRE(json.ok());
    CHECK(json.document.hidden.size() == 1);
}

TEST_CASE("docs/link-format.md: the learning examples compute what the text says") {
    DecodeResult r = decode_link("#v=1&shape=2,1&x=3,4&w1=0.5,-1&y=-2");
    REQUIRE(r.ok());
    ForwardPass pass;
    forward_pass(r.document.network, r.document.inputs, &pass);
    BackwardPass grad;
    backward_pass(r.document, pass, &grad);
    CHECK(grad.loss == 0.125);
    CHECK(grad.dz[0].values == std::vector<double>{-0.5});
    CHECK(grad.dw[0].values == std::vector<double>{-1.5, -2});
    CHECK(grad.db[0] == std::vector<double>{-0.5});
    gradient_step(grad, r.document.learning_rate, &r.document.network);
    CHECK(r.document.network.weights[0].values[0] == doctest::Approx(0.545).epsilon(1e-15));
    CHECK(r.document.network.weights[0].values[1] == doctest::Approx(-0.94).epsilon(1e-15));
    CHECK(r.document.network.biases[0][0] == doctest::Approx(0.015).epsilon(1e-15));
    // Tom Yeh's exercise is the preset.
    CHECK(decode_link("#v=1&shape=4,3,4,3&x=2,1,2,1;-1,1,1,2&w1=1,0,-1,1;0,1,1,0;1,-1,0,0&w2=0,-1,2;-1,1,0;0,1,1;-1,0,0&w3=0,-1,-1,2;-1,0,0,0;-1,0,1,0&b1=1,1,0&b2=1,2,1,3&b3=5,2,-4&y=0,0,1;0,1,0&loss=ce&reduce=sum")
              .document == yeh_backprop_document());
}

TEST_CASE("docs/learning.md: its links are the learning presets, as the page writes them") {
    std::vector<std::string> links = examples_of(read_doc("learning.md")).links;
    REQUIRE(links.size() == 4);
    CHECK(links[0] == "#" + encode_link(exercise_with_targets_document()));
    // The practice sheet of the backward pass: the same network, its backward values hidden, and
    // the numbers the text gives for them.
    const DecodeResult practice = decode_link(links[1]);
    REQUIRE(practice.ok());
    CHECK("#" + encode_link(practice.document) == links[1]);
    Document without = practice.document;
    without.hidden.clear();
    CHECK(without == exercise_with_targets_document());
    CHECK(practice.document.hidden.size() == 4 + 2 + 2 + 2 + 1 + 2);  // dz6, dz7, dw6.1, dw7, db7, nw7
    {
        ForwardPass f;
        forward_pass(without.network, without.inputs, &f);
        BackwardPass g;
        backward_pass(without.network, without.inputs, without.targets, without.loss, without.reduction, f, &g);
        const ExerciseValues values(f, &g, &without.network, without.learning_rate);
        using Q = HiddenValue::Quantity;
        CHECK(hidden_value({Q::Dz, 6, 1, 0}, values) == 2.0);
        CHECK(hidden_value({Q::Dw, 6, 0, 0, 1}, values) == 55.0);
        CHECK(hidden_value({Q::Db, 6, 0, 0}, values) == 3.0);
        CHECK(hidden_value({Q::Dz, 5, 0, 1}, values) == -1.0);
        CHECK(hidden_value({Q::Dw, 5, 0, 0, 0}, values) == 35.0);
        CHECK(hidden_value({Q::NewW, 6, 0, 0, 1}, values) == doctest::Approx(-1.0055));
    }
    links.erase(links.begin() + 1);
    CHECK(links[1] == "#" + encode_link(yeh_backprop_document()));
    CHECK(links[2] == "#" + encode_link(london_backprop_document()));
}

TEST_CASE("docs/link-format.md: the title and note examples carry the text the doc shows") {
    std::vector<std::string> texts;
    for (const std::string& link : examples_of(read_doc()).links)
        if (link.find("&title=") != std::string::npos) texts.push_back(link);
    REQUIRE(texts.size() == 2);
    DecodeResult xor_link = decode_link(texts[0]);
    REQUIRE(xor_link.ok());
    CHECK(xor_link.document.title == "XOR by hand");
    CHECK(xor_link.document.note == "Compute every z and a.\nWhich sample does ReLU clip?");
    CHECK("#" + encode_link(xor_link.document) == texts[0]);  // as the page writes it
    DecodeResult french = decode_link(texts[1]);
    REQUIRE(french.ok());
    CHECK(french.document.title == "Un neurone \xC3\xA0 deux entr\xC3\xA9" "es: l'exercice");
    CHECK("#" + encode_link(french.document) == texts[1]);
    const std::vector<std::string> json = examples_of(read_doc()).json_blocks;
    DecodeResult with_text = decode_json(json.back());
    REQUIRE(with_text.ok());
    CHECK(with_text.document.title == "One neuron");
    CHECK(with_text.document.note == "z = 0.5\xC2\xB7" "3 \xE2\x88\x92 1\xC2\xB7" "4\nWhat is a?");
}
