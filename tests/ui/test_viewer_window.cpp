// Drives the real main window offscreen: drop files, toggle runs, smooth, click findings.
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QMenu>
#include <QMimeData>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeView>
#include <QUrl>

#include "tests/ui/window_parts.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/curve_layer.h"
#include "ui/chart/metric_chart.h"
#include "ui/main_window.h"
#include "ui/models/findings_model.h"
#include "ui/models/run_list_model.h"
#include "ui/panels/drop_overlay.h"
#include "ui/panels/findings_panel.h"
#include "ui/panels/message_area.h"
#include "ui/panels/recent_menu.h"
#include "ui/panels/run_list_panel.h"
#include "ui/panels/settings_panel.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

/// Every point of every line in the chart area, in order: a fingerprint of what is drawn.
QList<QPointF> allPoints(ChartPanel& charts) {
    QList<QPointF> out;
    for (MetricChart* chart : charts.charts())
        for (const LayerCurve& c : chart->curveLayer()->curves())
            for (std::size_t i = 0; i < c.points->size(); ++i)
                out << QPointF(c.points->x(i), c.points->y(i));
    return out;
}

/// Lines that draw something.
int seriesCount(ChartPanel& charts) {
    int n = 0;
    for (MetricChart* chart : charts.charts())
        for (const LayerCurve& c : chart->curveLayer()->curves())
            if (c.points->size() > 0) ++n;
    return n;
}

class ViewerWindow : public ::testing::Test {
protected:
    testing::SettingsSandbox sandbox;
    QTemporaryDir dir;

    /// Sends a drag-enter and a drop of these local paths to the window, as a file manager would.
    static void dropPaths(MainWindow& w, const QStringList& paths) {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString& p : paths) urls << QUrl::fromLocalFile(p);
        mime.setUrls(urls);
        const QPoint at(w.width() / 2, w.height() / 2);
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &enter);
        EXPECT_TRUE(enter.isAccepted());
        EXPECT_TRUE(testing::partPtr<DropOverlay>(w)->isVisibleTo(
            &w));  // the window shows it takes the drop
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &drop);
        EXPECT_TRUE(drop.isAccepted());
        EXPECT_FALSE(testing::partPtr<DropOverlay>(w)->isVisibleTo(&w));
    }

    static bool dropAndWait(MainWindow& w, const QStringList& paths) {
        QSignalSpy finished(&w.loadController(), &LoadController::finished);
        dropPaths(w, paths);
        return testing::waitForLoad(w.loadController(), finished);
    }
};

TEST_F(ViewerWindow, DroppedFileIsListedAndCharted) {
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QAbstractItemModelTester tester(testing::partPtr<RunListPanel>(w)->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_TRUE(w.showsWelcome());
    const QString log =
        testing::writeFile(dir, QStringLiteral("mnist/training.log"), testing::kerasTextLog(20));
    ASSERT_TRUE(dropAndWait(w, {log}));
    ASSERT_EQ(testing::part<RunStore>(w).count(), 1);
    EXPECT_FALSE(w.showsWelcome());
    const QModelIndex row =
        testing::partPtr<RunListPanel>(w)->model()->index(0, RunListModel::NameColumn);
    EXPECT_FALSE(row.data().toString().isEmpty());
    EXPECT_EQ(testing::partPtr<RunListPanel>(w)
                  ->model()
                  ->index(0, RunListModel::FormatColumn)
                  .data()
                  .toString(),
              QString::fromStdString(testing::part<RunStore>(w).at(0).run->format));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return seriesCount(*testing::partPtr<ChartPanel>(w)) > 0; }, 5000));
    QStringList families;
    for (MetricChart* c : testing::partPtr<ChartPanel>(w)->charts()) families << c->family();
    EXPECT_TRUE(families.contains(QStringLiteral("loss"))) << families.join(',').toStdString();
    EXPECT_TRUE(w.windowTitle().contains(testing::part<RunStore>(w).at(0).name));
    EXPECT_TRUE(RecentMenu::paths().contains(log));
}

