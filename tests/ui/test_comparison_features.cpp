#include <gtest/gtest.h>

#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>

#include "tests/ui/report_test_runs.h"
#include "tests/ui/viewer_test_support.h"
#include "ui/chart_panel.h"
#include "ui/compare_features.h"
#include "ui/compare_view.h"
#include "ui/side_by_side_view.h"
#include "ui/view_settings.h"
#include "ui/comparison_panel.h"
#include "ui/comparison_table_model.h"
#include "ui/group_controller.h"
#include "ui/main_window.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

using testing::syntheticRun;

TEST(CompareFeatures, WindowSwitchesToSideBySide) {
    testing::SettingsSandbox sandbox;  // the layout switch must not persist into other tests
    MainWindow w;
    w.show();
    w.store().add(syntheticRun("alpha", 300, 0.1, 0), {});
    w.store().add(syntheticRun("beta", 300, 0.2, 150), {});
    w.viewSettings().setCompareLayout(CompareLayout::SideBySide);
    ASSERT_EQ(w.compareView()->currentPage(), w.compareView()->sideBySide());
    EXPECT_EQ(w.compareView()->sideBySide()->columnCount(), 2);
    w.viewSettings().setCompareLayout(CompareLayout::Overlay);
    EXPECT_EQ(w.compareView()->currentPage(), w.compareView()->overlay());
}

TEST(CompareFeatures, AddsTabsAndExportActionsToTheWindow) {
    testing::SettingsSandbox sandbox;  // the layout switch must not persist into other tests
    MainWindow w;
    ASSERT_NE(w.compareFeatures(), nullptr);
    CompareFeatures& features = *w.compareFeatures();
    QStringList tabs;
    for (int i = 0; i < w.bottomTabs()->count(); ++i) tabs << w.bottomTabs()->tabText(i);
    EXPECT_TRUE(tabs.contains(QStringLiteral("Comparison")));
    EXPECT_TRUE(tabs.contains(QStringLiteral("Groups")));
    QStringList shortcuts;
    for (QAction* a : w.exportMenu()->actions()) shortcuts << a->shortcut().toString();
    EXPECT_TRUE(shortcuts.contains(QStringLiteral("Ctrl+E")));

    w.store().add(syntheticRun("alpha", 300, 0.1, 0), {});
    w.store().add(syntheticRun("beta", 300, 0.2, 150), {});
    EXPECT_EQ(features.comparisonPanel()->model()->rowCount(), 2);
}

TEST(CompareFeatures, ExportsTheReportOfTheWindowsRunsAndGroups) {
    testing::SettingsSandbox sandbox;  // the layout switch must not persist into other tests
    MainWindow w;
    ASSERT_NE(w.compareFeatures(), nullptr);
    CompareFeatures& features = *w.compareFeatures();
    w.store().add(syntheticRun("seed1", 300, 0.1, 0), {});
    w.store().add(syntheticRun("seed2", 300, 0.2, 0), {});
    QTemporaryDir dir;
    ReportOptions options;
    options.width = 1000;
    options.scale = 1.0;
    QString error;
    ASSERT_TRUE(features.exportReport(dir.filePath(QStringLiteral("r.png")), options, false, &error))
        << error.toStdString();
    EXPECT_EQ(QImage(dir.filePath(QStringLiteral("r.png"))).width(), 1000);
    ASSERT_GT(features.groups()->makeGroupFromRegex(QStringLiteral("seed")), 0);
    ASSERT_TRUE(features.exportReport(dir.filePath(QStringLiteral("g.png")), options, true, &error));
    EXPECT_EQ(QImage(dir.filePath(QStringLiteral("g.png"))).width(), 1000);
}

// Export Report draws the page, then encodes and writes it off the GUI thread: the window may
// drop its runs meanwhile, and the file appears when `finished` says so.
TEST(CompareFeatures, WritesTheReportOffTheGuiThread) {
    testing::SettingsSandbox sandbox;
    MainWindow w;
    CompareFeatures& features = *w.compareFeatures();
    w.store().add(syntheticRun("seed1", 300, 0.1, 0), {});
    w.store().add(syntheticRun("seed2", 300, 0.2, 0), {});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("async.png"));
    ReportOptions options;
    options.width = 900;
    options.scale = 1.0;
    QSignalSpy done(&features, &CompareFeatures::reportExportFinished);
    ReportExportJob* job = features.startReportExport(path, options, false);
    ASSERT_NE(job, nullptr);
    w.store().clear();  // the job holds the drawn page
    ASSERT_TRUE(done.wait(30000));
    EXPECT_TRUE(done.at(0).at(0).toBool()) << done.at(0).at(1).toString().toStdString();
    EXPECT_EQ(QImage(path).width(), 900);
}

TEST(CompareFeatures, ACancelledExportWritesNothing) {
    testing::SettingsSandbox sandbox;
    MainWindow w;
    CompareFeatures& features = *w.compareFeatures();
    w.store().add(syntheticRun("seed1", 300, 0.1, 0), {});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cancelled.png"));
    QSignalSpy done(&features, &CompareFeatures::reportExportFinished);
    ReportExportJob* job = features.startReportExport(path, ReportOptions{}, false);
    job->cancel();
    ASSERT_TRUE(done.wait(30000));
    EXPECT_FALSE(done.at(0).at(0).toBool());
    EXPECT_TRUE(done.at(0).at(1).toString().isEmpty());
    EXPECT_FALSE(QFile::exists(path));
}

}  // namespace
}  // namespace curvedoctor::ui
