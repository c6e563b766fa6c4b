// Where things are on screen this frame, for window.mlpExplorer.ui(): browser tests aim real
// mouse events at these rectangles, and scripts can find a slider or a node by name.
//
// Names (1-based indices, as on the worksheet). Rectangles are in CSS pixels of the page; only
// what is on screen this frame is listed.
//   panels:  "panel:diagram", "panel:controls" (the sliders), "panel:breakdown" (the worksheet),
//            "panel:topbar" (narrow layouts only), "panel:caption" (the page's title and note,
//            when the document has them)
//   diagram: "node:3.2" (node 2 of layer 3), "edge:W3[2,1]", "tooltip" (the tooltip's box),
//            "text:drag hint" (the legend's "drag a line to change its weight"), and its labels
//            (diagram_labels.h): "label:3.2" (the node's number, text as shown: in the gradient
//            view its δ = ∂L/∂z, as the node's own text), "clip:3.2" (its
//            clip mark), "bias:3.2" (its bias tag); with a data set, "thumb:3.2" (the node's
//            picture over the input plane beside it, node_pictures.h) and, while a node is
//            hovered, "picture:3.2" (its picture enlarged in the tooltip; text: its caption)
//   sliders: "slider:W3[2,1]" (weight into node 2 of layer 3 from node 1 of layer 2),
//            "slider:x2[1]" (input 1 of sample 2); highlighted = drawn as the selection.
//            "section:inputs", "section:W3" (a layer's collapsing header),
//            "input:node.W3" (the node picker's field of a layer too large for a matrix);
//            "text:summary W3" (text: the layer's "x1:  z3 = …  →  a3 = …" line under its
//            sliders, as drawn: '\n' where it wraps), "text:node W3" (the picked node's z and a,
//            for a layer too large); text = the value each slider shows
//   worksheet cells (text = what the cell shows, e.g. "−5 → 0"; highlighted = on the orange
//            ground: a negative value, or an activation ReLU clipped):
//            "cell:W3[2,1]", "cell:in3[1].x2" (element 1 of the vector feeding layer 3, sample
//            2: x for layer 1, else a of the layer before), "cell:b3[2]" (when biases are shown
//            or not all 0), "cell:z3[2].x2", "cell:a3[2].x2"
//   biases:  "slider:b3[2]" (bias of node 2 of layer 3)
//   editor:  the Network section's chips, buttons and fields (network_panel.h), the activation
//            pickers "combo:act.W3" and their entries "option:sigmoid"
//   toolbar: "panel:toolbar", the strip where the page puts its own buttons (undo, redo,
//            presets, export, import, copy link: HTML, found by their ids)
//   buttons: "button:<label>": "button:x2" (sample selector), "button:Integer", "button:Fine"
//            (slider step mode), "button:Worksheet" (shows or hides the worksheet on a laptop),
//            "button:Values", "button:Gradients" (the diagram's view, with targets only)
//   tabs:    "tab:Sliders", "tab:Worksheet" (narrow layouts), "tab:Data"
//   Data panel (data_panel.h): "panel:data", "plot:plane" (the plot of the input plane, x1 and
//            x2 from -6 to 6, x2 upwards; text: "500 points"), "marker:sample" (the worksheet's
//            sample on it, centred where it lies, only while within the plot; text: "sample 1 at
//            (0.5, −1.2)", sample_marker.h), and its buttons ("button:Use as sample", ...)
//   exercise mode (exercise_panel.h): "button:Exercise" (highlighted = on), "button:Check",
//            "button:Reveal step", "button:Reveal all", "button:New sheet", "button:Edit sheet",
//            "button:fewer", "button:more" (nodes per layer), "button:layer 3" (hide layer 3
//            whole, while editing; highlighted = all of it hidden); "text:score", "text:reveal";
//            a hidden value's cell "cell:z3[2].x2" (text "?" or what is typed), its field
//            "answer:z3[2].x2" (text = what is typed; highlighted = marked) and its mark
//            "mark:z3[2].x2" (text "✓" or "✗"; highlighted = right). Diagram nodes have the
//            value their label shows as text ("?" when hidden).
// "focused" in the JSON names the item with keyboard focus (one of the above), or "";
// "typing" is true while a text field (a slider's typed value, an answer) takes the keys.
// "lines": {"parts", "builds"}: the diagram's lines redrawn in parts during runs so far, and the
// redraws in parts completed (diagram_renderer.h set_lines_per_part).
#pragma once

#include <string>
#include <vector>

namespace app {

struct ProbeRect {
    std::string name;
    float x = 0, y = 0, w = 0, h = 0;
    bool highlighted = false;  // drawn highlighted (e.g. the sliders of the selected edge)
    std::string text;          // what the item shows, when that is worth checking (worksheet cells)
    // Partly cut off at the top or bottom by its window's clip (a slider half under a tab bar,
    // scrolled): its rect is whole, but a click at its centre may land on what covers it.
    bool clipped = false;
};

class UiProbe {
public:
    void begin_frame();
    void add(std::string name, float x, float y, float w, float h, bool highlighted = false, std::string text = {});
    // Records the last ImGui item (call right after the widget) under `name`, when it is on
    // screen; also notes it as "focused" when it has keyboard focus.
    void add_last_item(std::string name, bool highlighted = false, std::string text = {});

    // The diagram's lines redrawn in parts so far (DiagramRenderer::line_parts_drawn), and the
    // redraws in parts completed: ui().lines = {parts, builds}.
    void note_line_redraws(long parts, long builds) {
        line_parts_ = parts;
        line_builds_ = builds;
    }

    // Notes `name` as "focused" (an item recorded by hand with add()).
    void note_focused(std::string name) { focused_ = std::move(name); }

    // {"items": [...], "tooltip": "...", "hovered": "...", "selected": "...", "sample": n, ...}
    std::string json(const struct ViewState& view) const;

private:
    std::vector<ProbeRect> items_;
    std::string focused_;
    long line_parts_ = 0, line_builds_ = 0;
};

// Name of a diagram thing as used in the probe: "node:3.2" or "edge:W3[2,1]" (1-based).
std::string probe_name(const struct Selection& s);

}  // namespace app
