// Exercise mode's state machine (app/exercise_state.h), driven as the exercise bar, the worksheet
// and the diagram drive it, on the exercise: a new sheet, the toggles, answers typed and refused,
// Check, Reveal in forward order, the worksheet's requests, and when the diagram must redraw.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/exercise_state.h"
#include "core/document/session.h"
#include "core/exercise/exercise.h"

using namespace app;
using mlp::HiddenValue;

namespace {

using Q = HiddenValue::Quantity;
// The exercise's one ReLU clip: node 2 of layer 3, sample x2, z = −5 and a = 0.
const HiddenValue kZ{Q::Z, 2, 1, 1}, kA{Q::A, 2, 1, 1};

// A page on the exercise with the clip hidden, as its link opens it: one frame's update.
struct ClipSheet {
    mlp::Session session;
    ViewState view;
    ClipSheet() {
        REQUIRE(session.set_hidden({kZ, kA}) == "");
        update_exercise(session, view);
    }
    // What typing `text` into h's field and leaving it does, as the worksheet and the App do it.
    bool type(const HiddenValue& h, const std::string& text) {
        view.exercise.typing = {true, false, h, text};
        const bool accepted = end_typing(session, view.exercise);
        apply_exercise_requests(session, view);
        return accepted;
    }
};

}  // namespace

TEST_CASE("an exercise link opens the mode ready to solve, on the sample of the first value to find") {
    ClipSheet page;
    const ExerciseView& ex = page.view.exercise;
    CHECK(ex.on);
    CHECK_FALSE(ex.editing);
    CHECK(page.view.sample == 1);  // x2
    CHECK(ex.focus_pending);
    CHECK_FALSE(ex.focus_keyboard);  // the canvas does not have the browser's focus yet
    CHECK(ex.focus == kZ);
    CHECK(ex.show_sheet);
    CHECK(ex.mask_version > 0);
    CHECK(exercise_status(page.session, page.view) == "2 values to find");
    CHECK(exercise_bar_lines(page.view) == 2);
}

TEST_CASE("the toggle: on draws a sheet, off hides nothing and forgets the answers; each redraws the mask") {
    mlp::Session session;
    ViewState view;
    update_exercise(session, view);
    CHECK_FALSE(view.exercise.on);
    CHECK(exercise_status(session, view).empty());
    CHECK(exercise_bar_lines(view) == 0);

    const uint64_t before = view.exercise.mask_version;
    set_exercise_on(session, view.exercise, true);
    CHECK(view.exercise.on);
    CHECK(session.hidden() == mlp::choose_hidden(session.network().shape, session.sample_count(), 1, 1));
    CHECK(view.exercise.mask_version > before);

    const HiddenValue first = session.hidden().front();
    view.exercise.sheet.set_answer(first, "7");
    const uint64_t on = view.exercise.mask_version;
    set_exercise_on(session, view.exercise, false);
    CHECK_FALSE(view.exercise.on);
    CHECK(session.hidden().empty());
    CHECK(view.exercise.sheet.answer(first).empty());
    CHECK(view.exercise.mask_version > on);
    CHECK(session.undo());  // one undo step brings the sheet back, and the mode with it
    update_exercise(session, view);
    CHECK(view.exercise.on);
    CHECK(session.hidden().size() == mlp::choose_hidden(session.network().shape, 2, 1, 1).size());
}

TEST_CASE("New sheet takes the next seed; the stepper's sheet keeps the seed") {
    mlp::Session session;
    ViewState view;
    set_exercise_on(session, view.exercise, true);
    const auto first = session.hidden();
    next_sheet(session, view.exercise);
    CHECK(view.exercise.seed == 2);
    CHECK(session.hidden() == mlp::choose_hidden(session.network().shape, 2, 1, 2));
    CHECK(session.hidden() != first);
    view.exercise.per_layer = 2;
    new_sheet(session, view.exercise);
    CHECK(session.hidden() == mlp::choose_hidden(session.network().shape, 2, 2, 2));
}

TEST_CASE("a whole layer: hidden all at once, shown all at once") {
    mlp::Session session;
    CHECK_FALSE(whole_layer_hidden(session, 2));
    toggle_whole_layer(session, 2);
    CHECK(whole_layer_hidden(session, 2));
    CHECK(session.hidden().size() == 2u * 3 * 2);  // z and a, 3 nodes, 2 samples
    std::vector<HiddenValue> expected;
    REQUIRE(mlp::parse_hidden("z3,a3", session.network().shape, 2, false, &expected) == "");
    CHECK(session.hidden() == expected);
    toggle_whole_layer(session, 2);
    CHECK(session.hidden().empty());
}

TEST_CASE("answers: a number is kept, anything else refused with the page's message, the answer kept") {
    ClipSheet page;
    CHECK(page.type(kZ, "-5"));
    CHECK(page.view.exercise.sheet.answer(kZ) == "-5");
    CHECK(page.session.error().empty());
    CHECK_FALSE(page.type(kZ, "minus five"));
    CHECK(page.view.exercise.sheet.answer(kZ) == "-5");
    CHECK(page.session.error().rfind("z3[2] of x2: ", 0) == 0);
    CHECK(page.type(kZ, "-4"));  // another number: accepted, the message gone
    CHECK(page.view.exercise.sheet.answer(kZ) == "-4");
    CHECK(page.session.error().empty());
    CHECK(page.type(kZ, " "));  // blank clears it
    CHECK(page.view.exercise.sheet.answer(kZ).empty());
}

