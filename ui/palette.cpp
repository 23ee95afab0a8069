#include "ui/palette.h"

#include <array>
#include <QHash>

namespace curvedoctor::ui {
namespace {

// Okabe, M. & Ito, K. (2008) "Color Universal Design", then Tol's muted scheme.
constexpr std::array<QRgb, 16> kRunColors{
    0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x3D4B5C,
    0x332288, 0x88CCEE, 0x44AA99, 0x117733, 0x999933, 0xDDCC77, 0xCC6677, 0xAA4499};

}  // namespace

QColor runColor(int index) {
    const int n = static_cast<int>(kRunColors.size());
    return QColor::fromRgb(kRunColors[static_cast<std::size_t>(((index % n) + n) % n)]);
}

int runColorCount() { return static_cast<int>(kRunColors.size()); }

QColor findingColor(const QString& kind) {
    static const QHash<QString, QRgb> colors{
        {QStringLiteral("nan_inf"), 0xB2182B},
        {QStringLiteral("divergence"), 0xD6604D},
        {QStringLiteral("gradient_ascent"), 0x8E0152},
        {QStringLiteral("severe_overfitting"), 0xC51B7D},
        {QStringLiteral("overfitting"), 0xF1A340},
        {QStringLiteral("not_learning"), 0x762A83},
        {QStringLiteral("undertrained"), 0x5AAE61},
        {QStringLiteral("slow_start_plateau"), 0x9970AB},
        {QStringLiteral("plateau"), 0x878787},
        {QStringLiteral("oscillation"), 0xFDB863},
        {QStringLiteral("no_shuffle_periodic"), 0x35978F},
        {QStringLiteral("noisy_validation"), 0x80CDC1},
        {QStringLiteral("lr_drop"), 0x4393C3},
        {QStringLiteral("metric_loss_disagreement"), 0xDE77AE},
        {QStringLiteral("hard_to_converge"), 0x542788},
    };
    const auto it = colors.constFind(kind);
    return it == colors.constEnd() ? QColor(0x99, 0x99, 0x99) : QColor::fromRgb(*it);
}

QColor severityColor(int severity) {
    switch (severity) {
        case 2: return QColor(0xC6, 0x28, 0x28);  // error
        case 1: return QColor(0xE6, 0x9F, 0x00);  // warning
        default: return QColor(0x1E, 0x88, 0xE5);  // info
    }
}

}  // namespace curvedoctor::ui
