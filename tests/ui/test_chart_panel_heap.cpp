// ChartPanel hands the heap's free pages back once per load, a moment after the rebuild that
// shows the load's last runs, and the charts keep every point.
#include <gtest/gtest.h>

#include <QApplication>
#include <QTest>

#include "tests/ui/chart_fixtures.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/curve_layer.h"
#include "ui/chart/metric_chart.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::makeRun;

TEST(ChartPanelHeap, ALoadEndingHandsTheHeapBackAfterTheWaitingRebuildAndKeepsEveryPoint) {
    RunStore store;
    ViewSettings settings;
    // An EMA of weight 0 is each value itself: the curves drawn are the runs' own values.
    settings.setSmoothing({core::SmoothingKind::Ema, 0.0});
    ChartPanel panel(store, settings);
    panel.resize(900, 700);
    panel.show();
    QApplication::processEvents();

    store.add(makeRun({.name = "a", .points = 600}), {});
    store.add(makeRun({.name = "b", .points = 600}), {});
    // The load ends while the charts' rebuild for its runs still waits: nothing released yet,
    // nor at that rebuild, but a moment after it.
    store.endLoad();
    EXPECT_EQ(panel.heapReleases(), 0);
    const int rebuilds = panel.rebuildCount();
    const QList<MetricChart*> charts = panel.charts();  // runs the waiting rebuild
    EXPECT_EQ(panel.rebuildCount(), rebuilds + 1);
    EXPECT_EQ(panel.heapReleases(), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.heapReleases() == 1; }, 5000));
    EXPECT_EQ(panel.rebuildCount(), rebuilds + 1);

    ASSERT_FALSE(charts.isEmpty());
    const MetricChart* loss = nullptr;
    for (const MetricChart* c : charts)
        if (c->family() == QStringLiteral("loss")) loss = c;
    ASSERT_NE(loss, nullptr);
    int checked = 0;
    for (const LayerCurve& c : loss->curveLayer()->curves()) {
        if (c.raw || !c.name.endsWith(QStringLiteral("train_loss"))) continue;
        const core::Series& train =
            *store.at(c.name.startsWith(QStringLiteral("a ")) ? 0 : 1).run->find("train_loss");
        // 600 points on a plot of fewer than 900 pixel columns: every one is kept.
        ASSERT_EQ(c.points->size(), train.size()) << c.name.toStdString();
        for (std::size_t i = 0; i < train.size(); ++i) {
            ASSERT_EQ(c.points->x(i), static_cast<double>(train.steps[i]));
            ASSERT_EQ(c.points->y(i), train.values[i]) << c.name.toStdString() << " at " << i;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 2);

    // A load that ends with nothing waiting releases a moment later, without a rebuild;
    // rebuilds that follow (a setting) release nothing more.
    store.endLoad();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.heapReleases() == 2; }, 5000));
    EXPECT_EQ(panel.rebuildCount(), rebuilds + 1);
    settings.setSmoothing({core::SmoothingKind::Ema, 0.5});
    EXPECT_EQ(panel.rebuildCount(), rebuilds + 2);
    QTest::qWait(500);
    EXPECT_EQ(panel.heapReleases(), 2);
}

}  // namespace
}  // namespace curvedoctor::ui
