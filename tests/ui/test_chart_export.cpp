#include <gtest/gtest.h>

#include <QChartView>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include "tests/ui/report_test_runs.h"
#include "ui/chart/metric_chart.h"
#include "ui/report/chart_export.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::entryFor;
using testing::syntheticRun;

// Counts pixels close to `c` (antialiasing blends edges, so allow a small distance).
int countColor(const QImage& img, const QColor& c, int tolerance = 40) {
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor p = img.pixelColor(x, y);
            if (std::abs(p.red() - c.red()) + std::abs(p.green() - c.green()) +
                    std::abs(p.blue() - c.blue()) <
                tolerance)
                ++n;
        }
    return n;
}

TEST(ChartExport, PngSvgAndImageOfAChartInAViewKeepTheViewIntact) {
    RunEntry e = entryFor(syntheticRun("one", 300, 0.1, 0), 0);
    auto* chart = new MetricChart;
    chart->setContent({&e}, QStringLiteral("loss"), ViewSettings{});
    QChartView view(chart);
    view.resize(500, 300);
    view.show();
    const QSizeF before = chart->size();

    const QImage img = renderChartImage(*chart, QSizeF(640, 400), 2.0);
    EXPECT_EQ(img.size(), QSize(1280, 800));
    EXPECT_GT(countColor(img, e.color), 200);  // the run's curve is drawn in its colour
    EXPECT_EQ(chart->size(), before);          // the view's chart got its size back

    QTemporaryDir dir;
    QString error;
    ASSERT_TRUE(exportChartPng(*chart, dir.filePath(QStringLiteral("c.png")), QSizeF(300, 200), 1.0,
                               &error));
    EXPECT_EQ(QImage(dir.filePath(QStringLiteral("c.png"))).size(), QSize(300, 200));
    ASSERT_TRUE(
        exportChartSvg(*chart, dir.filePath(QStringLiteral("c.svg")), QSizeF(300, 200), &error));
    QFile svg(dir.filePath(QStringLiteral("c.svg")));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    EXPECT_TRUE(text.contains("<svg"));
    EXPECT_TRUE(text.contains(e.color.name().toLatin1()));  // curve stroke colour, as vector

    EXPECT_FALSE(exportChartPng(*chart, dir.filePath(QStringLiteral("no/dir/c.png")),
                                QSizeF(100, 100), 1.0, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("c.png")));
}

TEST(ChartExport, ChartInNoSceneRendersThroughATemporaryScene) {
    RunEntry e = entryFor(syntheticRun("two", 300, 0.1, 0), 1);
    MetricChart chart;
    chart.setContent({&e}, QStringLiteral("loss"), ViewSettings{});
    const QImage img = renderChartImage(chart, QSizeF(400, 250), 1.0);
    EXPECT_GT(countColor(img, e.color), 100);
    EXPECT_EQ(chart.scene(), nullptr);
}

}  // namespace
}  // namespace curvedoctor::ui
