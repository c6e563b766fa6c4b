// Opening a file the user picked or dropped on the page: the JSON that export writes (docs/design.md,
// "JSON"), with the same checks and limits as a link, or a file of points (points_file.h) as the
// data set. The page refuses a file over the size limit before reading it (file_size_error,
// points_file_size_error); what it reads goes to open_file, import_points_file or, for a file
// that may be either (dropped on the page, or picked by File > Import), open_any_file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/document/session.h"

namespace mlp {

// Said under a refused points file's message in the page.
constexpr const char* kKeptPointsNote = "The data set shown is the one from before.";

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

// As file_size_error, for a file of points (at most kMaxPointsFileBytes).
std::string points_file_size_error(std::string_view file_name, size_t bytes);

// Reads the file's text as the points of a custom data set (Session::import_points: one undo
// step, the network reshaped to fit), or keeps the document and sets the session's error, e.g.
// the file "p.csv" cannot be read as points: row 4, column 2: "abc" is not a number; ...
// Returns true when the document changed.
bool import_points_file(Session* session, std::string_view file_name, std::string_view text);

// Whether a file is points rather than a network: its name ends in ".csv" or ".txt", or its
// text starts (after white space) with '[' (a network's JSON starts with '{').
bool is_points_file(std::string_view file_name, std::string_view text);

// A file dropped on the page or picked by File > Import: points (is_points_file) go to the data
// set, anything else is opened as a network (open_file). Returns true when the document changed.
bool open_any_file(Session* session, std::string_view file_name, std::string_view text);

}  // namespace mlp
