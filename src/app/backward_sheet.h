// The backward worksheet as data: what each card below the forward worksheet shows, in the order
// of the by-hand sheets. Built from the session's gradients (backward_pass.h) when the document has
// targets; the worksheet on screen (breakdown_panel.h) draws these cards and the page's text form
// (text_alternative.h) lists them as tables, so both say the same.
//
//   Loss:            y, p (ce and bce: the prediction), L_s of every sample; L in the subtitle
//   Layer L..1:      ∂L/∂a, f′(z), ∂L/∂z (crossed out where f′(z) = 0), ∂L/∂W, ∂L/∂b
//                    (∂L/∂a of a layer below the output is W·ᵀδ of the layer above)
//   Step, layer 1..L: W, lr·∂L/∂W, new W, b, lr·∂L/∂b, new b
//
// Every sample is a column (up to kMaxBackwardSamples, else the sample the diagram shows). Each
// cell names its quantity, layer, row and column (BackwardValue). Exercise mode hides ∂L/∂z,
// ∂L/∂W, ∂L/∂b, the new W and the new b one by one (hidden_cell_value), and masks the cells that
// would give a hidden one away (backward_cell_masked): lr·∂L/∂W of a hidden ∂L/∂W, ...
//
// No ImGui here: tested natively.
#pragma once

#include <string>
#include <vector>

#include "app/value_mask.h"
#include "core/document/session.h"
#include "core/exercise/hidden_value.h"

namespace app {

// Samples as columns while there are at most this many (as the text form's tables).
constexpr int kMaxBackwardSamples = 16;

enum class BackwardQuantity { Target, Prediction, SampleLoss, Da, Fprime, Dz, Dw, Db, W, LrDw, NewW, B, LrDb, NewB };

// One value of the backward sheet: the quantity, its weight layer (0-based), row (node) and
// column (a sample, or W's column j).
struct BackwardValue {
    BackwardQuantity quantity = BackwardQuantity::Dz;
    int layer = 0, row = 0, col = 0;
};

struct BackwardCell {
    bool present = false;  // the block has no such row (a block of fewer rows than the card)
    double v = 0;
    bool crossed = false;  // ∂L/∂z where f′(z) = 0: nothing passes back through this node
};

// A block of columns with one header: "∂L/∂z3" over the samples, "∂L/∂W3" over W's columns.
struct BackwardBlock {
    std::string head;                       // "∂L/∂z3"
    std::string name;                       // for ui() and tests: "dz3" (cells "cell:dz3[2].x1")
    BackwardQuantity quantity = BackwardQuantity::Dz;
    std::vector<std::string> column_heads;  // "x1", "x2" (samples) or "1", "2" (W's columns)
    bool per_sample = true;                 // columns are samples (cells named ".x1"), else W's columns
    int first_sample = 0;                   // the sample of column 0, when per_sample
    int rows = 0;                           // rows it fills
    int layer = -1;                         // the weight layer its values are of (-1: the loss)
    const mlp::Session* session = nullptr;  // whose gradients, pass and document it reads

    // The value at (row, col), read from the session, worked out from `quantity` (a switch, not
    // a stored function: one function for every block is a few kB less of the page).
    BackwardCell cell(int row, int col) const;
};

struct BackwardCard {
    std::string title;     // "Loss", "Layer 3 backward", "Step, layer 3"
    std::string subtitle;  // "ce · sum · L = 1.104"
    int layer = -1;        // the weight layer (-1: the loss card)
    bool step = false;     // a step's card (new W and b), not a layer's gradients
    int rows = 0;          // the most rows of its blocks
    std::vector<BackwardBlock> blocks;
    std::string note;      // what it leaves out ("" when nothing)
};

// The cards of the current document, or none without targets. `sample`: the sample shown when
// there are too many to show each as a column. The cells read the session's gradients: use the
// cards before the session next changes.
std::vector<BackwardCard> backward_cards(const mlp::Session& session, int sample);

// "cell:dz3[2].x1", "cell:dw3[2,1]": a cell's name in ui() (and the text form's tests).
std::string backward_cell_name(const BackwardBlock& block, int row, int col);

// The value of an exercise's hidden set that cell (row, col) of block b of weight layer l is:
// true for ∂L/∂z (col: the block's column, a sample), ∂L/∂W, ∂L/∂b, the new W and the new b.
bool hidden_cell_value(const BackwardBlock& b, int l, int row, int col, mlp::HiddenValue* out);

// Whether exercise mode shows "?" in a cell of the backward sheet (weight layer l; col a sample of
// the whole document for ∂L/∂z, else W's column): a hidden value not yet revealed, or a cell
// that would give one away: ∂L/∂b of a node whose ∂L/∂z is hidden (their sum over the samples),
// lr·∂L/∂W and the new W of a hidden ∂L/∂W, lr·∂L/∂W of a hidden new W; b likewise.
bool backward_cell_masked(const ValueMask& mask, BackwardQuantity q, int l, int row, int col, int samples);

// "L 1.104", or "Loss (ce, sum): 1.104": the loss as the page's live text says it; "" without targets.
std::string loss_text(const mlp::Session& session);

}  // namespace app
