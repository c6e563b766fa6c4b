#include "app/controls_panel.h"

#include <cstdio>

#include "app/number_format.h"

namespace app {

void draw_controls_panel(mlp::Session& session, ViewState&, const Rect& area, UiProbe& probe) {
    ImGui::SetNextWindowPos(area.min());
    ImGui::SetNextWindowSize(area.size());
    ImGui::Begin("Controls", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
    probe.add("panel:controls", area.x, area.y, area.w, area.h);

    const mlp::ForwardPass& pass = session.pass();
    const int out_layer = session.network().weight_layers() - 1;
    const mlp::Matrix& out = pass.a[out_layer];
    ImGui::TextUnformatted("Network outputs, one row per sample");
    if (ImGui::BeginTable("outputs", out.cols + 1, ImGuiTableFlags_Borders)) {
        ImGui::TableSetupColumn("sample");
        for (int i = 0; i < out.cols; ++i) {
            char label[32];
            std::snprintf(label, sizeof label, "y%d", i + 1);
            ImGui::TableSetupColumn(label);
        }
        ImGui::TableHeadersRow();
        for (int s = 0; s < session.sample_count(); ++s) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("x%d", s + 1);
            for (int i = 0; i < out.cols; ++i) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_value(out.at(s, i)).c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace app
