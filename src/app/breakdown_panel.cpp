// The worksheet (breakdown_panel.h): one card per weight layer, W, the vectors, z and a.
//
// [SECTION] Planning a card: its rows, columns and widths
// [SECTION] Drawing a card: headers, cells, clipped values, answer fields
// [SECTION] The backward cards: the loss, the gradients, the step (backward_sheet.h)
// [SECTION] The worksheet: cards in a row (laptop) or stacked (phone)

#include "app/breakdown_panel.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/backward_sheet.h"
#include "app/exercise_panel.h"
#include "app/keyboard_nav.h"
#include "app/palette.h"
#include "app/theme.h"
#include "app/value_mask.h"
#include "app/worksheet_text.h"
#include "core/text/notation.h"
#include "core/text/number_format.h"

namespace app {

namespace notation = mlp::notation;
using Q = mlp::HiddenValue::Quantity;
// [SECTION] Planning a card: its rows, columns and widths
namespace {

// What one card shows and how big it is, decided before drawing so a card off screen can be
// replaced by a Dummy of exactly its size.
struct CardPlan {
    int l = 0;            // weight layer (0-based): the worksheet's layer l + 1
    int m = 0, n = 0;     // nodes of layer l + 1 (rows of W, z, a) and of layer l (columns of W)
    int first_sample = 0, samples = 0;  // the samples shown as columns
    bool show_w = true;   // W fits the card
    bool has_bias = false;
    bool may_clip = false;  // ReLU: an a cell may read "−5 → 0"
    bool show_index = false;  // a column of row numbers, for cards that scroll
    int rows = 0;         // max(m, n)
    int shown_rows = 0;   // rows visible without scrolling
    int columns = 0;
    float w_w = 0, in_w = 0, z_w = 0, a_w = 0, op_w = 0, index_w = 0;  // column widths
    float table_w = 0, table_h = 0, width = 0, height = 0;
};

float text_w(double v) { return ImGui::CalcTextSize(mlp::format_value(v).c_str()).x; }
float text_w(const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; }

// The value ranges of a card's columns, for a card that scrolls: its values are not formatted one
// by one each frame, their sizes are gathered once per revision of the document.
struct CardRanges {
    uint64_t revision = 0;
    int first_sample = -1, samples = 0;
    mlp::ValueRange w, in, z, a, clipped_z;  // clipped_z: the z of the activations ReLU clipped
};

const CardRanges& card_ranges(const mlp::Session& session, const CardPlan& p) {
    static std::vector<CardRanges> cache;  // one per weight layer
    if (cache.size() < static_cast<size_t>(p.l + 1)) cache.resize(p.l + 1);
    CardRanges& r = cache[p.l];
    if (r.revision == session.revision() && r.first_sample == p.first_sample && r.samples == p.samples) return r;
    r = CardRanges{};
    r.revision = session.revision();
    r.first_sample = p.first_sample;
    r.samples = p.samples;
    const mlp::Network& net = session.network();
    const mlp::Matrix& in = mlp::layer_input(session.pass(), session.document().inputs, p.l);
    const mlp::Matrix& Z = session.pass().z[p.l];
    const mlp::Matrix& A = session.pass().a[p.l];
    if (p.show_w)
        for (double v : net.weights[p.l].values) r.w.add(v);
    for (double b : net.biases[p.l]) r.z.add(b);  // the b column is as wide as z's
    for (int s = p.first_sample; s < p.first_sample + p.samples; ++s) {
        for (int j = 0; j < p.n; ++j) r.in.add(in.at(s, j));
        for (int i = 0; i < p.m; ++i) {
            const double z = Z.at(s, i);
            r.z.add(z);
            if (mlp::is_clipped(net.activations[p.l], z)) r.clipped_z.add(z);
            else r.a.add(A.at(s, i));
        }
    }
    return r;
}

// Column widths that fit the numbers shown, so a card of small integers stays narrow. A card that
// scrolls (many rows) is measured from the ranges of its values instead of every row.
void fit_columns(const mlp::Session& session, CardPlan* p) {
    const float least = ImGui::CalcTextSize((std::string(notation::kMinus) + "00").c_str()).x;  // "−00", and the headers
    const float arrow = ImGui::CalcTextSize((std::string(" ") + notation::kArrow + " ").c_str()).x;
    if (p->rows > p->shown_rows) {
        const CardRanges& r = card_ranges(session, *p);
        p->w_w = std::max(least, text_w(r.w.widest_text()));
        p->in_w = std::max(least, text_w(r.in.widest_text()));
        p->z_w = std::max(least, text_w(r.z.widest_text()));
        p->a_w = std::max(least, text_w(r.a.widest_text()));
        if (r.clipped_z.largest > 0) p->a_w = std::max(p->a_w, text_w(r.clipped_z.widest_text()) + arrow + text_w(0.0));
        return;
    }
    const mlp::Network& net = session.network();
    const mlp::ForwardPass& pass = session.pass();
    const mlp::Matrix& in = mlp::layer_input(pass, session.document().inputs, p->l);
    const mlp::Matrix& Z = pass.z[p->l];
    const mlp::Matrix& A = pass.a[p->l];
    const mlp::Activation act = net.activations[p->l];
    p->w_w = p->in_w = p->z_w = p->a_w = least;
    if (p->show_w)
        for (double v : net.weights[p->l].values) p->w_w = std::max(p->w_w, text_w(v));
    for (int s = p->first_sample; s < p->first_sample + p->samples; ++s) {
        for (int j = 0; j < p->n; ++j) p->in_w = std::max(p->in_w, text_w(in.at(s, j)));
        for (int i = 0; i < p->m; ++i) {
            const double z = Z.at(s, i);
            p->z_w = std::max(p->z_w, text_w(z));
            const float a = text_w(A.at(s, i));
            p->a_w = std::max(p->a_w, mlp::is_clipped(act, z) ? text_w(z) + arrow + a : a);
        }
    }
    if (p->has_bias)
        for (double b : net.biases[p->l]) p->z_w = std::max(p->z_w, text_w(b));
}

// The card's title after "Layer 3": "ReLU · 1 clipped · W3 2000×3 not shown · x2".
std::string card_subtitle(const mlp::Session& session, const CardPlan& p, int clipped) {
    const mlp::Network& net = session.network();
    const int L = p.l + 1;
    char sub[160];
    int len = std::snprintf(sub, sizeof sub, "%s%s", activation_label(net.activations[p.l]),
                            L == net.weight_layers() ? " output" : "");
    if (clipped > 0) len += std::snprintf(sub + len, sizeof sub - len, " %s %d clipped", notation::kDot, clipped);
    if (!p.show_w) len += std::snprintf(sub + len, sizeof sub - len, " %s W%d %d%s%d not shown", notation::kDot, L, p.m,
                                   notation::kTimes, p.n);
    if (p.samples < session.sample_count()) std::snprintf(sub + len, sizeof sub - len, " %s x%d", notation::kDot,
                                                            p.first_sample + 1);
    return sub;
}

// The columns, left to right: [W: n] · [in: S] (+ [b]) = [z: S] → [a: S]
// answer_w: the width exercise mode's answer fields need in the z and a columns (0: none).
CardPlan plan_card(const mlp::Session& session, int l, int selected_sample, int max_rows, bool show_biases,
                   float answer_w) {
    const mlp::Network& net = session.network();
    const ImGuiStyle& style = ImGui::GetStyle();
    CardPlan p;
    p.l = l;
    p.m = net.shape[l + 1];
    p.n = net.shape[l];
    p.show_w = p.n <= kMaxShownWeightColumns;
    p.has_bias = show_biases || std::any_of(net.biases[l].begin(), net.biases[l].end(), [](double b) { return b != 0.0; });
    p.may_clip = net.activations[l] == mlp::Activation::ReLU;
    const int S = session.sample_count();
    // Every sample as a column while the table holds them (ImGui tables have at most 64 columns);
    // beyond that, the sample picked in the selector.
    p.rows = std::max(p.m, p.n);
    p.shown_rows = std::min(p.rows, max_rows);
    p.show_index = p.rows > p.shown_rows;
    const int fixed_cols = (p.show_index ? 1 : 0) + (p.show_w ? p.n : 0) + (p.has_bias ? 2 : 0) + 3;
    if (fixed_cols + 3 * S <= 64) {
        p.first_sample = 0;
        p.samples = S;
    } else {
        p.first_sample = std::clamp(selected_sample, 0, S - 1);
        p.samples = 1;
    }
    p.columns = fixed_cols + 3 * p.samples;

    fit_columns(session, &p);  // after shown_rows: cards that scroll are not measured
    p.z_w = std::max(p.z_w, answer_w);
    p.a_w = std::max(p.a_w, answer_w);
    p.op_w = ImGui::CalcTextSize(notation::kArrow).x;
    const float pad = style.CellPadding.x * 2;
    p.index_w = ImGui::CalcTextSize("0000").x;
    float w = (p.show_index ? p.index_w + pad : 0) + (p.show_w ? p.n * (p.w_w + pad) : 0) + (p.has_bias ? p.op_w + p.z_w + 2 * pad : 0) +
              3 * (p.op_w + pad) + p.samples * (p.in_w + p.z_w + p.a_w + 3 * pad);
    const float row_h = ImGui::GetTextLineHeight() + style.CellPadding.y * 2;
    p.table_w = w + 2;
    p.table_h = (p.shown_rows + 2) * row_h + 2;
    // As wide as its title too, with as many clips as there could be (it is not cut off).
    char layer[24];
    std::snprintf(layer, sizeof layer, "Layer %d", l + 1);
    const float title_w = ImGui::CalcTextSize(layer).x + style.ItemSpacing.x +
                          ImGui::CalcTextSize(card_subtitle(session, p, p.may_clip ? p.m * p.samples : 0).c_str()).x;
    p.width = std::max({p.table_w, title_w, 180.0f});
    p.height = ImGui::GetTextLineHeightWithSpacing() + p.table_h;
    return p;
}

// [SECTION] Drawing a card: headers, cells, clipped values, answer fields
const char* sign_of_op(int index) {
    static const char* const ops[] = {notation::kDot, "+", "=", notation::kArrow};
    return ops[index];
}

void header_text(const char* text, bool muted, bool right = false) {
    if (right) {
        const float w = ImGui::CalcTextSize(text).x, avail = ImGui::GetContentRegionAvail().x;
        if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    }
    if (muted) {
        muted_text(text);
    } else {
        ImGui::TextUnformatted(text);
    }
}

// A number cell: records it for ui(), marks the selection, and selects on click.
struct CellContext {
    ViewState* view;
    UiProbe* probe;
    ImVec2 min;      // the cell's top-left on screen, taken before drawing into it
    float width;
};

void finish_cell(const CellContext& c, const std::string& name, bool marked, bool selected, const Selection& target,
                 const std::string& text) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 max(c.min.x + c.width, c.min.y + h);
    if (selected) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, palette::u32(palette::kHighlight, 0.7f));
    const bool hovered = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(c.min, max);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsMouseClicked(0)) {
            c.view->selected = target;
            c.view->scroll_to_selected = true;
        }
    }
    if (ImGui::IsRectVisible(c.min, max)) c.probe->add(name, c.min.x, c.min.y, c.width, h, marked, text);
}

