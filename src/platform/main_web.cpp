// The page's entry point: SDL2 window with a WebGL2 (OpenGL ES 3.0) context, Dear ImGui on top,
// and the browser's animation frame as the main loop, run only while something can change
// (frame_scheduler.h).
#include <cstdio>
#include <string>

#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <GLES3/gl3.h>

#include "app/app.h"
#include "app/fonts.h"
#include "app/frame_damage.h"
#include "app/keyboard_nav.h"
#include "app/palette.h"
#include "app/rgba_texture.h"
#include "platform/event_pump.h"
#include "platform/frame_scheduler.h"
#include "platform/frame_regions.h"
#include "platform/frame_timer.h"
#include "platform/gpu_context.h"
#include "platform/page_exports.h"
#include "platform/page_sync.h"
#include "platform/ui_activity.h"
#include "platform/web_page.h"

namespace {

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    app::App* app = nullptr;
    bool first_frame_done = false;
    uint64_t picture = 0;  // FrameRegions::picture of the last frame drawn
    app::FrameDamage damage;             // which regions a frame draws again
    std::vector<ImDrawList*> lists;      // the draw data's lists drawn this frame
    std::vector<unsigned> panels;        // the panels drawn again this frame
};

constexpr const char* kGlslVersion = "#version 300 es";

// Every GL object died with a lost context: ImGui's and the app's are let go of (once; WebGL
// ignores deletes on a lost context). Shutdown rather than DestroyDeviceObjects: ImGui 1.86 keeps
// its buffer sizes across that, never reallocates the new buffers, and then draws nothing.
void release_gl_objects(Platform& p) {
    if (ImGui::GetIO().BackendRendererUserData) ImGui_ImplOpenGL3_Shutdown();
    p.app->release_gl_objects();
}

// What the frame leaves to do: the scheduler runs the next animation frame too, or sleeps until
// an input, a command or the soonest timed change.
platform::FrameEnd frame_end(const Platform& p, uint64_t revision_before, bool picture_changed) {
    const mlp::Session& session = p.app->session();
    platform::FrameEnd end;
    end.input_held = platform::events_held() || platform::ui_input_held();
    // A training run draws a new picture every frame until Pause (data_panel.h).
    end.changed = picture_changed || session.revision() != revision_before || platform::ui_layout_settling() ||
                  p.app->animating();
    for (double due : {platform::link_write_due_in_ms(session), platform::ui_change_due_in_ms()}) {
        if (due >= 0 && (end.wake_in_ms < 0 || due < end.wake_in_ms)) end.wake_in_ms = due;
    }
    return end;
}

