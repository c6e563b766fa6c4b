#include "app/typed_field.h"

#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

namespace app {
namespace {

// The field being typed into: ImGui ignores the buffer it is given while a field is active, so
// its text is kept here, to be read when typing ends, also when another item took the keyboard
// before this field ran in the frame (Tab).
struct Typing {
    ImGuiID id = 0;
    char text[64] = "";
    int frame = 0;  // the last frame it was seen open
};
Typing g_typing;

}  // namespace

bool typed_field(const char* label, const std::string& shown, std::string* typed, std::string* now) {
    const ImGuiID id = ImGui::GetID(label);
    char buf[sizeof g_typing.text];
    std::snprintf(buf, sizeof buf, "%s", g_typing.id == id ? g_typing.text : shown.c_str());
    ImGui::InputText(label, buf, sizeof buf, ImGuiInputTextFlags_AutoSelectAll);
    if (now) *now = buf;
    if (ImGui::IsItemActive()) {
        g_typing.id = id;
        std::snprintf(g_typing.text, sizeof g_typing.text, "%s", buf);
        g_typing.frame = ImGui::GetFrameCount();
        return false;
    }
    if (g_typing.id != id) return false;
    // Typing ended: in this frame (Enter, a click elsewhere: buf has the text) or just before it.
    const bool recent = g_typing.frame + 1 >= ImGui::GetFrameCount();
    g_typing = {};
    if (!recent || shown == buf) return false;
    *typed = buf;
    return true;
}

}  // namespace app