TEST_F(ViewerWindow, DragOfNonFilesIsRefused) {
    MainWindow w;
    QMimeData mime;
    mime.setText(QStringLiteral("just text"));
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.ignore();
    QCoreApplication::sendEvent(&w, &enter);
    EXPECT_FALSE(enter.isAccepted());
    EXPECT_FALSE(testing::partPtr<DropOverlay>(w)->isVisibleTo(&w));
}

TEST_F(ViewerWindow, UncheckingARunRemovesItsSeries) {
    MainWindow w;
    w.show();
    const QString log =
        testing::writeFile(dir, QStringLiteral("a/training.log"), testing::kerasTextLog(20));
    ASSERT_TRUE(dropAndWait(w, {log}));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return seriesCount(*testing::partPtr<ChartPanel>(w)) > 0; }, 5000));
    // Untick the checkbox the way the view does: through the proxy the list shows.
    QSortFilterProxyModel* proxy = testing::partPtr<RunListPanel>(w)->proxy();
    ASSERT_TRUE(proxy->setData(proxy->index(0, RunListModel::NameColumn), Qt::Unchecked,
                               Qt::CheckStateRole));
    EXPECT_FALSE(testing::part<RunStore>(w).at(0).visible);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return seriesCount(*testing::partPtr<ChartPanel>(w)) == 0; }, 5000));
    proxy->setData(proxy->index(0, RunListModel::NameColumn), Qt::Checked, Qt::CheckStateRole);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return seriesCount(*testing::partPtr<ChartPanel>(w)) > 0; }, 5000));
}

TEST_F(ViewerWindow, SmoothingSliderChangesTheDrawnPoints) {
    MainWindow w;
    w.show();
    const QString log =
        testing::writeFile(dir, QStringLiteral("a/training.log"), testing::kerasTextLog(20));
    ASSERT_TRUE(dropAndWait(w, {log}));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return seriesCount(*testing::partPtr<ChartPanel>(w)) > 0; }, 5000));
    QSlider* slider = testing::partPtr<SettingsPanel>(w)->smoothingSlider();
    EXPECT_EQ(slider->value(), 600);  // default weight 0.6
    const QList<QPointF> before = allPoints(*testing::partPtr<ChartPanel>(w));
    slider->setValue(0);
    EXPECT_DOUBLE_EQ(testing::part<ViewSettings>(w).smoothing().weight, 0.0);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return allPoints(*testing::partPtr<ChartPanel>(w)) != before; }, 5000));
    slider->setValue(900);
    EXPECT_NEAR(testing::part<ViewSettings>(w).smoothing().weight, 0.9, 1e-12);
}

TEST_F(ViewerWindow, ClickingAFindingSelectsItsRunAndZoomsTheCharts) {
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    // Hand-made findings until the detectors land: the window only has to show them.
    core::RunDiagnosis d;
    d.findings.push_back(
        testing::makeFinding(core::FindingKind::Overfitting, core::Severity::Warning, 300, 600));
    testing::part<RunStore>(w).add(testing::makeRun("first", 100), {});
    testing::part<RunStore>(w).add(testing::makeRun("second", 100), d);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !testing::partPtr<ChartPanel>(w)->charts().isEmpty(); }, 5000));
    MetricChart* chart = testing::partPtr<ChartPanel>(w)->charts().front();
    const double lo = chart->xMin(), hi = chart->xMax();
    EXPECT_LE(lo, 0.0);
    EXPECT_GE(hi, 990.0);  // steps 0..990

    QTableView* view = testing::partPtr<FindingsPanel>(w)->view();
    const QModelIndex index = view->model()->index(0, FindingsModel::MessageColumn);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());

    EXPECT_EQ(testing::partPtr<RunListPanel>(w)->currentRunId(),
              testing::part<RunStore>(w).at(1).id);
    chart = testing::partPtr<ChartPanel>(w)->charts().front();
    // Zoomed to the finding's steps 300..600, with at most a sixth of that as margin each side
    // (the chart panel chooses the margin).
    EXPECT_LE(chart->xMin(), 300.0);
    EXPECT_GE(chart->xMin(), 250.0);
    EXPECT_GE(chart->xMax(), 600.0);
    EXPECT_LE(chart->xMax(), 650.0);
}

