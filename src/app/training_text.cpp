#include "app/training_text.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "core/document/session.h"
#include "core/training/data_settings.h"

namespace app {

std::string metric_loss_text(double v) {
    if (!std::isfinite(v)) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

std::string percent_text(double v) {
    if (!std::isfinite(v)) return "-";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * v);
    return buf;
}

std::string training_status_text(const mlp::Session& session) {
    const mlp::TrainingMetrics* m = session.training_metrics();
    if (!m) return "";
    const mlp::Document& doc = session.document();
    std::string out = "Training on " + std::string(mlp::data_kind_name(doc.data.kind)) + ", epoch " +
                      std::to_string(doc.training.epoch) + ": loss " + metric_loss_text(m->train_loss) + " (train)";
    if (m->test_count > 0) out += ", " + metric_loss_text(m->test_loss) + " (test)";
    if (m->classification) {
        out += "; accuracy " + percent_text(m->train_accuracy) + " (train)";
        if (m->test_count > 0) out += ", " + percent_text(m->test_accuracy) + " (test)";
    }
    return out + ".";
}

}  // namespace app