CellContext begin_cell(ViewState& view, UiProbe& probe, float width) {
    return {&view, &probe, ImGui::GetCursorScreenPos(), width};
}

// A cell showing one number (W, an incoming value, z): orange ground when negative.
void number_cell(ViewState& view, UiProbe& probe, float width, double v, const std::string& name, bool selected,
                 const Selection& target) {
    const CellContext c = begin_cell(view, probe, width);
    value_cell(v, true);
    finish_cell(c, name, v < 0, selected, target, mlp::format_value(v));
}

void draw_card(const mlp::Session& session, const CardPlan& p, ViewState& view, UiProbe& probe) {
    const mlp::Network& net = session.network();
    const mlp::ForwardPass& pass = session.pass();
    const mlp::Matrix& W = net.weights[p.l];
    const mlp::Matrix& in = mlp::layer_input(pass, session.document().inputs, p.l);
    const mlp::Matrix& Z = pass.z[p.l];
    const mlp::Matrix& A = pass.a[p.l];
    const mlp::Activation act = net.activations[p.l];
    const int L = p.l + 1;  // the worksheet's layer number

    // Title: "Layer 3   ReLU · 1 clipped" (not counting clips exercise mode hides)
    const ValueMask mask(session, view);
    int clipped = 0;
    for (int s = p.first_sample; s < p.first_sample + p.samples; ++s)
        for (int i = 0; i < p.m; ++i) clipped += mlp::is_clipped(act, Z.at(s, i)) && !mask.hides_node(p.l, s, i) ? 1 : 0;
    ImGui::Text("Layer %d", L);
    ImGui::SameLine();
    header_text(card_subtitle(session, p, clipped).c_str(), true);

    ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoPadOuterX | ImGuiTableFlags_BordersOuterH;
    if (p.rows > p.shown_rows) flags |= ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("card", p.columns, flags, ImVec2(p.table_w, p.table_h))) return;
    if (p.show_index) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.index_w);
    if (p.show_w)
        for (int j = 0; j < p.n; ++j) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.w_w);
    ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.op_w);
    for (int s = 0; s < p.samples; ++s) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.in_w);
    if (p.has_bias) {
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.op_w);
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.z_w);
    }
    ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.op_w);
    for (int s = 0; s < p.samples; ++s) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.z_w);
    ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.op_w);
    for (int s = 0; s < p.samples; ++s) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.a_w);
    ImGui::TableSetupScrollFreeze(0, 2);

    // Header row 1, read across: W3 · a2 (+ b3) = z3 → a3
    char name[32];
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    if (p.show_index) ImGui::TableNextColumn();
    auto block_name = [&](const char* text) {
        ImGui::TableNextColumn();
        header_text(text, false);
        for (int s = 1; s < p.samples; ++s) ImGui::TableNextColumn();
    };
    auto op = [&](int which) {
        ImGui::TableNextColumn();
        header_text(sign_of_op(which), true);
    };
    if (p.show_w) {
        ImGui::TableNextColumn();
        std::snprintf(name, sizeof name, "W%d", L);
        header_text(name, false);
        for (int j = 1; j < p.n; ++j) ImGui::TableNextColumn();
    }
    op(0);
    if (L == 1) {
        block_name("x");
    } else {
        std::snprintf(name, sizeof name, "a%d", L - 1);
        block_name(name);
    }
    if (p.has_bias) {
        op(1);
        ImGui::TableNextColumn();
        std::snprintf(name, sizeof name, "b%d", L);
        header_text(name, false);
    }
    op(2);
    std::snprintf(name, sizeof name, "z%d", L);
    block_name(name);
    op(3);
    std::snprintf(name, sizeof name, "a%d", L);
    block_name(name);

    // Header row 2: W's column indices, the samples' names.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    if (p.show_index) {
        ImGui::TableNextColumn();
        header_text("#", true, true);
    }
    // The sample the diagram shows stands out; clicking another sample's name shows that one.
    auto sample_names = [&]() {
        for (int s = 0; s < p.samples; ++s) {
            ImGui::TableNextColumn();
            const int sample = p.first_sample + s;
            std::snprintf(name, sizeof name, "x%d", sample + 1);
            header_text(name, sample != view.sample, true);
            if (ImGui::IsItemHovered() && session.sample_count() > 1) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                if (ImGui::IsMouseClicked(0)) view.sample = sample;
            }
        }
    };
    if (p.show_w) {
        for (int j = 0; j < p.n; ++j) {
            ImGui::TableNextColumn();
            std::snprintf(name, sizeof name, "%d", j + 1);
            header_text(name, true, true);
        }
    }
    ImGui::TableNextColumn();
    sample_names();
    if (p.has_bias) {
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
    }
    ImGui::TableNextColumn();
    sample_names();
    ImGui::TableNextColumn();
    sample_names();

    // The rows: W, b, z, a have m rows; the incoming vectors n. Only the visible rows are built.
    const std::string L_str = std::to_string(L);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGuiListClipper clipper;
    clipper.Begin(p.rows, ImGui::GetTextLineHeight() + style.CellPadding.y * 2);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            ImGui::TableNextRow();
            if (p.show_index) {
                ImGui::TableNextColumn();
                std::snprintf(name, sizeof name, "%d", r + 1);
                header_text(name, true, true);
            }
            if (p.show_w) {
                for (int j = 0; j < p.n; ++j) {
                    ImGui::TableNextColumn();
                    if (r >= p.m) continue;
                    const Selection edge = Selection::edge(p.l, r, j);
                    number_cell(view, probe, p.w_w, W.at(r, j),
                                "cell:" + notation::weight(p.l, r, j),
                                view.selected == edge || view.selected == Selection::node(L, r), edge);
                }
            }
            ImGui::TableNextColumn();
            for (int s = 0; s < p.samples; ++s) {
                ImGui::TableNextColumn();
                if (r >= p.n) continue;
                const int sample = p.first_sample + s;
                const Selection node = Selection::node(p.l, r);
                const std::string cell = "cell:in" + L_str + notation::index(r) + "." + notation::sample(sample);
                if (mask.hides_input(p.l, sample, r)) {  // an a of the card before that the learner is to find
                    const CellContext c = begin_cell(view, probe, p.in_w);
                    masked_cell();
                    finish_cell(c, cell, false, view.selected == node, node, kMaskedText);
                } else {
                    number_cell(view, probe, p.in_w, in.at(sample, r), cell, view.selected == node, node);
                }
            }
            if (p.has_bias) {
                ImGui::TableNextColumn();
                ImGui::TableNextColumn();
                if (r < p.m) {
                    const Selection node = Selection::node(L, r);
                    number_cell(view, probe, p.z_w, net.biases[p.l][r], "cell:" + notation::bias(p.l, r),
                                view.selected == node, node);
                }
            }
            ImGui::TableNextColumn();
            const Selection node = Selection::node(L, r);
            for (int s = 0; s < p.samples; ++s) {
                ImGui::TableNextColumn();
                if (r >= p.m) continue;
                const int sample = p.first_sample + s;
                if (draw_exercise_cell(session, view, probe, {Q::Z, p.l, sample, r}, p.z_w)) continue;
                number_cell(view, probe, p.z_w, Z.at(sample, r), "cell:" + notation::value({Q::Z, p.l, sample, r}),
                            view.selected == node, node);
            }
            ImGui::TableNextColumn();
            for (int s = 0; s < p.samples; ++s) {
                ImGui::TableNextColumn();
                if (r >= p.m) continue;
                const int sample = p.first_sample + s;
                if (draw_exercise_cell(session, view, probe, {Q::A, p.l, sample, r}, p.a_w)) continue;
                const CellContext c = begin_cell(view, probe, p.a_w);
                const double z = Z.at(sample, r), a = A.at(sample, r);
                // "−5 → 0", unless exercise mode hides the −5.
                const bool clip = mlp::is_clipped(act, z) && !mask.hides_z(p.l, sample, r);
                if (clip) {
                    clipped_cell(z, a);
                } else {
                    value_cell(a, true);
                }
                finish_cell(c, "cell:" + notation::value({Q::A, p.l, sample, r}), clip || a < 0,
                            view.selected == node, node,
                            clip ? mlp::format_value(z) + " " + notation::kArrow + " " + mlp::format_value(a) : mlp::format_value(a));
            }
        }
    }
    ImGui::EndTable();
}

