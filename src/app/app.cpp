#include "app/app.h"

#include <imgui.h>

#include "app/number_format.h"

namespace app {

App::App() = default;

void App::draw() {
    const mlp::Session& s = session_;
    const mlp::ForwardPass& pass = s.pass();
    const int out_layer = s.network().weight_layers() - 1;

    ImGui::SetNextWindowPos(ImVec2(16, 16), ImGuiCond_FirstUseEver);
    ImGui::Begin("Outputs", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextUnformatted("Network outputs, one row per sample");
    if (ImGui::BeginTable("outputs", pass.a[out_layer].cols + 1, ImGuiTableFlags_Borders)) {
        ImGui::TableSetupColumn("sample");
        for (int i = 0; i < pass.a[out_layer].cols; ++i) {
            char label[32];
            std::snprintf(label, sizeof label, "y%d", i + 1);
            ImGui::TableSetupColumn(label);
        }
        ImGui::TableHeadersRow();
        for (int smp = 0; smp < s.sample_count(); ++smp) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("x%d", smp + 1);
            for (int i = 0; i < pass.a[out_layer].cols; ++i) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_value(pass.a[out_layer].at(smp, i)).c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace app
