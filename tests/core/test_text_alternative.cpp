// What the page's screen reader mirror says (app/text_alternative.h, app/control_description.h):
// the worksheet as tables, the outputs, a value exercise mode hides as "?", a control as JSON.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "app/control_description.h"
#include "app/text_alternative.h"
#include "core/document/presets.h"
#include "core/document/session.h"

using namespace app;
using nlohmann::json;

namespace {

const std::string kMinus = "\xE2\x88\x92";  // the UI's minus sign

// The cell of table `t` in the row whose header is `row`, under the column headed `column`.
std::string cell(const json& t, const std::string& row, const std::string& column) {
    const json& head = t["head"];
    for (const json& r : t["rows"]) {
        if (r[0] != row) continue;
        for (size_t j = 0; j < head.size(); ++j)
            if (head[j] == column) return r[j];
    }
    return "(no cell " + row + " / " + column + ")";
}

}  // namespace

TEST_CASE("the worksheet's tables: the inputs, then a row per node with W, z and a of every sample") {
    mlp::Session session;
    ViewState view;
    const json sheet = json::parse(sheet_json(session, view));
    const json& tables = sheet["tables"];
    REQUIRE(tables.size() == 8);
    CHECK(tables[0]["caption"] == "Inputs x, one row per sample");
    CHECK(tables[0]["rows"] == json::parse(R"([["x1","3","4","5"],["x2","5","4","3"]])"));
    const json& layer3 = tables[3];
    CHECK(layer3["caption"] == "Layer 3: z3 = W3 \xC2\xB7 a2, a3 = ReLU(z3)");
    CHECK(layer3["head"] == json::parse(R"(["node","W3 from a2[1]","W3 from a2[2]","z3 of x1","z3 of x2","a3 of x1","a3 of x2"])"));
    // The worksheet: layer 3 of x2 is 9, -5, 16 before ReLU, 9, 0, 16 after.
    CHECK(cell(layer3, "node 1", "z3 of x2") == "9");
    CHECK(cell(layer3, "node 2", "z3 of x2") == kMinus + "5");
    CHECK(cell(layer3, "node 2", "a3 of x2") == "0 (clipped)");
    CHECK(cell(layer3, "node 3", "a3 of x2") == "16");
    CHECK(cell(layer3, "node 2", "W3 from a2[2]") == kMinus + "1");
    CHECK(layer3["note"] == "");
    CHECK(tables[7]["caption"] == "Layer 7 (output): z7 = W7 \xC2\xB7 a6, a7 = linear(z7)");
    CHECK(cell(tables[7], "node 1", "a7 of x2") == kMinus + "18");
}

TEST_CASE("a value exercise mode hides reads ? in the tables and the outputs, until revealed") {
    mlp::Session session;
    ViewState view;
    const mlp::HiddenValue z{mlp::HiddenValue::Quantity::Z, 2, 1, 1};  // z3[2] of x2
    const mlp::HiddenValue y{mlp::HiddenValue::Quantity::A, 6, 1, 0};  // y of x2
    REQUIRE(session.set_hidden({z, y}) == "");
    view.exercise.on = true;
    json layer3 = json::parse(sheet_json(session, view))["tables"][3];
    CHECK(cell(layer3, "node 2", "z3 of x2") == "?");
    CHECK(cell(layer3, "node 2", "a3 of x2") == "0");  // its clip would tell z's sign
    CHECK(cell(layer3, "node 2", "z3 of x1") == "5");
    CHECK(outputs_text(session, view) == "Outputs: x1: y = " + kMinus + "4; x2: y = ?");
    const SheetKey before = sheet_key(session, view);
    view.exercise.sheet.reveal(z, session.pass());
    ++view.exercise.mask_version;
    CHECK(sheet_key(session, view) != before);
    layer3 = json::parse(sheet_json(session, view))["tables"][3];
    CHECK(cell(layer3, "node 2", "z3 of x2") == kMinus + "5");
}

TEST_CASE("the outputs and the network in a line each; the tables' key moves with every value") {
    mlp::Session session;
    ViewState view;
    CHECK(outputs_text(session, view) == "Outputs: x1: y = " + kMinus + "4; x2: y = " + kMinus + "18");
    const json status = json::parse(status_json(session, view, ""));
    CHECK(status["network"] == "8 layers of nodes: 3 \xE2\x86\x92 5 \xE2\x86\x92 2 \xE2\x86\x92 3 \xE2\x86\x92 2 \xE2\x86\x92 2 "
                               "\xE2\x86\x92 2 \xE2\x86\x92 1");
    CHECK(status["loss"] == "");
    const SheetKey before = sheet_key(session, view);
    session.set_weight(2, 1, 0, 5.0);
    CHECK(sheet_key(session, view) != before);
    // z3[2] of x2 = 5*2 - 7 = 3: no longer clipped.
    CHECK(cell(json::parse(sheet_json(session, view))["tables"][3], "node 2", "a3 of x2") == "3");
}

