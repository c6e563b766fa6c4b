#include "core/document/document_edit.h"

namespace mlp {

bool edit_document(Session* session, FunctionRef<std::string(Document*)> edit) {
    Document doc = session->document();
    std::string err = edit(&doc);
    if (err.empty()) err = session->replace(std::move(doc));
    if (!err.empty()) {
        session->set_error(std::move(err), kUnchangedNote);
        return false;
    }
    return true;
}

}  // namespace mlp
