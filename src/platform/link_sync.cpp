#include "platform/link_sync.h"

#include <cstdint>

#include "core/document_loader.h"
#include "core/link_codec.h"
#include "core/link_throttle.h"
#include "core/session.h"
#include "platform/web_page.h"

namespace platform {
namespace {

// Chromium does not open an address over 2 MiB (url::kMaxURLChars: the navigation is aborted),
// so a longer link (a big network of unrounded values) could not be shared from the address bar.
// It is left out of it (the fragment is removed rather than left showing an older network);
// Copy link still gives it, for browsers that take it, and JSON export carries any network.
constexpr size_t kMaxAddressBarFragment = 2u * 1024 * 1024 - 4096;

mlp::LinkThrottle g_throttle;
uint64_t g_shown_messages = 0;  // the session's message_revision() shown in the page

// What a write costs (encoding, the browser's replaceState) sets when the next may come.
void write_link(const mlp::Session& session) {
    const double start = now_ms();
    const std::string& link = session.link();
    set_address_bar_fragment(link.size() <= kMaxAddressBarFragment ? link : std::string());
    const double end = now_ms();
    g_throttle.written(session.revision(), end, end - start);
}

}  // namespace

void open_start_link(mlp::Session& session) {
    std::string fragment = address_bar_fragment();
    // The first document is not an undo step: there is nothing before it to go back to.
    if (!fragment.empty()) mlp::open_decoded(&session, mlp::decode_link(fragment), /*undoable=*/false);
    g_throttle.shown(session.revision());
    show_session_messages(session);
}

void open_address_bar_link(mlp::Session& session, std::string_view fragment) {
    mlp::open_decoded(&session, mlp::decode_address_fragment(fragment));
    g_throttle.shown(session.revision());
    show_session_messages(session);
}

void sync_page(const mlp::Session& session) {
    if (g_throttle.due(session.revision(), now_ms())) write_link(session);
    show_session_messages(session);
}

double link_write_due_in_ms(const mlp::Session& session) {
    return g_throttle.due_in_ms(session.revision(), now_ms());
}

std::string share_link(const mlp::Session& session) {
    write_link(session);
    return "#" + session.link();
}

void show_session_messages(const mlp::Session& session) {
    if (session.message_revision() == g_shown_messages) return;
    g_shown_messages = session.message_revision();
    show_messages(session.error(), session.error_note(), session.warnings());
}

}  // namespace platform