TEST_CASE("a large layer's table lists its first nodes and says what it leaves out") {
    mlp::Session session;
    mlp::Document doc = session.document();
    doc.network.shape = {20, 100};
    doc.network.weights = {mlp::Matrix(100, 20)};
    doc.network.biases = {std::vector<double>(100, 0.0)};
    doc.network.activations = {mlp::Activation::Linear};
    doc.inputs = mlp::Matrix(1, 20);
    REQUIRE(session.replace(doc, false) == "");
    ViewState view;
    const json t = json::parse(sheet_json(session, view))["tables"][1];
    CHECK(t["rows"].size() == static_cast<size_t>(kMaxTableRows));
    CHECK(t["head"].size() == 3);  // node, z1 of x1, a1 of x1: W (20 columns) left out
    CHECK(t["note"] == "W1 (100 \xC3\x97 20) is not listed. Nodes 65 to 100 are not listed.");
}

TEST_CASE("a control as the page's mirror reads it") {
    ControlDescription d = describe_control(ControlRole::Slider, "W1[1,1]", false, kSliderHint);
    d.id = 7;
    d.value = "0";
    d.min = -10;
    d.max = 10;
    const json j = json::parse(control_json(d));
    CHECK(j["role"] == "slider");
    CHECK(j["name"] == "W1[1,1]");
    CHECK(j["value"] == "0");
    CHECK(j["min"] == -10);
    CHECK(j["id"] == 7);
    CHECK(json::parse(control_json(ControlDescription()))["role"] == "none");
    CHECK(json::parse(control_json(combo_description("Activation of layer 3", "ReLU", false)))["role"] == "combobox");
    ControlDescription other = d;
    other.number = 1;
    CHECK(other != d);  // a new value is a change to tell
}

TEST_CASE("with targets, the backward worksheet follows as tables: the loss, each layer down, the step") {
    mlp::Session session;
    REQUIRE(session.start_from(mlp::yeh_backprop_document(), "Tom Yeh's sheet").empty());
    ViewState view;
    const json sheet = json::parse(sheet_json(session, view));
    const json& tables = sheet["tables"];
    // Inputs, 3 forward layers, the loss, 3 layers backward, 3 steps.
    REQUIRE(tables.size() == 11);
    const json& loss = tables[4];
    CHECK(loss["caption"] == "Loss: ce \xC2\xB7 sum \xC2\xB7 L = 1.104");
    CHECK(loss["head"] == json::parse(R"(["output node","y of x1","y of x2","p of x1","p of x2","L_s of x1","L_s of x2"])"));
    CHECK(cell(loss, "output 1", "y of x2") == "0");
    CHECK(cell(loss, "output 2", "L_s of x1") == "");  // one loss per sample, in the first row
    // The layers from the output down; layer 1's bias gradient is the sheet's (ReLU mask applied).
    CHECK(tables[5]["caption"] == "Layer 3 backward: linear output \xC2\xB7 \xCE\xB4" "3 = \xE2\x88\x82L/\xE2\x88\x82z3");
    const json& layer1 = tables[7];
    CHECK(layer1["caption"] == "Layer 1 backward: ReLU \xC2\xB7 \xE2\x88\x82L/\xE2\x88\x82" "a1 = W2\xE1\xB5\x80\xC2\xB7\xCE\xB4" "2 \xC2\xB7 \xCE\xB4" "1 = \xE2\x88\x82L/\xE2\x88\x82z1");
    const std::string db1 = "\xE2\x88\x82L/\xE2\x88\x82" "b1";
    CHECK(cell(layer1, "node 1", db1) == kMinus + "0.2481");
    CHECK(cell(layer1, "node 2", db1) == kMinus + "0.9078");
    CHECK(cell(layer1, "node 3", db1) == kMinus + "0.505");
    // Layer 2's first node is clipped for both samples: its ∂L/∂z is crossed out.
    const std::string dz2_x1 = "\xE2\x88\x82L/\xE2\x88\x82z2 of x1";
    CHECK(cell(tables[6], "node 1", dz2_x1) == "0 (f\xE2\x80\xB2(z) = 0)");
    // The step: new W = W − lr·∂L/∂W.
    CHECK(tables[8]["caption"] == "Step, layer 1: lr = 0.03");
    const json status = json::parse(status_json(session, view, ""));
    CHECK(status["loss"] == "Loss (ce, sum): L = 1.104");
}

TEST_CASE("without targets there is no backward table and no loss") {
    mlp::Session session;
    ViewState view;
    CHECK(json::parse(sheet_json(session, view))["tables"].size() == 8);
    CHECK(json::parse(status_json(session, view, ""))["loss"] == "");
}