// [SECTION] The backward cards: the loss, the gradients, the step (backward_sheet.h)
// Their size, decided before drawing as a forward card's is. Column widths fit the values of the
// first kMeasuredRows rows: a card of a thousand nodes is not measured row by row every frame.
constexpr int kMeasuredRows = 32;
constexpr float kBlockGap = 8.0f;  // the empty column before each block of a backward card

struct BackPlan {
    int shown_rows = 0;
    bool show_index = false;
    std::vector<float> block_w;  // one width for every column of a block
    float index_w = 0, table_w = 0, table_h = 0, width = 0, height = 0;
};

// Which hidden values block b of a card holds (none for blocks exercise mode does not hide).
HiddenFilter block_filter(const BackwardCard& card, const BackwardBlock& b) {
    mlp::HiddenValue probe_value;
    if (!hidden_cell_value(b, card.layer, 0, 0, &probe_value)) return [](const mlp::HiddenValue&) { return false; };
    const Q q = probe_value.quantity;
    const int l = card.layer;
    return [q, l](const mlp::HiddenValue& h) { return h.quantity == q && h.layer == l; };
}

BackPlan plan_back_card(const mlp::Session& session, const ViewState& view, const BackwardCard& card, int max_rows) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad = style.CellPadding.x * 2;
    const float arrow = text_w(std::string(" ") + notation::kArrow + " ");
    BackPlan p;
    p.shown_rows = std::min(card.rows, max_rows);
    p.show_index = card.rows > p.shown_rows;
    p.index_w = ImGui::CalcTextSize("0000").x;
    float w = p.show_index ? p.index_w + pad : 0;
    const float least = text_w(std::string(notation::kMinus) + "00");
    for (const BackwardBlock& b : card.blocks) {
        mlp::ValueRange range, crossed;  // crossed: the ∂L/∂a a crossed-out ∂L/∂z shows ("−1.5 → 0")
        bool any_crossed = false;
        const int rows = std::min(b.rows, kMeasuredRows);
        for (int r = 0; r < rows; ++r) {
            for (size_t c = 0; c < b.column_heads.size(); ++c) {
                const BackwardCell cell = b.cell(r, static_cast<int>(c));
                range.add(cell.v);
                if (cell.crossed) {
                    any_crossed = true;
                    crossed.add(card.blocks[0].cell(r, static_cast<int>(c)).v);
                }
            }
        }
        float bw = std::max(least, text_w(range.widest_text()));
        if (any_crossed) bw = std::max(bw, text_w(crossed.widest_text()) + arrow + text_w(0.0));
        for (const std::string& h : b.column_heads) bw = std::max(bw, text_w(h));
        bw = std::max(bw, answer_block_width(session, view, block_filter(card, b)));  // exercise mode's fields
        const float cols = static_cast<float>(b.column_heads.size());
        // The block's name stands over its first column and runs on over the others.
        bw = std::max(bw, (text_w(b.head) + pad) / cols - pad);
        p.block_w.push_back(bw);
        w += cols * (bw + pad) + kBlockGap + pad;  // and a gap column before each block
    }
    const float row_h = ImGui::GetTextLineHeight() + style.CellPadding.y * 2;
    p.table_w = w + 4;
    p.table_h = (p.shown_rows + 2) * row_h + 2;
    const float title_w = text_w(card.title) + style.ItemSpacing.x + text_w(card.subtitle);
    p.width = std::max({p.table_w, title_w, 180.0f});
    p.height = ImGui::GetTextLineHeightWithSpacing() + p.table_h +
               (card.note.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing());
    return p;
}

