// MetricChart's hover: the nearest point's readout, and the hover table's rows of every
// visible run at one x (declared in metric_chart.h).
#include <QCategoryAxis>
#include <algorithm>
#include <cmath>

#include "ui/chart/chart_axes.h"
#include "ui/chart/chart_curve.h"
#include "ui/chart/curve_style.h"
#include "ui/chart/finding_overlay.h"
#include "ui/chart/metric_chart.h"
#include "ui/report/value_format.h"

namespace curvedoctor::ui {
namespace {

// A run whose points end (or start) farther than this many pixels from the pointer's x is not
// "at" that x: the hover table leaves it out rather than quote its last value.
constexpr double kHoverReachPixels = 12.0;

}  // namespace

QString MetricChart::xTitle() const {
    return m_xAxis->titleText();
}

HoverRows MetricChart::hoverRowsAt(double x, double pointerY) const {
    HoverRows out;
    out.x = x;
    const QRectF a = plotArea();
    const double ySpan = m_yAxis->max() - m_yAxis->min();
    if (!(m_hi > m_lo) || !(ySpan > 0) || a.width() <= 0) return out;
    const double reach = kHoverReachPixels / a.width() * (m_hi - m_lo);
    auto py = [&](double y) { return a.bottom() - (y - m_yAxis->min()) / ySpan * a.height(); };
    for (const auto& c : m_curves) {
        const core::Series& s = *c->series;
        const std::size_t n = s.size();
        if (n == 0) continue;
        auto xAt = [&](std::size_t i) {
            return c->xs.empty() ? static_cast<double>(s.steps[i]) : c->xs[i];
        };
        std::size_t best = n;
        if (c->xSorted) {
            std::size_t lo = 0, hi = n;
            while (lo < hi) {
                const std::size_t mid = (lo + hi) / 2;
                if (xAt(mid) < x)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            best = lo;
            if (best == n || (best > 0 && std::abs(xAt(best - 1) - x) <= std::abs(xAt(best) - x)))
                best = best == 0 ? 0 : best - 1;
        } else {
            double bestDist = kInf;
            for (std::size_t i = 0; i < n; ++i)
                if (const double d = std::abs(xAt(i) - x); d < bestDist) {
                    bestDist = d;
                    best = i;
                }
        }
        if (best >= n || !(std::abs(xAt(best) - x) <= reach)) continue;
        HoverRow row;
        row.run = c->runName;
        row.metric = c->metric;
        row.color = c->color;
        row.step = s.steps[best];
        row.x = xAt(best);
        row.raw = s.values[best];
        row.smoothed = (*c->smoothed)[best];
        double plotted = row.smoothed;
        if (m_logY) plotted = plotted > 0 ? std::log10(plotted) : -kInf;
        row.pixelDistance = std::isfinite(plotted) ? std::abs(py(plotted) - pointerY) : kInf;
        out.rows.push_back(std::move(row));
    }
    std::stable_sort(out.rows.begin(), out.rows.end(), [](const HoverRow& l, const HoverRow& r) {
        return l.pixelDistance < r.pixelDistance;
    });
    return out;
}

QString MetricChart::readoutAt(QPointF pos) const {
    const QRectF a = plotArea();
    if (!a.adjusted(-4, -4, 4, 4).contains(pos)) return {};
    const double ySpan = m_yAxis->max() - m_yAxis->min();
    if (!(m_hi > m_lo) || !(ySpan > 0)) return {};
    auto px = [&](double x) { return a.left() + (x - m_lo) / (m_hi - m_lo) * a.width(); };
    auto py = [&](double y) { return a.bottom() - (y - m_yAxis->min()) / ySpan * a.height(); };
    const double cursorX = m_lo + (pos.x() - a.left()) / a.width() * (m_hi - m_lo);
    const Curve* best = nullptr;
    std::size_t bestIndex = 0;
    double bestDist = 30.0;  // pixels: farther than this shows nothing
    for (const auto& c : m_curves)
        for (const core::ReducedCurve* d : {c->smooth.get(), c->raw.get()}) {
            if (d->size() == 0) continue;
            const std::size_t k = d->lowerBound(cursorX);
            for (std::size_t j = k > 2 ? k - 2 : 0; j < std::min(d->size(), k + 2); ++j) {
                const double dist = QLineF(QPointF(px(d->x(j)), py(d->y(j))), pos).length();
                if (dist < bestDist) {
                    bestDist = dist;
                    best = c.get();
                    bestIndex = d->index(j);
                }
            }
        }
    if (best == nullptr) return {};
    const core::Series& s = *best->series;
    QString text = QStringLiteral("<b>%1</b> · %2<br>step %3")
                       .arg(best->runName.toHtmlEscaped(), best->metric.toHtmlEscaped())
                       .arg(s.steps[bestIndex]);
    if (s.hasEpochs() && std::isfinite(s.epochs[bestIndex]))
        text += QStringLiteral(" · epoch %1").arg(formatEpoch(s.epochs[bestIndex]));
    text += QStringLiteral("<br>smoothed %1 · raw %2")
                .arg(formatValue((*best->smoothed)[bestIndex]), formatValue(s.values[bestIndex]));
    return text;
}

QStringList MetricChart::findingsAt(QPointF pos) const {
    return m_overlay->textsAt(pos);
}

}  // namespace curvedoctor::ui
