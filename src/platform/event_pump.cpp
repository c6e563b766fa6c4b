#include "platform/event_pump.h"

#include <algorithm>
#include <vector>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

namespace platform {
namespace {

std::vector<SDL_Event> g_held;  // input events waiting for the next frame, in order
// The last frame saw a whole click (press and release): ImGui showed the button down for that
// frame, so it must see it up for one frame before the next press counts as a second click.
bool g_clicked_last_frame = false;

// The pointer as of the last event handed on. The backend reads SDL's current state instead,
// which already includes the held events: a press seen where the pointer went after it.
struct Pointer {
    bool known = false;
    float x = 0.0f, y = 0.0f;
    bool down[3] = {false, false, false};     // ImGui's order: left, right, middle
    bool pressed[3] = {false, false, false};  // went down in this frame's events (maybe up again)
};
Pointer g_pointer;

int imgui_button(Uint8 sdl_button) {
    switch (sdl_button) {
        case SDL_BUTTON_LEFT: return 0;
        case SDL_BUTTON_RIGHT: return 1;
        case SDL_BUTTON_MIDDLE: return 2;
        default: return -1;
    }
}

bool is_keyboard(const SDL_Event& e) {
    return e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT;
}
bool is_mouse_button(const SDL_Event& e) { return e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP; }
bool is_pointer(const SDL_Event& e) { return is_mouse_button(e) || e.type == SDL_MOUSEMOTION; }
// Events whose order matters to ImGui.
bool is_input(const SDL_Event& e) { return is_keyboard(e) || is_pointer(e) || e.type == SDL_MOUSEWHEEL; }

void track_pointer(const SDL_Event& e) {
    g_pointer.known = true;
    if (e.type == SDL_MOUSEMOTION) {
        g_pointer.x = float(e.motion.x);
        g_pointer.y = float(e.motion.y);
        return;
    }
    const int b = imgui_button(e.button.button);
    g_pointer.x = float(e.button.x);
    g_pointer.y = float(e.button.y);
    if (b < 0) return;
    g_pointer.down[b] = e.type == SDL_MOUSEBUTTONDOWN;
    if (e.type == SDL_MOUSEBUTTONDOWN) g_pointer.pressed[b] = true;
}

// The wheel as SDL measured it. The 1.86 backend counts whole steps only (event.wheel.y), and
// SDL's emscripten port makes 100 px of a pixel-mode wheel one step, so a trackpad's or a
// high-density screen's small turns were lost until they added up to a step: read preciseY, as
// ImGui 1.87+ does. The port passes deltaX on unscaled (pixels), hence the 100 here; and SDL's x
// grows to the right where ImGui's grows to the left (1.87 negates it too).
void wheel(const SDL_MouseWheelEvent& w) {
    const float flip = w.direction == SDL_MOUSEWHEEL_FLIPPED ? -1.0f : 1.0f;
    constexpr float kPixelsPerStep = 100.0f;
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel += flip * w.preciseY;
    io.MouseWheelH -= flip * w.preciseX / kPixelsPerStep;
}

void process(const SDL_Event& e) {
    if (e.type == SDL_MOUSEWHEEL) {
        wheel(e.wheel);
        return;
    }
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (is_pointer(e)) track_pointer(e);
    if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) {
        // The modifiers as they were at this event, not as they are by the time it is read.
        ImGuiIO& io = ImGui::GetIO();
        const Uint16 mod = e.key.keysym.mod;
        io.KeyShift = (mod & KMOD_SHIFT) != 0;
        io.KeyCtrl = (mod & KMOD_CTRL) != 0;
        io.KeyAlt = (mod & KMOD_ALT) != 0;
        io.KeySuper = (mod & KMOD_GUI) != 0;
    }
}

}  // namespace

void pump_events() {
    std::vector<SDL_Event> batch;
    batch.swap(g_held);
    SDL_Event event;
    while (SDL_PollEvent(&event)) batch.push_back(event);

    std::fill(std::begin(g_pointer.pressed), std::end(g_pointer.pressed), false);
    std::vector<SDL_Scancode> went_down, went_up;
    bool moved = false, mouse_button_seen = false, mouse_pressed = false, mouse_released = false, holding = false;
    for (const SDL_Event& e : batch) {
        if (!holding && is_input(e)) {
            // ImGui 1.86 reads a key's state once per frame: a key that goes down and up (or up
            // and down again: a second press) within one frame would be lost, so the rest waits.
            const SDL_Scancode key = e.key.keysym.scancode;
            const bool key_up_again =
                e.type == SDL_KEYUP && std::find(went_down.begin(), went_down.end(), key) != went_down.end();
            const bool key_down_again =
                e.type == SDL_KEYDOWN && std::find(went_up.begin(), went_up.end(), key) != went_up.end();
            const bool button_held = std::any_of(std::begin(g_pointer.down), std::end(g_pointer.down),
                                                 [](bool d) { return d; });
            holding = key_up_again || key_down_again || (is_keyboard(e) && mouse_button_seen) ||
                      (e.type == SDL_MOUSEBUTTONDOWN && (mouse_released || moved || g_clicked_last_frame)) ||
                      // A press is seen where it happened, then the drag's moves, then the
                      // release where the drag ended: a quick flick is a drag, not a click.
                      (e.type == SDL_MOUSEMOTION && mouse_pressed) ||
                      (e.type == SDL_MOUSEBUTTONUP && moved && button_held);
        }
        if (holding && is_input(e)) {
            g_held.push_back(e);
            continue;
        }
        if (e.type == SDL_MOUSEMOTION) moved = true;
        if (e.type == SDL_KEYDOWN) went_down.push_back(e.key.keysym.scancode);
        if (e.type == SDL_KEYUP) went_up.push_back(e.key.keysym.scancode);
        if (is_mouse_button(e)) mouse_button_seen = true;
        if (e.type == SDL_MOUSEBUTTONDOWN) mouse_pressed = true;
        if (e.type == SDL_MOUSEBUTTONUP) mouse_released = true;
        process(e);
    }
    g_clicked_last_frame = mouse_pressed && mouse_released;
}

bool events_held() { return !g_held.empty(); }

void apply_pointer() {
    if (!g_pointer.known) return;
    ImGuiIO& io = ImGui::GetIO();
    // Off the canvas the backend says "no pointer": keep that, but not where it is nor its buttons.
    if (ImGui::IsMousePosValid(&io.MousePos)) io.MousePos = ImVec2(g_pointer.x, g_pointer.y);
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = g_pointer.down[b] || g_pointer.pressed[b];
}

}  // namespace platform