void draw_back_card(const mlp::Session& session, ViewState& view, const BackwardCard& card, const BackPlan& p,
                    UiProbe& probe) {
    const ValueMask mask(session, view);
    ImGui::TextUnformatted(card.title.c_str());
    ImGui::SameLine();
    header_text(card.subtitle.c_str(), true);
    ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoPadOuterX | ImGuiTableFlags_BordersOuterH;
    if (p.show_index) flags |= ImGuiTableFlags_ScrollY;
    int columns = p.show_index ? 1 : 0;
    for (const BackwardBlock& b : card.blocks) columns += 1 + static_cast<int>(b.column_heads.size());
    if (columns > 64 || !ImGui::BeginTable("back", columns, flags, ImVec2(p.table_w, p.table_h))) return;
    const float gap = kBlockGap;
    if (p.show_index) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, p.index_w);
    for (size_t k = 0; k < card.blocks.size(); ++k) {
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoClip, gap);
        for (size_t c = 0; c < card.blocks[k].column_heads.size(); ++c)
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoClip, p.block_w[k]);
    }
    ImGui::TableSetupScrollFreeze(0, 2);
    // Header rows: the blocks' names, then their columns (samples, or W's columns).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    if (p.show_index) ImGui::TableNextColumn();
    for (const BackwardBlock& b : card.blocks) {
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        header_text(b.head.c_str(), false);
        for (size_t c = 1; c < b.column_heads.size(); ++c) ImGui::TableNextColumn();
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    if (p.show_index) {
        ImGui::TableNextColumn();
        header_text("#", true, true);
    }
    for (const BackwardBlock& b : card.blocks) {
        ImGui::TableNextColumn();
        for (const std::string& h : b.column_heads) {
            ImGui::TableNextColumn();
            header_text(h.c_str(), true, true);
        }
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGuiListClipper clipper;
    clipper.Begin(card.rows, ImGui::GetTextLineHeight() + style.CellPadding.y * 2);
    char index[16];
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            ImGui::TableNextRow();
            if (p.show_index) {
                ImGui::TableNextColumn();
                std::snprintf(index, sizeof index, "%d", r + 1);
                header_text(index, true, true);
            }
            for (size_t k = 0; k < card.blocks.size(); ++k) {
                const BackwardBlock& b = card.blocks[k];
                ImGui::TableNextColumn();
                for (size_t c = 0; c < b.column_heads.size(); ++c) {
                    ImGui::TableNextColumn();
                    if (r >= b.rows) continue;
                    const int col = static_cast<int>(c);
                    // Exercise mode: a hidden value is an answer field (or, editing, a toggle).
                    mlp::HiddenValue h;
                    if (hidden_cell_value(b, card.layer, r, col, &h) && draw_exercise_cell(session, view, probe, h, p.block_w[k]))
                        continue;
                    const BackwardCell cell = b.cell(r, col);
                    const CellContext context = begin_cell(view, probe, p.block_w[k]);
                    std::string text;
                    const int mask_col = b.per_sample ? b.first_sample + col : col;
                    if (backward_cell_masked(mask, b.quantity, card.layer, r, mask_col, session.sample_count())) {
                        masked_cell();  // it would give a hidden value away
                        text = kMaskedText;
                    } else if (cell.crossed) {
                        // Nothing passes back through this node: ∂L/∂a crossed out, then its 0.
                        const double da = card.blocks[0].cell(r, static_cast<int>(c)).v;
                        clipped_cell(da, cell.v);
                        text = mlp::format_value(da) + " " + notation::kArrow + " " + mlp::format_value(cell.v);
                    } else {
                        value_cell(cell.v, true);
                        text = mlp::format_value(cell.v);
                    }
                    const bool marked = text != kMaskedText && (cell.crossed || cell.v < 0);
                    if (card.layer < 0) {  // the loss card: nothing of the diagram to select
                        const ImVec2 at = context.min;
                        const float line_h = ImGui::GetTextLineHeight();
                        if (ImGui::IsRectVisible(at, ImVec2(at.x + p.block_w[k], at.y + line_h)))
                            probe.add(backward_cell_name(b, r, col), at.x, at.y, p.block_w[k], line_h, marked, text);
                        continue;
                    }
                    // As on the forward cards, a click selects what the cell is of: a value of W (and its
                    // gradient) its line in the diagram, anything else of row r its node.
                    const Selection node = Selection::node(card.layer + 1, r);
                    const bool of_w = b.quantity == BackwardQuantity::W || b.quantity == BackwardQuantity::LrDw ||
                                      b.quantity == BackwardQuantity::NewW || b.quantity == BackwardQuantity::Dw;
                    const Selection target = of_w ? Selection::edge(card.layer, r, col) : node;
                    finish_cell(context, backward_cell_name(b, r, col), marked,
                                view.selected == target || view.selected == node, target, text);
                }
            }
        }
    }
    ImGui::EndTable();
    if (!card.note.empty()) muted_text(card.note.c_str());
}

}  // namespace

