// The session names the edit behind each revision, so the diagram can update only what changed.
#include <doctest/doctest.h>

#include "core/default_network.h"
#include "core/session.h"

using namespace mlp;
using Kind = Session::Edit::Kind;

TEST_CASE("last_edit names the weight, bias, input or activation that made the revision") {
    Session session;
    CHECK(session.last_edit().kind == Kind::Document);

    session.set_weight(2, 1, 0, 5.0);  // W3[2,1]
    CHECK(session.last_edit().kind == Kind::Weight);
    CHECK(session.last_edit().layer == 2);
    CHECK(session.last_edit().row == 1);
    CHECK(session.last_edit().col == 0);

    session.set_bias(1, 0, 0.5);
    CHECK(session.last_edit().kind == Kind::Bias);
    CHECK(session.last_edit().layer == 1);
    CHECK(session.last_edit().row == 0);

    session.set_input(1, 2, 7.0);  // x2[3]
    CHECK(session.last_edit().kind == Kind::Input);
    CHECK(session.last_edit().layer == 1);
    CHECK(session.last_edit().col == 2);

    session.set_activation(6, Activation::Tanh);
    CHECK(session.last_edit().kind == Kind::Activation);
    CHECK(session.last_edit().layer == 6);

    // An edit that changes nothing leaves both the revision and the record alone.
    const uint64_t revision = session.revision();
    session.set_input(1, 2, 7.0);
    CHECK(session.revision() == revision);
    CHECK(session.last_edit().kind == Kind::Activation);

    CHECK(session.replace(exercise_document()) == "");
    CHECK(session.last_edit().kind == Kind::Document);
}
