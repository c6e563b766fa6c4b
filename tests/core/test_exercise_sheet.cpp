// The learner's side of an exercise: answers typed in place, Check's marks and score, Reveal in
// forward order, and what happens to them when the network or the hidden set changes.
#include <doctest/doctest.h>

#include "core/document/session.h"
#include "core/exercise/exercise.h"
#include "core/exercise/exercise_sheet.h"

using namespace mlp;

namespace {
using Q = HiddenValue::Quantity;
// The worksheet's clipped node, layer 3 node 2 of x2: z = −5, a = 0; and the output of x1, −4.
const HiddenValue kZ{Q::Z, 2, 1, 1}, kA{Q::A, 2, 1, 1}, kOut{Q::A, 6, 0, 0};
}  // namespace

TEST_CASE("typed answers read as numbers, the page's minus sign included") {
    double v = 0;
    CHECK(read_answer("-5", &v));
    CHECK(v == -5);
    CHECK(read_answer(" \xE2\x88\x92" "5 ", &v));  // "−5" as the worksheet writes it
    CHECK(v == -5);
    CHECK(read_answer("+2.5", &v));
    CHECK(v == 2.5);
    CHECK_FALSE(read_answer("", &v));
    CHECK_FALSE(read_answer("five", &v));
    CHECK_FALSE(read_answer("1e999", &v));
    CHECK_FALSE(read_answer("--5", &v));
}

TEST_CASE("Check marks a right and a wrong answer; the unanswered stay neutral; the score counts") {
    Session s;
    REQUIRE(s.set_hidden({kZ, kA, kOut}) == "");
    ExerciseSheet sheet;
    sheet.set_answer(kZ, "-5");
    sheet.set_answer(kA, "-5");  // the classic mistake: the ReLU forgotten
    CHECK_FALSE(sheet.checked());
    CHECK(sheet.mark(kZ) == ExerciseSheet::Mark::None);
    sheet.check(s.hidden(), s.pass());
    CHECK(sheet.checked());
    CHECK(sheet.mark(kZ) == ExerciseSheet::Mark::Right);
    CHECK(sheet.mark(kA) == ExerciseSheet::Mark::Wrong);
    CHECK(sheet.mark(kOut) == ExerciseSheet::Mark::None);
    ExerciseSheet::Score score = sheet.score(s.hidden());
    CHECK(score.right == 1);
    CHECK(score.wrong == 1);
    CHECK(score.unanswered == 1);
    CHECK(score.total == 3);
    // Correcting an answer clears its mark until the next check.
    sheet.set_answer(kA, "0");
    CHECK(sheet.mark(kA) == ExerciseSheet::Mark::None);
    sheet.set_answer(kOut, "abc");
    sheet.check(s.hidden(), s.pass());
    CHECK(sheet.mark(kA) == ExerciseSheet::Mark::Right);
    CHECK(sheet.mark(kOut) == ExerciseSheet::Mark::Wrong);  // not a number: wrong, not ignored
    CHECK(sheet.score(s.hidden()).right == 2);
}

TEST_CASE("an edit of the network after Check makes the marks outdated; Check again is current") {
    Session s;
    REQUIRE(s.set_hidden({kZ, kA}) == "");
    ExerciseSheet sheet;
    sheet.set_answer(kZ, "-5");
    sheet.check(s.hidden(), s.pass());
    CHECK_FALSE(sheet.outdated(s.pass()));
    s.set_weight(0, 0, 0, 1.0);  // W1[1,1] changed and changed back: the values are as checked
    s.set_weight(6, 0, 0, 2.0);  // W7 only: downstream of layer 3, the hidden values stay
    s.set_weight(0, 0, 0, 0.0);
    CHECK_FALSE(sheet.outdated(s.pass()));
    s.set_weight(2, 1, 0, 5.0);  // W3[2,1]: z3[2] of x2 becomes 3
    CHECK(sheet.outdated(s.pass()));
    sheet.check(s.hidden(), s.pass());
    CHECK_FALSE(sheet.outdated(s.pass()));
    CHECK(sheet.mark(kZ) == ExerciseSheet::Mark::Wrong);  // checked against the network as it is
}

TEST_CASE("Reveal goes in forward order: layer by layer, z before a") {
    Session s;
    REQUIRE(s.set_hidden({kOut, kA, kZ}) == "");
    ExerciseSheet sheet;
    const HiddenValue* next = sheet.next_to_reveal(s.hidden(), s.pass());
    REQUIRE(next);
    CHECK(*next == kZ);
    CHECK(*sheet.reveal_next(s.hidden(), s.pass()) == kZ);
    CHECK(sheet.revealed(kZ));
    CHECK(*sheet.next_to_reveal(s.hidden(), s.pass()) == kA);
    CHECK(*sheet.reveal_next(s.hidden(), s.pass()) == kA);
    CHECK(*sheet.next_to_reveal(s.hidden(), s.pass()) == kOut);
    sheet.reveal_all(s.hidden(), s.pass());
    CHECK(sheet.next_to_reveal(s.hidden(), s.pass()) == nullptr);
    CHECK(sheet.reveal_next(s.hidden(), s.pass()) == nullptr);
    CHECK(sheet.score(s.hidden()).revealed == 3);
}

