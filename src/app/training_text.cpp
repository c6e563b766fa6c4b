#include "app/training_text.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "core/document/session.h"
#include "core/text/number_format.h"
#include "core/training/data_set.h"
#include "core/training/data_settings.h"

namespace app {

namespace {
const char* const kFeatureLabels[mlp::kFeatureCount] = {"x1", "x2", "x1\xC2\xB2", "x2\xC2\xB2", "x1\xC2\xB7x2",
                                                        "sin x1", "sin x2"};
}  // namespace

const char* feature_label(int index) { return kFeatureLabels[index]; }

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

std::string training_status_text(const mlp::Session& session, const mlp::TrainingMetrics* metrics) {
    const mlp::TrainingMetrics* m = session.data_set() ? (metrics ? metrics : session.training_metrics()) : nullptr;
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

std::string plot_cursor_text(const mlp::Session& session, double x1, double x2) {
    const mlp::DataSet* data = session.data_set();
    if (!data) return "";
    auto at = [](double a, double b) { return "x1 = " + mlp::format_value(a) + ", x2 = " + mlp::format_value(b); };
    std::string out = "Cross-hair at " + at(x1, x2) + ".";
    const int k = mlp::nearest_point(*data, x1, x2, kPointReach);
    if (k < 0) return out + " No point within reach.";
    const mlp::DataPoint& p = data->points[k];
    const std::string what = data->classification ? "class " + mlp::format_value(p.target)
                                                   : "target " + mlp::format_value(p.target);
    return out + " Nearest point: " + what + (data->is_test[k] ? ", test" : ", train") + ", at " + at(p.x1, p.x2) + ".";
}

}  // namespace app
