#include "app/keyboard_nav.h"

#include <algorithm>
#include <vector>

#define IMGUI_DEFINE_MATH_OPERATORS
#include <imgui.h>
#include <imgui_internal.h>

#include "app/palette.h"

// [SECTION] State
// [SECTION] Tab stops
// [SECTION] Keys ImGui 1.86 ignores or misreads
// [SECTION] Frames: entering a panel, running off one

namespace app {
namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------------------

struct NavState {
    // This frame.
    std::vector<ImGuiWindow*> roots;  // windows that Tab goes through (nav roots), in drawing order
    bool backward_wrap = false;       // Shift+Tab on the first tab stop of its window
    ControlDescription focused;       // the focused control, when it described itself
    int left = 0;                     // Tab ran off the app: +1 forward, -1 backward

    std::vector<ImGuiWindow*> last_roots;  // last frame's, for the page's requests
    ControlDescription last_focused;       // last frame's focused control (Enter reads its role)

    // A Tab that ran off a window's end goes into the next window on the next frame.
    ImGuiWindow* enter_root = nullptr;
    int enter_direction = 0;
    // The tabbing request in flight is ours (entering enter_root): where it went, which way.
    ImGuiWindow* own_root = nullptr;
    int own_direction = 0;

    // From the page, between frames.
    int page_enter = 0;
    bool page_blur = false;
};
NavState g_nav;

ImGuiContext& ctx() { return *GImGui; }

bool is_tabbing_request() {
    const ImGuiContext& g = ctx();
    return g.NavMoveSubmitted && (g.NavMoveFlags & ImGuiNavMoveFlags_Tabbing) &&
           !(g.NavMoveFlags & ImGuiNavMoveFlags_FocusApi);
}

// Controls that Enter presses, as on the web (ImGui 1.86 presses with Space only; Enter types).
bool presses_on_enter(ControlRole role) {
    return role != ControlRole::None && role != ControlRole::Slider && role != ControlRole::TextField;
}

void activate(ImGuiID id) {
    ImGuiContext& g = ctx();
    g.NavActivateId = g.NavActivateDownId = g.NavActivatePressedId = id;
    g.NavActivateInputId = 0;
    g.NavActivateFlags = ImGuiActivateFlags_None;
}

void request_input(ImGuiID id) {
    ImGuiContext& g = ctx();
    g.NavActivateInputId = id;
    g.NavActivateFlags = ImGuiActivateFlags_PreferInput;
}

bool key_pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); }

// A dark line around ImGui's focus ring (2 px of blue, 3 px off the control), so the ring stands
// out on any colour around it, the blue of a slider's bar or of the selection included. Like
// ImGui's, it is drawn around the visible part of the control, and not cut at the window's edge.
void draw_outer_ring(ImRect bb) {
    ImGuiContext& g = ctx();
    ImGuiWindow* window = g.CurrentWindow;
    bb.ClipWith(window->ClipRect);
    if (bb.GetWidth() <= 0 || bb.GetHeight() <= 0) return;
    // The line's middle 6 px out, on whole pixels: 3 px wide with anti-aliasing, of which 2 solid.
    bb.Expand(6.0f);
    bb.Min = ImFloor(bb.Min);
    bb.Max = ImFloor(bb.Max + ImVec2(0.5f, 0.5f));
    window->DrawList->PushClipRect(bb.Min - ImVec2(2, 2), bb.Max + ImVec2(2, 2));
    // AddRect strokes half a pixel inside the corners it is given.
    window->DrawList->AddRect(bb.Min - ImVec2(0.5f, 0.5f), bb.Max + ImVec2(0.5f, 0.5f), palette::kInk.u32(),
                              g.Style.FrameRounding + 3.0f, 0, 3.0f);
    window->DrawList->PopClipRect();
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Tab stops
//-------------------------------------------------------------------------------------------------

bool keyboard_tab_stop(unsigned id_arg) {
    ImGuiContext& g = ctx();
    const ImGuiID id = id_arg ? id_arg : g.LastItemData.ID;
    if (id == 0) return false;
    // The window Tab moves within (flattened children belong to their parent's); popups (an
    // open list) keep Tab to themselves.
    ImGuiWindow* root = g.CurrentWindow->RootWindowForNav;
    std::vector<ImGuiWindow*>& roots = g_nav.roots;
    if (!(root->Flags & ImGuiWindowFlags_Popup) && std::find(roots.begin(), roots.end(), root) == roots.end()) {
        roots.push_back(root);
    }
    // Reached by Tab: 1.86 "activates for input" with TryToPreserveState (Enter has no such flag)
    // and leaves the focus ring off; it is shown.
    if (g.NavActivateInputId == id && (g.NavActivateFlags & ImGuiActivateFlags_TryToPreserveState)) {
        g.NavDisableHighlight = false;
    }
    if (g.NavId != id) return false;
    if (!g.NavDisableHighlight && g.LastItemData.ID == id) draw_outer_ring(g.LastItemData.Rect);
    if (is_tabbing_request() && g.NavWindow && g.NavWindow->RootWindowForNav == root) {
        if (g.NavTabbingDir == 0) {
            // 1.86 moves Tab forward only from an *active* item (a field being typed in): from an
            // item that merely has the focus it went to the first tab stop of the window. Turn
            // "tab from nothing" into "tab forward from here". The first stop is already in
            // NavTabbingResultFirst, which ImGui uses when nothing follows (keyboard_nav_end_frame
            // catches that).
            g.NavTabbingDir = +1;
            g.NavTabbingCounter = 1;
            g.NavMoveScoringItems = true;
            g.NavAnyRequest = true;
        } else if (g.NavTabbingDir == -1 && g.NavMoveScoringItems && g.NavMoveResultLocal.ID == 0) {
            g_nav.backward_wrap = true;  // Shift+Tab from the window's first stop
        }
    }
    return true;
}

bool keyboard_entering() { return g_nav.own_root != nullptr; }

TabStops::TabStops() { ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true); }
TabStops::~TabStops() { ImGui::PopItemFlag(); }

