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
// cell names its quantity, layer, row and column (BackwardValue), so exercise mode can later hide
// backward values one by one as value_mask.h hides forward ones.
//
// No ImGui here: tested natively.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/document/session.h"

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
    std::function<BackwardCell(int row, int col)> cell;
};

struct BackwardCard {
    std::string title;     // "Loss", "Layer 3 backward", "Step, layer 3"
    std::string subtitle;  // "ce · sum · L = 1.104"
    int layer = -1;        // the weight layer (-1: the loss card)
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

// "L 1.104", or "Loss (ce, sum): 1.104": the loss as the page's live text says it; "" without targets.
std::string loss_text(const mlp::Session& session);

}  // namespace app
