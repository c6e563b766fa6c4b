#include "app/worksheet_text.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "core/text/notation.h"
#include "core/text/number_format.h"
#include "app/palette.h"
#include "app/theme.h"
#include "app/value_mask.h"

namespace app {
namespace {

constexpr float kNegativeGroundAlpha = 0.28f;
const std::string kArrow = std::string(" ") + mlp::notation::kArrow + " ";

// Moves the cursor so text of width w ends at the right edge of the cell.
void align_right(float w) {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
}

}  // namespace

void value_cell(double v, bool negative_ground) {
    if (negative_ground && v < 0) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, palette::u32(palette::kNegative, kNegativeGroundAlpha));
    }
    const std::string text = mlp::format_value(v);
    align_right(ImGui::CalcTextSize(text.c_str()).x);
    ImGui::TextUnformatted(text.c_str());
}

void clipped_cell(double z, double a) {
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, palette::u32(palette::kNegative, kNegativeGroundAlpha));
    const std::string zs = mlp::format_value(z);
    const std::string as = kArrow + mlp::format_value(a);
    const float zw = ImGui::CalcTextSize(zs.c_str()).x;
    align_right(zw + ImGui::CalcTextSize(as.c_str()).x);
    ImGui::BeginGroup();  // one item for the caller's GetItemRect*, IsItemClicked
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::vec4(palette::kMuted));
    ImGui::TextUnformatted(zs.c_str());
    ImGui::PopStyleColor();
    // The worksheet's crossing-out: a line through the pre-activation.
    const float y = p.y + ImGui::GetTextLineHeight() * 0.55f;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x - 1, y), ImVec2(p.x + zw + 1, y), palette::u32(palette::kClipped), 1.5f);
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(as.c_str());
    ImGui::EndGroup();
}

void masked_cell() {
    align_right(ImGui::CalcTextSize(kMaskedText).x);
    muted_text(kMaskedText);
}

}  // namespace app
