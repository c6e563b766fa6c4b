#include "core/document/document_loader.h"

#include "core/document/default_network.h"
#include "core/formats/json_import.h"
#include "core/formats/link_codec.h"

namespace mlp {

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

bool looks_like_json(std::string_view text) {
    text = trim(text);
    return !text.empty() && text.front() == '{';
}

DecodeResult decode_document_text(std::string_view text) {
    text = trim(text);
    if (looks_like_json(text)) return decode_json(text);
    // A whole address pasted from the address bar: "scheme://...#fragment".
    size_t hash = text.find('#');
    if (hash != std::string_view::npos && text.substr(0, hash).find("://") != std::string_view::npos)
        text.remove_prefix(hash);
    return decode_link(text);
}

DecodeResult decode_address_fragment(std::string_view fragment) {
    if (fragment.empty() || fragment == "#") {
        DecodeResult exercise;
        exercise.document = exercise_document();
        return exercise;
    }
    return decode_link(fragment);
}

bool open_decoded(Session* session, DecodeResult decoded, bool undoable, std::string start_name) {
    if (decoded.ok()) decoded.error = session->start_from(std::move(decoded.document), std::move(start_name), undoable);
    if (!decoded.ok()) {
        session->refuse_opening(std::move(decoded.error), undoable ? kKeptNetworkNote : kDefaultShownNote);
        return false;
    }
    session->set_warnings(std::move(decoded.warnings));
    return true;
}

}  // namespace mlp
