// The session names the edit behind each revision, so the diagram can update only what changed.
#include <doctest/doctest.h>

#include "core/document/default_network.h"
#include "core/document/session.h"

using namespace mlp;
using Kind = Session::Edit::Kind;

// The value a one-value edit touched, as Session::Edit names it.
ValueAddress edited(const Session& s) {
    REQUIRE(s.last_edit().kind == Kind::Value);
    return s.last_edit().value;
}

TEST_CASE("last_edit names the weight, bias, input, target or setting that made the revision") {
    Session session;
    CHECK(session.last_edit().kind == Kind::Document);

    session.set_weight(2, 1, 0, 5.0);  // W3[2,1]
    CHECK(edited(session) == ValueAddress{ValueKind::Weight, 2, 0, 1, 0});

    session.set_bias(1, 0, 0.5);
    CHECK(edited(session) == ValueAddress{ValueKind::Bias, 1, 0, 0, 0});

    session.set_input(1, 2, 7.0);  // x2[3]: the sample is not a layer
    CHECK(edited(session) == ValueAddress{ValueKind::Input, 0, 1, 0, 2});

    session.set_activation(6, Activation::Tanh);
    CHECK(edited(session) == ValueAddress{ValueKind::Activation, 6, 0, 0, 0});

    // An edit that changes nothing leaves both the revision and the record alone.
    const uint64_t revision = session.revision();
    session.set_input(1, 2, 7.0);
    CHECK(session.revision() == revision);
    CHECK(edited(session).kind == ValueKind::Activation);

    session.set_learning_rate(0.5);
    CHECK(edited(session).kind == ValueKind::LearningRate);

    // Undo of one value names it again; the activation comes back as the enum it was.
    CHECK(session.undo());
    CHECK(edited(session).kind == ValueKind::LearningRate);
    CHECK(session.undo());
    CHECK(edited(session) == ValueAddress{ValueKind::Activation, 6, 0, 0, 0});
    CHECK(session.network().activations[6] == exercise_document().network.activations[6]);

    CHECK(session.replace(exercise_document()) == "");
    CHECK(session.last_edit().kind == Kind::Document);
}
