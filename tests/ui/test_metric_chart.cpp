// MetricChart on the offscreen platform: what it draws (curves per run, reduced point counts),
// the NaN marks, the finding bands (checked in rendered pixels), log y, x-axis units.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCategoryAxis>
#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

#include "core/smoothing.h"
#include "tests/ui/chart_fixtures.h"
#include "tests/ui/shown_chart.h"
#include "ui/chart/chart_view.h"
#include "ui/chart/curve_layer.h"
#include "ui/chart/finding_overlay.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/palette.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::entry;
using testing::makeRun;
using testing::RunSpec;
using testing::Shown;

TEST(MetricChart, OneCurvePerVisibleRunAndMetric) {
    const std::vector<RunEntry> entries{entry(makeRun({.name = "a"}), 0),
                                        entry(makeRun({.name = "b"}), 1),
                                        entry(makeRun({.name = "hidden"}), 2, false)};
    std::vector<const RunEntry*> runs;
    for (const auto& e : entries) runs.push_back(&e);
    Shown s;
    ViewSettings settings;
    s.chart->setContent(runs, QStringLiteral("loss"), settings);
    Shown::settle();
    EXPECT_EQ(s.chart->curveCount(), 4);  // a and b, train and validation each
    QSet<QString> named;
    int rawWithPoints = 0;
    for (const LayerCurve& c : s.chart->curveLayer()->curves()) {
        if (c.points->size() == 0) continue;
        if (c.raw)
            ++rawWithPoints;
        else
            named.insert(c.name);
    }
    EXPECT_EQ(named, (QSet<QString>{"a train_loss", "a val_loss", "b train_loss", "b val_loss"}));
    EXPECT_EQ(rawWithPoints, 4);  // the faint raw curve behind each smoothed one

    settings.setShowRaw(false);
    s.chart->setContent(runs, QStringLiteral("loss"), settings);
    for (const LayerCurve& c : s.chart->curveLayer()->curves()) {
        if (c.points->size() > 0) {
            EXPECT_FALSE(c.raw) << "raw curve still drawn";
        }
    }
}

