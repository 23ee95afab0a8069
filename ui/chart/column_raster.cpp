#include "ui/chart/column_raster.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace curvedoctor::ui {
namespace {

// x * a / 255 for each byte of x, rounded as Qt's raster engine does it (BYTE_MUL in
// qdrawhelper_p.h), so a translucent colour blends to the same values as QPainter's.
QRgb byteMul(QRgb x, std::uint32_t a) {
    std::uint64_t t = ((static_cast<std::uint64_t>(x) | (static_cast<std::uint64_t>(x) << 24)) &
                       0x00ff00ff00ff00ffULL) *
                      a;
    t = (t + ((t >> 8) & 0x00ff00ff00ff00ffULL) + 0x0080008000800080ULL) >> 8;
    t &= 0x00ff00ff00ff00ffULL;
    return static_cast<QRgb>(t) | static_cast<QRgb>(t >> 24);
}

// Lights the run of rows of one pixel column that a line covering y in [lo, hi] shows.
class ColumnWriter {
public:
    ColumnWriter(QImage& image, const QRect& clip, QRgb color)
        : m_bits(image.bits()),
          m_stride(image.bytesPerLine()),
          m_left(clip.left()),
          m_right(clip.right()),
          m_top(clip.top()),
          m_bottom(clip.bottom()),
          m_color(color),
          m_keep(255U - qAlpha(color)) {}

    [[nodiscard]] double left() const { return m_left; }
    [[nodiscard]] double right() const { return m_right; }

    void column(double c, double lo, double hi) {
        if (!(c >= m_left && c <= m_right)) return;
        // Far-off values are cut to a row beyond the clip first, so that they fit an int.
        lo = std::max(lo, m_top - 1.0);
        hi = std::min(hi, m_bottom + 1.0);
        if (!(lo <= hi)) return;
        // Row r's centre is at r + 0.5.
        int r0 = static_cast<int>(std::ceil(lo - 0.5));
        int r1 = static_cast<int>(std::floor(hi - 0.5));
        if (r0 > r1) r0 = r1 = static_cast<int>(std::floor(0.5 * (lo + hi)));
        r0 = std::max(r0, m_top);
        r1 = std::min(r1, m_bottom);
        uchar* at = m_bits + static_cast<qsizetype>(r0) * m_stride +
                    static_cast<qsizetype>(c) * static_cast<qsizetype>(sizeof(QRgb));
        for (int r = r0; r <= r1; ++r, at += m_stride) {
            auto* px = reinterpret_cast<QRgb*>(at);
            *px = m_keep == 0 ? m_color : m_color + byteMul(*px, m_keep);
        }
    }

private:
    uchar* m_bits;
    qsizetype m_stride;
    int m_left, m_right, m_top, m_bottom;
    QRgb m_color;
    std::uint32_t m_keep;  // 255 - the colour's alpha: how much of the pixel below shows
};

// The column holding x: pixel c covers [c, c + 1), as QPainter places aliased lines.
double columnOf(double x) {
    return std::floor(x);
}

}  // namespace

void drawColumnPolyline(QImage& image, const QRect& clip, std::span<const QPointF> points,
                        QRgb premultiplied) {
    const QRect area = clip & image.rect();
    if (image.format() != QImage::Format_ARGB32_Premultiplied || area.isEmpty() ||
        points.size() < 2)
        return;
    ColumnWriter out(image, area, premultiplied);
    // The column being walked, and the lowest and highest y the line took in it so far.
    bool open = false;
    double c = 0.0, lo = 0.0, hi = 0.0;
    double x0 = 0.0, y0 = 0.0;
    for (const QPointF& p : points) {
        const double x1 = p.x(), y1 = p.y();
        if (!std::isfinite(x1) || !std::isfinite(y1) || (open && x1 < x0)) {
            if (open) out.column(c, lo, hi);
            open = std::isfinite(x1) && std::isfinite(y1);
            if (open) {
                c = columnOf(x1);
                lo = hi = y1;
                x0 = x1;
                y0 = y1;
            }
            continue;
        }
        if (!open) {
            open = true;
            c = columnOf(x1);
            lo = hi = y1;
        } else if (const double c1 = columnOf(x1); c1 == c) {
            lo = std::min(lo, y1);
            hi = std::max(hi, y1);
        } else {
            // The segment leaves column c at x = c + 1 and crosses whole columns up to c1.
            const double slope = (y1 - y0) / (x1 - x0);
            auto yAt = [&](double x) { return y0 + (x - x0) * slope; };
            const double leave = yAt(c + 1.0);
            out.column(c, std::min(lo, leave), std::max(hi, leave));
            const double to = std::min(c1 - 1.0, out.right());
            for (double k = std::max(c + 1.0, out.left()); k <= to; k += 1.0) {
                const double a = yAt(k), b = yAt(k + 1.0);
                out.column(k, std::min(a, b), std::max(a, b));
            }
            const double enter = yAt(c1);
            c = c1;
            lo = std::min(enter, y1);
            hi = std::max(enter, y1);
        }
        x0 = x1;
        y0 = y1;
    }
    if (open) out.column(c, lo, hi);
}

}  // namespace curvedoctor::ui
