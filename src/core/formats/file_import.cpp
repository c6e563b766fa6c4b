#include "core/formats/file_import.h"

#include "core/document/document_loader.h"
#include "core/formats/decode_result.h"
#include "core/formats/json_import.h"
#include "core/limits.h"

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

std::string points_file_size_error(std::string_view file_name, size_t bytes) {
    if (bytes <= kMaxPointsFileBytes) return "";
    return the_file(file_name) + " is " + std::to_string(bytes) + " bytes long; at most " +
           std::to_string(kMaxPointsFileBytes) + " (1 MiB) are allowed for points";
}

bool import_points_file(Session* session, std::string_view file_name, std::string_view text) {
    if (std::string err = points_file_size_error(file_name, text.size()); !err.empty()) {
        session->refuse_opening(err, kKeptPointsNote);
        return false;
    }
    const uint64_t before = session->revision();
    if (std::string err = session->import_points(text); !err.empty()) {
        session->refuse_opening(the_file(file_name) + " cannot be read as points: " + err, kKeptPointsNote);
        return false;
    }
    if (!session->error().empty()) session->dismiss_error();  // a refused file before this one
    return session->revision() != before;
}

bool is_points_file(std::string_view file_name, std::string_view text) {
    auto ends_with = [&](std::string_view tail) {
        if (file_name.size() < tail.size()) return false;
        for (size_t i = 0; i < tail.size(); ++i) {
            const char c = file_name[file_name.size() - tail.size() + i];
            if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != tail[i]) return false;
        }
        return true;
    };
    if (ends_with(".csv") || ends_with(".txt")) return true;
    const size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '[';
}

bool open_any_file(Session* session, std::string_view file_name, std::string_view text) {
    return is_points_file(file_name, text) ? import_points_file(session, file_name, text)
                                           : open_file(session, file_name, text);
}

}  // namespace mlp
