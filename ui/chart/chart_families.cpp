// Which metric families the charts show (declared in metric_chart.h).
#include <algorithm>
#include <cctype>

#include "core/metric_role.h"
#include "ui/chart/metric_chart.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

// The loss chart shows the total loss when a format logs it beside its parts (Detectron2:
// total_loss beside loss_box_reg, loss_cls, ...; MMDetection: loss beside loss_bbox).
int lossRank(const QString& family) {
    if (family == QLatin1String("loss")) return 0;
    if (family == QLatin1String("total_loss")) return 1;
    if (family.contains(QLatin1String("total"), Qt::CaseInsensitive)) return 2;
    return 3;
}

// The main validation metric: what papers and leaderboards quote first for the task.
int metricRank(const QString& family) {
    const QString f = family.toLower();
    if (f.contains(QLatin1String("acc")) || f.contains(QLatin1String("top1"))) return 0;
    if (f.contains(QLatin1String("map50-95")) || f.contains(QLatin1String("map_50_95")) ||
        f == QLatin1String("map") || f.endsWith(QLatin1String("/map")) ||
        f == QLatin1String("ap") || f.endsWith(QLatin1String("/ap")))
        return 1;
    if (f.contains(QLatin1String("map"))) return 2;
    if (f.contains(QLatin1String("f1")) || f.contains(QLatin1String("dice")) ||
        f.contains(QLatin1String("iou")))
        return 3;
    if (f.contains(QLatin1String("auc"))) return 4;
    return 5;
}

template <class Rank>
QString best(const QStringList& families, Rank rank) {
    QString out = families.front();
    for (const QString& f : families)
        if (rank(f) < rank(out)) out = f;
    return out;
}

}  // namespace

QString familyTitle(const std::vector<const core::Run*>& runs, const QString& family) {
    const std::string wanted = family.toStdString();
    for (const core::Run* r : runs)
        for (const auto& [name, s] : r->metrics) {
            if (core::inferMetricInfo(name).family != wanted) continue;
            // The family is a piece of the lower-cased, trimmed name: the same piece of the
            // name itself keeps its case.
            const auto first = name.find_first_not_of(" \t");
            const auto last = name.find_last_not_of(" \t");
            if (first == std::string::npos) continue;
            const std::string trimmed = name.substr(first, last - first + 1);
            std::string lowered = trimmed;
            std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (const auto at = lowered.find(wanted); at != std::string::npos)
                return QString::fromStdString(trimmed.substr(at, wanted.size()));
        }
    return family;
}

QString familyTitle(const std::vector<const RunEntry*>& runs, const QString& family) {
    std::vector<const core::Run*> rs;
    rs.reserve(runs.size());
    for (const RunEntry* e : runs) rs.push_back(e->run.get());
    return familyTitle(rs, family);
}

QStringList allFamilies(const std::vector<const RunEntry*>& runs) {
    QStringList out;
    for (const RunEntry* e : runs)
        for (const auto& [name, s] : e->run->metrics) {
            const QString f = QString::fromStdString(e->run->info(name).family);
            if (!out.contains(f)) out << f;
        }
    return out;
}

QStringList chartFamilies(const std::vector<const RunEntry*>& runs, const ViewSettings& settings) {
    QStringList loss, metric, lr;
    for (const RunEntry* e : runs)
        for (const auto& [name, s] : e->run->metrics) {
            const core::MetricInfo info = e->run->info(name);
            const QString f = QString::fromStdString(info.family);
            if (core::isLoss(info.role) && !loss.contains(f)) loss << f;
            if (info.role == core::MetricRole::ValMetric && !metric.contains(f)) metric << f;
            if (info.role == core::MetricRole::LearningRate && !lr.contains(f)) lr << f;
        }
    QStringList out;
    if (!loss.isEmpty()) out << best(loss, lossRank);
    if (!metric.isEmpty()) out << best(metric, metricRank);
    if (!lr.isEmpty()) out << lr.front();
    const QStringList all = allFamilies(runs);
    for (const QString& f : settings.extraFamilies())
        if (!out.contains(f) && all.contains(f)) out << f;
    return out;
}

}  // namespace curvedoctor::ui
