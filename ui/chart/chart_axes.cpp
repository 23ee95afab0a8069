#include "ui/chart/chart_axes.h"

#include <QCategoryAxis>
#include <QDateTime>
#include <QLocale>
#include <array>
#include <cmath>

namespace curvedoctor::ui {
namespace {

// Decimals needed to tell apart values `step` apart (0.25 -> 2, 0.1 -> 1, 5 -> 0).
int decimalsFor(double step) {
    if (!(step > 0.0)) return 0;
    int d = 0;
    double s = step;
    while (d < 12 && std::abs(s - std::round(s)) > 1e-6 * std::max(1.0, std::abs(s))) {
        s *= 10.0;
        ++d;
    }
    return d;
}

QString trimmed(double v, int decimals) {
    QString s = QString::number(v, 'f', decimals);
    if (s == QStringLiteral("-0")) s = QStringLiteral("0");
    return s;
}

QList<Tick> linearTicks(double lo, double hi, int maxTicks) {
    QList<Tick> out;
    const double step = niceStep(hi - lo, maxTicks);
    if (!(step > 0.0)) return out;
    const double first = std::ceil(lo / step - 1e-9) * step;
    for (int i = 0; i < 1000; ++i) {
        double v = first + i * step;
        if (v > hi + step * 1e-9) break;
        if (std::abs(v) < step * 1e-9) v = 0.0;
        out << Tick{v, formatNumber(v, step)};
    }
    return out;
}

QList<Tick> logTicks(double lo, double hi, int maxTicks) {
    QList<Tick> out;
    // Below 0.001 labels go scientific; then every label under 1 does, so they read alike.
    const bool scientific = lo < -3.0 + 1e-9;
    auto label = [&](double v, double step) {
        return formatNumber(v, scientific && v < 1.0 ? std::min(step, 1e-4 * v) : step);
    };
    const double decades = hi - lo;
    if (decades < 0.7) {
        // Less than a decade: nice linear values, placed at their logarithm.
        const double vlo = std::pow(10.0, lo);
        const double vhi = std::pow(10.0, hi);
        const double step = niceStep(vhi - vlo, maxTicks);
        const double first = std::ceil(vlo / step - 1e-9) * step;
        for (int i = 0; i < 1000; ++i) {
            const double v = first + i * step;
            if (v > vhi * (1 + 1e-9)) break;
            if (v <= 0.0) continue;
            out << Tick{std::log10(v), formatNumber(v, std::min(step, v))};
        }
        return out;
    }
    if (decades <= 3.0 && decades * 3 <= maxTicks + 2) {
        // A few decades: 1, 2 and 5 times each power of ten.
        for (int k = static_cast<int>(std::floor(lo)); k <= static_cast<int>(std::ceil(hi)); ++k)
            for (double m : {1.0, 2.0, 5.0}) {
                const double v = m * std::pow(10.0, k);
                const double l = std::log10(v);
                if (l >= lo - 1e-9 && l <= hi + 1e-9) out << Tick{l, label(v, std::pow(10.0, k))};
            }
        return out;
    }
    const int every = std::max(1, static_cast<int>(std::ceil(decades / std::max(1, maxTicks))));
    const int first = static_cast<int>(std::ceil(lo - 1e-9));
    for (int k = first; k <= hi + 1e-9; ++k) {
        if (((k % every) + every) % every != 0) continue;
        const double v = std::pow(10.0, k);
        out << Tick{static_cast<double>(k), label(v, v)};
    }
    return out;
}

QString formatDuration(double seconds, double step) {
    const bool negative = seconds < 0;
    qint64 s = static_cast<qint64>(std::llround(std::abs(seconds)));
    const qint64 d = s / 86400, h = s / 3600 % 24, m = s / 60 % 60, sec = s % 60;
    QStringList parts;
    if (d) parts << QStringLiteral("%1d").arg(d);
    if (h && step < 86400) parts << QStringLiteral("%1h").arg(h);
    if (m && step < 3600) parts << QStringLiteral("%1m").arg(m);
    if (sec && step < 60) parts << QStringLiteral("%1s").arg(sec);
    if (parts.isEmpty()) return QStringLiteral("0");
    return (negative ? QStringLiteral("-") : QString()) + parts.join(QLatin1Char(' '));
}

QList<Tick> timeTicks(double lo, double hi, int maxTicks, TickFormat format) {
    static constexpr std::array<double, 17> kSteps{
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400};
    const double span = hi - lo;
    double step = 0.0;
    for (double s : kSteps)
        if (span / s <= maxTicks) {
            step = s;
            break;
        }
    if (step == 0.0) step = 86400.0 * niceStep(span / 86400.0, maxTicks);
    if (span < 1.0) return linearTicks(lo, hi, maxTicks);
    // Wall-clock ticks fall on round local times.
    double offset = 0.0;
    if (format == TickFormat::DateTime)
        offset = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(lo)).offsetFromUtc();
    QList<Tick> out;
    const double first = std::ceil((lo + offset) / step - 1e-9) * step - offset;
    const bool multiDay = format == TickFormat::DateTime &&
                          QDateTime::fromSecsSinceEpoch(static_cast<qint64>(lo)).date() !=
                              QDateTime::fromSecsSinceEpoch(static_cast<qint64>(hi)).date();
    // Runs months apart (or one clock gone wrong) name the year too.
    const bool multiYear = format == TickFormat::DateTime &&
                           QDateTime::fromSecsSinceEpoch(static_cast<qint64>(lo)).date().year() !=
                               QDateTime::fromSecsSinceEpoch(static_cast<qint64>(hi)).date().year();
    const QString year = multiYear ? QStringLiteral("yyyy ") : QString();
    for (int i = 0; i < 1000; ++i) {
        const double v = first + i * step;
        if (v > hi + 1e-9) break;
        QString label;
        if (format == TickFormat::Duration) {
            label = formatDuration(v, step);
        } else {
            const QDateTime t = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(std::llround(v)));
            const QLocale c = QLocale::c();
            if (step >= 86400)
                label = c.toString(t, year + QStringLiteral("MMM d"));
            else if (multiDay)
                label = c.toString(t, year + QStringLiteral("MMM d HH:mm"));
            else if (step < 60)
                label = c.toString(t, QStringLiteral("HH:mm:ss"));
            else
                label = c.toString(t, QStringLiteral("HH:mm"));
        }
        out << Tick{v, label};
    }
    return out;
}

}  // namespace

