// ChartPanel: charts per family, one shared x-range, zoomToSteps, quick rebuilds that reuse views.
#include <gtest/gtest.h>

#include <QApplication>
#include <QChartView>

#include "tests/ui/chart_fixtures.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/curve_layer.h"
#include "ui/chart/metric_chart.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::makeRun;

core::RunPtr runWithLrAndAccuracy(const std::string& name) {
    auto run = std::make_shared<core::Run>(*makeRun({.name = name, .points = 1000}));
    auto& lr = run->metrics["lr"];
    auto& acc = run->metrics["val_acc"];
    for (std::int64_t i = 0; i < 1000; ++i) {
        lr.steps.push_back(i);
        lr.epochs.push_back(static_cast<double>(i) / 100.0);
        lr.values.push_back(i < 500 ? 1e-3 : 1e-4);
    }
    for (std::int64_t i = 99; i < 1000; i += 100) {
        acc.steps.push_back(i);
        acc.epochs.push_back(static_cast<double>(i) / 100.0);
        acc.values.push_back(0.5 + static_cast<double>(i) / 2000.0);
    }
    return run;
}

struct PanelFixture : ::testing::Test {
    RunStore store;
    ViewSettings settings;
    ChartPanel panel{store, settings};
    void SetUp() override {
        store.add(runWithLrAndAccuracy("a"), {});
        store.add(runWithLrAndAccuracy("b"), {});
        panel.resize(900, 700);
        panel.show();
        QApplication::processEvents();
    }
    MetricChart* chart(const QString& family) {
        for (MetricChart* c : panel.charts())
            if (c->family() == family) return c;
        return nullptr;
    }
};

TEST_F(PanelFixture, OneChartPerFamilyInOrder) {
    QStringList families;
    for (MetricChart* c : panel.charts()) families << c->family();
    EXPECT_EQ(families, (QStringList{"loss", "acc", "lr"}));
    EXPECT_EQ(panel.chartViews().size(), 3);
}

TEST_F(PanelFixture, ZoomingOneChartZoomsAll) {
    panel.charts().front()->setXRange(100, 300);
    for (MetricChart* c : panel.charts()) {
        EXPECT_DOUBLE_EQ(c->xMin(), 100.0) << c->family().toStdString();
        EXPECT_DOUBLE_EQ(c->xMax(), 300.0) << c->family().toStdString();
    }
    panel.resetZoom();
    for (MetricChart* c : panel.charts()) {
        EXPECT_DOUBLE_EQ(c->xMin(), 0.0);
        EXPECT_DOUBLE_EQ(c->xMax(), 999.0);
    }
}

TEST_F(PanelFixture, ZoomToStepsConvertsToTheXUnit) {
    panel.zoomToSteps(200, 400);
    MetricChart* loss = chart(QStringLiteral("loss"));
    ASSERT_NE(loss, nullptr);
    EXPECT_DOUBLE_EQ(loss->xMin(), 200.0);
    EXPECT_DOUBLE_EQ(loss->xMax(), 400.0);

    settings.setXAxis(XAxisMode::Epoch);  // 100 steps per epoch
    panel.zoomToSteps(200, 400);
    loss = chart(QStringLiteral("loss"));
    EXPECT_DOUBLE_EQ(loss->xMin(), 2.0);
    EXPECT_DOUBLE_EQ(loss->xMax(), 4.0);
}

TEST_F(PanelFixture, RebuildReusesViewsAndUpdatesSeries) {
    const QList<QChartView*> before = panel.chartViews();
    auto firstPoint = [&] {
        for (const LayerCurve& c : chart(QStringLiteral("loss"))->curveLayer()->curves())
            if (!c.raw && c.name == QStringLiteral("a train_loss") && c.points->size() > 1)
                return c.points->y(1);
        return -1.0;
    };
    const double smoothedBefore = firstPoint();
    settings.setSmoothing({core::SmoothingKind::Ema, 0.95});
    EXPECT_EQ(panel.chartViews(), before);
    EXPECT_NE(firstPoint(), smoothedBefore);

    store.setVisible(1, false);
    EXPECT_EQ(chart(QStringLiteral("loss"))->curveCount(), 2);
    settings.setChartLayout(ChartLayout::Tiled);
    EXPECT_EQ(panel.chartViews(), before);
}

TEST_F(PanelFixture, EmptyStoreShowsNoCharts) {
    store.clear();
    EXPECT_TRUE(panel.charts().isEmpty());
}

}  // namespace
}  // namespace curvedoctor::ui

namespace curvedoctor::ui {
namespace {

TEST_F(PanelFixture, SwitchingTheXUnitDropsTheOldZoom) {
    panel.zoomToSteps(200, 400);
    settings.setXAxis(XAxisMode::Epoch);
    MetricChart* loss = chart(QStringLiteral("loss"));
    EXPECT_DOUBLE_EQ(loss->xMin(), 0.0);
    EXPECT_DOUBLE_EQ(loss->xMax(), 9.99);
}

}  // namespace
}  // namespace curvedoctor::ui
