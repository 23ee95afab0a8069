#include <gtest/gtest.h>

#include <QImage>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdlib>

#include "tests/ui/report_test_runs.h"
#include "ui/chart/palette.h"
#include "ui/report/report_renderer.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::entryFor;
using testing::syntheticRun;

core::Finding overfitFinding(std::int64_t begin, std::int64_t end) {
    core::Finding f;
    f.kind = core::FindingKind::Overfitting;
    f.severity = core::Severity::Warning;
    f.metric = "val_loss";
    f.beginStep = begin;
    f.endStep = end;
    f.message =
        "val_loss rose 0.31 above its minimum 0.18 at step 1 500 while train_loss kept falling";
    f.advice =
        "Stop early at step 1 500 (the best checkpoint); add augmentation, weight decay or "
        "dropout.";
    return f;
}

TEST(ReportRenderer, WritesAReportOfTheRequestedWidthAndScale) {
    RunEntry a = entryFor(syntheticRun("healthy", 3000, 0.1, 0), 0);
    RunEntry b = entryFor(syntheticRun("overfit", 3000, 0.1, 1500, 100, "0.01"), 1);
    b.diagnosis.findings.push_back(overfitFinding(1500, 3000));
    ViewSettings settings;
    ReportOptions options;
    options.width = 1200;
    options.scale = 2.0;
    ReportLayout layout;
    const QImage img = renderReport({&a, &b}, settings, options, {}, &layout);
    EXPECT_EQ(img.width(), 2400);
    EXPECT_GT(img.height(), 1200);  // title, two charts or more, two tables
    EXPECT_DOUBLE_EQ(img.devicePixelRatio(), 2.0);
    ASSERT_FALSE(layout.chartRects.isEmpty());
    EXPECT_EQ(layout.families.front(), QStringLiteral("loss"));
    EXPECT_GT(layout.comparisonRect.top(), layout.findingsRect.top());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.png"));
    QString error;
    ASSERT_TRUE(saveReport(path, {&a, &b}, settings, options, {}, &error)) << error.toStdString();
    const QImage back(path);
    EXPECT_EQ(back.width(), 2400);
    if (qEnvironmentVariableIsSet("CURVEDOCTOR_KEEP_REPORT"))
        img.save(qEnvironmentVariable("CURVEDOCTOR_KEEP_REPORT"));
}

// Where in `rect` (logical pixels of `img`) pixels within `tolerance` of `c` are: their
// count and the smallest and largest logical x.
struct Hits {
    int count = 0;
    double minX = 1e9;
    double maxX = -1e9;
};

Hits findColor(const QImage& img, const QRectF& rect, const QColor& c, int tolerance) {
    Hits h;
    const qreal s = img.devicePixelRatio();
    const QRect px(qRound(rect.left() * s), qRound(rect.top() * s), qRound(rect.width() * s),
                   qRound(rect.height() * s));
    for (int y = px.top(); y <= px.bottom() && y < img.height(); ++y)
        for (int x = px.left(); x <= px.right() && x < img.width(); ++x) {
            const QColor p = img.pixelColor(x, y);
            if (std::abs(p.red() - c.red()) + std::abs(p.green() - c.green()) +
                    std::abs(p.blue() - c.blue()) >
                tolerance)
                continue;
            ++h.count;
            h.minX = std::min(h.minX, x / s);
            h.maxX = std::max(h.maxX, x / s);
        }
    return h;
}

// The chart draws a finding's band with a strip of findingColor at alpha 170 along the top of
// the plot (finding_overlay.cpp); over the white page that is this colour.
QColor stripColor(const QColor& c) {
    auto mix = [](int v) { return (v * 170 + 255 * 85) / 255; };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

TEST(ReportRenderer, FindingColoursAppearWhereTheFindingsAre) {
    // Overfitting from step 1 500 to the end (3 000): its colour must be in the loss chart's
    // right half, not its left half, and nowhere in a report of the healthy run alone.
    RunEntry over = entryFor(syntheticRun("overfit", 3000, 0.1, 1500), 0);
    over.diagnosis.findings.push_back(overfitFinding(1500, 3000));
    // Green, so no antialiased edge of a run curve passes for the orange band.
    RunEntry healthy = entryFor(syntheticRun("healthy", 3000, 0.1, 0), 2);
    ViewSettings settings;
    ReportOptions options;
    options.width = 1400;
    options.scale = 1.0;
    const QColor strip = stripColor(findingColor(core::FindingKind::Overfitting));

    ReportLayout layout;
    const QImage img = renderReport({&over, &healthy}, settings, options, {}, &layout);
    ASSERT_EQ(layout.families.front(), QStringLiteral("loss"));
    const QRectF loss = layout.chartRects.front();
    const Hits hits = findColor(img, loss, strip, 24);
    ASSERT_GT(hits.count, 50) << "no overfitting band in the loss chart";
    // Step 1 500 of 0..3 000 is half the plot; the plot starts right of the y labels, so the
    // band starts beyond 45% of the chart's width and runs to its right part.
    EXPECT_GT(hits.minX, loss.left() + 0.45 * loss.width());
    EXPECT_GT(hits.maxX, loss.left() + 0.85 * loss.width());
    // The findings table shows the kind's colour as a swatch.
    EXPECT_GT(
        findColor(img, layout.findingsRect, findingColor(core::FindingKind::Overfitting), 12).count,
        20);

    ReportLayout healthyLayout;
    const QImage clean = renderReport({&healthy}, settings, options, {}, &healthyLayout);
    EXPECT_EQ(findColor(clean, healthyLayout.chartRects.front(), strip, 24).count, 0);
}

TEST(ReportRenderer, GroupReportDrawsTheGroupBand) {
    RunEntry a = entryFor(syntheticRun("seed1", 600, 0.1, 0), 0);
    RunEntry b = entryFor(syntheticRun("seed2", 600, 0.4, 0), 1);
    ReportGroup g;
    g.curves = {QStringLiteral("seeds"), QColor(0x33, 0x22, 0x88), {a.run, b.run}};
    core::Finding f;
    f.kind = core::FindingKind::HardToConverge;
    f.severity = core::Severity::Warning;
    f.message = "2 runs";
    g.findings.push_back(f);
    ViewSettings settings;
    ReportOptions options;
    options.width = 1200;
    options.scale = 1.0;
    ReportLayout layout;
    const QImage img = renderReport({&a, &b}, settings, options, {g}, &layout);
    // The band is the group colour at alpha 0.24 over white.
    auto mix = [](int v) { return static_cast<int>(v * 0.24 + 255 * 0.76); };
    const QColor band(mix(0x33), mix(0x22), mix(0x88));
    EXPECT_GT(findColor(img, layout.chartRects.front(), band, 12).count, 500);
    EXPECT_GT(
        findColor(img, layout.findingsRect, findingColor(core::FindingKind::HardToConverge), 12)
            .count,
        20);
}

}  // namespace
}  // namespace curvedoctor::ui
