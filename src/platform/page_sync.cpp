#include "platform/page_sync.h"

#include <cstdint>
#include <string>

#include "core/document/document_loader.h"
#include "core/document/session.h"
#include "core/formats/link_codec.h"
#include "core/formats/link_throttle.h"
#include "platform/web_page.h"

namespace platform {
namespace {

mlp::LinkThrottle g_throttle;
uint64_t g_shown_messages = 0;  // the session's message_revision() shown in the page

// What the page's toolbar and caption show, so only a change is sent.
struct ToolbarShown {
    bool known = false;
    bool can_undo = false;
    bool can_redo = false;
    std::string start_name;
    std::string title, note;
};
ToolbarShown g_toolbar;

// What a write costs (encoding, the browser's replaceState, keeping a long link in the tab) sets
// when the next may come.
void write_link(const mlp::Session& session) {
    const double start = now_ms();
    set_address_bar_link(session.link());
    const double end = now_ms();
    g_throttle.written(session.revision(), end, end - start);
}

void show_messages_if_changed(const mlp::Session& session) {
    if (session.message_revision() == g_shown_messages) return;
    g_shown_messages = session.message_revision();
    show_messages(session.error(), session.error_note(), session.warnings());
}

// Undo and Redo disabled when there is nothing to undo or redo, what Reset goes back to, and the
// document's title and note.
void show_toolbar_if_changed(const mlp::Session& s) {
    const mlp::Document& doc = s.document();
    if (!g_toolbar.known || doc.title != g_toolbar.title || doc.note != g_toolbar.note) {
        g_toolbar.title = doc.title;
        g_toolbar.note = doc.note;
        show_document_text(doc.title, doc.note);
    }
    if (g_toolbar.known && s.can_undo() == g_toolbar.can_undo && s.can_redo() == g_toolbar.can_redo &&
        s.start_point().name == g_toolbar.start_name)
        return;
    g_toolbar.known = true;
    g_toolbar.can_undo = s.can_undo();
    g_toolbar.can_redo = s.can_redo();
    g_toolbar.start_name = s.start_point().name;
    show_toolbar_state(g_toolbar.can_undo, g_toolbar.can_redo, g_toolbar.start_name);
}

}  // namespace

void open_start_link(mlp::Session& session) {
    // No link in the address: after a reload, the one this tab kept because it was too long for it.
    std::string fragment = address_bar_fragment();
    if (fragment.empty()) fragment = kept_link();
    else forget_kept_link();  // a link of its own: what the tab kept before is of no use now
    // The first document is not an undo step: there is nothing before it to go back to.
    if (!fragment.empty()) mlp::open_decoded(&session, mlp::decode_link(fragment), /*undoable=*/false);
    g_throttle.shown(session.revision());
    show_session(session);
}

void open_address_bar_link(mlp::Session& session, std::string_view fragment) {
    forget_kept_link();  // the address bar has a link of its own now
    mlp::open_decoded(&session, mlp::decode_address_fragment(fragment));
    g_throttle.shown(session.revision());
    show_session(session);
}

void sync_page(const mlp::Session& session, bool running) {
    if (g_throttle.due(session.revision(), now_ms(), running)) write_link(session);
    show_session(session);
}

void show_session(const mlp::Session& session) {
    show_messages_if_changed(session);
    show_toolbar_if_changed(session);
}

double link_write_due_in_ms(const mlp::Session& session) {
    return g_throttle.due_in_ms(session.revision(), now_ms());
}

std::string share_link(const mlp::Session& session) {
    write_link(session);
    return "#" + session.link();
}

}  // namespace platform
