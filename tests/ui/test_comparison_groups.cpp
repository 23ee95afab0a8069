#include <gtest/gtest.h>

#include <QAreaSeries>
#include <QComboBox>
#include <QLineSeries>
#include <QPointer>
#include <QSignalSpy>

#include "tests/ui/report_test_runs.h"
#include "ui/chart/group_chart.h"
#include "ui/models/group_controller.h"
#include "ui/panels/group_panel.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::syntheticRun;

class GroupTest : public ::testing::Test {
protected:
    void SetUp() override {
        // Three seeds of one configuration differing only in their loss floor, and an outsider.
        store.add(syntheticRun("cfgA-seed1", 400, 0.10, 0), {});
        store.add(syntheticRun("cfgA-seed2", 400, 0.20, 0), {});
        store.add(syntheticRun("cfgA-seed3", 400, 0.30, 0), {});
        store.add(syntheticRun("cfgB-seed1", 400, 0.50, 0), {});
        settings.setSmoothing({core::SmoothingKind::Ema, 0.0});  // raw values: exact expectations
    }
    RunStore store;
    ViewSettings settings;
};

TEST_F(GroupTest, RegexGroupShowsMeanCurveAndBand) {
    GroupController groups(store);
    QSignalSpy spy(&groups, &GroupController::groupsChanged);
    QString error;
    const int id = groups.makeGroupFromRegex(QStringLiteral("^cfga-"), {}, &error);
    ASSERT_GT(id, 0) << error.toStdString();
    EXPECT_EQ(spy.count(), 1);
    ASSERT_EQ(groups.groups().size(), 1);
    EXPECT_EQ(groups.group(id)->runIds.size(), 3);

    GroupChart chart;
    chart.setContent(groups.curveInputs(), QStringLiteral("loss"), settings, GroupBand::MinMax);
    // train and validation split of "loss": a mean line and a band each.
    ASSERT_EQ(chart.meanSeries().size(), 2);
    ASSERT_EQ(chart.bandSeries().size(), 2);
    const QLineSeries* mean = chart.meanSeries().front();
    const QAreaSeries* band = chart.bandSeries().front();
    ASSERT_EQ(mean->count(), 401);  // one point per logged step 0..400
    // The members differ only by their floor (0.1, 0.2, 0.3): the mean is the 0.2 member,
    // the min..max band spans floor 0.1 to floor 0.3 at every step.
    const core::Series& mid = store.at(1).run->metrics.at("train_loss");
    EXPECT_NEAR(mean->at(250).y(), mid.values[250], 1e-9);
    EXPECT_NEAR(band->upperSeries()->at(250).y() - band->lowerSeries()->at(250).y(), 0.2, 1e-9);

    chart.setContent(groups.curveInputs(), QStringLiteral("loss"), settings, GroupBand::StdDev);
    const QAreaSeries* sd = chart.bandSeries().front();
    // sample std of {x-0.1, x, x+0.1} is 0.1: the band is mean +/- 0.1.
    EXPECT_NEAR(sd->upperSeries()->at(10).y() - chart.meanSeries().front()->at(10).y(), 0.1, 1e-9);
}

TEST_F(GroupTest, SelectedRunsGroupAndRemovalKeepGroupsInStep) {
    GroupController groups(store);
    const int id = groups.makeGroup({store.at(0).id, store.at(3).id, 999}, QStringLiteral("mixed"));
    ASSERT_GT(id, 0);
    EXPECT_EQ(groups.group(id)->name, QStringLiteral("mixed"));
    EXPECT_EQ(groups.group(id)->runIds.size(), 2);  // the unknown id 999 is ignored
    store.remove(3);
    EXPECT_EQ(groups.group(id)->runIds.size(), 1);
    store.remove(0);
    EXPECT_EQ(groups.group(id), nullptr);  // emptied groups go
    EXPECT_EQ(groups.makeGroup({}), 0);
}

TEST_F(GroupTest, BadRegexIsReportedNotGrouped) {
    GroupController groups(store);
    QString error;
    EXPECT_EQ(groups.makeGroupFromRegex(QStringLiteral("(x"), {}, &error), 0);
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(groups.makeGroupFromRegex(QStringLiteral("nothing-matches"), {}, &error), 0);
    EXPECT_TRUE(error.contains(QStringLiteral("nothing-matches")));
    EXPECT_TRUE(groups.groups().isEmpty());
}

TEST_F(GroupTest, PanelDrawsOneGroupChartPerFamily) {
    GroupController groups(store);
    GroupPanel panel(groups, store, settings);
    EXPECT_TRUE(panel.charts().isEmpty());
    groups.makeGroupFromRegex(QStringLiteral("cfgA"));
    groups.makeGroupFromRegex(QStringLiteral("cfgB"));
    ASSERT_GE(panel.charts().size(), 2);  // loss and accuracy
    EXPECT_EQ(panel.charts().front()->family(), QStringLiteral("loss"));
    EXPECT_EQ(panel.charts().front()->bandSeries().size(), 4);  // 2 groups x train/val
    panel.bandSelector()->setCurrentIndex(1);
    EXPECT_EQ(panel.charts().front()->bandSeries().size(), 4);
}

// A smoothing change refills the group charts in place: the same chart and view objects (a
// QChartView deleted and recreated on every slider tick flickers and loses its scroll
// position), with newly smoothed means. Aspects the group charts do not show leave them be.
TEST_F(GroupTest, SettingsChangesRefillTheSameChartsAndOnlyWhenTheyMatter) {
    GroupController groups(store);
    GroupPanel panel(groups, store, settings);
    groups.makeGroupFromRegex(QStringLiteral("cfgA"));
    ASSERT_GE(panel.charts().size(), 1);
    const QPointer<GroupChart> chart = panel.charts().front();
    ASSERT_FALSE(chart->meanSeries().isEmpty());
    QLineSeries* mean = chart->meanSeries().front();
    const double rawSecond = mean->at(1).y();

    settings.setXAxis(XAxisMode::Epoch);
    settings.setLogY(true);
    settings.setCompareLayout(CompareLayout::SideBySide);
    settings.setChartLayout(ChartLayout::Tiled);
    EXPECT_EQ(chart->meanSeries().front(), mean) << "rebuilt on an aspect it does not show";

    settings.setSmoothing({core::SmoothingKind::Ema, 0.9});
    ASSERT_FALSE(panel.charts().isEmpty());
    ASSERT_FALSE(chart.isNull()) << "the chart was deleted";
    EXPECT_EQ(panel.charts().front(), chart.data());
    ASSERT_FALSE(chart->meanSeries().isEmpty());
    EXPECT_NE(chart->meanSeries().front(), mean);
    EXPECT_NE(chart->meanSeries().front()->at(1).y(), rawSecond);  // smoothed now
    EXPECT_EQ(chart->axes().size(), 2);                            // old axes deleted, not piled up
}

}  // namespace
}  // namespace curvedoctor::ui
