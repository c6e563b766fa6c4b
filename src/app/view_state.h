// What the user is looking at, as opposed to what the network is (core/document/session.h): the sample
// shown in the diagram, what is hovered and selected, the slider mode, exercise mode.
#pragma once

#include <string>
#include <vector>

#include "app/exercise_view.h"

namespace app {

// A thing in the diagram. Indices are 0-based here and shown 1-based, as on the worksheet.
struct Selection {
    enum class Kind { None, Node, Edge };
    Kind kind = Kind::None;
    int layer = 0;  // Node: layer of nodes (0 = inputs). Edge: weight layer (0 = W1).
    int row = 0;    // Node: node index. Edge: i, the node of layer+1 the weight leads into.
    int col = 0;    // Edge: j, the node of `layer` the weight comes from.

    static Selection node(int layer, int index) { return {Kind::Node, layer, index, 0}; }
    static Selection edge(int layer, int i, int j) { return {Kind::Edge, layer, i, j}; }
    bool is_none() const { return kind == Kind::None; }
    bool operator==(const Selection& o) const {
        return kind == o.kind && (kind == Kind::None || (layer == o.layer && row == o.row && col == o.col));
    }
    bool operator!=(const Selection& o) const { return !(*this == o); }
};

// Whether a selection names a node or weight of a network of this shape (a new document or a
// shape change may leave it behind).
inline bool in_network(const Selection& s, const std::vector<int>& shape) {
    const int layers = static_cast<int>(shape.size());
    switch (s.kind) {
        case Selection::Kind::Node: return s.layer >= 0 && s.layer < layers && s.row >= 0 && s.row < shape[s.layer];
        case Selection::Kind::Edge:
            return s.layer >= 0 && s.layer + 1 < layers && s.row >= 0 && s.row < shape[s.layer + 1] && s.col >= 0 &&
                   s.col < shape[s.layer];
        case Selection::Kind::None: break;
    }
    return false;
}

struct ViewState {
    int sample = 0;                    // the sample the diagram shows
    Selection hovered;                 // under the pointer this frame
    Selection selected;                // clicked; its sliders are shown and highlighted
    bool scroll_to_selected = false;   // set on click; the controls panel scrolls once, then clears it
    bool integer_steps = true;         // sliders move in whole numbers (the exercise) or finely
    bool show_biases = false;          // bias sliders, the diagram's bias marks, the worksheet's b column
    bool gradient_view = false;        // the diagram draws ∂L/∂w and δ = ∂L/∂z (with targets only:
                                       // diagram_text.h shows_gradients); the page's state, not the link's
    std::string tooltip;               // the text of the tooltip shown this frame ("" for none)
    bool training = false;             // a run trains every frame (data_panel.h): the diagram's lines may wait
    bool node_pictures = false;        // the diagram draws its nodes' pictures over the input plane
                                       // (a data set, circles big enough: node_pictures.h)
    ExerciseView exercise;             // exercise mode: the learner's answers, what is revealed
};

}  // namespace app