void run_frame(void* arg) {
    Platform& p = *static_cast<Platform*>(arg);
    const uint64_t revision_before = p.app->session().revision();
    platform::FrameTimer& timer = platform::frame_timer();  // ./build.sh bench reads it
    timer.begin_frame(revision_before);
    platform::pump_events();

    switch (platform::poll_gpu_context()) {
        case platform::GpuContext::Ready: break;
        case platform::GpuContext::Lost:  // nothing can be drawn; the session and the view stay
            release_gl_objects(p);
            p.damage.forget();
            platform::sync_page(p.app->session());
            platform::end_frame({});  // until the context is restored (or an input comes)
            return;
        case platform::GpuContext::Restored:
            release_gl_objects(p);  // when no frame saw the context lost
            p.damage.forget();
            ImGui_ImplOpenGL3_Init(kGlslVersion);  // shaders, buffers, font texture: on NewFrame
            break;                                 // the diagram's: on its next sync
    }

    // The device pixel ratio changes with browser zoom or a move to another screen.
    if (app::update_fonts_for_pixel_ratio(platform::device_pixel_ratio())) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    timer.mark(platform::FramePhase::Events);

    ImGui_ImplOpenGL3_NewFrame();  // on the first frame ImGui's shaders, asked at once whether they compiled
    // The diagram's shaders after ImGui's (the GPU process takes its work in order): they compile
    // while this thread lays out the UI, and the diagram asks about them when it draws.
    p.app->begin_gl();
    ImGui_ImplSDL2_NewFrame();
    platform::apply_pointer();  // after the backend, which reads SDL's state of after the batch
    app::keyboard_nav_before_new_frame();
    ImGui::NewFrame();
    p.app->draw();
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    SDL_GL_GetDrawableSize(p.window, &fb_w, &fb_h);
    ImDrawData& draw_data = *ImGui::GetDrawData();
    platform::FrameRegions regions =
        platform::frame_regions(draw_data, p.app->diagram_area(), fb_w, fb_h, app::rgba_texture_uploads());
    for (size_t k = 0; k < regions.regions.size(); ++k) {
        if (regions.windows[k] && regions.windows[k] == p.app->panel_that_may_wait()) {
            regions.regions[k].min_interval_ms = app::kRunSheetIntervalMs;
        }
    }
    const bool picture_changed = regions.picture != p.picture;
    p.picture = regions.picture;
    timer.mark(platform::FramePhase::Ui);

    // Only the regions whose picture changed (and the diagram) are drawn again; the canvas keeps
    // the others' pixels (app/frame_damage.h).
    platform::clip_to_regions(draw_data, regions);
    const float fb_scale = ImGui::GetIO().DisplayFramebufferScale.x;
    const ImVec4 background = app::palette::kBackground.vec4();
    const uint64_t canvas =
        platform::canvas_key(fb_w, fb_h, fb_scale, background, ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
    const bool all = regions.outside || !platform::partial_redraw();
    const app::Redraw redraw = p.damage.next(regions.regions, canvas, all, 1000.0 * ImGui::GetTime());
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(background.x, background.y, background.z, 1.0f);
    if (redraw.all) {
        glClear(GL_COLOR_BUFFER_BIT);
        p.app->render_gl(fb_scale);
    } else {
        p.panels.clear();
        glEnable(GL_SCISSOR_TEST);
        for (size_t k = 0; k < regions.regions.size(); ++k) {
            if (!redraw.regions[k]) continue;
            const app::PixelRect& r = regions.regions[k].rect;
            glScissor(r.x0, fb_h - r.y1, r.x1 - r.x0, r.y1 - r.y0);  // GL's y axis points up
            glClear(GL_COLOR_BUFFER_BIT);
            if (regions.windows[k]) p.panels.push_back(regions.windows[k]);
        }
        glDisable(GL_SCISSOR_TEST);
        p.app->render_gl(fb_scale, &p.panels);
        platform::count_kept_regions(redraw.kept());
    }
    timer.mark(platform::FramePhase::DiagramGl);
    ImDrawData drawn = platform::regions_only(draw_data, regions, redraw, &p.lists);
    ImGui_ImplOpenGL3_RenderDrawData(&drawn);
    timer.mark(platform::FramePhase::ImguiGl);

    platform::sync_page(p.app->session(), p.app->animating());  // the address bar's link, the banners and the toolbar
    timer.mark(platform::FramePhase::Page);
    timer.end_frame(p.app->session().revision());

    if (!p.first_frame_done) {
        p.first_frame_done = true;
        timer.startup_mark("first_frame");
        platform::page_ready();
    }
    platform::end_frame(frame_end(p, revision_before, picture_changed));
}

}  // namespace

int main(int, char**) {
    platform::frame_timer().startup_mark("main");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        platform::page_fail(std::string("SDL could not start: ") + SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    static Platform p;
    // The canvas is sized by CSS (web/style.css); SDL follows it and the device pixel ratio.
    p.window = SDL_CreateWindow("MLP Explorer", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 720,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    platform::keep_drawing_buffer();
    if (p.window) p.gl = SDL_GL_CreateContext(p.window);
    if (!p.window || !p.gl) {
        platform::page_fail(std::string("WebGL2 could not be started: ") + SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(p.window, p.gl);
    platform::frame_timer().startup_mark("gl_context");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing persists outside the link
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // A double-click (which opens a slider's text field) within half a second, as most systems
    // count one; ImGui's 0.3 s misses slow hands, and frames that take long on a busy machine.
    io.MouseDoubleClickTime = 0.5f;
    // Windows not drawn for this long give back their draw buffers (ImGui's default is 60 s): the
    // worksheet's cards are child windows, one per card, and a network opened after a bigger one
    // leaves the bigger one's cards holding their buffers until then.
    io.ConfigMemoryCompactTimer = 5.0f;
    ImGui::StyleColorsLight();
    ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
    ImGui_ImplOpenGL3_Init(kGlslVersion);
    platform::watch_gpu_context();
    app::update_fonts_for_pixel_ratio(platform::device_pixel_ratio());

    static app::App explorer;
    p.app = &explorer;
    explorer.set_tooltip_listener(platform::announce);
    platform::connect_page_mirror(explorer);
    platform::set_page_target(&explorer);
    platform::open_start_link(explorer.session());  // before the first frame, which then shows it

    platform::frame_timer().startup_mark("app");
    platform::run_main_loop(run_frame, &p);
    return 0;
}