TEST_F(ViewerWindow, AFileThatFailsShowsItsReasonAndTheOthersStillOpen) {
    MainWindow w;
    w.show();
    const QString good =
        testing::writeFile(dir, QStringLiteral("good/training.log"), testing::kerasTextLog(10));
    const QString empty = testing::writeFile(dir, QStringLiteral("empty.csv"), "");
    ASSERT_TRUE(dropAndWait(w, {empty, good}));
    EXPECT_EQ(testing::part<RunStore>(w).count(), 1);
    ASSERT_EQ(testing::partPtr<MessageArea>(w)->count(), 1);
    EXPECT_TRUE(testing::partPtr<MessageArea>(w)->isVisibleTo(&w));
    const QString message = testing::partPtr<MessageArea>(w)->messages().front();
    EXPECT_TRUE(message.contains(QStringLiteral("empty.csv"))) << message.toStdString();
    EXPECT_FALSE(message.contains('\n'));
    testing::partPtr<MessageArea>(w)->dismissAll();
    EXPECT_FALSE(testing::partPtr<MessageArea>(w)->isVisibleTo(&w));
}

TEST_F(ViewerWindow, SettingsAndLayoutPersistAcrossRestarts) {
    {
        MainWindow w;
        w.show();
        w.resize(761, 777);  // within the offscreen screen (800 wide): a larger one is clamped
        testing::partPtr<SettingsPanel>(w)->smoothingSlider()->setValue(850);
        QComboBox* x = testing::partPtr<SettingsPanel>(w)->xAxisCombo();
        x->setCurrentIndex(x->findData(static_cast<int>(XAxisMode::Epoch)));
        testing::partPtr<SettingsPanel>(w)->logYCheck()->setChecked(true);
        w.close();
    }
    MainWindow again;
    EXPECT_NEAR(testing::part<ViewSettings>(again).smoothing().weight, 0.85, 1e-12);
    EXPECT_EQ(testing::part<ViewSettings>(again).xAxis(), XAxisMode::Epoch);
    EXPECT_TRUE(testing::part<ViewSettings>(again).logY());
    EXPECT_EQ(testing::partPtr<SettingsPanel>(again)->smoothingSlider()->value(), 850);
    EXPECT_EQ(again.size(), QSize(761, 777));
}

TEST_F(ViewerWindow, ReloadKeepsNamesAndColours) {
    MainWindow w;
    const QString log =
        testing::writeFile(dir, QStringLiteral("a/training.log"), testing::kerasTextLog(5));
    ASSERT_TRUE(dropAndWait(w, {log}));
    ASSERT_EQ(testing::part<RunStore>(w).count(), 1);
    testing::part<RunStore>(w).rename(0, QStringLiteral("baseline"));
    const QColor color = testing::part<RunStore>(w).at(0).color;
    testing::writeFile(dir, QStringLiteral("a/training.log"), testing::kerasTextLog(12));
    QSignalSpy finished(&w.loadController(), &LoadController::finished);
    w.reload();
    ASSERT_TRUE(testing::waitForLoad(w.loadController(), finished));
    ASSERT_EQ(testing::part<RunStore>(w).count(), 1);
    EXPECT_EQ(testing::part<RunStore>(w).at(0).name, QStringLiteral("baseline"));
    EXPECT_EQ(testing::part<RunStore>(w).at(0).color, color);
    EXPECT_EQ(testing::part<RunStore>(w).at(0).run->find("loss")->size(), 12u);
}

TEST_F(ViewerWindow, ExportMenuAppearsOnlyOnceSomethingIsInIt) {
    MainWindow w;
    // The compare features fill it at start-up (Export Report, chart exports); emptied, it hides.
    EXPECT_TRUE(
        testing::partPtr<QMenu>(w, QStringLiteral("exportMenu"))->menuAction()->isVisible());
    testing::partPtr<QMenu>(w, QStringLiteral("exportMenu"))->clear();
    EXPECT_FALSE(
        testing::partPtr<QMenu>(w, QStringLiteral("exportMenu"))->menuAction()->isVisible());
    testing::partPtr<QMenu>(w, QStringLiteral("exportMenu"))
        ->addAction(QStringLiteral("PNG report…"));
    EXPECT_TRUE(
        testing::partPtr<QMenu>(w, QStringLiteral("exportMenu"))->menuAction()->isVisible());
}

}  // namespace
}  // namespace curvedoctor::ui
