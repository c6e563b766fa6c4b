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

bool is_keyboard(const SDL_Event& e) {
    return e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT;
}
bool is_mouse_button(const SDL_Event& e) { return e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP; }
// Events whose order matters to ImGui. (Motion does not: the backend reads the pointer's
// position from SDL's state once per frame.)
bool is_input(const SDL_Event& e) { return is_keyboard(e) || is_mouse_button(e) || e.type == SDL_MOUSEWHEEL; }

void process(const SDL_Event& e) {
    ImGui_ImplSDL2_ProcessEvent(&e);
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
            holding = key_up_again || key_down_again || (is_keyboard(e) && mouse_button_seen) ||
                      (e.type == SDL_MOUSEBUTTONDOWN && (mouse_released || moved || g_clicked_last_frame));
        }
        if (e.type == SDL_MOUSEMOTION) moved = true;
        if (holding && is_input(e)) {
            g_held.push_back(e);
            continue;
        }
        if (e.type == SDL_KEYDOWN) went_down.push_back(e.key.keysym.scancode);
        if (e.type == SDL_KEYUP) went_up.push_back(e.key.keysym.scancode);
        if (is_mouse_button(e)) mouse_button_seen = true;
        if (e.type == SDL_MOUSEBUTTONDOWN) mouse_pressed = true;
        if (e.type == SDL_MOUSEBUTTONUP) mouse_released = true;
        process(e);
    }
    g_clicked_last_frame = mouse_pressed && mouse_released;
}

}  // namespace platform
