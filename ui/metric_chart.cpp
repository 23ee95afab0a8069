// Minimal first version: plain line series per metric of the family. The chart-drawing work
// (decimation, bands, markers, axes) replaces this.
#include "ui/metric_chart.h"

#include <QLineSeries>
#include <QPen>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "core/metric_role.h"
#include "core/smoothing.h"

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
    if (!loss.isEmpty()) out << (loss.contains(QStringLiteral("loss")) ? QStringLiteral("loss") : loss.front());
    if (!metric.isEmpty()) out << metric.front();
    if (!lr.isEmpty()) out << lr.front();
    for (const QString& f : settings.extraFamilies())
        if (!out.contains(f) && allFamilies(runs).contains(f)) out << f;
    return out;
}

MetricChart::MetricChart(QGraphicsItem* parent) : QChart(parent) {}

void MetricChart::setContent(const std::vector<const RunEntry*>& runs, const QString& family,
                             const ViewSettings& settings) {
    m_family = family;
    removeAllSeries();
    for (QAbstractAxis* a : axes()) removeAxis(a);
    setTitle(family);
    auto* x = new QValueAxis(this);
    auto* y = new QValueAxis(this);
    addAxis(x, Qt::AlignBottom);
    addAxis(y, Qt::AlignLeft);
    double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
    for (const RunEntry* e : runs) {
        if (!e->visible) continue;
        for (const auto& [name, s] : e->run->metrics) {
            const auto info = core::inferMetricInfo(name);
            if (QString::fromStdString(info.family) != family) continue;
            const auto sm = core::smooth(s.steps, s.values, settings.smoothing());
            auto* line = new QLineSeries(this);
            line->setName(e->name + QStringLiteral(" ") + QString::fromStdString(name));
            QPen pen(e->color, 2);
            if (info.validation) pen.setStyle(Qt::DashLine);
            line->setPen(pen);
            for (std::size_t i = 0; i < s.size(); ++i) {
                if (!std::isfinite(sm[i])) continue;
                const double xv = static_cast<double>(s.steps[i]);
                line->append(xv, sm[i]);
                xlo = std::min(xlo, xv);
                xhi = std::max(xhi, xv);
                ylo = std::min(ylo, sm[i]);
                yhi = std::max(yhi, sm[i]);
            }
            addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
        }
    }
    if (std::isfinite(xlo)) {
        x->setRange(m_userRange ? m_lo : xlo, m_userRange ? m_hi : xhi);
        y->setRange(ylo, yhi > ylo ? yhi : ylo + 1);
    }
}

void MetricChart::setXRange(double lo, double hi) {
    m_userRange = true;
    m_lo = lo;
    m_hi = hi;
    for (QAbstractAxis* a : axes(Qt::Horizontal)) a->setRange(lo, hi);
    Q_EMIT xRangeChanged(lo, hi);
}

void MetricChart::resetRange() { m_userRange = false; }

double MetricChart::xMin() const {
    const auto ax = axes(Qt::Horizontal);
    return ax.isEmpty() ? 0.0 : qobject_cast<QValueAxis*>(ax.front())->min();
}

double MetricChart::xMax() const {
    const auto ax = axes(Qt::Horizontal);
    return ax.isEmpty() ? 1.0 : qobject_cast<QValueAxis*>(ax.front())->max();
}

}  // namespace curvedoctor::ui
