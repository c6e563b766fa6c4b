// The explorer's UI: one App per page, drawing the session with Dear ImGui each frame.
// Platform-free apart from ImGui and GL: the window, events and the page live in src/platform/.
#pragma once

#include "core/session.h"

namespace app {

class App {
public:
    App();

    // Builds this frame's UI. Call between ImGui::NewFrame and ImGui::Render.
    void draw();

    mlp::Session& session() { return session_; }
    const mlp::Session& session() const { return session_; }

private:
    mlp::Session session_;
};

}  // namespace app
