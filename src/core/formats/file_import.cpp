#include "core/formats/file_import.h"

#include "core/document/document_loader.h"
#include "core/formats/decode_result.h"
#include "core/formats/json_import.h"

namespace mlp {

namespace {
std::string the_file(std::string_view file_name) { return "the file " + quote_input(file_name); }
}  // namespace

std::string file_size_error(std::string_view file_name, size_t bytes) {
    return check_text_size(bytes, the_file(file_name).c_str());
}

bool open_file(Session* session, std::string_view file_name, std::string_view text) {
    if (std::string err = file_size_error(file_name, text.size()); !err.empty()) {
        session->refuse_opening(err, kKeptNetworkNote);
        return false;
    }
    DecodeResult decoded;
    if (looks_like_json(text)) {
        decoded = decode_json(text);
    } else {
        decoded.error = "it is not MLP Explorer's JSON (that starts with '{', as export writes it)";
    }
    if (!decoded.ok()) {
        session->refuse_opening(the_file(file_name) + " cannot be opened: " + decoded.error, kKeptNetworkNote);
        return false;
    }
    return open_decoded(session, std::move(decoded), true, quote_input(file_name));
}

}  // namespace mlp
