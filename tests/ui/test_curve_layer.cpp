// The curve layer that draws a MetricChart's curves (issue #5): checked in rendered pixels, so
// what is tested is what a user sees: the NaN marker where the curve stops, a one-sample spike
// after reduction of 300k points, dashed validation lines (sparse and dense), a line through a
// deep zoom between far-apart points, and a legend swatch for every run.
#include <gtest/gtest.h>

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <cmath>

#include "tests/ui/chart_fixtures.h"
#include "tests/ui/shown_chart.h"
#include "ui/chart/chart_view.h"
#include "ui/chart/curve_layer.h"
#include "ui/chart/curve_style.h"
#include "ui/chart/finding_overlay.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/palette.h"
#include "ui/report/chart_export.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::entry;
using testing::Shown;
// How far a pixel is from a colour (largest channel difference).
int distance(QColor a, QColor b) {
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                     std::abs(a.blue() - b.blue())});
}

// True if some pixel within `radius` of `at` (view pixels) is within `tolerance` of `color`.
bool colourNear(const QImage& img, QPoint at, QColor color, int radius, int tolerance) {
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = at + QPoint(dx, dy);
            if (img.rect().contains(p) && distance(img.pixelColor(p), color) <= tolerance)
                return true;
        }
    return false;
}

// A run with one metric `name`, `n` points at steps 0..n-1 with values from `value(i)`.
template <typename F>
std::shared_ptr<core::Run> oneSeries(const std::string& run, const std::string& name, std::size_t n,
                                     F value) {
    auto r = std::make_shared<core::Run>();
    r->name = run;
    auto& s = r->metrics[name];
    for (std::size_t i = 0; i < n; ++i) {
        s.steps.push_back(static_cast<std::int64_t>(i));
        s.values.push_back(value(i));
    }
    return r;
}

// Along the pixel row of axis value y, the stretches of columns where the curve's colour shows
// (within one pixel up or down), counted from the plot's left to right edge.
int colouredStretches(const Shown& s, const QImage& img, double y, QColor color) {
    const QRectF a = s.chart->plotArea();
    const QPointF left = s.chart->curveLayer()->toPixel(s.chart->xMin(), y);
    int stretches = 0;
    bool inside = false;
    for (double x = a.left() + 3; x < a.right() - 3; x += 1.0) {
        const bool on = colourNear(img, s.toView({x, left.y()}), color, 1, 60);
        if (on && !inside) ++stretches;
        inside = on;
    }
    return stretches;
}

TEST(CurveLayer, NaNMarkerIsPaintedWhereTheCurveStops) {
    const RunEntry e =
        entry(testing::makeRun({.name = "nan", .points = 2000, .valEvery = 0, .nanFrom = 1500}), 0);
    Shown s;
    ViewSettings settings;
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    Shown::settle();
    const auto& marks = s.chart->overlay()->nonFiniteMarkers();
    ASSERT_EQ(marks.size(), 1);
    const QImage img = s.image();
    // The marker's cross is centred on the last finite point, in the marker's red.
    const QPointF at = s.chart->overlay()->toPixel(marks[0].x, marks[0].y);
    EXPECT_TRUE(colourNear(img, s.toView(at), marks[0].color, 1, 40));
    // Right of it nothing is drawn in the run's colour: the line stops.
    const QRectF a = s.chart->plotArea();
    const QColor run = runColor(0);
    for (double x = at.x() + 12; x < a.right() - 2; x += 3)
        for (double y = a.top() + 2; y < a.bottom() - 2; y += 2)
            ASSERT_GT(distance(img.pixelColor(s.toView({x, y})), run), 40) << x << "," << y;
    // Left of it the curve is drawn, in the run's colour, where the data says.
    const double x = 700.0;
    const QPointF on = s.chart->curveLayer()->toPixel(x, testing::lossAt(700, 2000));
    EXPECT_TRUE(colourNear(img, s.toView(on), run, 3, 40));
}

