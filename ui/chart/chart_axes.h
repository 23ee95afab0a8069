#pragma once
/// \file chart_axes.h
/// Readable axis ticks: nice numbers (1, 2, 5 x 10^k) with short SI-like labels ("10k", "1.5M",
/// "0.001"), decades on a log axis, and clock-like steps for time axes. Qt Charts' own axes
/// only take a printf format, which gives labels such as "1000000.0"; these ticks are drawn
/// through a QCategoryAxis instead.

#include <QList>
#include <QString>

class QCategoryAxis;

namespace curvedoctor::ui {

enum class TickFormat {
    Number,    ///< plain values: 0.5, 10k, 1.5M, 1e-4.
    Log10,     ///< the axis holds log10(value); labels show the value: 0.01, 1, 100, 10k.
    Duration,  ///< seconds since the start: 45s, 2m 30s, 1h 15m, 2d.
    DateTime,  ///< seconds since the Unix epoch, shown in local time: 14:30, Nov 27 14:30.
};

struct Tick {
    double value = 0.0;
    QString label;
};

/// Ticks inside [lo, hi], at most about `maxTicks` of them (at least 2 when the range allows).
/// Labels are unique and as short as the spacing allows. An empty or non-finite range gives none.
[[nodiscard]] QList<Tick> niceTicks(double lo, double hi, int maxTicks, TickFormat format);

/// A nice step (1, 2 or 5 times a power of ten) close to span / maxTicks.
[[nodiscard]] double niceStep(double span, int maxTicks);

/// `value` with SI suffixes above 1000 ("1.5M") and only the decimals `step` needs.
[[nodiscard]] QString formatNumber(double value, double step);

/// Formats a value for a readout (hover label): 4 significant digits, SI suffix for big values.
[[nodiscard]] QString formatValue(double value);

/// Replaces the axis' categories with `ticks` (labels on the values, grid line at each tick),
/// keeping its range.
void applyTicks(QCategoryAxis* axis, const QList<Tick>& ticks);

/// Removes every tick. Call it before a range change that moves the old ticks far outside the
/// plot (a deep zoom): Qt Charts lays the old ticks out for the new range, and its tick groups
/// (QGraphicsItemGroup) keep the resulting bounding rectangle, millions of pixels wide, which
/// the chart view's cached pixmap then tries to allocate.
void clearTicks(QCategoryAxis* axis);

}  // namespace curvedoctor::ui
