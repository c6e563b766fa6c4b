// The forward pass against numpy (tests/reference/forward_reference.py): hundreds of random
// networks of random shapes, activations, biases and sample counts.
//
// Tolerance: |ours - numpy| <= 1e-9 * (1 + |numpy|) (reference_cases.h).
#include <doctest/doctest.h>

#include <cmath>

#include "core/model/forward_pass.h"
#include "reference_cases.h"

using namespace mlp;
using mlp_test::ReferenceCase;

#ifndef MLP_FORWARD_REFERENCE_CASES
#error "MLP_FORWARD_REFERENCE_CASES must name the file written by tests/reference/forward_reference.py"
#endif

TEST_CASE("forward pass agrees with numpy on random networks") {
    const std::vector<ReferenceCase> cases = mlp_test::read_cases(MLP_FORWARD_REFERENCE_CASES);
    REQUIRE(cases.size() >= 100);
    mlp_test::Agreement agree;
    for (const ReferenceCase& c : cases) {
        CAPTURE(c.index);
        REQUIRE(validate(c.doc) == "");
        ForwardPass pass;
        forward_pass(c.doc.network, c.doc.inputs, &pass);
        REQUIRE(pass.z.size() == c.z.size());
        for (size_t l = 0; l < c.z.size(); ++l) {
            CAPTURE(l + 1);
            for (size_t k = 0; k < c.z[l].values.size(); ++k) {
                if (!agree.check(pass.z[l].values[k], c.z[l].values[k]))
                    FAIL_CHECK("z value " << k << ": ours " << pass.z[l].values[k] << ", numpy " << c.z[l].values[k]);
                if (!agree.check(pass.a[l].values[k], c.a[l].values[k]))
                    FAIL_CHECK("a value " << k << ": ours " << pass.a[l].values[k] << ", numpy " << c.a[l].values[k]);
            }
        }
    }
    MESSAGE("compared " << agree.compared << " values of " << cases.size()
                        << " networks with numpy; worst relative difference " << agree.worst);
}
