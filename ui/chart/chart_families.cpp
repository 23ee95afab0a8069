// Which metric families the charts show (declared in metric_chart.h).
#include "core/metric_role.h"
#include "ui/chart/metric_chart.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {

QStringList allFamilies(const std::vector<const RunEntry*>& runs) {
    QStringList out;
    for (const RunEntry* e : runs)
        for (const auto& [name, s] : e->run->metrics) {
            const QString f = QString::fromStdString(core::inferMetricInfo(name).family);
            if (!out.contains(f)) out << f;
        }
    return out;
}

QStringList chartFamilies(const std::vector<const RunEntry*>& runs, const ViewSettings& settings) {
    QStringList loss, metric, lr;
    for (const RunEntry* e : runs)
        for (const auto& [name, s] : e->run->metrics) {
            const auto info = core::inferMetricInfo(name);
            const QString f = QString::fromStdString(info.family);
            if (core::isLoss(info.role) && !loss.contains(f)) loss << f;
            if (info.role == core::MetricRole::ValMetric && !metric.contains(f)) metric << f;
            if (info.role == core::MetricRole::LearningRate && !lr.contains(f)) lr << f;
        }
    QStringList out;
    if (!loss.isEmpty())
        out << (loss.contains(QStringLiteral("loss")) ? QStringLiteral("loss") : loss.front());
    if (!metric.isEmpty()) out << metric.front();
    if (!lr.isEmpty()) out << lr.front();
    const QStringList all = allFamilies(runs);
    for (const QString& f : settings.extraFamilies())
        if (!out.contains(f) && all.contains(f)) out << f;
    return out;
}

}  // namespace curvedoctor::ui
