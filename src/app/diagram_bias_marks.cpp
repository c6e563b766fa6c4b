#include "app/diagram_bias_marks.h"

#include <cfloat>
#include <cmath>
#include <string>

#include <imgui.h>

#include "app/number_format.h"
#include "app/palette.h"

namespace app {
namespace {

constexpr float kMinRadius = 8.0f;   // as for the numbers in the circles: smaller gets no tag
constexpr float kFontSize = 11.5f;
constexpr int kMaxTags = 300;        // as many as the diagram probes nodes

}  // namespace

void draw_bias_marks(const mlp::Session& session, const mlp::DiagramGeometry& geo, ImDrawList* list, UiProbe& probe) {
    const mlp::Network& net = session.network();
    ImFont* font = ImGui::GetFont();
    int tags = 0;
    for (int c = 1; c < static_cast<int>(geo.columns.size()); ++c) {
        const mlp::Column& col = geo.columns[c];
        if (col.strip || col.radius < kMinRadius) continue;
        for (int i = 0; i < col.count && tags < kMaxTags; ++i, ++tags) {
            const double b = net.biases[c - 1][i];
            const std::string text = "b " + format_value(b, 3);
            const ImVec2 size = font->CalcTextSizeA(kFontSize, FLT_MAX, 0.0f, text.c_str());
            const mlp::Point p = col.node(static_cast<float>(i));
            // Beside the circle's lower right, where the lines into the node do not arrive.
            const ImVec2 at(std::round(p.x + col.radius * 0.55f), std::round(p.y + col.radius * 0.6f));
            const Colour colour = b < 0 ? palette::kNegativeText : b > 0 ? palette::kPositive : palette::kMuted;
            list->AddRectFilled(ImVec2(at.x - 2, at.y - 1), ImVec2(at.x + size.x + 2, at.y + size.y),
                                palette::kBackground.with_alpha(225).u32(), 3.0f);
            list->AddText(font, kFontSize, at, colour.u32(), text.c_str());
            probe.add("bias:" + std::to_string(c) + "." + std::to_string(i + 1), at.x, at.y, size.x, size.y, false, text);
        }
    }
}

}  // namespace app
