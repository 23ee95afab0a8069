#include "ui/chart/chart_colors.h"

#include <QPalette>
#include <algorithm>
#include <cmath>

namespace curvedoctor::ui {
namespace {

double channel(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c) {
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

}  // namespace

ChartColors ChartColors::dark(const QColor& background) {
    ChartColors c;
    c.background = background;
    c.title = QColor(0xe6, 0xea, 0xef);
    c.text = QColor(0xc4, 0xca, 0xd2);
    c.axisLabel = QColor(0xb0, 0xb7, 0xc0);
    c.grid = background.lighter(150);
    c.axisLine = QColor(0x6a, 0x72, 0x7c);
    c.faded = QColor(0x6a, 0x72, 0x7c);
    c.muted = QColor(0xa0, 0xa8, 0xb2);
    c.note = QColor(0xf0, 0xc6, 0x74);
    return c;
}

ChartColors ChartColors::forPalette(const QPalette& palette) {
    if (palette.color(QPalette::Window).lightnessF() >= 0.5) return light();
    QColor base = palette.color(QPalette::Base);
    // A theme whose base is not dark either: a neutral dark grey.
    if (base.lightnessF() >= 0.5) base = QColor(0x20, 0x23, 0x28);
    ChartColors c = dark(base);
    // The grid a step lighter than the base, also for a pure black one (lighter() of black).
    if (c.grid.lightnessF() - base.lightnessF() < 0.06)
        c.grid = QColor::fromHslF(std::max(0.0F, base.hslHueF()), base.hslSaturationF(),
                                  std::min(1.0F, base.lightnessF() + 0.1F));
    return c;
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor drawnRunColor(const QColor& run, const QColor& background) {
    // On light backgrounds the palette is drawn as designed (its yellow is a known compromise
    // of the colour-blind-safe set); on dark ones its dark colours would vanish.
    if (!run.isValid() || background.lightnessF() >= 0.5 ||
        contrastRatio(run, background) >= kMinCurveContrast)
        return run;
    const QColor hsl = run.toHsl();
    const float hue = hsl.hslHueF() < 0 ? 0.0F : hsl.hslHueF();
    float l = hsl.lightnessF();
    // Steps of 2% lightness: at most 50 steps to white, which always contrasts.
    for (int i = 0; i < 50; ++i) {
        l = std::min(l + 0.02F, 1.0F);
        const QColor c = QColor::fromHslF(hue, hsl.hslSaturationF(), l, hsl.alphaF());
        if (contrastRatio(c, background) >= kMinCurveContrast) return c.toRgb();
    }
    return QColor(Qt::white);
}

}  // namespace curvedoctor::ui
