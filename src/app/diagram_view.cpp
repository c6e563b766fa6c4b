#include "app/diagram_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui.h>

#include "app/diagram_labels.h"
#include "app/diagram_text.h"
#include "app/exercise_state.h"
#include "app/node_pictures.h"
#include "core/text/notation.h"
#include "core/text/number_format.h"
#include "app/worksheet_text.h"
#include "app/palette.h"
#include "app/theme.h"
#include "app/value_mask.h"

namespace app {

namespace {

constexpr float kDragThreshold = 3.0f;       // CSS px a press may wander before it is a drag
constexpr float kPixelsPerStep = 12.0f;      // integer mode: one step per this many pixels of drag
constexpr float kPixelsPerScale = 100.0f;    // fine mode: the largest |w| per this many pixels
constexpr int kMaxProbeItems = 300;          // ui() lists nodes and lines only for small networks
constexpr float kHeadingFontSize = 14.0f;
constexpr float kSubheadingFontSize = 12.5f;
constexpr float kTooltipWidthEms = 34.0f;    // tooltips wrap at this many font sizes

// The ViewState name of what a hit found (aggregated lines have none: they are not one weight).
Selection selection_of(const mlp::DiagramHit& hit) {
    switch (hit.kind) {
        case mlp::DiagramHit::Kind::Node: return Selection::node(hit.layer, hit.row);
        case mlp::DiagramHit::Kind::Edge: return Selection::edge(hit.layer, hit.row, hit.col);
        default: return Selection{};
    }
}

int shown_sample(const mlp::Session& session, const ViewState& view) {
    return std::clamp(view.sample, 0, std::max(0, session.sample_count() - 1));
}

// Text centred on `centre`, shrunk to fit `max_width` (not below `min_size`); false when it cannot.
bool text_centred(ImDrawList* list, const std::string& text, ImVec2 centre, float size, float max_width,
                  float min_size, ImU32 colour) {
    ImFont* font = ImGui::GetFont();
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    if (extent.x > max_width) {
        size *= max_width / extent.x;
        if (size < min_size) return false;
        extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    }
    list->AddText(font, size, ImVec2(centre.x - extent.x * 0.5f, centre.y - extent.y * 0.5f), colour, text.c_str());
    return true;
}

}  // namespace

// --- Layout and input ------------------------------------------------------------------------

void DiagramView::update_layout(const mlp::Session& session, const Rect& area) {
    const bool new_structure = session.structure_revision() != layout_structure_;
    const bool new_area = area.x != area_.x || area.y != area_.y || area.w != area_.w || area.h != area_.h;
    if (!new_structure && !new_area) return;
    if (new_structure) plan_ = mlp::plan_edges(session.network().shape);
    geo_ = mlp::layout_diagram(session.network().shape, {area.x, area.y, area.w, area.h});
    area_ = area;
    layout_structure_ = session.structure_revision();
    probes_valid_ = false;
    if (new_structure) drag_ = Drag{};
}

void DiagramView::drag_weight(mlp::Session& session, const ViewState& view, float mouse_y) {
    const float dy = mouse_y - drag_.start_y;
    if (!drag_.moved && std::fabs(dy) < kDragThreshold) return;
    drag_.moved = true;
    double value;
    if (view.integer_steps) {
        value = drag_.start_value + std::round(-dy / kPixelsPerStep);  // up is more
    } else {
        // The heaviest weight's worth per kPixelsPerScale pixels, snapped to a round step. (The
        // gradient view's lines are scaled by |∂L/∂w|: then the layer's largest |w| at the press.)
        const double scale = shows_gradients(session, view.gradient_view) ? drag_.weight_scale
                                                                          : renderer_.gap_scale(drag_.hit.layer);
        const double per_pixel = std::max(1e-6, scale) / kPixelsPerScale;
        const double step = std::pow(10.0, std::floor(std::log10(per_pixel)));
        value = std::round((drag_.start_value - dy * per_pixel) / step) * step;
    }
    session.set_weight(drag_.hit.layer, drag_.hit.row, drag_.hit.col, value);
}

void DiagramView::handle_input(mlp::Session& session, ViewState& view, const Rect& area) {
    update_layout(session, area);
    ImGuiIO& io = ImGui::GetIO();
    const mlp::Point mouse{io.MousePos.x, io.MousePos.y};
    hover_ = {};
    view.hovered = {};

    if (drag_.pressed) {
        // The diagram owns the pointer from press to release, even over a panel.
        if (io.MouseDown[0]) {
            hover_ = drag_.hit;
            if (drag_.hit.kind == mlp::DiagramHit::Kind::Edge) drag_weight(session, view, mouse.y);
        } else {
            drag_.pressed = false;
            // A click on empty space clears the selection.
            if (!drag_.moved && drag_.hit.kind == mlp::DiagramHit::Kind::None) view.selected = {};
        }
    } else if (!io.WantCaptureMouse && ImGui::IsMousePosValid() && geo_.area.contains(mouse)) {
        hover_ = mlp::hit_test(geo_, plan_, mouse);
        mlp::NodeRef pictured;  // a node's picture (drawn last frame) stands for the node, over its lines
        if (view.node_pictures && hover_.kind != mlp::DiagramHit::Kind::Node && thumbnail_at(geo_, mouse, &pictured))
            hover_ = {mlp::DiagramHit::Kind::Node, pictured.layer, pictured.index, 0};
        if (ImGui::IsMouseClicked(0)) {
            drag_ = Drag{};
            drag_.pressed = true;
            drag_.hit = hover_;
            drag_.start_y = mouse.y;
            const Selection clicked = selection_of(hover_);
            if (!clicked.is_none()) {
                view.selected = clicked;
                // A node with a hidden value asks for its answer field instead of its sliders.
                view.scroll_to_selected = !(clicked.kind == Selection::Kind::Node &&
                                            focus_answer_of_node(session, view, clicked.layer, clicked.row));
            }
            if (hover_.kind == mlp::DiagramHit::Kind::Edge) {
                const mlp::Matrix& w = session.network().weights[hover_.layer];
                drag_.start_value = w.at(hover_.row, hover_.col);
                for (size_t k = 0; k < w.values.size(); ++k) drag_.weight_scale = std::max(drag_.weight_scale, std::fabs(w.values[k]));
            }
        }
    }
    view.hovered = selection_of(hover_);
    if (hover_.kind == mlp::DiagramHit::Kind::Edge) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    else if (hover_.kind == mlp::DiagramHit::Kind::Node) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

// --- Labels, numbers, tooltip, probes ---------------------------------------------------------

void DiagramView::draw_headings(const mlp::Session& session, const ViewState& view, ImDrawList* list) const {
    const mlp::Network& net = session.network();
    const int columns = static_cast<int>(geo_.columns.size());
    if (columns < 2) return;
    const float column_w = geo_.columns[1].x - geo_.columns[0].x;
    const float row1 = geo_.area.y + 10.0f + kHeadingFontSize * 0.5f;
    const float row2 = row1 + kHeadingFontSize + 2.0f;
    const ImU32 ink = palette::kInk.u32(), muted = palette::kMuted.u32();
    // Column headings; on a narrow screen "layer 3" becomes "3", then nothing.
    for (int c = 0; c < columns; ++c) {
        const ImVec2 at(geo_.columns[c].x, row1);
        std::string name = c == 0 ? "x" : c == columns - 1 ? "y" : "layer " + std::to_string(c);
        if (!text_centred(list, name, at, kHeadingFontSize, column_w - 6.0f, kHeadingFontSize, ink) && c > 0 &&
            c < columns - 1)
            text_centred(list, std::to_string(c), at, kHeadingFontSize, column_w - 6.0f, 10.0f, ink);
    }
    // Second row: the weight matrices over the gaps, the activations (and the sample) under the
    // column headings when there is room for both.
    const bool room_for_notes = column_w >= 84.0f;
    for (int c = 0; c < columns; ++c) {
        const float x = geo_.columns[c].x;
        if (c + 1 < columns) {
            text_centred(list, mlp::notation::weights(c), ImVec2(x + column_w * 0.5f, row2), kSubheadingFontSize,
                         column_w * 0.5f - 4.0f, 9.0f, muted);
        }
        if (!room_for_notes) continue;
        std::string note;
        if (c == 0) {
            if (session.sample_count() > 1) note = "sample " + std::to_string(shown_sample(session, view) + 1);
        } else {
            note = activation_label(net.activations[c - 1]);  // as the sliders and the worksheet say it
        }
        if (!note.empty()) text_centred(list, note, ImVec2(x, row2), kSubheadingFontSize, column_w * 0.5f - 4.0f, 9.0f, muted);
    }
}

// The key under the diagram: what the colours, the dots and the red ring mean, and what a line
// does when dragged (nothing else on screen says it); in the gradient view the same for ∂L/∂w and
// δ. Items that do not fit the width are left out by importance (the colours of the signs and the
// drag first), drawn in their order.
void DiagramView::draw_legend(ImDrawList* list, UiProbe& probe, bool gradients) const {
    ImFont* font = ImGui::GetFont();
    const float size = kSubheadingFontSize;
    const float y = std::round(geo_.footer_top + (geo_.area.y + geo_.area.h - geo_.footer_top) * 0.5f);
    if (y + size * 0.5f > geo_.area.y + geo_.area.h) return;
    enum class Swatch { Line, Dots, Ring, Drag, None };
    struct Item {
        Swatch swatch;
        Colour colour;
        const char* text;
        int importance;  // 0 first
    };
    static const Item kItems[] = {
        {Swatch::Line, palette::kPositive, "w > 0", 0},
        {Swatch::Line, palette::kNegative, "w < 0", 0},
        {Swatch::Dots, palette::kZeroEdge, "w = 0", 3},
        {Swatch::Ring, palette::kClipped, "clipped by ReLU", 2},
        {Swatch::None, palette::kMuted, "thicker: larger |w|", 4},
        {Swatch::Drag, palette::kInk, "drag a line to change its weight", 1},
    };
    // The gradient view: the same colours for the sign of ∂L/∂w (a step moves w the other way),
    // the same widths for its size, and the nodes filled by their δ.
    static const Item kGradientItems[] = {
        {Swatch::Line, palette::kPositive, "\u2202L/\u2202w > 0", 0},
        {Swatch::Line, palette::kNegative, "\u2202L/\u2202w < 0", 0},
        {Swatch::Dots, palette::kZeroEdge, "\u2202L/\u2202w = 0", 3},
        {Swatch::None, palette::kMuted, "thicker: larger |\u2202L/\u2202w|", 4},
        {Swatch::None, palette::kMuted, "nodes: \u03B4 = \u2202L/\u2202z", 1},
        {Swatch::Ring, palette::kClipped, "clipped by ReLU: \u03B4 = 0", 2},
        {Swatch::Drag, palette::kInk, "drag a line to change its weight", 2},
    };
    static_assert(sizeof kItems / sizeof kItems[0] <= sizeof kGradientItems / sizeof kGradientItems[0], "shown[] holds either list");
    const Item* items = gradients ? kGradientItems : kItems;
    const int count = gradients ? static_cast<int>(sizeof kGradientItems / sizeof kGradientItems[0])
                                 : static_cast<int>(sizeof kItems / sizeof kItems[0]);
    constexpr float kSwatch = 18.0f, kGap = 5.0f, kSpacing = 14.0f;
    const float left = geo_.area.x + 14.0f;
    const float right = geo_.area.x + geo_.area.w - 10.0f;
    auto width = [&](const Item& item) {
        const float swatch_w = item.swatch == Swatch::None ? 0.0f : kSwatch + kGap;
        return swatch_w + font->CalcTextSizeA(size, FLT_MAX, 0.0f, item.text).x;
    };
    // Which fit, most important first.
    bool shown[sizeof kGradientItems / sizeof kGradientItems[0]] = {};
    float used = 0.0f;
    for (int importance = 0; importance <= 4; ++importance)
        for (int k = 0; k < count; ++k) {
            if (items[k].importance != importance) continue;
            const float w = width(items[k]) + (used > 0.0f ? kSpacing : 0.0f);
            if (left + used + w > right) continue;
            shown[k] = true;
            used += w;
        }
    float x = left;
    for (int k = 0; k < count; ++k) {
        if (!shown[k]) continue;
        const Item& item = items[k];
        const ImU32 colour = item.colour.u32();
        switch (item.swatch) {
            case Swatch::Line: list->AddLine(ImVec2(x, y), ImVec2(x + kSwatch, y), colour, 3.0f); break;
            case Swatch::Dots:
                for (float d = x; d < x + kSwatch; d += 5.0f) list->AddLine(ImVec2(d, y), ImVec2(d + 2.5f, y), colour, 1.0f);
                break;
            case Swatch::Ring: list->AddCircle(ImVec2(x + kSwatch * 0.5f, y), 6.0f, colour, 20, 2.5f); break;
            case Swatch::Drag: {
                // A line with arrows up and down across it: the gesture.
                const float cx = x + kSwatch * 0.5f, a = 6.5f;
                list->AddLine(ImVec2(x, y + 2.0f), ImVec2(x + kSwatch, y - 2.0f), palette::kPositive.u32(), 2.5f);
                list->AddLine(ImVec2(cx, y - a), ImVec2(cx, y + a), colour, 1.5f);
                list->AddTriangleFilled(ImVec2(cx, y - a - 2.0f), ImVec2(cx - 3.0f, y - a + 2.0f), ImVec2(cx + 3.0f, y - a + 2.0f), colour);
                list->AddTriangleFilled(ImVec2(cx, y + a + 2.0f), ImVec2(cx + 3.0f, y + a - 2.0f), ImVec2(cx - 3.0f, y + a - 2.0f), colour);
                break;
            }
            case Swatch::None: break;
        }
        const float swatch_w = item.swatch == Swatch::None ? 0.0f : kSwatch + kGap;
        const ImU32 text_colour = item.swatch == Swatch::Drag ? palette::kInk.u32() : palette::kMuted.u32();
        list->AddText(font, size, ImVec2(x + swatch_w, y - size * 0.5f), text_colour, item.text);
        if (item.swatch == Swatch::Drag) probe.add("text:drag hint", x, y - size * 0.5f, width(item), size, false, item.text);
        x += width(item) + kSpacing;
    }
}

void DiagramView::add_probes(const mlp::Session& session, const ViewState& view, UiProbe& probe) {
    int nodes = 0;
    for (const mlp::Column& col : geo_.columns) nodes += col.count;
    if (nodes <= kMaxProbeItems) {
        const int sample = shown_sample(session, view);
        const ValueMask mask(session, view);
        const bool gradients = shows_gradients(session, view.gradient_view);
        for (int c = 0; c < static_cast<int>(geo_.columns.size()); ++c) {
            const mlp::Column& col = geo_.columns[c];
            const float r = col.strip ? col.spacing * 0.5f : col.radius;
            for (int i = 0; i < col.count; ++i) {
                const mlp::Point p = col.node(static_cast<float>(i));
                // text: the node's value as its label shows it ("?" when exercise mode hides it).
                // (In the gradient view δ = ∂L/∂z, which an input has not: "".)
                const double value = c == 0 ? session.document().inputs.at(sample, i) : node_number(session, gradients, c - 1, sample, i);
                AnswerTone tone;
                const std::string text = c > 0 && mask.hides_node(c - 1, sample, i)
                                             ? hidden_node_label(session, view, c - 1, sample, i, &tone)
                                         : c > 0 && gradients && mask.hides_dz(c - 1, sample, i) ? std::string(kMaskedText)
                                         : c == 0 && gradients ? std::string()
                                                               : mlp::format_value(value);
                probe.add("node:" + std::to_string(c) + "." + std::to_string(i + 1), p.x - col.half_width(), p.y - r,
                          2 * col.half_width(), 2 * r, false, text);
            }
        }
    }
    if (!probes_valid_) {
        // Safe points depend on the layout only: computed once per layout, not per frame.
        line_probes_.clear();
        if (plan_.total_instances <= kMaxProbeItems) {
            for (int l = 0; l < static_cast<int>(plan_.gaps.size()); ++l) {
                if (plan_.gaps[l].binned()) continue;
                for (int i = 0; i < plan_.gaps[l].dst.nodes; ++i)
                    for (int j = 0; j < plan_.gaps[l].src.nodes; ++j) {
                        mlp::Point p;
                        if (mlp::safe_edge_point(geo_, plan_, l, i, j, &p))
                            line_probes_.emplace_back(probe_name(Selection::edge(l, i, j)), p);
                    }
            }
        }
        probes_valid_ = true;
    }
    constexpr float kHalf = 3.0f;  // a small square on the safe point: its centre is what to aim at
    for (const auto& [name, p] : line_probes_) probe.add(name, p.x - kHalf, p.y - kHalf, 2 * kHalf, 2 * kHalf);
}

// Every node's picture over the input plane as a thumbnail beside it (the atlas, one texture).
std::vector<mlp::Box> DiagramView::draw_thumbnails(const mlp::Session& session, PlanePictures& pictures,
                                                   ImDrawList* list, UiProbe& probe) {
    const std::vector<mlp::NodeRef> nodes = thumbnail_nodes(geo_);
    std::vector<mlp::Box> boxes;
    if (nodes.empty() || !pictures.update(session)) return boxes;
    const NodeAtlas* atlas = nullptr;
    const ImTextureID texture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(pictures.atlas_texture(nodes, &atlas)));
    // Every picture, then every frame: one draw call each (a frame after each picture would
    // switch textures twice a node, two draw calls a node, each of them costly in software GL).
    list->PushTextureID(texture);
    for (int k = 0; k < static_cast<int>(nodes.size()); ++k) {
        const mlp::Box b = thumbnail_box(geo_, nodes[k].layer, nodes[k].index);
        boxes.push_back(b);
        float u0, v0, u1, v1;
        atlas->uv(k, &u0, &v0, &u1, &v1);
        list->PrimReserve(6, 4);
        list->PrimRectUV(ImVec2(b.x, b.y), ImVec2(b.x + b.w, b.y + b.h), ImVec2(u0, v0), ImVec2(u1, v1), IM_COL32_WHITE);
        probe.add("thumb:" + std::to_string(nodes[k].layer) + "." + std::to_string(nodes[k].index + 1), b.x, b.y, b.w, b.h);
    }
    list->PopTextureID();
    const ImU32 frame = palette::u32(palette::kMuted, 0.7f);
    for (const mlp::Box& b : boxes) list->AddRect(ImVec2(b.x, b.y), ImVec2(b.x + b.w, b.y + b.h), frame);
    return boxes;
}

// In the hovered node's tooltip: its picture, as large as the plot's grid, and what it shows.
void DiagramView::draw_enlarged(const mlp::Session& session, PlanePictures& pictures, UiProbe& probe) {
    if (!pictures.update(session)) return;
    const unsigned texture = pictures.enlarged_texture(hover_.layer, hover_.row);
    const std::string caption = picture_caption(session, hover_.layer, hover_.row);
    ImGui::Separator();
    ImGui::TextUnformatted(caption.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float side = static_cast<float>(kPlaneCells);
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)), ImVec2(side, side));
    ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + side, at.y + side), palette::u32(palette::kMuted, 0.7f));
    probe.add("picture:" + std::to_string(hover_.layer) + "." + std::to_string(hover_.row + 1), at.x, at.y, side, side,
              false, caption);
}

