#include "ui/report/value_format.h"

#include <cmath>

namespace curvedoctor::ui {
namespace {

// Below this magnitude a logged or averaged value is printed as 0: no training metric means
// anything at 1e-30, and what gets there is arithmetic residue, such as the exponential average
// of a loss that fell to exactly 0 (hf_trainer_03's "smoothed 6.918e-168", issue #14).
constexpr double kNegligible = 1e-30;

}  // namespace

QString formatValue(std::optional<double> v) {
    if (!v) return QStringLiteral("–");
    if (std::isnan(*v)) return QStringLiteral("NaN");
    if (std::isinf(*v)) return *v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    if (std::abs(*v) < kNegligible) return QStringLiteral("0");
    return QString::number(*v, 'g', 4);
}

QString formatStep(std::optional<std::int64_t> step) {
    if (!step) return QStringLiteral("–");
    const QString digits = QString::number(*step < 0 ? -*step : *step);
    QString out;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += QChar(0x2009);  // thin space
        out += digits[i];
    }
    return *step < 0 ? QStringLiteral("-") + out : out;
}

QString formatEpoch(std::optional<double> epoch) {
    if (!epoch || !std::isfinite(*epoch) || std::abs(*epoch) >= 1e15) return formatValue(epoch);
    if (*epoch == std::trunc(*epoch)) return formatStep(static_cast<std::int64_t>(*epoch));
    QString text = QString::number(*epoch, 'f', 2);
    while (text.endsWith(QLatin1Char('0'))) text.chop(1);
    return text;
}

}  // namespace curvedoctor::ui