TEST(CurveLayer, OneSampleSpikeSurvivesReductionAndIsDrawn) {
    constexpr std::size_t kSpike = 123'457;
    const RunEntry e = entry(
        oneSeries(
            "spiky", "loss", 300'000,
            [](std::size_t i) { return i == kSpike ? 40.0 : 1.0 + 0.01 * std::sin(0.3 * i); }),
        1);
    Shown s;
    ViewSettings settings;
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    Shown::settle();
    const auto& curves = s.chart->curveLayer()->curves();
    ASSERT_EQ(curves.size(), 2u);  // raw and smoothed
    for (const LayerCurve& c : curves) {
        // At most 4 points per pixel column; a reduction is kept while the plot's width changes
        // by up to 1/16 (y labels widen as runs arrive), so the columns may be 17/16 of today's.
        const auto columns = static_cast<std::size_t>(s.chart->plotArea().width());
        EXPECT_LT(c.points->size(), 4u * (columns + columns / 16 + 1) + 3);
        bool kept = false;
        for (std::size_t i = 0; i < c.points->size(); ++i)
            kept = kept || c.points->index(i) == kSpike;
        EXPECT_TRUE(kept) << (c.raw ? "raw" : "smoothed");
    }
    // The smoothed spike (0.4 of the raw one at the default EMA weight 0.6, 16.6) is one point of
    // 300 000: the y-range fits the bulk (issue #14), so the spike runs up through the top of
    // the plot, where its column shows the run's colour, and a mark on the edge says so.
    const QImage img = s.image();
    const double smoothedPeak = 1.0 + 0.4 * 39.0;
    EXPECT_LT(s.chart->yMax(), smoothedPeak);
    const double nearTop = s.chart->yMin() + 0.95 * (s.chart->yMax() - s.chart->yMin());
    const QPointF peak = s.chart->curveLayer()->toPixel(static_cast<double>(kSpike), nearTop);
    EXPECT_TRUE(colourNear(img, s.toView(peak), runColor(1), 2, 40));
    bool marked = false;
    for (const OverlayMarker& m : s.chart->overlay()->edgeMarkers())
        marked = marked || (m.shape == OverlayMarker::Shape::ClippedAbove &&
                            std::abs(m.x - static_cast<double>(kSpike)) < 300'000 / 400.0);
    EXPECT_TRUE(marked);
}

TEST(CurveLayer, ValidationIsDashedTrainingSolid) {
    // Flat curves (no smoothing change, no ripple): training at 1, validation at 2.
    for (std::size_t points : {60u, 200'000u}) {  // sparse: pen dashes; dense: dashes along x
        auto run = oneSeries("flat", "train_loss", points, [](std::size_t) { return 1.0; });
        auto& val = run->metrics["val_loss"];
        val = run->metrics["train_loss"];
        val.values = std::vector<double>(val.values.size(), 2.0);
        const RunEntry e = entry(run, 2);
        Shown s;
        ViewSettings settings;
        settings.setShowRaw(false);
        s.chart->setContent({&e}, QStringLiteral("loss"), settings);
        Shown::settle();
        const QImage img = s.image();
        EXPECT_EQ(colouredStretches(s, img, 1.0, runColor(2)), 1) << points << " points";
        EXPECT_GT(colouredStretches(s, img, 2.0, runColor(2)), 20) << points << " points";
    }
}

// Exports draw at 2x, where pens are wider than a pixel and long polylines are stroked in
// short chunks (see drawPolylineChunked): the chunks must join into one unbroken line.
TEST(CurveLayer, WidePenAtTwoTimesScaleDrawsAnUnbrokenLine) {
    auto run = oneSeries("flat", "train_loss", 301, [](std::size_t) { return 1.0; });
    const RunEntry e = entry(run, 3);
    MetricChart chart;
    ViewSettings settings;
    settings.setShowRaw(false);
    chart.setContent({&e}, QStringLiteral("loss"), settings);
    const QSizeF size(900, 420);
    QImage img((size * 2).toSize(), QImage::Format_RGB32);
    img.fill(Qt::white);
    {
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(2, 2);
        paintChart(chart, p, QRectF(QPointF(0, 0), size));
    }
    const QRectF a = chart.plotArea();
    const QPointF at = chart.curveLayer()->toPixel(chart.xMin(), 1.0);
    const int row = static_cast<int>(std::lround(at.y() * 2));
    int gaps = 0;
    int covered = 0;
    bool inside = false;
    for (int x = static_cast<int>(a.left() * 2) + 4; x < static_cast<int>(a.right() * 2) - 4; ++x) {
        bool hit = false;
        for (int dy = -2; dy <= 2 && !hit; ++dy)
            hit = img.rect().contains(x, row + dy) &&
                  distance(img.pixelColor(x, row + dy), runColor(3)) <= 40;
        if (hit) ++covered;
        if (inside && !hit) ++gaps;
        inside = hit;
    }
    EXPECT_GT(covered, static_cast<int>(a.width() * 2) - 20);
    EXPECT_EQ(gaps, 0);
}

TEST(CurveLayer, DeepZoomBetweenFarPointsStillDrawsTheLine) {
    // Three points; zoomed to a window of 0.0002 steps in the middle of the first segment, whose
    // end points map millions of pixels outside the plot. (This zoom also once made the view
    // allocate a pixmap millions of pixels wide for Qt Charts' stale tick groups: see
    // clearTicks.)
    const RunEntry e =
        entry(oneSeries("far", "loss", 3, [](std::size_t i) { return i == 1 ? 1.0 : 0.0; }), 3);
    ViewSettings settings;
    settings.setShowRaw(false);
    settings.setSmoothing({core::SmoothingKind::Ema, 0.0});
    Shown s;
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    s.chart->setXRange(0.4999, 0.5001);
    Shown::settle();
    const QImage img = s.image();
    // y = x on the first segment: 0.5 in the middle of the window.
    const QPointF mid = s.chart->curveLayer()->toPixel(0.5, 0.5);
    ASSERT_TRUE(s.chart->plotArea().contains(mid));
    EXPECT_TRUE(colourNear(img, s.toView(mid), runColor(3), 2, 40));
}

// The curves are not QChart series any more; the rubber band (QChart::zoomIn) still zooms x.
TEST(CurveLayer, RubberBandZoomStillWorks) {
    const RunEntry e = entry(testing::makeRun({.name = "zoom", .points = 1000}), 0);
    Shown s;
    ViewSettings settings;
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    Shown::settle();
    const QRectF a = s.chart->plotArea();
    s.chart->zoomIn(QRectF(a.left() + a.width() / 4, a.top(), a.width() / 2, a.height()));
    Shown::settle();
    EXPECT_TRUE(s.chart->hasUserRange());
    EXPECT_NEAR(s.chart->xMin(), 250.0, 5.0);
    EXPECT_NEAR(s.chart->xMax(), 750.0, 5.0);
    for (const LayerCurve& c : s.chart->curveLayer()->curves()) {
        if (c.points->size() > 0) {
            EXPECT_LE(c.points->x(0), 250.0);
        }
    }
}

TEST(CurveLayer, LegendShowsASwatchPerRun) {
    std::vector<RunEntry> entries;
    for (int i = 0; i < 3; ++i)
        entries.push_back(
            entry(testing::makeRun({.name = "run" + std::to_string(i), .points = 500}), i));
    std::vector<const RunEntry*> runs;
    for (const auto& e : entries) runs.push_back(&e);
    Shown s({1000, 420});
    ViewSettings settings;
    s.chart->setContent(runs, QStringLiteral("loss"), settings);
    Shown::settle();
    const QImage img = s.image();
    const QRectF a = s.chart->plotArea();
    for (int i = 0; i < 3; ++i) {
        bool found = false;
        for (double y = 1; y < a.top() - 1 && !found; y += 1)
            for (double x = a.left(); x < a.right() && !found; x += 1)
                found = distance(img.pixelColor(s.toView({x, y})), runColor(i)) <= 30;
        EXPECT_TRUE(found) << "no legend swatch for run " << i;
    }
}

// A sweep's chart (issue #14): past kCrowdedPoints the raw curves are neither reduced nor drawn,
// and the smoothed ones are painted 1 px wide in curve order. 250 runs of 2,000 points: the
// runs come in ten levels, 25 runs to a level; all are grey but the last run of each level,
// which has a colour of its own and, drawn last, must cover the grey ones beneath it.
TEST(CurveLayer, ACrowdedChartDrawsOnlySmoothedCurvesInCurveOrder) {
    constexpr int kRuns = 250, kLevels = 10;
    std::vector<RunEntry> entries;
    for (int r = 0; r < kRuns; ++r) {
        const double level = 1.0 + (r % kLevels);
        RunEntry e = entry(oneSeries("run" + std::to_string(r), "loss", 2000,
                                     [&](std::size_t i) { return level + 1e-4 * (i % 3); }),
                           0);
        e.color = r >= kRuns - kLevels ? runColor(r % kLevels) : QColor(0x80, 0x80, 0x80);
        entries.push_back(std::move(e));
    }
    std::vector<const RunEntry*> runs;
    for (const auto& e : entries) runs.push_back(&e);
    Shown s({1000, 500});
    ViewSettings settings;
    ASSERT_TRUE(settings.showRaw());
    s.chart->setContent(runs, QStringLiteral("loss"), settings);
    Shown::settle();
    const auto& curves = s.chart->curveLayer()->curves();
    EXPECT_EQ(curves.size(), static_cast<std::size_t>(kRuns));
    for (const LayerCurve& c : curves) EXPECT_FALSE(c.raw) << c.name.toStdString();
    EXPECT_GT(static_cast<std::size_t>(s.chart->displayedPointCount()), kCrowdedPoints);
    const QImage img = s.image();
    const double middle = 0.5 * (s.chart->xMin() + s.chart->xMax());
    for (int k = 0; k < kLevels; ++k) {
        const QPointF at = s.chart->curveLayer()->toPixel(middle, 1.0 + k);
        EXPECT_TRUE(colourNear(img, s.toView(at), runColor(k), 1, 60)) << "level " << k;
    }
    // Few runs are not crowded: their raw curves are drawn beneath the smoothed ones.
    s.chart->setContent({runs.begin(), runs.begin() + 3}, QStringLiteral("loss"), settings);
    Shown::settle();
    EXPECT_EQ(std::count_if(s.chart->curveLayer()->curves().begin(),
                            s.chart->curveLayer()->curves().end(),
                            [](const LayerCurve& c) { return c.raw; }),
              3);
}

// A sweep's chart is painted in parts on several cores (CurveLayer::setPaintParts), each part
// a run of curves in its own image, laid over each other in curve order: the pixels are those
// of one painter. 300 runs cross each other (training solid, 2,000 points; validation dashed,
// every 50 steps), so that any curve drawn out of order shows.
TEST(CurveLayer, ACrowdedChartPaintedInPartsHasThePixelsOfOnePainter) {
    constexpr int kRuns = 300;
    std::vector<RunEntry> entries;
    for (int r = 0; r < kRuns; ++r) {
        auto run = oneSeries("run" + std::to_string(r), "train/loss", 2000, [&](std::size_t i) {
            const double t = static_cast<double>(i) / 2000.0;
            return 1.0 + std::sin(6.0 * t + 0.37 * r) +
                   0.2 * std::sin(0.05 * static_cast<double>(i) * (1 + r % 7));
        });
        auto& val = run->metrics["val/loss"];
        for (int i = 0; i < 2000; i += 50) {
            val.steps.push_back(i);
            val.values.push_back(1.0 + std::cos(0.003 * i + 0.21 * r));
        }
        entries.push_back(entry(std::move(run), r));
    }
    std::vector<const RunEntry*> runs;
    for (const auto& e : entries) runs.push_back(&e);
    Shown s({1000, 500});
    s.chart->setContent(runs, QStringLiteral("loss"), ViewSettings{});
    Shown::settle();
    ASSERT_EQ(s.chart->curveLayer()->curves().size(), static_cast<std::size_t>(2 * kRuns));
    ASSERT_GT(static_cast<std::size_t>(s.chart->displayedPointCount()), kCrowdedPoints);
    CurveLayer* layer = nullptr;
    for (QGraphicsItem* item : s.chart->childItems())
        if (auto* l = qobject_cast<CurveLayer*>(item->toGraphicsObject())) layer = l;
    ASSERT_NE(layer, nullptr);
    layer->setPaintParts(1);
    Shown::settle();
    const QImage one = s.image();
    int coloured = 0;
    const QRect plot = s.chart->plotArea().toRect().adjusted(2, 2, -2, -2);
    for (int y = plot.top(); y <= plot.bottom(); y += 3)
        for (int x = plot.left(); x <= plot.right(); x += 3)
            if (one.pixelColor(s.toView(QPointF(x, y))).saturation() > 60) ++coloured;
    EXPECT_GT(coloured, plot.width() * plot.height() / 9 / 4) << "the curves cover the plot";
    for (const unsigned parts : {2U, 3U, 7U, 0U}) {
        layer->setPaintParts(parts);
        Shown::settle();
        EXPECT_TRUE(s.image() == one) << parts << " parts";
    }
}

}  // namespace
}  // namespace curvedoctor::ui