// [SECTION] The worksheet: cards in a row (laptop) or stacked (phone)
ImVec2 breakdown_size(const mlp::Session& session, const ViewState& view, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float spacing = style.ItemSpacing.x * 3;
    float row_w = 0, row_h = 0, total_h = 0, widest = 0;
    for (int l = 0; l < session.network().weight_layers(); ++l) {
        const CardPlan p = plan_card(session, l, view.sample, kMaxCardRows, view.show_biases,
                                     answer_column_width(session, view, l));
        if (l > 0 && row_w + spacing + p.width > width) {  // as draw_breakdown wraps them
            total_h += row_h + style.ItemSpacing.y;
            row_w = row_h = 0;
        }
        row_w += (row_w > 0 ? spacing : 0.0f) + p.width;
        row_h = std::max(row_h, p.height);
        widest = std::max(widest, row_w);
    }
    // The backward cards, from a new row (as draw_breakdown places them when they flow).
    bool first = true;
    for (const BackwardCard& card : backward_cards(session, view.sample)) {
        const BackPlan p = plan_back_card(session, view, card, kMaxCardRows);
        if (first || row_w + spacing + p.width > width) {
            total_h += row_h + style.ItemSpacing.y;
            row_w = row_h = 0;
        }
        first = false;
        row_w += (row_w > 0 ? spacing : 0.0f) + p.width;
        row_h = std::max(row_h, p.height);
        widest = std::max(widest, row_w);
    }
    return ImVec2(widest, total_h + row_h);
}

