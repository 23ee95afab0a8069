#pragma once
/// \file chart_colors.h
/// The colours a chart is drawn in besides the runs' own: background, axes, grid, legend text.
/// Light by default (reports and exports are printed); the window's charts take
/// forPalette(), so a dark desktop theme gives dark charts. Run colours keep their hue and are
/// only lightened where they would not stand out from a dark background (drawnRunColor).

#include <QColor>

class QPalette;

namespace curvedoctor::ui {

struct ChartColors {
    QColor background{0xff, 0xff, 0xff};
    QColor title{0x20, 0x26, 0x30};      ///< the legend's title (the metric)
    QColor text{0x44, 0x4c, 0x56};       ///< legend entries
    QColor axisLabel{0x4a, 0x52, 0x5c};  ///< tick labels and axis titles
    QColor grid{0xe3, 0xe6, 0xea};
    QColor axisLine{0xb8, 0xbe, 0xc6};
    QColor faded{0xa8, 0xae, 0xb6};  ///< hidden runs in the legend
    QColor muted{0x55, 0x5d, 0x66};  ///< the train/validation line keys
    QColor note{0x5a, 0x3e, 0x00};   ///< the note in the plot's corner

    [[nodiscard]] static ChartColors light() { return {}; }
    /// Dark charts on `background`.
    [[nodiscard]] static ChartColors dark(const QColor& background);
    /// Light, or dark on the palette's base colour when its window colour is dark.
    [[nodiscard]] static ChartColors forPalette(const QPalette& palette);
    [[nodiscard]] bool isDark() const { return background.lightnessF() < 0.5; }

    bool operator==(const ChartColors&) const = default;
};

/// WCAG contrast ratio of two colours, 1 (same luminance) to 21 (black on white).
[[nodiscard]] double contrastRatio(const QColor& a, const QColor& b);
/// The least contrast a curve gets against its background (WCAG's 3:1 for graphics).
constexpr double kMinCurveContrast = 3.0;
/// `run` as drawn on `background`: unchanged on a light background or when it contrasts at
/// least kMinCurveContrast, otherwise lightened in its own hue until it does.
[[nodiscard]] QColor drawnRunColor(const QColor& run, const QColor& background);

}  // namespace curvedoctor::ui
