// The report's PNG encoder: banded, "Up"-filtered, deflated in parallel and joined into one
// zlib stream. Whatever the band split, Qt's own decoder must read back every pixel exactly.
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <cstdint>

#include "ui/report/png_writer.h"

namespace curvedoctor::ui {
namespace {

// White with a gradient block, random noise rows and an antialiased line: flat runs, every
// byte value, and rows that differ from the row above.
QImage testImage(int w, int h, std::uint32_t seed = 1) {
    QImage img(w, h, QImage::Format_RGB32);
    img.fill(Qt::white);
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < w; ++x) {
            if (y % 7 == 3) {
                seed = seed * 1664525u + 1013904223u;
                line[x] = qRgb(int(seed >> 24), int((seed >> 16) & 0xFF), int((seed >> 8) & 0xFF));
            } else if (x < w / 3) {
                line[x] = qRgb((x * 255) / std::max(1, w), (y * 255) / std::max(1, h), 128);
            }
        }
    }
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0, 114, 178), 2.5));
    p.drawLine(QPointF(0, 0), QPointF(w, h));
    return img;
}

void expectSamePixels(const QImage& a, const QImage& b) {
    ASSERT_EQ(a.size(), b.size());
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            if (qRgb(qRed(a.pixel(x, y)), qGreen(a.pixel(x, y)), qBlue(a.pixel(x, y))) !=
                qRgb(qRed(b.pixel(x, y)), qGreen(b.pixel(x, y)), qBlue(b.pixel(x, y)))) {
                FAIL() << "pixel " << x << "," << y << " differs";
            }
        }
    }
}

TEST(PngWriter, RoundTripsExactlyForEveryBandSplit) {
    for (const QSize size :
         {QSize(1, 1), QSize(5, 63), QSize(33, 64), QSize(200, 129), QSize(97, 1000)}) {
        for (unsigned threads : {1u, 2u, 3u}) {
            SCOPED_TRACE(testing::Message()
                         << size.width() << "x" << size.height() << " threads " << threads);
            const QImage img = testImage(size.width(), size.height());
            PngOptions o;
            o.threads = threads;
            const QByteArray png = encodePng(img, o);
            ASSERT_FALSE(png.isEmpty());
            EXPECT_TRUE(png.startsWith("\x89PNG\r\n\x1a\n"));
            QImage back;
            ASSERT_TRUE(back.loadFromData(png, "PNG"));
            EXPECT_FALSE(back.hasAlphaChannel());  // written as RGB
            expectSamePixels(img, back);
        }
    }
}

TEST(PngWriter, HigherLevelIsSmallerAndPremultipliedInputIsConverted) {
    const QImage img = testImage(300, 400, 5);
    PngOptions fast;
    fast.zlibLevel = 1;
    PngOptions small;
    small.zlibLevel = 9;
    EXPECT_LE(encodePng(img, small).size(), encodePng(img, fast).size());
    const QImage premultiplied = img.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QImage back;
    ASSERT_TRUE(back.loadFromData(encodePng(premultiplied), "PNG"));
    expectSamePixels(img, back);
}

TEST(PngWriter, KeepsTheResolutionAndReportsAnUnwritablePath) {
    QImage img = testImage(40, 30);
    img.setDotsPerMeterX(7559);  // 192 dpi
    img.setDotsPerMeterY(7559);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.png"));
    ASSERT_TRUE(writePng(img, path));
    QImage back(path);
    EXPECT_EQ(back.dotsPerMeterX(), 7559);
    expectSamePixels(img, back);

    QString error;
    const QString bad = dir.filePath(QStringLiteral("no/such/folder/out.png"));
    EXPECT_FALSE(writePng(img, bad, {}, &error));
    EXPECT_TRUE(error.startsWith(bad)) << error.toStdString();
    EXPECT_TRUE(encodePng(QImage()).isEmpty());
}

}  // namespace
}  // namespace curvedoctor::ui
