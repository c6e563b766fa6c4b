// A document's title and note: what a teacher writes about a network (link keys `title` and
// `note`, JSON fields "title" and "note"). Untrusted text, shown by the page as text only: checked
// here the same way wherever it comes from (a link, a file, the page's editor), and written into
// a link percent-encoded as URLSearchParams writes a form value.
#pragma once

#include <string>
#include <string_view>

namespace mlp {

// "" when `text` may be a title: valid UTF-8, at most kMaxTitleChars characters, no control
// characters (a title is one line). Otherwise a message that starts with "title: ".
std::string check_title(std::string_view text);
// As check_title for a note: at most kMaxNoteChars characters; line breaks ('\n') allowed.
std::string check_note(std::string_view text);

// The longest percent-encoded value a `key` of kind `max_chars` can have: 4 bytes a character,
// 3 characters a byte. A link's value longer than this is refused before it is decoded.
constexpr size_t max_encoded_text_bytes(int max_chars) { return static_cast<size_t>(max_chars) * 4 * 3; }

// Appends `text` as a form value (application/x-www-form-urlencoded, as URLSearchParams writes
// it): letters, digits and *-._ as they are, a space as '+', every other byte as %XX.
void append_form_encoded(std::string* out, std::string_view text);

}  // namespace mlp
