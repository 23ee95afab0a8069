// MetricChart's y-axis: the robust fit, the user's y zoom and lock, and the marks where curves
// leave the range shown (declared in metric_chart.h).
#include <QCategoryAxis>
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/plot/curve_transform.h"
#include "ui/chart/chart_axes.h"
#include "ui/chart/chart_curve.h"
#include "ui/chart/curve_style.h"
#include "ui/chart/finding_overlay.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/y_range.h"

namespace curvedoctor::ui {
namespace {

// Edge marks per curve at most: a noisy curve that crosses the edge every few points would
// otherwise fill the edge with triangles; its first crossings say enough.
constexpr int kMaxClipMarksPerCurve = 12;
// Fraction of a finding's range shown on each side of it when it is focused.
constexpr double kFocusMargin = 0.15;
// Ctrl+wheel and zoomY never go below this fraction of the value's magnitude (a zero span
// has no ticks).
constexpr double kMinYSpan = 1e-12;

}  // namespace

double MetricChart::yMin() const {
    return m_yAxis->min();
}

double MetricChart::yMax() const {
    return m_yAxis->max();
}

void MetricChart::setYRange(double lo, double hi) {
    if (lo > hi) std::swap(lo, hi);
    if (!std::isfinite(lo) || !std::isfinite(hi)) return;
    if (hi - lo < kMinYSpan * std::max(1.0, std::abs(hi)))
        hi = lo + kMinYSpan * std::max(1.0, std::abs(hi));
    m_yLocked = true;
    m_yLockLo = lo;
    m_yLockHi = hi;
    refresh();
}

void MetricChart::zoomY(double factor, double center) {
    const double lo = m_yAxis->min(), hi = m_yAxis->max();
    setYRange(center - (center - lo) * factor, center + (hi - center) * factor);
}

void MetricChart::setYLocked(bool locked) {
    if (locked == m_yLocked) return;
    m_yLocked = locked;
    m_yLockLo = m_yAxis->min();
    m_yLockHi = m_yAxis->max();
    refresh();
}

void MetricChart::setIncludeZero(bool on) {
    if (on == m_includeZero) return;
    m_includeZero = on;
    refresh();
}

void MetricChart::setHighlightedRun(const QString& run) {
    if (run == m_highlight) return;
    m_highlight = run;
    m_overlay->setFocusRun(run);
    refresh();
}

bool MetricChart::focusRun(const QString& run, std::int64_t begin, std::int64_t end) {
    if (end < begin) std::swap(begin, end);
    double lo = kInf, hi = -kInf;
    for (const auto& c : m_curves) {
        if (c->runName != run) continue;
        for (const std::int64_t step : {begin, end}) {
            const double x = core::mapStep(*c->series, c->xs, c->stepsSorted, step);
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    }
    if (!std::isfinite(lo) || !std::isfinite(hi)) return false;
    // A margin on each side, so the finding's start and end can be seen as such; a single
    // step gets a little of the data's extent around it.
    const double pad = hi > lo ? (hi - lo) * kFocusMargin
                               : std::max(1.0, (m_dataHi - m_dataLo) * kFocusMargin / 5);
    m_highlight = run;
    m_overlay->setFocusRun(run);
    m_yLocked = false;
    setXRange(lo - pad, hi + pad);
    // y over the run's raw values within the finding's steps (the margins and the smoothed
    // curve, which still carries what came before, would stretch it), by the same robust fit
    // as the whole chart.
    std::vector<std::vector<double>> values(1);
    for (const auto& c : m_curves) {
        if (c->runName != run) continue;
        const core::Decimated& d = c->raw->size() > 0 ? *c->raw : *c->smooth;
        for (std::size_t i = 0; i < d.size(); ++i)
            if (d.x[i] >= lo && d.x[i] <= hi) values[0].push_back(d.y[i]);
    }
    YFitConfig config;
    config.allowOutliers = false;
    const YFit fit = fitYRange(values, config);
    if (fit.valid) {
        const double span = fit.hi - fit.lo;
        const double ypad = span > 0 ? span * 0.08 : std::max(std::abs(fit.hi) * 0.1, 1e-6);
        setYRange(fit.lo - ypad, fit.hi + ypad);
    }
    return true;
}

void MetricChart::fitY(double lo, double hi) {
    m_yOutliers.clear();
    if (m_yLocked) {
        m_yAxis->setRange(m_yLockLo, m_yLockHi);
        return;
    }
    // What each curve shows over [lo, hi]. The raw values bound the smoothed ones (an average
    // stays inside what it averages), so they set the range when present; on a log axis only
    // they do: an exponential average of a loss that falls to exactly 0 decays to 1e-130 and
    // would stretch the axis over a hundred decades of nothing.
    std::vector<std::vector<double>> perCurve;
    perCurve.reserve(m_curves.size());
    for (const auto& c : m_curves) {
        const core::Decimated& d = c->raw->size() > 0 || m_logY ? *c->raw : *c->smooth;
        std::vector<double> v;
        for (std::size_t i = 0; i < d.size(); ++i)
            if (d.x[i] >= lo && d.x[i] <= hi) v.push_back(d.y[i]);
        perCurve.push_back(std::move(v));
    }
    YFitConfig config;
    config.allowOutliers = !m_logY;
    config.includeZero = m_includeZero && !m_logY;
    const YFit fit = fitYRange(perCurve, config);
    for (std::size_t i = 0; i < m_curves.size(); ++i)
        if (fit.outlier[i] && !m_yOutliers.contains(m_curves[i]->runName))
            m_yOutliers << m_curves[i]->runName;
    double ylo = fit.lo, yhi = fit.hi;
    if (!fit.valid) {
        ylo = m_logY ? -1.0 : 0.0;
        yhi = 1.0;
    }
    if (yhi - ylo < 1e-12 * std::max(1.0, std::abs(yhi))) {
        const double pad = m_logY ? 0.5 : std::max(std::abs(yhi) * 0.1, 1e-6);
        ylo -= pad;
        yhi += pad;
    } else {
        const double pad = (yhi - ylo) * 0.05;
        // Keep an included zero on the edge rather than below a margin of negative values.
        ylo = ylo == 0.0 && m_includeZero ? 0.0 : ylo - pad;
        yhi += pad;
    }
    m_yAxis->setRange(ylo, yhi);
}

void MetricChart::markClipped() {
    const double ylo = m_yAxis->min(), yhi = m_yAxis->max();
    QList<OverlayMarker> marks;
    for (const auto& c : m_curves) {
        const core::Decimated& d = *c->smooth;
        const bool outlier = m_yOutliers.contains(c->runName);
        int count = 0;
        int side = 0;  // of the previous point: 1 above, -1 below, 0 inside
        for (std::size_t i = 0; i < d.size() && count < kMaxClipMarksPerCurve; ++i) {
            if (d.x[i] < m_lo || d.x[i] > m_hi || !std::isfinite(d.y[i])) continue;
            const int now = d.y[i] > yhi ? 1 : d.y[i] < ylo ? -1 : 0;
            if (now != 0 && now != side) {
                ++count;
                const double value = m_logY ? std::pow(10.0, d.y[i]) : d.y[i];
                QString text =
                    QStringLiteral("%1 · %2: %3 at step %4 is %5 the chart")
                        .arg(c->runName, c->metric, formatValue(value))
                        .arg(c->series->steps[d.indices[i]])
                        .arg(now > 0 ? QStringLiteral("above") : QStringLiteral("below"));
                if (outlier)
                    text += QStringLiteral(
                        " (the run's scale is far off the others', so the "
                        "y-range leaves it out; lock y or show it alone)");
                marks << OverlayMarker{d.x[i], now > 0 ? yhi : ylo,
                                       now > 0 ? OverlayMarker::Shape::ClippedAbove
                                               : OverlayMarker::Shape::ClippedBelow,
                                       c->color, text};
            }
            side = now;
        }
    }
    m_overlay->setEdgeMarkers(std::move(marks));
}

}  // namespace curvedoctor::ui