double niceStep(double span, int maxTicks) {
    if (!(span > 0.0) || !std::isfinite(span)) return 0.0;
    const double raw = span / std::max(1, maxTicks);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double r = raw / mag;
    const double nice = r <= 1.0 ? 1.0 : r <= 2.0 ? 2.0 : r <= 5.0 ? 5.0 : 10.0;
    return nice * mag;
}

QString formatNumber(double value, double step) {
    if (!std::isfinite(value)) return QString::number(value);
    const double a = std::abs(value);
    // Small values, and values past the largest suffix (1e308 printed with 'f' is 309 digits),
    // go scientific, with as many digits as the step needs relative to the value.
    if (a != 0.0 && (step < 1e-3 || a >= 1e15)) {
        const int digits = std::clamp(
            static_cast<int>(std::ceil(std::log10(a / std::max(step, a * 1e-6)) + 1e-9)), 0, 6);
        QString s = QString::number(value, 'e', digits);
        // "1.50e-04" -> "1.5e-4": no trailing mantissa zeros, no exponent padding.
        const qsizetype e = s.indexOf(QLatin1Char('e'));
        QString mantissa = s.left(e);
        if (mantissa.contains(QLatin1Char('.'))) {
            while (mantissa.endsWith(QLatin1Char('0'))) mantissa.chop(1);
            if (mantissa.endsWith(QLatin1Char('.'))) mantissa.chop(1);
        }
        const int exponent = s.mid(e + 1).toInt();
        return mantissa + QStringLiteral("e") + QString::number(exponent);
    }
    if (value == 0.0) return QStringLiteral("0");
    static constexpr std::array<std::pair<double, char>, 4> kSuffixes{
        {{1e12, 'T'}, {1e9, 'G'}, {1e6, 'M'}, {1e3, 'k'}}};
    for (const auto& [scale, suffix] : kSuffixes)
        if (a >= scale && step >= scale / 1000.0) {
            // "1M", "1.2M" rather than "1.0M": the suffix already says the scale.
            QString m = trimmed(value / scale, decimalsFor(step / scale));
            if (m.contains(QLatin1Char('.'))) {
                while (m.endsWith(QLatin1Char('0'))) m.chop(1);
                if (m.endsWith(QLatin1Char('.'))) m.chop(1);
            }
            return m + QLatin1Char(suffix);
        }
    return trimmed(value, decimalsFor(step));
}

QString formatValue(double value) {
    if (!std::isfinite(value)) {
        if (std::isnan(value)) return QStringLiteral("NaN");
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    }
    const double a = std::abs(value);
    if (a >= 1e4 && a < 1e15) {
        for (const auto& [scale, suffix] : std::array<std::pair<double, char>, 4>{
                 {{1e12, 'T'}, {1e9, 'G'}, {1e6, 'M'}, {1e3, 'k'}}})
            if (a >= scale) return QString::number(value / scale, 'g', 4) + QLatin1Char(suffix);
    }
    return QString::number(value, 'g', 5);
}

QList<Tick> niceTicks(double lo, double hi, int maxTicks, TickFormat format) {
    if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi > lo)) return {};
    maxTicks = std::max(2, maxTicks);
    switch (format) {
        case TickFormat::Number:
            return linearTicks(lo, hi, maxTicks);
        case TickFormat::Log10:
            return logTicks(lo, hi, maxTicks);
        case TickFormat::Duration:
        case TickFormat::DateTime:
            return timeTicks(lo, hi, maxTicks, format);
    }
    return {};
}

void clearTicks(QCategoryAxis* axis) {
    for (const QString& l : axis->categoriesLabels()) axis->remove(l);
}

void applyTicks(QCategoryAxis* axis, const QList<Tick>& ticks) {
    const double lo = axis->min();
    const double hi = axis->max();
    clearTicks(axis);
    axis->setStartValue(lo);
    double last = lo;
    for (const Tick& t : ticks) {
        // Categories must grow strictly and have distinct labels.
        if (t.value <= last && !(t.value == lo && axis->count() == 0)) continue;
        if (axis->categoriesLabels().contains(t.label)) continue;
        axis->append(t.label, t.value);
        last = t.value;
    }
    axis->setRange(lo, hi);
}

}  // namespace curvedoctor::ui