TEST_CASE("Reveal keeps the learner's work: right answers are skipped and marked, wrong ones stay beside the value") {
    Session s;
    REQUIRE(s.set_hidden({kZ, kA, kOut}) == "");
    ExerciseSheet sheet;
    sheet.set_answer(kZ, "-5");  // right, not checked yet
    sheet.set_answer(kA, "-5");  // wrong: the ReLU forgotten
    // Reveal step passes the right z3[2] by, marks it right, and reveals a3[2].
    CHECK(*sheet.next_to_reveal(s.hidden(), s.pass()) == kA);
    CHECK(*sheet.reveal_next(s.hidden(), s.pass()) == kA);
    CHECK_FALSE(sheet.revealed(kZ));
    CHECK(sheet.mark(kZ) == ExerciseSheet::Mark::Right);
    CHECK(sheet.revealed(kA));
    CHECK(sheet.answer(kA) == "-5");  // kept, to be shown beside the value
    CHECK(sheet.mark(kA) == ExerciseSheet::Mark::Wrong);
    // Reveal all: the output too; z3[2] stays the learner's.
    sheet.set_answer(kOut, "7");
    sheet.reveal_all(s.hidden(), s.pass());
    CHECK_FALSE(sheet.revealed(kZ));
    CHECK(sheet.revealed(kOut));
    CHECK(sheet.answer(kOut) == "7");
    CHECK(sheet.mark(kOut) == ExerciseSheet::Mark::Wrong);
    // Each value counts once: 1 right, 2 revealed (never "1 of 3 right · 2 wrong · 3 revealed").
    const ExerciseSheet::Score score = sheet.score(s.hidden());
    CHECK(score.right == 1);
    CHECK(score.wrong == 0);
    CHECK(score.revealed == 2);
    CHECK(score.unanswered == 0);
    CHECK(score.right + score.wrong + score.revealed + score.unanswered <= score.total);
    CHECK(sheet.status(s.hidden(), s.pass()).text == "1 of 3 right \xC2\xB7 2 revealed");
}

TEST_CASE("the score line: to find, right, wrong, revealed, each value once") {
    Session s;
    using Tone = ExerciseSheet::Status::Tone;
    ExerciseSheet sheet;
    CHECK(sheet.status(s.hidden(), s.pass()).text == "Nothing is hidden: Edit sheet to choose what to hide.");
    // The exercise's 28 values of layers 4 to 7 (z and a, both samples), as in the issue.
    std::vector<HiddenValue> hidden;
    REQUIRE(parse_hidden("z4,a4,z5,a5,z6,a6,z7,a7", s.network().shape, 2, false, &hidden) == "");
    REQUIRE(s.set_hidden(hidden) == "");
    REQUIRE(s.hidden().size() == 28);
    CHECK(sheet.status(s.hidden(), s.pass()).text == "28 values to find");
    CHECK(sheet.status(s.hidden(), s.pass()).tone == Tone::Muted);
    sheet.set_answer(s.hidden()[0], "2");  // z4[1] of x1 = 2: right
    sheet.set_answer(s.hidden()[1], "2");  // a4[1] of x1 = 2: right
    sheet.set_answer(s.hidden()[2], "6");  // z4[2] of x1 = 3: wrong
    sheet.check(s.hidden(), s.pass());
    CHECK(sheet.status(s.hidden(), s.pass()).text == "2 of 28 right \xC2\xB7 1 wrong");
    sheet.reveal_all(s.hidden(), s.pass());
    // Was "2 of 28 right · 1 wrong · 28 revealed": the wrong one is revealed now, counted once.
    CHECK(sheet.status(s.hidden(), s.pass()).text == "2 of 28 right \xC2\xB7 26 revealed");
    CHECK(sheet.answer(s.hidden()[2]) == "6");
    CHECK(sheet.mark(s.hidden()[2]) == ExerciseSheet::Mark::Wrong);
    s.set_weight(3, 0, 0, 2.0);  // W4[1,1]: z4[1] changes
    CHECK(sheet.status(s.hidden(), s.pass()).text == "The network changed after Check: check again.");
    CHECK(sheet.status(s.hidden(), s.pass()).tone == Tone::Warning);
}

TEST_CASE("a changed hidden set keeps the answers of values still hidden") {
    Session s;
    REQUIRE(s.set_hidden({kZ, kA, kOut}) == "");
    ExerciseSheet sheet;
    sheet.set_answer(kZ, "-5");
    sheet.set_answer(kOut, "-4");
    sheet.reveal(kA, s.pass());
    REQUIRE(s.set_hidden({kZ}) == "");
    sheet.keep_only(s.hidden());
    CHECK(sheet.answer(kZ) == "-5");
    CHECK(sheet.answer(kOut) == "");
    CHECK_FALSE(sheet.revealed(kA));
    sheet.clear();
    CHECK(sheet.answer(kZ) == "");
}
