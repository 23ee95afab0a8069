#include "ui/chart/palette.h"

#include <array>
#include <cstdint>

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

QColor runColorForName(const QString& name, const QList<QColor>& taken) {
    // FNV-1a over the UTF-8 name: qHash is seeded per process, this is the same everywhere.
    std::uint32_t h = 2166136261u;
    for (const char ch : name.toUtf8()) {
        h ^= static_cast<std::uint8_t>(ch);
        h *= 16777619u;
    }
    const int n = runColorCount();
    const int first = static_cast<int>(h % static_cast<std::uint32_t>(n));
    for (int k = 0; k < n; ++k)
        if (!taken.contains(runColor(first + k))) return runColor(first + k);
    return runColor(first);
}

int runColorCount() {
    return static_cast<int>(kRunColors.size());
}

QColor findingColor(core::FindingKind kind) {
    return QColor::fromRgb(core::info(kind).rgb);
}

QString findingKindId(core::FindingKind kind) {
    const std::string_view id = core::toString(kind);
    return QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size()));
}

QColor severityColor(int severity) {
    switch (severity) {
        case 2:
            return QColor(0xC6, 0x28, 0x28);  // error
        case 1:
            return QColor(0xE6, 0x9F, 0x00);  // warning
        default:
            return QColor(0x1E, 0x88, 0xE5);  // info
    }
}

}  // namespace curvedoctor::ui
