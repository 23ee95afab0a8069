// The crowded charts' own line drawing (ui/chart/column_raster.h) against QPainter's aliased
// one-pixel pen, the drawing it replaces: the same pixels on horizontal and vertical lines, one
// pixel thick on slanted ones, and on dense curves nothing more than a pixel from QPainter's
// (which lights some more pixels where a column holds several points).
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <cmath>
#include <random>
#include <vector>

#include "ui/chart/column_raster.h"

namespace curvedoctor::ui {
namespace {

constexpr QRgb kInk = 0xff204080;

QImage blank(QSize size = {160, 120}) {
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    return img;
}

QImage byPainter(const std::vector<QPointF>& pts, const QRect& clip, QColor color = kInk,
                 QSize size = {160, 120}) {
    QImage img = blank(size);
    QPainter p(&img);
    p.setClipRect(clip);
    QPen pen(color, 1.0, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin);
    pen.setCosmetic(true);
    p.setPen(pen);
    p.drawPolyline(pts.data(), static_cast<int>(pts.size()));
    return img;
}

QImage byColumns(const std::vector<QPointF>& pts, const QRect& clip, QRgb color = kInk,
                 QSize size = {160, 120}) {
    QImage img = blank(size);
    drawColumnPolyline(img, clip, pts, color);
    return img;
}

bool lit(const QImage& img, int x, int y) {
    return img.rect().contains(x, y) && qAlpha(img.pixel(x, y)) != 0;
}

struct Difference {
    int litA = 0;
    int onlyOne = 0;  // lit in one image only
    int far = 0;      // of those, with nothing lit within a pixel in the other image
};

Difference compare(const QImage& a, const QImage& b) {
    Difference d;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            d.litA += lit(a, x, y) ? 1 : 0;
            if (lit(a, x, y) == lit(b, x, y)) continue;
            ++d.onlyOne;
            const QImage& other = lit(a, x, y) ? b : a;
            bool near = false;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) near = near || lit(other, x + dx, y + dy);
            d.far += near ? 0 : 1;
        }
    return d;
}

TEST(ColumnRaster, AxisLinesLightTheSamePixelsAsQPainter) {
    const QRect all(0, 0, 160, 120);
    const std::vector<std::vector<QPointF>> lines = {
        {{10, 50}, {150, 50}},
        {{10.4, 50.6}, {150.6, 50.6}},
        {{40, 5}, {40, 110}},
        {{40.7, 5.2}, {40.7, 110.9}},
    };
    for (const auto& line : lines) {
        const Difference d = compare(byPainter(line, all), byColumns(line, all));
        EXPECT_GT(d.litA, 100);
        EXPECT_LE(d.onlyOne, 1) << line[0].x() << "," << line[0].y();  // at most an end pixel
    }
}

TEST(ColumnRaster, SlantedLinesAreOnePixelThickAndNearQPainters) {
    const QRect all(0, 0, 160, 120);
    // Shallow: one pixel in each column it spans; steep: one in each row.
    const QImage shallow = byColumns({{5, 10}, {150, 60}}, all);
    for (int x = 6; x < 150; ++x) {
        int n = 0;
        for (int y = 0; y < 120; ++y) n += lit(shallow, x, y) ? 1 : 0;
        EXPECT_EQ(n, 1) << x;
    }
    const QImage steep = byColumns({{20, 3}, {60, 115}}, all);
    for (int y = 4; y < 115; ++y) {
        int n = 0;
        for (int x = 0; x < 160; ++x) n += lit(steep, x, y) ? 1 : 0;
        EXPECT_EQ(n, 1) << y;
    }
    EXPECT_EQ(compare(byPainter({{5, 10}, {150, 60}}, all), shallow).far, 0);
    EXPECT_EQ(compare(byPainter({{20, 3}, {60, 115}}, all), steep).far, 0);
}