void draw_breakdown(const mlp::Session& session, ViewState& view, UiProbe& probe, bool one_row) {
    const int layers = session.network().weight_layers();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float spacing = style.ItemSpacing.x * 3;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    // One row: cards as tall as the strip allows (two header rows and the card's title above).
    int max_rows = kMaxCardRows;
    if (one_row) {
        const float row_h = ImGui::GetTextLineHeight() + style.CellPadding.y * 2;
        const float room = ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() - 2 * row_h -
                           style.ScrollbarSize - 4;
        max_rows = std::clamp(static_cast<int>(room / row_h), 1, kMaxCardRows);
    }
    std::vector<CardPlan> plans;
    plans.reserve(layers);
    for (int l = 0; l < layers; ++l)
        plans.push_back(plan_card(session, l, view.sample, max_rows, view.show_biases, answer_column_width(session, view, l)));
    // The strip of a laptop is one row that scrolls sideways, unless its cards wrap into rows
    // that fit its height (a small network such as XOR: nothing needs scrolling at all), or it is
    // tall enough for two rows of them (a tablet in portrait): then they wrap and it scrolls down.
    const float left = ImGui::GetCursorScreenPos().x;
    if (one_row) {
        float row_right = left, row_h = 0, total_h = 0, tallest = 0;
        for (int l = 0; l < layers; ++l) {
            const CardPlan& p = plans[l];
            if (l > 0 && row_right + spacing + p.width > right) {
                total_h += row_h + style.ItemSpacing.y;
                row_right = left;
                row_h = 0;
            }
            row_right += (row_right > left ? spacing : 0.0f) + p.width;
            row_h = std::max(row_h, p.height);
            tallest = std::max(tallest, p.height);
        }
        const float room = ImGui::GetContentRegionAvail().y;
        if (total_h > 0 && (total_h + row_h <= room || 2 * tallest + style.ItemSpacing.y <= room)) one_row = false;
    }
    float last_right = 0;
    for (int l = 0; l < layers; ++l) {
        const CardPlan& p = plans[l];
        const ImVec2 size(p.width, p.height);
        // Beside the previous card (always in one row; in flow when it fits), else below it.
        if (l > 0 && (one_row || last_right + spacing + size.x <= right)) ImGui::SameLine(0, spacing);
        ImGui::PushID(l);
        // A card off screen is drawn all the same when an answer field in it is to get the focus.
        const bool focus_here = focus_is_in_layer(view, l);
        // So is every card while Tab looks for the next answer field (one frame per Tab).
        if (focus_here || reveal_is_in_layer(view, l) || keyboard_tabbing() || ImGui::IsRectVisible(size)) {
            // NavFlattened: Tab goes on from the last answer field of one card to the next card's.
            ImGui::BeginChild("layer", size, false,
                              ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened);
            draw_card(session, p, view, probe);
            ImGui::EndChild();
            if (focus_here) {  // bring the card into view, at the left with the next one beside it
                ImGui::SetScrollHereX(0.0f);
                if (!one_row) ImGui::SetScrollHereY(0.3f);
            }
        } else {
            ImGui::Dummy(size);  // off screen: no formatting, no widgets
        }
        ImGui::PopID();
        last_right = ImGui::GetItemRectMax().x;
    }
    // The backward worksheet below the forward one, with targets only: the loss, each layer from
    // the output down, the step. They flow and wrap within the panel's width (on a laptop too:
    // the strip then scrolls down to them, and a wheel reaches every one).
    const std::vector<BackwardCard> back = backward_cards(session, view.sample);
    for (size_t k = 0; k < back.size(); ++k) {
        const BackPlan p = plan_back_card(session, view, back[k], max_rows);
        const ImVec2 size(p.width, p.height);
        if (k > 0 && last_right + spacing + size.x <= right) ImGui::SameLine(0, spacing);
        // Each card's child window (and its table) lives in ImGui for good once made: ids that
        // depend only on the card's place keep them as few as the forward cards' (an id from the
        // layer count made new ones for every network opened: the soak test's heap grew).
        ImGui::PushID(static_cast<int>(k));
        // As the forward cards: drawn off screen too when an answer field in it is to get the
        // focus, holds the value Reveal step filled in, or while Tab looks for the next field.
        const bool step = back[k].step;
        const int l = back[k].layer;
        const bool focus_here = l >= 0 && focus_is_in_layer(view, l, true, step);
        const bool reveal_here = l >= 0 && reveal_is_in_layer(view, l, true, step);
        if (focus_here || reveal_here || keyboard_tabbing() ||
            ImGui::IsRectVisible(size)) {
            ImGui::BeginChild("backward", size, false,
                              ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened);
            draw_back_card(session, view, back[k], p, probe);
            ImGui::EndChild();
            // The answer field (or the value Reveal filled in) scrolls itself into view once drawn
            // (a card can be wider than the sheet); until then (its rows clipped away, off
            // screen) the card comes into view.
            if ((focus_here && focus_is_in_layer(view, l, true, step)) ||
                (reveal_here && reveal_is_in_layer(view, l, true, step))) {
                ImGui::SetScrollHereX(0.0f);
                ImGui::SetScrollHereY(0.3f);
            }
        } else {
            ImGui::Dummy(size);  // off screen: no formatting, no widgets
        }
        ImGui::PopID();
        last_right = ImGui::GetItemRectMax().x;
    }
    // A wheel over a strip that only scrolls sideways scrolls it sideways.
    ImGuiIO& io = ImGui::GetIO();
    if (one_row && io.MouseWheel != 0.0f && io.MouseWheelH == 0.0f && ImGui::GetScrollMaxY() == 0.0f &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) {
        ImGui::SetScrollX(ImGui::GetScrollX() - io.MouseWheel * ImGui::GetFontSize() * 5);
    }
}

}  // namespace app
