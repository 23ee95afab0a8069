// The views take the new points of followed runs at the follow pace (issue #13,
// ui/follow/follow_pace.h): a burst of batches from the follower (RunStore::update, as
// FollowController::apply makes them) redraws the charts, the side-by-side grid and the
// comparison table a bounded number of times, not once per batch; a hidden comparison table or
// side-by-side grid does no work until shown, and is current then.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QTest>
#include <memory>
#include <vector>

#include "tests/ui/chart_fixtures.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/side_by_side_view.h"
#include "ui/follow/follow_pace.h"
#include "ui/models/comparison_table_model.h"
#include "ui/panels/comparison_panel.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::makeRun;
using testing::RunSpec;

constexpr int kRuns = 3;
constexpr int kFirstPoints = 200;

// The store's runs, each grown to `points` points in one batch (a follower's post).
void grow(RunStore& store, std::size_t points) {
    std::vector<RunStore::RunUpdate> updates;
    for (int row = 0; row < store.count(); ++row) {
        RunSpec spec;
        spec.name = store.at(row).run->name;
        spec.points = points;
        auto run = std::const_pointer_cast<core::Run>(makeRun(spec));
        run->source = store.at(row).run->source;
        updates.push_back({row, run, std::nullopt, std::nullopt});
    }
    store.update(updates);
}

struct Fixture {
    RunStore store;
    ViewSettings settings;
    Fixture() {
        for (int i = 0; i < kRuns; ++i) {
            RunSpec spec;
            spec.name = "run" + std::to_string(i);
            spec.points = kFirstPoints;
            store.add(makeRun(spec), {});
        }
    }
    /// `batches` batches, one every `gapMs` while the event loop runs; returns the time taken.
    qint64 burst(int batches, int gapMs, std::size_t& points) {
        QElapsedTimer clock;
        clock.start();
        for (int b = 0; b < batches; ++b) {
            grow(store, ++points);
            QTest::qWait(gapMs);
        }
        return clock.elapsed();
    }
};

// What showing a widget sets off (polish, palette, layout) is over before a burst is counted.
void settle() {
    QTest::qWait(static_cast<int>(2 * followRedrawIntervalMs(kRuns)));
}

// At most one redraw per follow interval over `elapsedMs`, plus the first and the last one.
int bound(qint64 elapsedMs, int runs) {
    return static_cast<int>(elapsedMs / followRedrawIntervalMs(runs)) + 2;
}

TEST(FollowViews, AHiddenComparisonTableIsNotRecomputedPerBatchButIsCurrentWhenShown) {
    Fixture f;
    ComparisonPanel panel(f.store, f.settings);  // never shown yet
    const int before = panel.refreshCount();
    std::size_t points = kFirstPoints;
    f.burst(20, 5, points);
    EXPECT_EQ(panel.refreshCount(), before);
    panel.show();
    EXPECT_EQ(panel.refreshCount(), before + 1);
    // The last batch's runs end at step points - 1.
    const ComparisonTableModel* model = panel.model();
    ASSERT_EQ(model->rowCount(), kRuns);
    for (int r = 0; r < kRuns; ++r)
        EXPECT_EQ(model->index(r, ComparisonTableModel::Steps)
                      .data(ComparisonTableModel::SortRole)
                      .toDouble(),
                  static_cast<double>(points - 1));
}

TEST(FollowViews, AShownComparisonTableFollowsAtTheFollowPace) {
    Fixture f;
    ComparisonPanel panel(f.store, f.settings);
    panel.show();
    settle();
    const int before = panel.refreshCount();
    std::size_t points = kFirstPoints;
    const qint64 elapsed = f.burst(40, 10, points);
    const int during = panel.refreshCount() - before;
    EXPECT_GE(during, 1);  // it does follow
    EXPECT_LE(during, bound(elapsed, kRuns)) << "over " << elapsed << " ms";
    EXPECT_LT(during, 40);
    // Once the pace allows, the table shows the last batch without being read.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return panel.proxy()
                       ->sourceModel()
                       ->index(0, ComparisonTableModel::Steps)
                       .data(ComparisonTableModel::SortRole)
                       .toDouble() == static_cast<double>(points - 1);
        },
        2000));
}

TEST(FollowViews, TheSideBySideGridRedrawsItsChartsInPlaceAtTheFollowPace) {
    Fixture f;
    SideBySideView view(f.store, f.settings);
    view.resize(900, 600);
    view.show();
    ASSERT_EQ(view.columnCount(), kRuns);
    settle();
    const QList<MetricChart*> charts = view.charts();
    const int before = view.updateCount();
    std::size_t points = kFirstPoints;
    const qint64 elapsed = f.burst(40, 10, points);
    const int during = view.updateCount() - before;
    EXPECT_LE(during, bound(elapsed, kRuns)) << "over " << elapsed << " ms";
    EXPECT_LT(during, 40);
    // The same charts (not a new grid), each reaching the last batch's last step.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return view.charts().front()->dataXMax() == static_cast<double>(points - 1); },
        2000));
    EXPECT_EQ(view.charts(), charts);
    for (MetricChart* c : view.charts()) EXPECT_EQ(c->dataXMax(), static_cast<double>(points - 1));

    // Hidden, it does nothing for new points, and is current when shown again.
    view.hide();
    const int hidden = view.updateCount();
    f.burst(10, 5, points);
    EXPECT_EQ(view.updateCount(), hidden);
    view.show();
    for (MetricChart* c : view.charts()) EXPECT_EQ(c->dataXMax(), static_cast<double>(points - 1));
}

TEST(FollowViews, TheChartPanelRebuildsABurstOfBatchesAtTheFollowPace) {
    Fixture f;
    ChartPanel panel(f.store, f.settings);
    panel.resize(900, 600);
    panel.show();
    panel.rebuild();  // the runs were in the store before the panel
    ASSERT_FALSE(panel.charts().isEmpty());
    settle();
    const int before = panel.rebuildCount();
    std::size_t points = kFirstPoints;
    const qint64 elapsed = f.burst(40, 10, points);
    const int during = panel.rebuildCount() - before;
    EXPECT_GE(during, 1);
    EXPECT_LE(during, bound(elapsed, kRuns)) << "over " << elapsed << " ms";
    EXPECT_EQ(panel.charts().front()->dataXMax(), static_cast<double>(points - 1));
}

}  // namespace
}  // namespace curvedoctor::ui
