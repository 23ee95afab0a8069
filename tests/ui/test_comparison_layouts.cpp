#include <gtest/gtest.h>

#include "tests/ui/report_test_runs.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/compare_view.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/side_by_side_view.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::syntheticRun;

TEST(CompareLayouts, SwitchingToSideBySideShowsOneColumnPerRun) {
    RunStore store;
    ViewSettings settings;
    CompareView view(store, settings);
    view.resize(1200, 800);
    view.show();
    store.add(syntheticRun("one", 300, 0.1, 0), {});
    store.add(syntheticRun("two", 300, 0.2, 150), {});
    store.add(syntheticRun("three", 300, 0.3, 0), {});
    EXPECT_EQ(view.currentPage(), view.overlay());

    settings.setCompareLayout(CompareLayout::SideBySide);
    ASSERT_EQ(view.currentPage(), view.sideBySide());
    SideBySideView& grid = *view.sideBySide();
    EXPECT_EQ(grid.columnCount(), 3);
    EXPECT_EQ(grid.rowCount(), 2);  // loss, accuracy
    EXPECT_EQ(grid.charts().size(), 6);
    EXPECT_EQ(grid.columnRunIds(), (QList<int>{store.at(0).id, store.at(1).id, store.at(2).id}));

    store.setVisible(1, false);  // a hidden run loses its column
    EXPECT_EQ(grid.columnCount(), 2);

    settings.setCompareLayout(CompareLayout::Overlay);
    EXPECT_EQ(view.currentPage(), view.overlay());
}

TEST(CompareLayouts, ZoomOnOneChartZoomsAll) {
    RunStore store;
    ViewSettings settings;
    store.add(syntheticRun("one", 300, 0.1, 0), {});
    store.add(syntheticRun("two", 300, 0.2, 0), {});
    SideBySideView grid(store, settings);
    grid.show();
    ASSERT_EQ(grid.columnCount(), 2);
    grid.chartAt(0, 1)->setXRange(50, 120);
    for (MetricChart* c : grid.charts()) {
        EXPECT_DOUBLE_EQ(c->xMin(), 50);
        EXPECT_DOUBLE_EQ(c->xMax(), 120);
    }
}

}  // namespace
}  // namespace curvedoctor::ui
