#include "app/picture.h"

#include <algorithm>
#include <cmath>

#include <GLES3/gl3.h>
#include <imgui.h>

#include "app/breakdown_panel.h"
#include "app/diagram_view.h"
#include "app/palette.h"
#include "app/theme.h"
#include "app/ui_probe.h"
#include "core/diagram/diagram_geometry.h"

namespace app {
namespace {

constexpr float kMinDiagramHeight = 320.0f;  // CSS px
constexpr float kMaxDiagramHeight = 900.0f;

// A framebuffer with a texture of w x h pixels; 0 when the GPU cannot make it.
struct Target {
    GLuint fbo = 0, texture = 0;
    Target(int w, int h) {
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glBindTexture(GL_TEXTURE_2D, 0);
        glGenFramebuffers(1, &fbo);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) release();
    }
    ~Target() { release(); }
    void release() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (fbo) glDeleteFramebuffers(1, &fbo);
        if (texture) glDeleteTextures(1, &texture);
        fbo = texture = 0;
    }
};

}  // namespace

Picture make_picture(const mlp::Session& session, const ViewState& view, float scale, void (*render)(ImDrawData*)) {
    Picture picture;
    ImGuiContext* page = ImGui::GetCurrentContext();
    ImFontAtlas* fonts = ImGui::GetIO().Fonts;
    const float font_scale = ImGui::GetIO().FontGlobalScale;
    GLint max_size = 0, viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    max_size = std::min({max_size, viewport[0], viewport[1], static_cast<GLint>(16384)});
    if (max_size < 256) {
        picture.error = "the graphics card could not draw the picture (WebGL gave no framebuffer size)";
        return picture;
    }
    scale = std::clamp(scale, 0.5f, static_cast<float>(max_size) / kPictureWidth);
    const float max_height = std::floor(static_cast<float>(max_size) / scale);

    // Its own context, sharing the page's fonts (rasterized at the page's pixel ratio).
    ImGuiContext* context = ImGui::CreateContext(fonts);
    ImGui::SetCurrentContext(context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.FontGlobalScale = font_scale;
    io.DisplayFramebufferScale = ImVec2(scale, scale);
    io.DisplaySize = ImVec2(kPictureWidth, max_height);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::GetStyle() = theme_style(false);
    ImGui::NewFrame();

    ViewState shown = view;  // the same sample and exercise, nothing hovered or selected
    shown.hovered = shown.selected = Selection{};
    shown.scroll_to_selected = false;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float diagram_h = std::clamp(
        std::floor(mlp::diagram_wanted_height(session.network().shape, kPictureWidth, kMaxDiagramHeight)),
        kMinDiagramHeight, kMaxDiagramHeight);
    const ImVec2 cards = breakdown_size(session, shown, kPictureWidth - 2 * style.WindowPadding.x);
    const float sheet_h = std::min(std::ceil(cards.y + 2 * style.WindowPadding.y + 2), max_height - diagram_h);
    const float height = diagram_h + sheet_h;

    DiagramView diagram;  // its own GL objects, let go of at the end
    UiProbe probe;        // unused: nothing is pointed at in a picture
    diagram.lay_out(session, {0, 0, kPictureWidth, diagram_h});
    diagram.draw(session, shown, probe);
    ImGui::SetNextWindowPos(ImVec2(0, diagram_h));
    ImGui::SetNextWindowSize(ImVec2(kPictureWidth, sheet_h));
    if (ImGui::Begin("Worksheet", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs)) {
        draw_breakdown(session, shown, probe, false);
    }
    ImGui::End();
    ImGui::Render();
    ImDrawData* data = ImGui::GetDrawData();
    data->DisplaySize.y = height;
    io.DisplaySize.y = height;  // the diagram's GL side reads the picture's height here

    picture.scale = scale;
    picture.width = static_cast<int>(std::lround(kPictureWidth * scale));
    picture.height = static_cast<int>(std::lround(height * scale));
    {
        Target target(picture.width, picture.height);
        if (target.fbo == 0) {
            picture.error = "the graphics card could not make a picture of " + std::to_string(picture.width) + "x" +
                            std::to_string(picture.height) + " pixels";
        } else {
            glViewport(0, 0, picture.width, picture.height);
            glDisable(GL_SCISSOR_TEST);
            const ImVec4 ground = palette::kBackground.vec4();
            glClearColor(ground.x, ground.y, ground.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            diagram.render_gl(session, shown, scale, target.fbo);
            ImGui::SetCurrentContext(page);  // the page's renderer draws the picture's windows
            render(data);
            glBindFramebuffer(GL_FRAMEBUFFER, target.fbo);
            picture.rgba.resize(static_cast<size_t>(picture.width) * picture.height * 4);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(0, 0, picture.width, picture.height, GL_RGBA, GL_UNSIGNED_BYTE, picture.rgba.data());
        }
    }
    ImGui::SetCurrentContext(page);
    ImGui::DestroyContext(context);
    return picture;
}

}  // namespace app
