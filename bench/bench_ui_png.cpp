// Writing a report PNG (issue #6): our banded "Up"-filter encoder (ui/report/png_writer.h) against
// QImage::save at its default level and at zlib level 1, on a report-like page: 3200 x 4600
// device pixels (1600 px at 2x), white with charts of thin antialiased curves and text.
//   bench_ui_png [--image FILE.png]   encodes FILE instead (e.g. a real report)
#include <benchmark/benchmark.h>

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPainterPath>
#include <cmath>
#include <cstring>

#include "ui/report/png_writer.h"

namespace {

QString g_imagePath;

QImage makePage() {
    QImage page(3200, 4600, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter p(&page);
    p.setRenderHint(QPainter::Antialiasing);
    for (int chart = 0; chart < 4; ++chart) {
        const int row = chart / 2;  // two charts a row
        const QRectF r(100 + (chart % 2) * 1550, 200 + row * 1100, 1450, 950);
        p.setPen(QPen(QColor(0xCC, 0xCC, 0xCC), 1));
        for (int g = 0; g <= 10; ++g)
            p.drawLine(QPointF(r.left(), r.top() + g * 95), QPointF(r.right(), r.top() + g * 95));
        for (int run = 0; run < 10; ++run) {
            QPainterPath path;
            std::uint32_t h = 17u + static_cast<std::uint32_t>(run * 7919);
            for (int x = 0; x < 1450; ++x) {
                h = h * 1664525u + 1013904223u;
                const double y =
                    900 * std::exp(-x / (300.0 + 40 * run)) + 30 * ((h >> 8) / 16777216.0);
                const QPointF pt(r.left() + x, r.bottom() - 20 - y);
                if (x == 0)
                    path.moveTo(pt);
                else
                    path.lineTo(pt);
            }
            p.setPen(QPen(QColor::fromHsv(run * 36, 200, 200), 2));
            p.drawPath(path);
        }
    }
    p.setPen(Qt::black);
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 20));
    for (int line = 0; line < 40; ++line)
        p.drawText(100, 2500 + line * 50,
                   QStringLiteral("run_%1  severe_overfitting  val_loss reached its best at step "
                                  "60999, then got worse")
                       .arg(line));
    return page;
}

const QImage& page() {
    static const QImage img = g_imagePath.isEmpty()
                                  ? makePage()
                                  : QImage(g_imagePath).convertToFormat(QImage::Format_RGB32);
    return img;
}

void BM_OurPngWriter(benchmark::State& state) {
    curvedoctor::ui::PngOptions o;
    o.threads = static_cast<unsigned>(state.range(0));
    qint64 bytes = 0;
    for (auto _ : state) bytes = curvedoctor::ui::encodePng(page(), o).size();
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_OurPngWriter)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_QImageSave(benchmark::State& state) {
    qint64 bytes = 0;
    for (auto _ : state) {
        QBuffer buf;
        buf.open(QIODevice::WriteOnly);
        QImageWriter w(&buf, "png");
        // -1: Qt's default (zlib's default level); 80: zlib level 1.
        w.setQuality(static_cast<int>(state.range(0)));
        w.write(page());
        bytes = buf.size();
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_QImageSave)->Arg(-1)->Arg(80)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--image") == 0) g_imagePath = QString::fromLocal8Bit(argv[i + 1]);
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    (void)page();  // made or decoded before the timing starts
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
