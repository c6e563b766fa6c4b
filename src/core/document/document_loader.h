// Opening a document from text, as the page does for a link (start-up, hashchange) and for
// window.mlpExplorer.load(text): decode, then either show the new document or keep the current
// one and report why the text was refused.
#pragma once

#include <string>
#include <string_view>

#include "core/document/session.h"
#include "core/formats/decode_result.h"

namespace mlp {

// What the page shows after an opening was refused, said under the refusal: the network on the
// screen (or, for the address bar's link when the page starts, the exercise).
constexpr const char* kKeptNetworkNote = "The network shown is the one from before.";
constexpr const char* kDefaultShownNote = "The page shows the exercise instead.";

// JSON when the first character that is not white space is '{'; a link fragment otherwise.
bool looks_like_json(std::string_view text);

// load(text)'s reading: JSON (decode_json), or a link fragment (decode_link) with or without its
// '#', or a whole address such as "http://127.0.0.1:8080/#v=1&..." (its fragment is read).
// White space around the text is ignored.
DecodeResult decode_document_text(std::string_view text);

// The address bar's fragment, at start-up or on hashchange: a link, or nothing at all ("" or
// "#"), which means the page's default network, the exercise.
DecodeResult decode_address_fragment(std::string_view fragment);

// Shows a decoded document in the session, or keeps the current one and sets the session's
// error, noting what is shown instead (kKeptNetworkNote; kDefaultShownNote for the page's first
// document). On success the error is cleared and the warnings are the decode's; on failure there
// are none (those of an earlier link are not about this one). `undoable`: recorded in the undo
// history (false for the page's first document). The document becomes the session's start point (what
// Reset returns to), called `start_name`. Returns true on success.
constexpr const char* kOpenedLinkName = "the opened link";
bool open_decoded(Session* session, DecodeResult decoded, bool undoable = true,
                  std::string start_name = kOpenedLinkName);

}  // namespace mlp