TEST(MetricChart, NeverMoreThanFourPointsPerPixelColumn) {
    const RunEntry e = entry(makeRun({.name = "big", .points = 300'000, .valEvery = 10}), 0);
    Shown s({700, 380});
    ViewSettings settings;
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    Shown::settle();
    const int width = static_cast<int>(s.chart->plotArea().width());
    ASSERT_GT(width, 100);
    EXPECT_EQ(s.chart->plotColumns(), width);
    for (const LayerCurve& c : s.chart->curveLayer()->curves())
        EXPECT_LE(c.points->size(), 4u * width);
    // Zoomed in, the reduction is redone for the new range and still fits.
    s.chart->setXRange(1000, 200'000);
    for (const LayerCurve& c : s.chart->curveLayer()->curves()) {
        EXPECT_LE(c.points->size(), 4u * width);
        if (c.points->size() > 0) {
            EXPECT_LE(c.points->x(0), 1000.0);
        }
    }
}

TEST(MetricChart, NaNBreaksTheLineAndIsMarked) {
    const RunEntry e =
        entry(makeRun({.name = "nan", .points = 2000, .valEvery = 0, .nanFrom = 1500}), 0);
    Shown s;
    ViewSettings settings;
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    Shown::settle();
    const auto& marks = s.chart->overlay()->nonFiniteMarkers();
    ASSERT_EQ(marks.size(), 1);
    EXPECT_EQ(marks[0].x, 1499.0);  // the last finite step
    EXPECT_EQ(marks[0].shape, OverlayMarker::Shape::NonFinite);
    for (const LayerCurve& c : s.chart->curveLayer()->curves())
        for (std::size_t i = 0; i < c.points->size(); ++i) {
            EXPECT_TRUE(std::isfinite(c.points->y(i)));
            EXPECT_LT(c.points->x(i), 1500.0);
        }
    EXPECT_FALSE(
        s.chart->findingsAt(s.chart->overlay()->toPixel(marks[0].x, marks[0].y)).isEmpty());
}

TEST(MetricChart, FindingBandIsDrawnInItsKindColour) {
    RunEntry e = entry(makeRun({.name = "over", .points = 1000}), 0);
    core::Finding f;
    f.kind = core::FindingKind::Overfitting;
    f.metric = "val_loss";
    f.beginStep = 600;
    f.endStep = 900;
    f.message = "val_loss rose";
    e.diagnosis.findings.push_back(f);
    Shown s;
    ViewSettings settings;
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    Shown::settle();
    ASSERT_EQ(s.chart->overlay()->bands().size(), 1);
    for (QAbstractAxis* a : s.chart->axes()) a->setGridLineVisible(false);
    Shown::settle();
    const QImage img = s.image();
    const QRectF area = s.chart->plotArea();
    // Near the top of the plot, where the decaying curves are not (they are low by step 600).
    const double y = area.top() + area.height() * 0.2;
    const QColor inside = img.pixelColor(s.toView({s.chart->overlay()->toPixelX(750), y}));
    const QColor outside = img.pixelColor(s.toView({s.chart->overlay()->toPixelX(300), y}));
    EXPECT_EQ(outside, QColor(Qt::white));
    // A translucent fill over white moves every channel towards the kind's colour by the same
    // fraction: (255 - pixel) / (255 - colour) is equal across channels.
    const QColor kind = findingColor(core::FindingKind::Overfitting);
    ASSERT_NE(inside, QColor(Qt::white));
    const double fr = (255.0 - inside.red()) / (255.0 - kind.red());
    const double fg = (255.0 - inside.green()) / (255.0 - kind.green());
    const double fb = (255.0 - inside.blue()) / (255.0 - kind.blue());
    EXPECT_GT(fr, 0.05);
    EXPECT_NEAR(fg, fr, 0.06);
    EXPECT_NEAR(fb, fr, 0.06);
    // Hovering the band gives the finding's message.
    const QStringList texts = s.chart->findingsAt({s.chart->overlay()->toPixelX(750), y});
    ASSERT_EQ(texts.size(), 1);
    EXPECT_TRUE(texts[0].contains(QStringLiteral("val_loss rose")));
}

// Ten runs overfitting from about the same step must not stack ten translucent layers into an
// opaque block: overlapping bands of one kind are painted once, as their union.
TEST(MetricChart, OverlappingBandsOfOneKindTintLikeOne) {
    auto tintAt750 = [](int runs) {
        std::vector<RunEntry> entries;
        for (int i = 0; i < runs; ++i) {
            RunEntry e = entry(makeRun({.name = "r" + std::to_string(i), .points = 1000}), i);
            core::Finding f;
            f.kind = core::FindingKind::Overfitting;
            f.metric = "val_loss";
            f.beginStep = 600 + 10 * i;
            f.endStep = 900;
            e.diagnosis.findings.push_back(f);
            entries.push_back(std::move(e));
        }
        std::vector<const RunEntry*> ptrs;
        for (const RunEntry& e : entries) ptrs.push_back(&e);
        Shown s;
        ViewSettings settings;
        s.chart->setContent(ptrs, QStringLiteral("loss"), settings);
        for (QAbstractAxis* a : s.chart->axes()) a->setGridLineVisible(false);
        Shown::settle();
        EXPECT_EQ(s.chart->overlay()->bands().size(), runs);
        const QRectF area = s.chart->plotArea();
        const double y = area.top() + area.height() * 0.2;
        return s.image().pixelColor(s.toView({s.chart->overlay()->toPixelX(750), y}));
    };
    const QColor one = tintAt750(1);
    const QColor five = tintAt750(5);
    EXPECT_NE(one, QColor(Qt::white));
    EXPECT_LE(std::abs(one.red() - five.red()), 2);
    EXPECT_LE(std::abs(one.green() - five.green()), 2);
    EXPECT_LE(std::abs(one.blue() - five.blue()), 2);
}

TEST(MetricChart, BandsFollowZoom) {
    RunEntry e = entry(makeRun({.name = "z", .points = 1000}), 0);
    core::Finding f;
    f.kind = core::FindingKind::Plateau;
    f.metric = "train_loss";
    f.beginStep = 400;
    f.endStep = 500;
    e.diagnosis.findings.push_back(f);
    Shown s;
    ViewSettings settings;
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    Shown::settle();
    const double before = s.chart->overlay()->toPixelX(400);
    s.chart->setXRange(300, 600);
    const QRectF area = s.chart->plotArea();
    EXPECT_NE(s.chart->overlay()->toPixelX(400), before);
    EXPECT_NEAR(s.chart->overlay()->toPixelX(400), area.left() + area.width() / 3.0, 1.0);
}

// A curve leaving a locked y-range is marked at the edge where it leaves, within the x-range
// shown only: zoomed to where the loss is below the range, no mark above is left from the
// start of the run (issue #14; the marks are found on every core since).
TEST(MetricChart, EdgeMarksFollowTheZoom) {
    RunEntry e = entry(makeRun({.name = "m", .points = 1000, .valEvery = 0}), 0);
    Shown s;
    ViewSettings settings;
    settings.setShowRaw(false);
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    Shown::settle();
    s.chart->setYRange(0.5, 1.0);  // the loss starts near 2.1 and ends near 0.1
    auto marks = [&](OverlayMarker::Shape shape) {
        QList<double> xs;
        for (const OverlayMarker& m : s.chart->overlay()->edgeMarkers())
            if (m.shape == shape) xs << m.x;
        return xs;
    };
    ASSERT_FALSE(marks(OverlayMarker::Shape::ClippedAbove).isEmpty());
    EXPECT_LT(marks(OverlayMarker::Shape::ClippedAbove).front(), 100.0);
    ASSERT_FALSE(marks(OverlayMarker::Shape::ClippedBelow).isEmpty());
    EXPECT_GT(marks(OverlayMarker::Shape::ClippedBelow).front(), 200.0);

    s.chart->setXRange(600, 900);  // about 0.28 down to 0.15: below the range throughout
    EXPECT_TRUE(marks(OverlayMarker::Shape::ClippedAbove).isEmpty());
    const QList<double> below = marks(OverlayMarker::Shape::ClippedBelow);
    ASSERT_EQ(below.size(), 1);
    EXPECT_GE(below.front(), 600.0);
    EXPECT_LT(below.front(), 610.0);  // the first point shown, not one left of the range
}

TEST(MetricChart, LogYUsesDecadesAndSkipsNonPositiveValues) {
    auto run = std::make_shared<core::Run>();
    run->name = "log";
    auto& s = run->metrics["loss"];
    for (int i = 0; i < 400; ++i) {
        s.steps.push_back(i);
        s.values.push_back(i == 200 ? -1.0
                                    : 10.0 * std::pow(10.0, -4.0 * i / 399.0));  // 10 .. 1e-3
    }
    const RunEntry e = entry(run, 0);
    Shown shown;
    ViewSettings settings;
    settings.setLogY(true);
    settings.setSmoothing({core::SmoothingKind::Ema, 0.0});
    shown.chart->setContent({&e}, QStringLiteral("loss"), settings);
    Shown::settle();
    EXPECT_TRUE(shown.chart->isLogY());
    auto* y = static_cast<QCategoryAxis*>(shown.chart->axes(Qt::Vertical).front());
    // log10 of 1e-3 .. 10, plus a margin.
    EXPECT_NEAR(y->min(), -3.0, 0.4);
    EXPECT_NEAR(y->max(), 1.0, 0.4);
    const QStringList labels = y->categoriesLabels();
    EXPECT_TRUE(labels.contains(QStringLiteral("1e-2"))) << labels.join(' ').toStdString();
    EXPECT_TRUE(labels.contains(QStringLiteral("1"))) << labels.join(' ').toStdString();
    for (const LayerCurve& c : shown.chart->curveLayer()->curves())
        for (std::size_t i = 0; i < c.points->size(); ++i)
            EXPECT_TRUE(std::isfinite(c.points->y(i)));
}

TEST(MetricChart, XAxisModeChangesTheRange) {
    // 1000 steps, 100 steps per epoch, half a second per step.
    const RunEntry e = entry(makeRun({.name = "x", .points = 1000}), 0);
    Shown s;
    ViewSettings settings;
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    EXPECT_DOUBLE_EQ(s.chart->xMax(), 999.0);
    settings.setXAxis(XAxisMode::Epoch);
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    EXPECT_EQ(s.chart->effectiveXAxis(), XAxisMode::Epoch);
    EXPECT_DOUBLE_EQ(s.chart->xMax(), 9.99);
    EXPECT_DOUBLE_EQ(s.chart->stepToX(500), 5.0);
    settings.setXAxis(XAxisMode::RelativeTime);
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    EXPECT_DOUBLE_EQ(s.chart->xMin(), 0.0);
    EXPECT_DOUBLE_EQ(s.chart->xMax(), 499.5);
    settings.setXAxis(XAxisMode::WallTime);
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    EXPECT_DOUBLE_EQ(s.chart->xMin(), 1.7e9);

    // A run without epochs falls back to steps.
    auto bare = std::make_shared<core::Run>(*e.run);
    for (auto& [n, series] : bare->metrics) series.epochs.clear();
    const RunEntry b = entry(bare, 1);
    settings.setXAxis(XAxisMode::Epoch);
    s.chart->setContent({&b}, QStringLiteral("loss"), settings);
    EXPECT_EQ(s.chart->effectiveXAxis(), XAxisMode::Step);
    EXPECT_DOUBLE_EQ(s.chart->xMax(), 999.0);
}

TEST(MetricChart, HoverReadoutNamesRunStepAndValues) {
    const RunEntry e = entry(makeRun({.name = "hover", .points = 200, .valEvery = 0}), 0);
    Shown s;
    ViewSettings settings;
    settings.setSmoothing({core::SmoothingKind::Ema, 0.0});
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    Shown::settle();
    const double v = testing::lossAt(100, 200);
    const QString text = s.chart->readoutAt(s.chart->mapToPosition(QPointF(100, v)));
    EXPECT_TRUE(text.contains(QStringLiteral("hover"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("step 100"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::number(v, 'g', 5))) << text.toStdString();
    EXPECT_TRUE(s.chart->readoutAt(QPointF(-50, -50)).isEmpty());
}

// Past a million points the chart smooths and indexes its curves on every core: the smoothed
// values it shows must be the ones core::smooth gives.
TEST(MetricChart, CurvesPreparedInParallelShowTheSmoothedValues) {
    std::vector<RunEntry> entries;
    for (int i = 0; i < 3; ++i)
        entries.push_back(entry(
            makeRun({.name = "big" + std::to_string(i), .points = 400'000, .valEvery = 0}), i));
    std::vector<const RunEntry*> ptrs;
    for (const RunEntry& e : entries) ptrs.push_back(&e);
    Shown s;
    ViewSettings settings;
    settings.setSmoothing({core::SmoothingKind::Ema, 0.9});
    s.chart->setContent(ptrs, QStringLiteral("loss"), settings);
    Shown::settle();
    ASSERT_EQ(s.chart->curveCount(), 3);
    for (const RunEntry& e : entries) {
        const core::Series& series = e.run->metrics.at("train_loss");
        const std::vector<double> expected =
            core::smooth(series.steps.toVector(), series.values.asDoubles(), settings.smoothing());
        s.chart->setContent({&e}, QStringLiteral("loss"), settings);  // one run: the cached curves
        Shown::settle();
        const std::size_t at = 200'000;
        const QString text =
            s.chart->readoutAt(s.chart->mapToPosition(QPointF(double(at), expected[at])));
        // The readout is of the point nearest the pixel, a few hundred steps either way.
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("step (\\d+)")).match(text);
        ASSERT_TRUE(m.hasMatch()) << text.toStdString();
        const auto step = static_cast<std::size_t>(m.captured(1).toLongLong());
        ASSERT_LT(step, expected.size());
        EXPECT_NEAR(double(step), double(at), 2000.0);
        EXPECT_TRUE(
            text.contains(QStringLiteral("smoothed ") + QString::number(expected[step], 'g', 5)))
            << text.toStdString() << " expected " << expected[step];
    }
}

TEST(MetricChart, BestStepAndLrDropAreDrawnFromTheDiagnosis) {
    RunEntry e = entry(makeRun({.name = "best", .points = 1000}), 0);
    e.diagnosis.best = core::BestStep{"val_loss", 499, 4.99, 0.42, std::nullopt};
    core::Finding drop;
    drop.kind = core::FindingKind::LrDrop;
    drop.metric = "lr";
    drop.beginStep = drop.endStep = 700;
    e.diagnosis.findings.push_back(drop);
    Shown s;
    ViewSettings settings;
    s.chart->setContent({&e}, QStringLiteral("loss"), settings);
    ASSERT_EQ(s.chart->overlay()->markers().size(), 1);
    EXPECT_EQ(s.chart->overlay()->markers()[0].x, 499.0);
    EXPECT_EQ(s.chart->overlay()->markers()[0].y, 0.42);
    ASSERT_EQ(s.chart->overlay()->lines().size(), 1);
    EXPECT_EQ(s.chart->overlay()->lines()[0].x, 700.0);
    EXPECT_TRUE(s.chart->overlay()->bands().isEmpty());
}

}  // namespace
}  // namespace curvedoctor::ui
