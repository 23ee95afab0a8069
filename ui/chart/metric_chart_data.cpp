// MetricChart's data: the reductions it draws, and their export, every point of the curves as
// CSV (declared in metric_chart.h).
#include <QLocale>
#include <QStringBuilder>
#include <cmath>
#include <span>
#include <tuple>
#include <utility>

#include "core/decimate.h"
#include "core/plot/reduced_curve.h"
#include "core/smoothing.h"
#include "ui/chart/chart_curve.h"
#include "ui/chart/curve_style.h"
#include "ui/chart/metric_chart.h"

namespace curvedoctor::ui {
namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
QString csvField(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') % q % QLatin1Char('"');
}

// Shortest text that reads back as the same double; NaN and infinities as the logs write them.
QString number(double v) {
    if (std::isnan(v)) return QStringLiteral("nan");
    if (std::isinf(v)) return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

}  // namespace

void MetricChart::fillCurve(Curve& c, bool raw, double lo, double hi, int columns) {
    const core::ValueSpan y = raw ? c.series->values.span() : c.smoothed->span();
    const auto key = std::make_tuple(lo, hi, m_logY, static_cast<const void*>(c.xs.data()),
                                     static_cast<const void*>(y.data()));
    Curve::ReducedFor& done = raw ? c.rawFor : c.smoothFor;
    if (std::exchange(done.first, key) == key && std::abs(columns - done.second) * 16 <= columns)
        return;
    done.second = columns;
    // The faint raw curve is reduced to 2-pixel columns: at a quarter opacity the difference
    // cannot be seen, and it halves the raw curve's drawing and reduction work.
    const core::DecimateConfig cfg{lo, hi, raw ? std::max(1, columns / kRawColumnDivisor) : columns,
                                   c.xSorted};
    // The reduction keeps positions into the columns, and the columns alive.
    core::CurveColumns cols;
    if (c.xs.empty()) {
        cols.steps = c.steps;
        cols.keepX = c.stepsBlock;
    } else {
        cols.xs = c.xs;
        cols.keepX =
            c.xOwned ? std::shared_ptr<const void>(c.xOwned) : std::shared_ptr<const void>(c.run);
    }
    cols.y = y;
    cols.keepY = raw ? std::shared_ptr<const void>(c.run) : std::shared_ptr<const void>(c.smoothed);
    std::shared_ptr<const core::ReducedCurve>& out = raw ? c.raw : c.smooth;
    // A sweep's crowded chart keeps every point of its runs (2,000 steps on 1,500 pixels): then
    // the positions are known from one look at x and y, with none of the reduction's copies.
    const auto whole = m_logY         ? std::nullopt
                       : c.xs.empty() ? core::keptWhole(c.steps, y, cfg)
                                      : core::keptWhole(c.xs, y, cfg);
    if (whole) {
        out = std::make_shared<const core::ReducedCurve>(*whole, std::move(cols));
        return;
    }
    // No index for a short series (core::CurveCache::indexFrom): the plain scan.
    const core::DecimationIndex* index = raw ? c.rawIndex.get() : c.smoothIndex.get();
    const core::Decimated d = index == nullptr ? c.xs.empty() ? core::decimate(c.steps, y, cfg)
                                                              : core::decimate(c.xs, y, cfg)
                              : c.xs.empty() ? core::decimate(c.steps, y, cfg, *index)
                                               : core::decimate(c.xs, y, cfg, *index);
    out = std::make_shared<const core::ReducedCurve>(d, std::move(cols), m_logY);
}

QString MetricChart::dataCsv() const {
    const bool byStep = m_xMode == XAxisMode::Step;
    QString out = QStringLiteral("run,metric,step,");
    if (!byStep) out += csvField(xTitle()) + QLatin1Char(',');
    out += QStringLiteral("raw,smoothed\n");
    for (const auto& c : m_curves) {
        const auto& steps = c->series->steps;
        const auto& values = c->series->values;
        // The chart's smoothed copy may be float32 (a display curve, smoothed_values.h): the
        // export smooths again in double, the numbers core::smooth gives.
        const std::vector<double> smoothed =
            core::smooth(steps.toVector(), values.asDoubles(), m_smoothing);
        const QString head =
            csvField(c->runName) % QLatin1Char(',') % csvField(c->metric) % QLatin1Char(',');
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double x = c->xs.empty() ? static_cast<double>(steps[i]) : c->xs[i];
            // What the chart shows: the points inside its x-range.
            if (!(x >= m_lo && x <= m_hi)) continue;
            out += head % QString::number(steps[i]) % QLatin1Char(',');
            if (!byStep) out += number(x) + QLatin1Char(',');
            out += number(values[i]) % QLatin1Char(',') % number(smoothed[i]) % QLatin1Char('\n');
        }
    }
    return out;
}

}  // namespace curvedoctor::ui
