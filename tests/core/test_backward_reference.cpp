// The loss and the backward pass against numpy (tests/reference/backward_reference.py): random
// networks of random shapes, activations, biases and sample counts, with targets, under every
// loss and reduction; and the same numbers as state() gives them to a script.
//
// Tolerance: |ours - numpy| <= 1e-9 * (1 + |numpy|) (reference_cases.h).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/document/session.h"
#include "core/model/backward_pass.h"
#include "reference_cases.h"

using namespace mlp;
using mlp_test::ReferenceCase;

#ifndef MLP_BACKWARD_REFERENCE_CASES
#error "MLP_BACKWARD_REFERENCE_CASES must name the file written by tests/reference/backward_reference.py"
#endif

namespace {

// Compares one list of numbers, naming the first that differs.
void compare(mlp_test::Agreement& agree, const char* what, size_t layer, const std::vector<double>& ours,
             const std::vector<double>& numpy) {
    REQUIRE(ours.size() == numpy.size());
    for (size_t k = 0; k < ours.size(); ++k)
        if (!agree.check(ours[k], numpy[k]))
            FAIL_CHECK(std::string(what) << layer << " value " << k << ": ours " << ours[k] << ", numpy " << numpy[k]);
}

std::vector<double> json_numbers(const nlohmann::json& rows) {
    std::vector<double> out;
    for (const auto& row : rows) {
        if (row.is_array())
            for (const auto& v : row) out.push_back(v.get<double>());
        else
            out.push_back(row.get<double>());
    }
    return out;
}

}  // namespace

TEST_CASE("the loss and the backward pass agree with numpy on random networks") {
    const std::vector<ReferenceCase> cases = mlp_test::read_cases(MLP_BACKWARD_REFERENCE_CASES);
    REQUIRE(cases.size() >= 100);
    mlp_test::Agreement agree;
    int per_setting[kLossCount][kReductionCount] = {};
    for (const ReferenceCase& c : cases) {
        CAPTURE(c.index);
        REQUIRE(validate(c.doc) == "");
        REQUIRE(c.doc.has_targets());
        ++per_setting[static_cast<int>(c.doc.loss)][static_cast<int>(c.doc.reduction)];
        ForwardPass forward;
        forward_pass(c.doc.network, c.doc.inputs, &forward);
        BackwardPass grad;
        backward_pass(c.doc, forward, &grad);
        compare(agree, "L", 0, {grad.loss}, {c.loss});
        compare(agree, "L_s", 0, grad.sample_losses, c.sample_losses);
        compare(agree, "p", 0, grad.p.values, c.p.values);
        REQUIRE(grad.dz.size() == c.dz.size());
        for (size_t l = 0; l < c.dz.size(); ++l) {
            compare(agree, "dz", l + 1, grad.dz[l].values, c.dz[l].values);
            compare(agree, "dW", l + 1, grad.dw[l].values, c.dw[l].values);
            compare(agree, "db", l + 1, grad.db[l], c.db[l]);
        }
    }
    for (int loss = 0; loss < kLossCount; ++loss)
        for (int reduction = 0; reduction < kReductionCount; ++reduction) {
            CAPTURE(loss_name(static_cast<Loss>(loss)));
            CAPTURE(reduction_name(static_cast<Reduction>(reduction)));
            CHECK(per_setting[loss][reduction] >= 20);
        }
    MESSAGE("compared " << agree.compared << " values (L, L_s, p, dz, dW, db) of " << cases.size()
                        << " networks with numpy, every loss and reduction; worst relative difference " << agree.worst);
}

TEST_CASE("state() gives a script the numbers numpy computes: loss_value, sample_losses, dz, dw, db") {
    const std::vector<ReferenceCase> cases = mlp_test::read_cases(MLP_BACKWARD_REFERENCE_CASES);
    mlp_test::Agreement agree;
    int checked = 0;
    for (size_t n = 0; n < cases.size(); n += 7) {
        const ReferenceCase& c = cases[n];
        CAPTURE(c.index);
        Session session;
        REQUIRE(session.replace(c.doc) == "");
        const nlohmann::json state = nlohmann::json::parse(session.state_json());
        compare(agree, "loss_value", 0, {state["loss_value"].get<double>()}, {c.loss});
        compare(agree, "sample_losses", 0, json_numbers(state["sample_losses"]), c.sample_losses);
        for (size_t l = 0; l < c.dz.size(); ++l) {
            compare(agree, "dz", l + 1, json_numbers(state["dz"][l]), c.dz[l].values);
            compare(agree, "dw", l + 1, json_numbers(state["dw"][l]), c.dw[l].values);
            compare(agree, "db", l + 1, json_numbers(state["db"][l]), c.db[l]);
        }
        ++checked;
    }
    MESSAGE("compared " << agree.compared << " values of state() for " << checked
                        << " networks with numpy; worst relative difference " << agree.worst);
}
