// Opening a file the user picked or dropped on the page: the JSON that export writes (docs/design.md,
// "JSON"), with the same checks and limits as a link. The page refuses a file over the size
// limit before reading it (file_size_error); what it reads goes to open_file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/document/session.h"

namespace mlp {

// The name export gives its file.
constexpr const char* kExportFileName = "mlp-network.json";

// "" when a file of `bytes` may be read; else the message, naming the file:
// the file "big.json" is 20000000 bytes long; at most 16777216 (16 MiB) are allowed
std::string file_size_error(std::string_view file_name, size_t bytes);

// Opens the file's text as the session's document and start point (Reset returns to it, named
// by the file's name in quotes), or keeps the document and sets the session's error, e.g.
// the file "net.json" cannot be opened: weights[2][1]: 3 numbers; expected 2 (layer 2 has 2 nodes)
// A text that is not JSON at all (an image, a link) is refused as such rather than read as a link.
// Returns true when the document changed.
bool open_file(Session* session, std::string_view file_name, std::string_view text);

}  // namespace mlp
