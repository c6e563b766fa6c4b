// Uploading an RGBA image into a GL texture, shared by the pictures over the input plane and the
// plot's points.
#pragma once

#include <cstdint>

namespace app {

enum class TextureFilter { Linear, Nearest };

// Uploads a w x h RGBA image (rows from the top, 8 bits a channel) into `texture`, making it first
// when it is 0 (filtered as `filter`, clamped at the edges). The texture bound before stays bound.
void upload_rgba_texture(unsigned* texture, int width, int height, const uint8_t* rgba, TextureFilter filter);

// How many uploads there have been: a panel that shows one of these textures is drawn again when
// it moves (frame_damage.h), as its draw commands stay the same when only the pixels change.
uint64_t rgba_texture_uploads();

}  // namespace app