void DiagramView::draw(const mlp::Session& session, ViewState& view, UiProbe& probe, PlanePictures* pictures) {
    view.node_pictures = false;
    probe.add("panel:diagram", area_.x, area_.y, area_.w, area_.h);
    probe.note_line_redraws(renderer_.line_parts_drawn(), renderer_.line_builds_done());
    if (session.structure_revision() != layout_structure_) {  // a new document since handle_input
        update_layout(session, area_);
        hover_ = {};
    }
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    if (!renderer_.error().empty()) {
        const std::string message = "The network diagram cannot be drawn.\n" + renderer_.error();
        list->AddText(ImGui::GetFont(), kHeadingFontSize, ImVec2(area_.x + 16, area_.y + 16), palette::kClipped.u32(),
                      message.c_str(), nullptr, area_.w - 32);
        return;
    }
    draw_headings(session, view, list);
    draw_legend(list, probe, shows_gradients(session, view.gradient_view));
    // The nodes' pictures first: the labels make way for them.
    std::vector<mlp::Box> thumbnails;
    if (pictures && session.data_set()) thumbnails = draw_thumbnails(session, *pictures, list, probe);
    view.node_pictures = !thumbnails.empty();
    draw_diagram_labels(session, view, geo_, list, probe, thumbnails);
    add_probes(session, view, probe);

    const int sample = shown_sample(session, view);
    const ValueMask mask(session, view);
    const bool gradients = shows_gradients(session, view.gradient_view);
    switch (hover_.kind) {
        case mlp::DiagramHit::Kind::Node:
            view.tooltip = gradients ? node_gradient_tooltip(session, sample, hover_.layer, hover_.row, &mask)
                                     : node_tooltip(session, sample, hover_.layer, hover_.row, &mask);
            break;
        case mlp::DiagramHit::Kind::Edge:
            view.tooltip = gradients ? edge_gradient_tooltip(session, hover_.layer, hover_.row, hover_.col, &mask)
                                     : edge_tooltip(session, sample, hover_.layer, hover_.row, hover_.col, &mask);
            break;
        case mlp::DiagramHit::Kind::EdgeBins:
            view.tooltip = bins_tooltip(session, plan_.gaps[hover_.layer], hover_.layer, hover_.row, hover_.col, gradients);
            break;
        case mlp::DiagramHit::Kind::None: break;
    }
    if (hover_.kind != mlp::DiagramHit::Kind::None) {
        // Long dot products wrap instead of running off a phone's screen.
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        const float wrap = std::max(std::min(display.x - 32.0f, ImGui::GetFontSize() * kTooltipWidthEms), 120.0f);
        const std::string text = wrap_to_width(view.tooltip.c_str(), wrap);  // breaks at spaces only
        // Placed clear of what it is about (core/diagram/diagram_geometry.h place_tooltip): a line's two
        // nodes, so a drag shows the value it changes; a node itself.
        std::vector<mlp::NodeRef> keep_clear;
        if (hover_.kind == mlp::DiagramHit::Kind::Edge) keep_clear = {{hover_.layer + 1, hover_.row}, {hover_.layer, hover_.col}};
        if (hover_.kind == mlp::DiagramHit::Kind::Node) keep_clear = {{hover_.layer, hover_.row}};
        const ImVec2 padding = ImGui::GetStyle().WindowPadding;
        ImVec2 size = ImGui::CalcTextSize(text.c_str());
        const bool picture = pictures && session.data_set() && hover_.kind == mlp::DiagramHit::Kind::Node && hover_.layer > 0;
        if (picture) {  // the node's picture under the text (draw_enlarged): room for it
            const ImVec2 caption = ImGui::CalcTextSize(picture_caption(session, hover_.layer, hover_.row).c_str());
            const ImGuiStyle& style = ImGui::GetStyle();
            size.x = std::max({size.x, caption.x, static_cast<float>(kPlaneCells)});
            size.y += 3 * style.ItemSpacing.y + caption.y + static_cast<float>(kPlaneCells);
        }
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        // Below the page's HTML strips over the canvas (the toolbar, the title and note), which
        // would cover it: from the diagram's top down.
        const float top = std::clamp(area_.y, 0.0f, std::max(0.0f, display.y - size.y - 2 * padding.y - 2));
        const mlp::Point at = mlp::place_tooltip(geo_, {mouse.x, mouse.y}, size.x + 2 * padding.x + 2, size.y + 2 * padding.y + 2,
                                                 {0, top, display.x, display.y - top}, keep_clear);
        ImGui::SetNextWindowPos(ImVec2(at.x, at.y));
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(text.c_str());
        if (picture) draw_enlarged(session, *pictures, probe);
        const ImVec2 pos = ImGui::GetWindowPos(), box = ImGui::GetWindowSize();
        probe.add("tooltip", pos.x, pos.y, box.x, box.y);
        ImGui::EndTooltip();
    }
}

