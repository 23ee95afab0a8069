// The window's views share one core::CurveCache (the RunStore's): a smoothing change smooths
// each shown series once, however many views show it (the overlay charts, the group charts and
// the comparison table's smoothed final loss), and a change not about smoothing smooths nothing.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "core/metric_role.h"
#include "tests/ui/report_test_runs.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/group_chart.h"
#include "ui/chart/metric_chart.h"
#include "ui/models/comparison_table_model.h"
#include "ui/models/group_controller.h"
#include "ui/panels/comparison_panel.h"
#include "ui/panels/group_panel.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::syntheticRun;

TEST(SharedCurveCache, ASmoothingChangeSmoothsEachShownSeriesOnce) {
    RunStore store;
    ViewSettings settings;
    ChartPanel charts(store, settings);
    GroupController groups(store);
    GroupPanel groupPanel(groups, store, settings);
    ComparisonPanel table(store, settings);
    store.add(syntheticRun("cfgA-seed1", 400, 0.10, 0), {});
    store.add(syntheticRun("cfgA-seed2", 400, 0.20, 0), {});
    ASSERT_GT(groups.makeGroupFromRegex(QStringLiteral("cfgA")), 0);
    ASSERT_FALSE(charts.charts().isEmpty());
    ASSERT_FALSE(groupPanel.charts().isEmpty());

    // The series the overlay charts show; the group charts show some of the same ones.
    std::set<std::pair<const core::Run*, std::string>> shown;
    for (MetricChart* c : charts.charts())
        for (const RunEntry& e : store.entries())
            for (const auto& [name, s] : e.run->metrics)
                if (QString::fromStdString(core::inferMetricInfo(name).family) == c->family())
                    shown.insert({e.run.get(), name});
    ASSERT_GT(shown.size(), 2u);

    const core::CurveCache& cache = *store.curveCache();
    const std::size_t misses = cache.misses();
    const std::size_t hits = cache.hits();
    settings.setSmoothing({core::SmoothingKind::Ema, 0.85});
    EXPECT_EQ(cache.misses() - misses, shown.size()) << "each shown series smoothed once";
    EXPECT_GT(cache.hits(), hits) << "the group charts and the table reuse the overlay's smoothing";
    // The table's smoothed loss is the shared curve's last value, as smoothed (in double; the
    // curve the charts draw may keep it as a float).
    const core::RunSummary& row = table.model()->comparison().rows.front();
    ASSERT_TRUE(row.finalTrainLossSmoothed.has_value());
    const core::RunPtr first = store.at(0).run;
    const auto curve = store.curveCache()->get(first, row.trainLossMetric, settings.smoothing());
    EXPECT_EQ(row.finalTrainLossSmoothed, curve.smoothed->lastFinite());
    const double drawn = (*curve.smoothed)[curve.smoothed->size() - 1];
    EXPECT_NEAR(drawn, *row.finalTrainLossSmoothed, 1e-6 * std::abs(drawn));

    const std::size_t missesAfter = cache.misses();
    settings.setLogY(true);  // the overlay rebuilds; nothing needs smoothing again
    settings.setXAxis(XAxisMode::Epoch);
    EXPECT_EQ(cache.misses(), missesAfter);
}

}  // namespace
}  // namespace curvedoctor::ui