TEST(ColumnRaster, DenseCurvesStayWithinAPixelOfQPainter) {
    // Smoothed training curves, two to three points a pixel column, as a sweep's chart draws.
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    const QRect clip(20, 10, 600, 280);
    const QSize size(660, 320);
    QImage a = blank(size), b = blank(size);
    for (int k = 0; k < 40; ++k) {
        std::vector<QPointF> pts;
        const double top = 40 + 30 * std::abs(noise(rng)), amp = 0.5 + 2 * std::abs(noise(rng));
        double e = 0.0;
        for (int i = 0; i < 1600; ++i) {
            e = 0.6 * e + 0.4 * amp * noise(rng);
            const double y = 290 - 240 * std::exp(-i / 400.0) - top + e;
            pts.emplace_back(clip.left() - 5 + i * 0.4, y);  // starts left of the clip
        }
        const QRgb color = qRgb(40 + 5 * k, 200 - 4 * k, 90);
        QPainter p(&a);
        p.setClipRect(clip);
        QPen pen(QColor(color), 1.0);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawPolyline(pts.data(), static_cast<int>(pts.size()));
        p.end();
        drawColumnPolyline(b, clip, pts, color);
    }
    const Difference d = compare(a, b);
    EXPECT_GT(d.litA, 10'000);
    EXPECT_LT(d.onlyOne, d.litA / 4);
    EXPECT_LE(d.far, d.litA / 1000);
    // Nothing outside the clip.
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            if (!clip.contains(x, y)) {
                ASSERT_FALSE(lit(b, x, y)) << x << "," << y;
            }
}

TEST(ColumnRaster, TranslucentColourBlendsOnceAsQPainterDoes) {
    const QRect all(0, 0, 160, 120);
    QImage a = blank(), b = blank();
    a.fill(qRgb(250, 250, 250));
    b.fill(qRgb(250, 250, 250));
    const QColor dim(20, 100, 200, 60);
    // Three points in one pixel: QPainter's polyline covers it once, and so must this.
    const std::vector<QPointF> pts{{10.2, 40.5}, {10.5, 40.6}, {10.8, 40.4}, {120, 40.5}};
    {
        QPainter p(&a);
        QPen pen(dim, 1.0);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawPolyline(pts.data(), static_cast<int>(pts.size()));
    }
    drawColumnPolyline(b, all, pts, dim.rgba64().premultiplied().toArgb32());
    EXPECT_EQ(b.pixel(60, 40), a.pixel(60, 40));
    EXPECT_EQ(b.pixel(10, 40), a.pixel(60, 40));
    EXPECT_EQ(b.pixel(60, 39), qRgb(250, 250, 250));
}

TEST(ColumnRaster, BadInputDrawsNothingOrOnlyItsFinitePart) {
    const QRect all(0, 0, 160, 120);
    EXPECT_EQ(compare(byColumns({{10, 10}}, all), blank()).onlyOne, 0);
    EXPECT_EQ(compare(byColumns({}, all), blank()).onlyOne, 0);
    // Far-off and non-finite points: no crash, the line stays in the image.
    const double inf = std::numeric_limits<double>::infinity();
    const QImage far = byColumns({{-1e12, 1e12}, {80, 60}, {1e12, -1e12}, {1e300, 5}}, all);
    EXPECT_TRUE(lit(far, 80, 59) || lit(far, 80, 60));
    const QImage broken =
        byColumns({{10, 20}, {50, 20}, {std::nan(""), 30}, {60, 80}, {100, 80}, {inf, 5}}, all);
    EXPECT_TRUE(lit(broken, 30, 20));
    EXPECT_TRUE(lit(broken, 80, 80));
    EXPECT_FALSE(lit(broken, 55, 50));  // no line across the NaN
    // x going back breaks the line too, and another image format is left alone.
    const QImage back = byColumns({{100, 10}, {120, 10}, {20, 90}, {40, 90}}, all);
    EXPECT_TRUE(lit(back, 110, 10));
    EXPECT_TRUE(lit(back, 30, 90));
    EXPECT_FALSE(lit(back, 70, 50));
    QImage rgb(40, 40, QImage::Format_RGB32);
    rgb.fill(Qt::white);
    drawColumnPolyline(rgb, rgb.rect(), std::vector<QPointF>{{0, 5}, {39, 5}}, kInk);
    EXPECT_EQ(rgb.pixel(20, 5), qRgb(255, 255, 255));
}

}  // namespace
}  // namespace curvedoctor::ui