// --- GL ---------------------------------------------------------------------------------------

void DiagramView::render_gl(const mlp::Session& session, const ViewState& view, float fb_scale, unsigned target_fbo) {
    if (geo_.columns.empty()) return;
    const double now = 1000.0 * ImGui::GetTime(), interval = 1000.0 * ImGui::GetIO().DeltaTime;
    if (lines_cost_frames_ > 0) {
        lines_cost_ms_ += std::max(0.0, interval - usual_interval_ms_);
        // A redraw in parts costs from its first part to two frames after its last.
        if (!renderer_.lines_building() && --lines_cost_frames_ == 0) {
            lines_schedule_.record(0, lines_redrawn_at_, lines_cost_ms_);
            const long parts = renderer_.line_parts_drawn() - lines_parts_before_;
            if (parts > 0) lines_per_part_ = next_lines_per_part(lines_per_part_, lines_cost_ms_ / static_cast<double>(parts));
        }
    } else if (view.training && interval > 0.0) {  // (not the rests between frames of an idle page)
        usual_interval_ms_ = usual_interval_ms_ <= 0.0 ? interval : 0.8 * usual_interval_ms_ + 0.2 * interval;
    }
    const bool lines_wait =
        view.training && (lines_cost_frames_ > 0 || renderer_.lines_building() || !lines_schedule_.due(now, true));
    DiagramSyncMode mode;
    mode.gradients = shows_gradients(session, view.gradient_view);
    mode.lines_wait = lines_wait;
    // A slider or a line held with the mouse: the edits of a drag come one weight at a time.
    mode.hold = ImGui::IsAnyItemActive() || ImGui::IsMouseDown(ImGuiMouseButton_Left);
    // A held line is drawn over the cache at once, so no redraw in parts goes on while one is.
    renderer_.set_lines_per_part(view.training && !mode.hold ? lines_per_part_ : 0);
    const bool redrawn = renderer_.sync(session, plan_, shown_sample(session, view), ValueMask(session, view),
                                        view.exercise.mask_version, mode);
    if (redrawn && view.training) {
        lines_redrawn_at_ = now;
        lines_cost_frames_ = 2;
        lines_cost_ms_ = 0.0;
        lines_parts_before_ = renderer_.line_parts_drawn();
    }
    if (!renderer_.error().empty()) return;

    DiagramHighlight highlight;
    auto add_line = [&](int index) {
        mlp::EdgeInstance line = renderer_.line(index);
        mlp::EdgeInstance halo = line;
        halo.kind = static_cast<float>(mlp::EdgeKind::Halo);
        highlight.lines.push_back(halo);
        highlight.lines.push_back(line);
    };
    auto add = [&](const Selection& s, float* node) {
        if (!in_network(s, session.network().shape)) return;
        if (s.kind == Selection::Kind::Edge) add_line(mlp::edge_instance_index(plan_, s.layer, s.row, s.col));
        if (s.kind == Selection::Kind::Node) {
            node[0] = static_cast<float>(s.layer);
            node[1] = static_cast<float>(s.row);
        }
    };
    add(view.selected, highlight.selected_node);
    if (view.hovered != view.selected) add(view.hovered, highlight.hovered_node);
    if (hover_.kind == mlp::DiagramHit::Kind::EdgeBins) add_line(plan_.gaps[hover_.layer].instance_of(hover_.row, hover_.col));

    const ImVec2 display = ImGui::GetIO().DisplaySize;
    renderer_.draw(geo_, highlight, display.x, display.y, fb_scale, target_fbo);
}

}  // namespace app
