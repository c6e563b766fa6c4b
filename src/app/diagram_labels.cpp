#include "app/diagram_labels.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/diagram_text.h"
#include "app/exercise_state.h"
#include "app/palette.h"
#include "app/value_mask.h"
#include "core/diagram/label_layout.h"
#include "core/text/notation.h"
#include "core/text/number_format.h"

namespace app {

namespace notation = mlp::notation;
namespace {

constexpr float kMinTextRadius = 8.0f;      // smaller circles show their number in the tooltip only
constexpr float kMinNumberFontSize = 8.0f;  // a number in its circle is not shrunk below this
constexpr float kOutsideFontSize = 11.5f;   // a number beside its node, a bias tag
constexpr float kClipFontSize = 13.5f;      // the clip mark
constexpr float kGap = 3.0f;                // between a node's circle and a label beside it
constexpr int kMaxLabelledNodes = 600;      // beyond, labels would be more work than help

enum class Kind { Number, Clip, Bias };

struct Label {
    Kind kind;
    int column, node;
    std::string text;   // for a clip mark: the struck-through z; `extra` holds " → a"
    std::string extra;
    float size;         // font size
    ImVec2 extent;      // of the whole text
    bool inside;        // a number in its circle (no ground)
    Colour colour;
};

ImVec2 text_extent(float size, const std::string& text) {
    return ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
}

// Boxes of a label of extent e beside a circle (cx, cy, r): right, left, above, below; and for a
// tag, the lower right first, where the lines into the node do not arrive.
mlp::LabelBox right_of(float cx, float cy, float r, ImVec2 e) { return {cx + r + kGap, cy - e.y * 0.5f, e.x, e.y}; }
mlp::LabelBox left_of(float cx, float cy, float r, ImVec2 e) { return {cx - r - kGap - e.x, cy - e.y * 0.5f, e.x, e.y}; }
mlp::LabelBox above(float cx, float cy, float r, ImVec2 e) { return {cx - e.x * 0.5f, cy - r - kGap - e.y, e.x, e.y}; }
mlp::LabelBox below(float cx, float cy, float r, ImVec2 e) { return {cx - e.x * 0.5f, cy + r + kGap, e.x, e.y}; }

mlp::LabelBox rounded(mlp::LabelBox b) {
    return {std::round(b.x), std::round(b.y), b.w, b.h};
}

void draw_ground(ImDrawList* list, const mlp::LabelBox& b, int alpha) {
    list->AddRectFilled(ImVec2(b.x - 2, b.y - 1), ImVec2(b.x + b.w + 2, b.y + b.h + 1),
                        palette::kBackground.with_alpha(alpha).u32(), 3.0f);
}

}  // namespace

void draw_diagram_labels(const mlp::Session& session, const ViewState& view, const mlp::DiagramGeometry& geo,
                         ImDrawList* list, UiProbe& probe, const std::vector<mlp::Box>& taken_boxes) {
    const mlp::Network& net = session.network();
    const mlp::ForwardPass& pass = session.pass();
    const int sample = std::clamp(view.sample, 0, std::max(0, session.sample_count() - 1));
    const ValueMask mask(session, view);
    const int columns = static_cast<int>(geo.columns.size());
    // The gradient view labels each node with its δ = ∂L/∂z; the inputs have none.
    const bool gradients = shows_gradients(session, view.gradient_view);

    // Every node is an obstacle; `first_circle[c]` is the index of column c's node 0.
    std::vector<mlp::LabelCircle> circles;
    std::vector<int> first_circle(columns, 0);
    for (int c = 0; c < columns; ++c) {
        const mlp::Column& col = geo.columns[c];
        first_circle[c] = static_cast<int>(circles.size());
        for (int i = 0; i < col.count; ++i) {
            const mlp::Point p = col.node(static_cast<float>(i));
            circles.push_back({p.x, p.y, col.strip ? mlp::kStripHalfWidth : col.radius + 1.0f});
        }
    }

    // The labels, most important first: numbers, clip marks, bias tags; before them, as requests
    // of one place each, the boxes already drawn in (so every label makes way for them).
    std::vector<Label> labels;
    std::vector<mlp::LabelRequest> requests;
    for (const mlp::Box& b : taken_boxes) requests.push_back({{{b.x, b.y, b.w, b.h}}, -1});
    const size_t first_label = requests.size();
    int labelled = 0;
    for (int c = 0; c < columns; ++c) {
        const mlp::Column& col = geo.columns[c];
        if (col.strip || col.radius < kMinTextRadius) continue;
        labelled += col.count;
    }
    if (labelled > kMaxLabelledNodes) return;
    for (Kind kind : {Kind::Number, Kind::Clip, Kind::Bias}) {
        if (kind == Kind::Bias && !view.show_biases) continue;
        for (int c = 0; c < columns; ++c) {
            const mlp::Column& col = geo.columns[c];
            if (col.strip || col.radius < kMinTextRadius) continue;
            if ((kind != Kind::Number || gradients) && c == 0) continue;
            for (int i = 0; i < col.count; ++i) {
                const mlp::Point p = col.node(static_cast<float>(i));
                const float r = col.radius;
                Label label{kind, c, i, {}, {}, 0, {}, false, palette::kInk};
                mlp::LabelRequest req;
                req.own = first_circle[c] + i;
                if (kind == Kind::Number) {
                    const double value = c == 0 ? session.document().inputs.at(sample, i)
                                                : node_number(session, gradients, c - 1, sample, i);
                    // A blank to fill in (the learner's answer once typed) when exercise mode hides it.
                    AnswerTone tone = AnswerTone::Blank;
                    label.text = c > 0 && mask.hides_node(c - 1, sample, i)
                                     ? hidden_node_label(session, view, c - 1, sample, i, &tone)
                                 : c > 0 && gradients && mask.hides_dz(c - 1, sample, i) ? std::string(kMaskedText)
                                                                                          : mlp::format_value(value);
                    if (c > 0 && (mask.hides_node(c - 1, sample, i) || (gradients && mask.hides_dz(c - 1, sample, i))))
                        label.colour = answer_colour(tone);
                    // In the circle, shrunk down to kMinNumberFontSize to fit: the room is the circle's
                    // width at the top and bottom of the digits (about 0.75 of the font size tall).
                    label.size = std::clamp(r * 0.72f, 10.5f, 15.0f);
                    label.extent = text_extent(label.size, label.text);
                    const float half_height = 0.375f * label.size;
                    const float room = 2.0f * std::sqrt(std::max(0.0f, r * r - half_height * half_height)) - 3.0f;
                    if (label.extent.x > room) {
                        label.size = std::max(kMinNumberFontSize, label.size * room / label.extent.x);
                        label.extent = text_extent(label.size, label.text);
                    }
                    if (label.extent.x <= room) {
                        label.inside = true;
                        req.places = {{p.x - label.extent.x * 0.5f, p.y - label.extent.y * 0.5f, label.extent.x, label.extent.y}};
                    } else {  // beside the node, on a ground
                        label.size = kOutsideFontSize;
                        label.extent = text_extent(label.size, label.text);
                        req.places = {right_of(p.x, p.y, r, label.extent), left_of(p.x, p.y, r, label.extent),
                                      above(p.x, p.y, r, label.extent), below(p.x, p.y, r, label.extent)};
                    }
                } else if (kind == Kind::Clip) {
                    const double z = pass.z[c - 1].at(sample, i);
                    // No clip mark for a hidden node: it would give the answer away.
                    if (!mlp::is_clipped(net.activations[c - 1], z) || mask.hides_node(c - 1, sample, i)) continue;
                    label.text = mlp::format_value(z);
                    label.extra = std::string(" ") + notation::kArrow + " " + mlp::format_value(pass.a[c - 1].at(sample, i));
                    label.size = kClipFontSize;
                    const ImVec2 a = text_extent(label.size, label.text), b = text_extent(label.size, label.extra);
                    label.extent = ImVec2(a.x + b.x, std::max(a.y, b.y));
                    label.colour = palette::kClipped;
                    req.places = {above(p.x, p.y, r, label.extent), below(p.x, p.y, r, label.extent),
                                  right_of(p.x, p.y, r, label.extent), left_of(p.x, p.y, r, label.extent)};
                } else {
                    const double b = net.biases[c - 1][i];
                    label.text = "b " + mlp::format_value(b);
                    label.size = kOutsideFontSize;
                    label.extent = text_extent(label.size, label.text);
                    label.colour = b < 0 ? palette::kNegativeText : b > 0 ? palette::kPositive : palette::kMuted;
                    const ImVec2 e = label.extent;
                    req.places = {{p.x + r * 0.55f, p.y + r * 0.6f, e.x, e.y},           // lower right
                                  {p.x + r * 0.55f, p.y - r * 0.6f - e.y, e.x, e.y},     // upper right
                                  right_of(p.x, p.y, r, e), left_of(p.x, p.y, r, e),
                                  {p.x - r * 0.55f - e.x, p.y + r * 0.6f, e.x, e.y}};    // lower left
                }
                for (mlp::LabelBox& b : req.places) b = rounded(b);
                labels.push_back(std::move(label));
                requests.push_back(std::move(req));
            }
        }
    }

    const mlp::LabelBox bounds{geo.area.x, geo.header_bottom, geo.area.w, geo.footer_top - geo.header_bottom};
    const std::vector<int> taken = mlp::place_labels(requests, circles, bounds);
    ImFont* font = ImGui::GetFont();
    for (size_t k = 0; k < labels.size(); ++k) {
        const size_t r = first_label + k;
        if (taken[r] < 0) continue;
        const Label& label = labels[k];
        const mlp::LabelBox& b = requests[r].places[taken[r]];
        const std::string where = std::to_string(label.column) + "." + std::to_string(label.node + 1);
        const ImU32 colour = label.colour.u32();
        switch (label.kind) {
            case Kind::Number:
                if (!label.inside) draw_ground(list, b, 225);
                list->AddText(font, label.size, ImVec2(b.x, b.y), colour, label.text.c_str());
                probe.add("label:" + where, b.x, b.y, b.w, b.h, false, label.text);
                break;
            case Kind::Clip: {
                draw_ground(list, b, 235);
                const ImVec2 crossed = text_extent(label.size, label.text);
                list->AddText(font, label.size, ImVec2(b.x, b.y), colour, label.text.c_str());
                // Struck diagonally, so the minus sign stays readable under the stroke.
                list->AddLine(ImVec2(b.x - 1.0f, b.y + crossed.y * 0.85f), ImVec2(b.x + crossed.x + 1.0f, b.y + crossed.y * 0.2f),
                              colour, 1.5f);
                list->AddText(font, label.size, ImVec2(b.x + crossed.x, b.y), colour, label.extra.c_str());
                probe.add("clip:" + where, b.x, b.y, b.w, b.h, false, label.text + label.extra);
                break;
            }
            case Kind::Bias:
                draw_ground(list, b, 225);
                list->AddText(font, label.size, ImVec2(b.x, b.y), colour, label.text.c_str());
                probe.add("bias:" + where, b.x, b.y, b.w, b.h, false, label.text);
                break;
        }
    }
}

Colour answer_colour(AnswerTone tone) {
    switch (tone) {
        case AnswerTone::Typed: return palette::kMuted;
        case AnswerTone::Right: return palette::kRight;
        case AnswerTone::Wrong: return palette::kWrong;
        case AnswerTone::Blank: break;
    }
    return palette::kInk;
}

}  // namespace app