bool keyboard_area_button(ImVec2 min, ImVec2 max, const char* id_name, bool* focused) {
    ImGuiContext& g = ctx();
    const ImGuiID id = ImGui::GetID(id_name);
    const ImRect bb(min, max);
    const bool visible = ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_Inputable);
    if (visible) ImGui::RenderNavHighlight(bb, id);
    *focused = keyboard_tab_stop(id);
    return g.NavActivateId == id;
}

bool keyboard_tabbing() { return is_tabbing_request() && ctx().NavMoveScoringItems; }

bool keyboard_has_focus(unsigned id) {
    const ImGuiContext& g = ctx();
    return id != 0 && g.NavId == id && g.NavWindow != nullptr;
}

void describe_focused_control(ControlDescription d) {
    d.id = ctx().NavId;
    g_nav.focused = std::move(d);
}

ControlDescription* focused_description(unsigned id) {
    const ImGuiContext& g = ctx();
    if (id == 0) id = g.LastItemData.ID;
    ControlDescription& d = g_nav.focused;
    return id != 0 && d.role != ControlRole::None && d.id == id && g.NavId == id ? &d : nullptr;
}

const ControlDescription& focused_control() {
    static const ControlDescription kNothing;
    const ImGuiContext& g = ctx();
    const ControlDescription& d = g_nav.focused;
    return d.role != ControlRole::None && d.id == g.NavId && g.NavWindow ? d : kNothing;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Keys ImGui 1.86 ignores or misreads
//-------------------------------------------------------------------------------------------------

void keyboard_nav_before_new_frame() {
    ImGuiContext& g = ctx();
    // Escape with no field being typed in and no list open: 1.86 would take the focus out of the
    // sliders to the window around them (from where Tab starts over), or drop it altogether.
    if (g.ActiveId == 0 && g.OpenPopupStack.Size == 0) {
        const int escape = g.IO.KeyMap[ImGuiKey_Escape];
        if (escape >= 0) g.IO.KeysDown[escape] = false;
    }
}

namespace {

// Enter and Space on the focused control. 1.86 reads them only while the focus ring is shown,
// which it turns off after any mouse use: Enter right after a click on a slider did nothing.
// Enter on a button presses it.
void enter_and_space() {
    ImGuiContext& g = ctx();
    const ImGuiIO& io = g.IO;
    if (g.NavId == 0 || g.NavWindow == nullptr || g.ActiveId != 0 || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    const bool enter = key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter);
    const bool space = key_pressed(ImGuiKey_Space);
    const bool known = g_nav.last_focused.id == g.NavId;  // its role, from the last frame
    if (g.NavDisableHighlight && (enter || space)) {
        g.NavDisableHighlight = false;
        if (space || (known && presses_on_enter(g_nav.last_focused.role))) {
            activate(g.NavId);
        } else {
            request_input(g.NavId);
        }
        return;
    }
    // Enter with the ring shown: ImGui asked for text input; a button is pressed instead.
    if (g.NavActivateInputId == g.NavId && !(g.NavActivateFlags & ImGuiActivateFlags_TryToPreserveState) && known &&
        presses_on_enter(g_nav.last_focused.role)) {
        activate(g.NavId);
    }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Frames: entering a panel, running off one
//-------------------------------------------------------------------------------------------------

// Tabs into `root` from outside: to its first tab stop (direction +1) or its last (-1), with
// ImGui's own tabbing (which scrolls the control into view and knows the rows a list clipper
// has not drawn). The result lands on the next frame.
void start_entering(ImGuiWindow* root, int direction) {
    ImGuiContext& g = ctx();
    ImGui::FocusWindow(root);
    g.NavId = 0;  // Tab "from nothing": the first stop, or Shift+Tab from nothing: the last
    root->NavLastIds[ImGuiNavLayer_Main] = 0;
    ImGui::NavMoveRequestSubmit(ImGuiDir_None, direction > 0 ? ImGuiDir_Down : ImGuiDir_Up, ImGuiNavMoveFlags_Tabbing,
                                ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
    g.NavTabbingDir = direction > 0 ? 0 : -1;
    g.NavTabbingResultFirst.Clear();
    g.NavTabbingCounter = -1;
    g_nav.own_root = root;
    g_nav.own_direction = direction;
}

// Tab ran off `from` (a window's last stop, direction +1, or its first, -1): on to the window
// after or before it in this frame's order, or out of the app.
void move_on(ImGuiWindow* from, int direction) {
    const std::vector<ImGuiWindow*>& roots = g_nav.roots;
    const auto it = std::find(roots.begin(), roots.end(), from);
    ImGuiWindow* next = nullptr;
    if (it == roots.end()) {  // a window without tab stops (the diagram's): the first or last
        if (!roots.empty()) next = direction > 0 ? roots.front() : roots.back();
    } else {
        const long k = (it - roots.begin()) + direction;
        if (k >= 0 && k < static_cast<long>(roots.size())) next = roots[k];
    }
    if (next) {
        g_nav.enter_root = next;
        g_nav.enter_direction = direction;
    } else {
        g_nav.left = direction;
        ctx().NavDisableHighlight = true;  // the page's own focus ring takes over
    }
}

}  // namespace

void keyboard_nav_begin_frame() {
    ImGuiContext& g = ctx();
    g_nav.last_roots.swap(g_nav.roots);
    g_nav.roots.clear();
    g_nav.backward_wrap = false;
    g_nav.left = 0;
    g_nav.focused = ControlDescription();
    g_nav.own_root = nullptr;

    if (g_nav.page_blur) {
        g_nav.page_blur = false;
        g.NavDisableHighlight = true;
    }
    const bool tab = key_pressed(ImGuiKey_Tab) && !g.IO.KeyCtrl && !g.IO.KeyAlt;
    if (g_nav.page_enter == 0 && tab && g.NavWindow == nullptr) {
        g_nav.page_enter = g.IO.KeyShift ? -1 : +1;  // nothing focused (a click on the diagram)
    }
    if (g_nav.page_enter != 0) {
        const int direction = g_nav.page_enter;
        if (!g_nav.last_roots.empty()) {
            g_nav.page_enter = 0;
            g_nav.enter_root = nullptr;
            start_entering(direction > 0 ? g_nav.last_roots.front() : g_nav.last_roots.back(), direction);
        }
    } else if (g_nav.enter_root) {
        start_entering(g_nav.enter_root, g_nav.enter_direction);
        g_nav.enter_root = nullptr;
    }
    enter_and_space();
}

void keyboard_nav_end_frame() {
    ImGuiContext& g = ctx();
    if (is_tabbing_request() && g.NavWindow) {
        if (g_nav.own_root) {
            // Entering a window that showed no tab stop this frame (folded since): the next one.
            const bool found = g_nav.own_direction > 0 ? g.NavTabbingResultFirst.ID != 0 : g.NavMoveResultLocal.ID != 0;
            if (!found) {
                ImGui::NavMoveRequestCancel();
                move_on(g_nav.own_root, g_nav.own_direction);
            }
        } else if (!(g.NavWindow->RootWindowForNav->Flags & ImGuiWindowFlags_Popup)) {
            int direction = 0;
            if (g.NavTabbingDir == +1 && g.NavTabbingCounter == 1 && g.NavMoveScoringItems) {
                direction = +1;  // the focused control was its window's last tab stop
            } else if (g.NavTabbingDir == 0 && g.NavTabbingResultFirst.ID == 0) {
                direction = +1;  // a window without tab stops
            } else if (g.NavTabbingDir == -1 && (g_nav.backward_wrap || g.NavMoveResultLocal.ID == 0)) {
                direction = -1;  // the focused control was its window's first tab stop
            }
            if (direction != 0) {
                ImGui::NavMoveRequestCancel();  // ImGui would wrap around within the window
                move_on(g.NavWindow->RootWindowForNav, direction);
            }
        }
    }
    g_nav.last_focused = focused_control();
}

void keyboard_enter(int direction) { g_nav.page_enter = direction < 0 ? -1 : +1; }

void keyboard_blur() {
    g_nav.page_blur = true;
    g_nav.page_enter = 0;
}

int keyboard_left() { return g_nav.left; }

}  // namespace app