TEST_CASE("Check marks right and wrong; Enter in the last field asks for a check after the panels") {
    ClipSheet page;
    page.type(kZ, "-5");
    page.type(kA, "-5");  // forgot the ReLU
    CHECK(next_answer_field(page.session, page.view.exercise, kZ) != nullptr);
    CHECK(*next_answer_field(page.session, page.view.exercise, kZ) == kA);
    CHECK(next_answer_field(page.session, page.view.exercise, kA) == nullptr);  // the last: Enter checks
    page.view.exercise.check_pending = true;
    apply_exercise_requests(page.session, page.view);
    CHECK_FALSE(page.view.exercise.check_pending);
    CHECK(page.view.exercise.sheet.mark(kZ) == mlp::ExerciseSheet::Mark::Right);
    CHECK(page.view.exercise.sheet.mark(kA) == mlp::ExerciseSheet::Mark::Wrong);
    CHECK(exercise_status(page.session, page.view) == "1 of 2 right \xC2\xB7 1 wrong");
    // The diagram's node shows the learner's answer for a, in the mark's tone.
    AnswerTone tone = AnswerTone::Blank;
    CHECK(hidden_node_label(page.session, page.view, 2, 1, 1, &tone) == "\xE2\x88\x92" "5");
    CHECK(tone == AnswerTone::Wrong);
}

TEST_CASE("Reveal step goes in forward order, skips right answers and writes the computation out") {
    ClipSheet page;
    page.type(kZ, "-5");
    const uint64_t before = page.view.exercise.mask_version;
    reveal_step(page.session, page.view);
    // z was right: marked, not revealed; a is revealed with its computation.
    CHECK(page.view.exercise.sheet.mark(kZ) == mlp::ExerciseSheet::Mark::Right);
    CHECK_FALSE(page.view.exercise.sheet.revealed(kZ));
    CHECK(page.view.exercise.sheet.revealed(kA));
    CHECK(page.view.exercise.revealed_last == kA);
    CHECK(page.view.exercise.scroll_to_revealed);
    CHECK(reveal_is_in_layer(page.view, 2));
    CHECK(page.view.exercise.reveal_text ==
          "Step 2 of 2:  a3[2] of x2 = ReLU(\xE2\x88\x92" "5) = 0: ReLU turns a negative z into 0");
    CHECK(page.view.exercise.mask_version > before);
    CHECK(exercise_status(page.session, page.view).find(page.view.exercise.reveal_text) != std::string::npos);
}

TEST_CASE("Reveal all fills in every value not right") {
    ClipSheet page;
    reveal_all(page.session, page.view.exercise);
    CHECK(page.view.exercise.sheet.revealed(kZ));
    CHECK(page.view.exercise.sheet.revealed(kA));
    CHECK(reveal_text(page.session, page.view, kZ) ==
          "z3[2] of x2 = 2\xC2\xB7" "1 + 7\xC2\xB7(\xE2\x88\x92" "1) = \xE2\x88\x92" "5");
}

TEST_CASE("Edit sheet: a click on a value asks to hide or show it, applied after the panels") {
    ClipSheet page;
    set_editing(page.view.exercise, true);
    CHECK(page.view.exercise.editing);
    CHECK_FALSE(page.view.exercise.focus_pending);
    const HiddenValue out{Q::A, 6, 0, 0};
    page.view.exercise.toggle_pending = true;
    page.view.exercise.toggle = out;
    apply_exercise_requests(page.session, page.view);
    CHECK(is_hidden(page.session, out));
    page.view.exercise.toggle_pending = true;
    apply_exercise_requests(page.session, page.view);
    CHECK_FALSE(is_hidden(page.session, out));
    CHECK(std::string(exercise_hint(page.view)).find("Editing") == 0);
    CHECK(exercise_status(page.session, page.view) == "Editing the exercise sheet: 2 values hidden.");
}

TEST_CASE("a click on a hidden node of the diagram focuses its first answer field") {
    ClipSheet page;
    page.view.exercise.focus_pending = false;
    CHECK_FALSE(focus_answer_of_node(page.session, page.view, 3, 0));  // nothing hidden there
    CHECK(focus_answer_of_node(page.session, page.view, 3, 1));
    CHECK(page.view.exercise.focus == kZ);
    CHECK(page.view.exercise.focus_keyboard);
    CHECK(focus_is_in_layer(page.view, 2));
    CHECK_FALSE(focus_is_in_layer(page.view, 3));
}

TEST_CASE("another document forgets the answers; a value no longer hidden loses its field") {
    ClipSheet page;
    page.type(kZ, "-5");
    page.session.set_hidden({kA});
    update_exercise(page.session, page.view);
    CHECK(page.view.exercise.sheet.answer(kZ).empty());
    page.type(kA, "0");
    REQUIRE(page.session.start_from(mlp::Session().document(), "the exercise") == "");
    const uint64_t before = page.view.exercise.mask_version;
    update_exercise(page.session, page.view);
    CHECK(page.view.exercise.sheet.answer(kA).empty());
    CHECK(page.view.exercise.mask_version > before);
}

TEST_CASE("names and hints of answer fields") {
    ClipSheet page;
    CHECK(person_name(page.session, kZ) == "z3[2] of x2");
    CHECK(answer_hint(page.session, kZ) == "z3[2] of x2 = row 2 of W3 \xC2\xB7 a2 of x2");
    CHECK(answer_hint(page.session, kA) == "a3[2] of x2 = ReLU(z3[2])");
    CHECK(before_in_tab_order(kZ, kA));
}
