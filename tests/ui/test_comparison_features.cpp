#include <gtest/gtest.h>

#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>

#include "tests/ui/report_test_runs.h"
#include "tests/ui/viewer_test_support.h"
#include "tests/ui/window_parts.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/compare_view.h"
#include "ui/chart/side_by_side_view.h"
#include "ui/main_window.h"
#include "ui/models/comparison_table_model.h"
#include "ui/models/group_controller.h"
#include "ui/panels/comparison_panel.h"
#include "ui/panels/comparison_tab.h"
#include "ui/report/export_actions.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::syntheticRun;

TEST(CompareFeatures, WindowSwitchesToSideBySide) {
    testing::SettingsSandbox sandbox;  // the layout switch must not persist into other tests
    MainWindow w;
    w.show();
    testing::part<RunStore>(w).add(syntheticRun("alpha", 300, 0.1, 0), {});
    testing::part<RunStore>(w).add(syntheticRun("beta", 300, 0.2, 150), {});
    testing::part<ViewSettings>(w).setCompareLayout(CompareLayout::SideBySide);
    ASSERT_EQ(testing::partPtr<CompareView>(w)->currentPage(),
              testing::partPtr<CompareView>(w)->sideBySide());
    EXPECT_EQ(testing::partPtr<CompareView>(w)->sideBySide()->columnCount(), 2);
    testing::part<ViewSettings>(w).setCompareLayout(CompareLayout::Overlay);
    EXPECT_EQ(testing::partPtr<CompareView>(w)->currentPage(),
              testing::partPtr<CompareView>(w)->overlay());
}

TEST(CompareFeatures, AddsTabsAndExportActionsToTheWindow) {
    testing::SettingsSandbox sandbox;  // the layout switch must not persist into other tests
    MainWindow w;
    QStringList tabs;
    for (int i = 0; i < testing::partPtr<QTabWidget>(w, QStringLiteral("bottomTabs"))->count(); ++i)
        tabs << testing::partPtr<QTabWidget>(w, QStringLiteral("bottomTabs"))->tabText(i);
    EXPECT_TRUE(tabs.contains(QStringLiteral("Comparison")));
    EXPECT_TRUE(tabs.contains(QStringLiteral("Groups")));
    QStringList shortcuts;
    for (QAction* a : testing::partPtr<QMenu>(w, QStringLiteral("exportMenu"))->actions())
        shortcuts << a->shortcut().toString();
    EXPECT_TRUE(shortcuts.contains(QStringLiteral("Ctrl+E")));

    testing::part<RunStore>(w).add(syntheticRun("alpha", 300, 0.1, 0), {});
    testing::part<RunStore>(w).add(syntheticRun("beta", 300, 0.2, 150), {});
    EXPECT_EQ(testing::part<ComparisonTab>(w).comparisonPanel()->model()->rowCount(), 2);
}

TEST(CompareFeatures, ExportsTheReportOfTheWindowsRunsAndGroups) {
    testing::SettingsSandbox sandbox;  // the layout switch must not persist into other tests
    MainWindow w;
    ExportActions& exports = testing::part<ExportActions>(w);
    testing::part<RunStore>(w).add(syntheticRun("seed1", 300, 0.1, 0), {});
    testing::part<RunStore>(w).add(syntheticRun("seed2", 300, 0.2, 0), {});
    QTemporaryDir dir;
    ReportOptions options;
    options.width = 1000;
    options.scale = 1.0;
    QString error;
    ASSERT_TRUE(exports.exportReport(dir.filePath(QStringLiteral("r.png")), options, false, &error))
        << error.toStdString();
    EXPECT_EQ(QImage(dir.filePath(QStringLiteral("r.png"))).width(), 1000);
    ASSERT_GT(testing::part<GroupController>(w).makeGroupFromRegex(QStringLiteral("seed")), 0);
    ASSERT_TRUE(exports.exportReport(dir.filePath(QStringLiteral("g.png")), options, true, &error));
    EXPECT_EQ(QImage(dir.filePath(QStringLiteral("g.png"))).width(), 1000);
}

// Export Report draws the page, then encodes and writes it off the GUI thread: the window may
// drop its runs meanwhile, and the file appears when `finished` says so.
TEST(CompareFeatures, WritesTheReportOffTheGuiThread) {
    testing::SettingsSandbox sandbox;
    MainWindow w;
    ExportActions& exports = testing::part<ExportActions>(w);
    testing::part<RunStore>(w).add(syntheticRun("seed1", 300, 0.1, 0), {});
    testing::part<RunStore>(w).add(syntheticRun("seed2", 300, 0.2, 0), {});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("async.png"));
    ReportOptions options;
    options.width = 900;
    options.scale = 1.0;
    QSignalSpy done(&exports, &ExportActions::reportExportFinished);
    ReportExportJob* job = exports.startReportExport(path, options, false);
    ASSERT_NE(job, nullptr);
    testing::part<RunStore>(w).clear();  // the job holds the drawn page
    ASSERT_TRUE(done.wait(30000));
    EXPECT_TRUE(done.at(0).at(0).toBool()) << done.at(0).at(1).toString().toStdString();
    EXPECT_EQ(QImage(path).width(), 900);
}

TEST(CompareFeatures, ACancelledExportWritesNothing) {
    testing::SettingsSandbox sandbox;
    MainWindow w;
    ExportActions& exports = testing::part<ExportActions>(w);
    testing::part<RunStore>(w).add(syntheticRun("seed1", 300, 0.1, 0), {});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cancelled.png"));
    QSignalSpy done(&exports, &ExportActions::reportExportFinished);
    ReportExportJob* job = exports.startReportExport(path, ReportOptions{}, false);
    job->cancel();
    ASSERT_TRUE(done.wait(30000));
    EXPECT_FALSE(done.at(0).at(0).toBool());
    EXPECT_TRUE(done.at(0).at(1).toString().isEmpty());
    EXPECT_FALSE(QFile::exists(path));
}

}  // namespace
}  // namespace curvedoctor::ui
