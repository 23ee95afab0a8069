#include "ui/chart/group_chart.h"

#include <QAreaSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/group_stats.h"
#include "core/metric_role.h"
#include "core/smoothing.h"
#include "ui/chart/metric_chart.h"

namespace curvedoctor::ui {
namespace {

// Below this many points in all members together the exact union of steps is used; above it
// the curves are resampled to kResampledPoints, more than a chart has pixel columns.
constexpr std::size_t kUnionLimit = 4000;
constexpr std::size_t kResampledPoints = 1000;

// The member's series of `family` on the given split: the one with the most points.
const core::Series* seriesOf(const core::Run& run, const QString& family, bool validation,
                             std::string* name) {
    const core::Series* best = nullptr;
    for (const auto& [n, s] : run.metrics) {
        const core::MetricInfo info = run.info(n);
        if (info.validation != validation || QString::fromStdString(info.family) != family)
            continue;
        if (!best || s.size() > best->size()) {
            best = &s;
            *name = n;
        }
    }
    return best;
}

}  // namespace

GroupChart::GroupChart(QGraphicsItem* parent) : QChart(parent) {}

void GroupChart::setCurveCache(std::shared_ptr<core::CurveCache> cache) {
    if (cache) m_curveCache = std::move(cache);
}

void GroupChart::setContent(const std::vector<GroupCurveInput>& groups, const QString& family,
                            const ViewSettings& settings, GroupBand band) {
    m_family = family;
    m_means.clear();
    m_bands.clear();
    removeAllSeries();
    // The chart is refilled on every change (GroupPanel keeps it): removed axes are deleted,
    // not left as children piling up.
    for (QAbstractAxis* a : axes()) {
        removeAxis(a);
        delete a;
    }
    std::vector<const core::Run*> members;
    for (const GroupCurveInput& g : groups)
        for (const core::RunPtr& r : g.runs) members.push_back(r.get());
    setTitle(familyTitle(members, family));
    auto* x = new QValueAxis(this);
    auto* y = new QValueAxis(this);
    x->setTitleText(tr("step"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    addAxis(x, Qt::AlignBottom);
    addAxis(y, Qt::AlignLeft);
    double xlo = std::numeric_limits<double>::infinity(),
           xhi = -std::numeric_limits<double>::infinity(),
           ylo = std::numeric_limits<double>::infinity(),
           yhi = -std::numeric_limits<double>::infinity();

    for (const GroupCurveInput& g : groups) {
        for (bool validation : {false, true}) {
            std::vector<core::Series> smoothed;
            std::string metricName;
            std::size_t total = 0;
            for (const core::RunPtr& run : g.runs) {
                std::string name;
                const core::Series* s = seriesOf(*run, family, validation, &name);
                if (!s || s->empty()) continue;
                if (metricName.empty()) metricName = name;
                core::Series copy;
                copy.steps = s->steps;
                copy.values =
                    m_curveCache->get(run, name, settings.smoothing()).smoothed->toDoubles();
                total += copy.size();
                smoothed.push_back(std::move(copy));
            }
            if (smoothed.empty()) continue;
            std::vector<const core::Series*> ptrs;
            ptrs.reserve(smoothed.size());
            for (const auto& s : smoothed) ptrs.push_back(&s);
            const core::GroupStatsConfig cfg{
                total <= kUnionLimit ? core::StepGrid::Union : core::StepGrid::Resampled,
                kResampledPoints};
            const core::GroupStats st = core::aggregateSeries(ptrs, cfg);

            auto* mean = new QLineSeries(this);
            auto* upper = new QLineSeries(this);
            auto* lower = new QLineSeries(this);
            for (std::size_t i = 0; i < st.size(); ++i) {
                if (st.count[i] == 0) continue;
                const double lo = band == GroupBand::MinMax ? st.min[i] : st.mean[i] - st.std[i];
                const double hi = band == GroupBand::MinMax ? st.max[i] : st.mean[i] + st.std[i];
                mean->append(st.steps[i], st.mean[i]);
                lower->append(st.steps[i], lo);
                upper->append(st.steps[i], hi);
                xlo = std::min(xlo, st.steps[i]);
                xhi = std::max(xhi, st.steps[i]);
                ylo = std::min(ylo, lo);
                yhi = std::max(yhi, hi);
            }
            auto* area = new QAreaSeries(upper, lower);
            QColor fill = g.color;
            fill.setAlphaF(validation ? 0.16 : 0.24);
            area->setBrush(fill);
            area->setPen(Qt::NoPen);
            area->setName(
                QStringLiteral("%1 %2 band").arg(g.name, QString::fromStdString(metricName)));
            addSeries(area);
            area->attachAxis(x);
            area->attachAxis(y);
            for (QLegendMarker* m : legend()->markers(area)) m->setVisible(false);

            QPen pen(g.color, 2.0);
            if (validation) pen.setStyle(Qt::DashLine);
            mean->setPen(pen);
            mean->setName(QStringLiteral("%1 (%2 runs) %3")
                              .arg(g.name)
                              .arg(smoothed.size())
                              .arg(QString::fromStdString(metricName)));
            addSeries(mean);
            mean->attachAxis(x);
            mean->attachAxis(y);
            m_means << mean;
            m_bands << area;
        }
    }
    if (std::isfinite(xlo)) {
        x->setRange(xlo, xhi > xlo ? xhi : xlo + 1);
        const double pad = (yhi - ylo) * 0.04;
        y->setRange(ylo - pad, yhi > ylo ? yhi + pad : ylo + 1);
    }
}

void GroupChart::setXRange(double lo, double hi) {
    for (QAbstractAxis* a : axes(Qt::Horizontal)) a->setRange(lo, hi);
}

}  // namespace curvedoctor::ui
