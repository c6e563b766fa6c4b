#include "app/rgba_texture.h"

#include <GLES3/gl3.h>

namespace app {
namespace {
uint64_t g_uploads = 0;
}  // namespace

uint64_t rgba_texture_uploads() { return g_uploads; }

void upload_rgba_texture(unsigned* texture, int width, int height, const uint8_t* rgba, TextureFilter filter) {
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    if (*texture == 0) {
        GLuint tex = 0;
        glGenTextures(1, &tex);
        *texture = tex;
        glBindTexture(GL_TEXTURE_2D, tex);
        const GLint f = filter == TextureFilter::Nearest ? GL_NEAREST : GL_LINEAR;
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, f);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, f);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    } else {
        glBindTexture(GL_TEXTURE_2D, *texture);
    }
    ++g_uploads;
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
}

}  // namespace app
