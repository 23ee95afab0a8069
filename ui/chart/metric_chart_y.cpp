// MetricChart's y-axis: the robust fit, the user's y zoom and lock, and the marks where curves
// leave the range shown (declared in metric_chart.h).
#include <QCategoryAxis>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

#include "core/parallel_for.h"
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
constexpr std::size_t kMaxClipMarksPerCurve = 12;
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

void MetricChart::setFitAllY(bool on) {
    if (on == m_fitAllY) return;
    m_fitAllY = on;
    m_yLocked = false;
    for (const auto& c : m_curves) c->bulkDone = false;  // their bulks depend on the fit
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
        const core::ReducedCurve& d = c->raw->size() > 0 ? *c->raw : *c->smooth;
        for (std::size_t i = 0; i < d.size(); ++i)
            if (const double x = d.x(i); x >= lo && x <= hi) values[0].push_back(d.y(i));
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
    m_yClipped.clear();
    if (m_yLocked) {
        m_yAxis->setRange(m_yLockLo, m_yLockHi);
        return;
    }
    // What each curve shows over [lo, hi]. The raw values bound the smoothed ones (an average
    // stays inside what it averages), so they set the range; on a log axis only they do: an
    // exponential average of a loss that falls to exactly 0 decays to 1e-130 and would stretch
    // the axis over a hundred decades of nothing. Where a crowded chart did not reduce its raw
    // curves, the raw values themselves are read when they are few (at most 4 per pixel
    // column, about what a reduction keeps), else the smoothed curve: a spike that the
    // average smears over more than the trimmed 1% would set the range. Across curves the fit
    // follows the bulk of runs (y_range.h): the few runs of a sweep that climb far past the
    // rest are clipped, a third of each kept in view; "all values" fits every value instead.
    YFitConfig config;
    config.allowOutliers = !m_logY && !m_fitAllY;
    config.fitBulkOfRuns = !m_logY && !m_fitAllY;
    if (m_fitAllY) config.maxTrim = 0.0;
    config.includeZero = m_includeZero && !m_logY;
    config.runs = m_runCount;
    std::vector<CurveBulk> bulks(m_curves.size());
    std::vector<core::ValueSpan> rawRead(m_curves.size());  // raw values read, if so
    const std::size_t threads = m_curves.size() > 64 ? 0 : 1;
    core::parallelFor(m_curves.size(), threads, [&](std::size_t i) {
        Curve& c = *m_curves[i];
        core::ValueSpan rawValues;  // the raw values inside [lo, hi], when read (float or double)
        std::shared_ptr<const core::ReducedCurve> d = c.raw;
        if (c.raw->size() == 0 && !m_logY) {
            d = c.smooth;
            if (c.xSorted) {
                const std::size_t n = c.series->values.size();
                std::size_t from = 0, to = 0;
                if (c.xs.empty()) {
                    from = c.steps.lowerBound(lo);
                    to = c.steps.upperBound(hi);
                } else {
                    from = static_cast<std::size_t>(std::lower_bound(c.xs.begin(), c.xs.end(), lo) -
                                                    c.xs.begin());
                    to = static_cast<std::size_t>(std::upper_bound(c.xs.begin(), c.xs.end(), hi) -
                                                  c.xs.begin());
                }
                to = std::min(to, n);
                if (from <= to && to - from <= 4 * static_cast<std::size_t>(m_columns)) {
                    rawValues = c.series->values.span().subspan(from, to - from);
                    rawRead[i] = rawValues;
                    d = nullptr;
                }
            }
        }
        if (!c.bulkDone || c.bulkOf != d || c.bulkLo != lo || c.bulkHi != hi) {
            if (d) {
                // A reduction's x ascend: the points inside [lo, hi] are one stretch.
                std::vector<double> buffer;
                c.bulk = curveBulk(d->ys(d->lowerBound(lo), d->upperBound(hi), buffer), config);
            } else {
                c.bulk = curveBulk(rawValues, config);
            }
            std::tie(c.bulkOf, c.bulkLo, c.bulkHi) = std::tie(d, lo, hi);
            c.bulkDone = true;
        }
        bulks[i] = c.bulk;
    });
    // The curves the bulk of runs clips keep a share of their values in view: found for those
    // few only, from the same values (and kept with their bulk while it stays).
    const YFences fences = bulkFences(bulks, config);
    core::parallelFor(m_curves.size(), threads, [&](std::size_t i) {
        Curve& c = *m_curves[i];
        if (!fences.clips(c.bulk) || c.bulk.hasKeeps) return;
        std::vector<double> buffer;
        const core::ValueSpan values =
            c.bulkOf ? core::ValueSpan(
                           c.bulkOf->ys(c.bulkOf->lowerBound(lo), c.bulkOf->upperBound(hi), buffer))
                     : rawRead[i];
        addKeptShares(c.bulk, values, config);
        bulks[i] = c.bulk;
    });
    const YFit fit = fitBulks(bulks, config);
    QSet<QString> clipped;
    for (std::size_t i = 0; i < m_curves.size(); ++i) {
        const QString& run = m_curves[i]->runName;
        if (fit.outlier[i] && !m_yOutliers.contains(run)) m_yOutliers << run;
        if (fit.clipped[i] && !clipped.contains(run)) {
            clipped.insert(run);
            m_yClipped << run;
        }
    }
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
    // Where each curve leaves the chart (the point and its side: 1 above, -1 below), found on
    // every core for a sweep's thousands of curves; the marks' texts are made after, for those
    // few points only. (Scanned one by one on the GUI thread it was a tenth of a zoom.)
    std::vector<std::vector<std::pair<std::size_t, int>>> exits(m_curves.size());
    core::parallelFor(m_curves.size(), m_curves.size() > 64 ? 0 : 1, [&](std::size_t k) {
        const core::ReducedCurve& d = *m_curves[k]->smooth;
        auto& out = exits[k];
        // A reduction's x ascend: the points inside [m_lo, m_hi] are one stretch. Most curves
        // stay inside the range: one vectorised look says so before the scan for exits.
        const std::size_t from = d.lowerBound(m_lo), to = d.upperBound(m_hi);
        if (!d.anyYOutside(from, to, ylo, yhi)) return;
        int side = 0;  // of the previous point: 1 above, -1 below, 0 inside
        d.forEachY(from, to, [&](std::size_t i, double y) {
            if (!std::isfinite(y)) return true;
            const int now = y > yhi ? 1 : y < ylo ? -1 : 0;
            if (now != 0 && now != side) out.emplace_back(i, now);
            side = now;
            return out.size() < kMaxClipMarksPerCurve;
        });
    });
    const QSet<QString> clippedRuns(m_yClipped.begin(), m_yClipped.end());
    QList<OverlayMarker> marks;
    for (std::size_t k = 0; k < m_curves.size(); ++k) {
        const Curve& c = *m_curves[k];
        const core::ReducedCurve& d = *c.smooth;
        const bool outlier = !exits[k].empty() && m_yOutliers.contains(c.runName);
        const bool clipped = !exits[k].empty() && !outlier && clippedRuns.contains(c.runName);
        for (const auto& [i, now] : exits[k]) {
            const double value = m_logY ? std::pow(10.0, d.y(i)) : d.y(i);
            QString text = QStringLiteral("%1 · %2: %3 at step %4 is %5 the chart")
                               .arg(c.runName, c.metric, formatValue(value))
                               .arg(c.series->steps[d.index(i)])
                               .arg(now > 0 ? QStringLiteral("above") : QStringLiteral("below"));
            if (outlier)
                text += QStringLiteral(
                    " (the run's scale is far off the others', so the "
                    "y-range leaves it out; lock y or show it alone)");
            else if (clipped)
                text += QStringLiteral(
                    " (the run reaches far past most runs, so the y-range fits the bulk of "
                    "runs; click \"off the chart\" in the legend to fit all values)");
            marks << OverlayMarker{
                d.x(i), now > 0 ? yhi : ylo,
                now > 0 ? OverlayMarker::Shape::ClippedAbove : OverlayMarker::Shape::ClippedBelow,
                c.color, text};
        }
    }
    // The legend says how many runs leave the chart (a click on the entry fits all values);
    // once all values are fitted, that a click goes back to the bulk of runs.
    QSet<QString> leaving;
    for (std::size_t k = 0; k < m_curves.size(); ++k)
        if (!exits[k].empty()) leaving.insert(m_curves[k]->runName);
    const qsizetype cut = leaving.size();
    QString label;
    if (m_fitAllY)
        label = QStringLiteral("y: all values");
    else if (cut > 0)
        label = QStringLiteral("%1 run%2 off the chart").arg(cut).arg(cut > 1 ? "s" : "");
    m_overlay->setEdgeMarkers(std::move(marks), label);
}

}  // namespace curvedoctor::ui
