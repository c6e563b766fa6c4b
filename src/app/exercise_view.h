// Exercise mode as the user sees it (app/exercise_panel.h): whether it is on, the teacher's
// choices for a new sheet, and the learner's answers, marks and revealed values. View state: the
// hidden set itself is in the document (and the link); none of this is.
#pragma once

#include <cstdint>
#include <string>

#include "core/exercise/exercise_sheet.h"
#include "core/exercise/hidden_value.h"
#include "core/formats/typed_number.h"

namespace app {

struct ExerciseView {
    bool on = false;       // the exercise bar is shown; hidden values are masked
    bool editing = false;  // "Edit sheet": hidden values are shown, a click hides or shows one
    int per_layer = 1;     // nodes of every layer a new sheet hides (z and a, every sample)
    uint64_t seed = 1;     // of the last sheet; "New sheet" takes the next one
    mlp::ExerciseSheet sheet;
    std::string reveal_text;  // the computation the last Reveal wrote out ("" for none)

    // The answer field the worksheet scrolls into view next, and gives the keyboard focus when
    // focus_keyboard (Enter, a click on a hidden node of the diagram; not a page just opened,
    // whose canvas does not have the browser's focus yet, so Tab would not reach the app).
    bool focus_pending = false;
    bool focus_keyboard = true;
    mlp::HiddenValue focus;

    // The value Reveal step filled in last, to be scrolled into view with what was typed before
    // it (a phone's worksheet shows part of a card).
    bool scroll_to_revealed = false;
    mlp::HiddenValue revealed_last;

    // The App brings the worksheet into view (unfolds it; on a phone, its tab) and clears this.
    bool show_sheet = false;

    // Edits the worksheet asks for while it draws (it reads a const Session); the App applies
    // them after the panels (exercise_panel.h apply_exercise_requests).
    bool toggle_pending = false;
    mlp::HiddenValue toggle;      // hide or show this value (Edit sheet)
    bool check_pending = false;   // Enter in the last answer field checks the sheet

    // The answer field being typed into. Its text becomes the sheet's answer when typing ends,
    // if it reads as a number (or is empty); else the answer stays as it was and the page's
    // banner says why.
    struct Typing {
        bool on = false;
        bool seen = false;  // the field was still being typed into this frame
        mlp::HiddenValue value;
        std::string text;
    } typing;
    // An answer refused or accepted while the worksheet drew, for the page's banner (applied
    // after the panels, with the session).
    bool answer_refused = false, answer_accepted = false;
    std::string answer_message_text, answer_message_note;
    mlp::FieldMessage answer_message;  // the last answer refused, in the page's banner

    // Moves whenever what is masked changes for a reason the session does not see (a reveal,
    // Edit sheet on or off), so the diagram knows to redraw its nodes.
    uint64_t mask_version = 0;
    uint64_t structure_seen = 0;  // the session's structure the sheet belongs to
};

}  // namespace app
