// The rough edges of issue 17: "differences only", the shortcuts list, banners that go with
// their run, a file named after its folder, the place of a warning said once, a chart for a
// metric no visible run has, a window larger than the screen, charts under a dark theme.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QKeySequence>
#include <QTableWidget>
#include <algorithm>

#include "tests/ui/report_test_runs.h"
#include "tests/ui/window_parts.h"
#include "ui/chart/chart_colors.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/palette.h"
#include "ui/main_window.h"
#include "ui/models/comparison_table_model.h"
#include "ui/models/group_controller.h"
#include "ui/panels/comparison_panel.h"
#include "ui/panels/comparison_tab.h"
#include "ui/panels/message_area.h"
#include "ui/panels/shortcuts_dialog.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"
#include "ui/window_geometry.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

bool openAndWait(MainWindow& w, const QStringList& paths) {
    QSignalSpy finished(&w.loadController(), &LoadController::finished);
    w.openPaths(paths);
    return testing::waitForLoad(w.loadController(), finished) &&
           QTest::qWaitFor([&] { return !w.loadController().isBusy(); }, 20000);
}

TEST(DifferencesOnly, HidesTheHyperparametersEveryRunShares) {
    RunStore store;
    ViewSettings settings;
    // Both have batch_size 64; lr is 0.001 and 0.1.
    store.add(testing::syntheticRun("a-small-lr", 600, 0.30, 0, 100, "0.001"), {});
    store.add(testing::syntheticRun("c-big-lr", 600, 0.10, 300, 100, "0.1"), {});
    GroupController groups(store);
    ComparisonTab tab(store, settings, groups);
    const ComparisonTableModel& m = *tab.comparisonPanel()->model();
    QStringList all;
    for (int c = ComparisonTableModel::FirstHyperparameter; c < m.columnCount(); ++c)
        all << m.hyperparameterKey(c);
    ASSERT_TRUE(all.contains(QStringLiteral("batch_size"))) << all.join(',').toStdString();
    ASSERT_TRUE(all.contains(QStringLiteral("lr")));
    auto* box = tab.findChild<QCheckBox*>(QStringLiteral("differencesOnly"));
    ASSERT_NE(box, nullptr);
    box->setChecked(true);
    ASSERT_EQ(m.columnCount(), ComparisonTableModel::FirstHyperparameter + 1);
    EXPECT_EQ(m.hyperparameterKey(ComparisonTableModel::FirstHyperparameter), QStringLiteral("lr"));
    EXPECT_EQ(m.headerData(ComparisonTableModel::FirstHyperparameter, Qt::Horizontal).toString(),
              QStringLiteral("lr"));
    box->setChecked(false);
    EXPECT_EQ(m.columnCount(),
              ComparisonTableModel::FirstHyperparameter + static_cast<int>(all.size()));
}

TEST(ShortcutsDialog, ListsTheShortcutOfEveryAction) {
    testing::SettingsSandbox sandbox;
    MainWindow w;
    ShortcutsDialog dialog(w);
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("shortcutsTable"));
    ASSERT_NE(table, nullptr);
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r)
        rows << table->item(r, 0)->text() + QLatin1Char('=') + table->item(r, 1)->text();
    int withShortcut = 0;
    for (const QAction* a : w.findChildren<QAction*>()) {
        if (a->shortcut().isEmpty()) continue;
        ++withShortcut;
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        const bool listed = std::any_of(rows.begin(), rows.end(), [&](const QString& row) {
            return row.contains(keys) &&
                   row.startsWith(QString(a->text()).remove(QLatin1Char('&')).left(4));
        });
        EXPECT_TRUE(listed) << a->text().toStdString() << " " << keys.toStdString() << " in "
                            << rows.join(" | ").toStdString();
    }
    EXPECT_GE(withShortcut, 5);
    const QString save = QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText);
    EXPECT_TRUE(rows.contains(QStringLiteral("Save Session=") + save))
        << rows.join(" | ").toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("Keyboard Shortcuts=Ctrl+/")))
        << rows.join(" | ").toStdString();
}

TEST(RoughEdges, AWarningBannerSaysItsPlaceOnceAndGoesWithItsRun) {
    testing::SettingsSandbox sandbox;
    QTemporaryDir dir;
    const QString log = testing::writeFile(
        dir, QStringLiteral("w/metrics.jsonl"),
        "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2, \"loss\": }\n{\"step\": 3, \"loss\": 0.4}\n");
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, {log}));
    const QStringList messages = testing::part<MessageArea>(w).messages();
    ASSERT_EQ(messages.size(), 1);
    EXPECT_EQ(messages[0].count(QStringLiteral("line 2")), 1) << messages[0].toStdString();
    testing::part<RunStore>(w).remove(0);
    EXPECT_EQ(testing::part<MessageArea>(w).count(), 0);
}

// Issue #16: the files an opened folder skipped are named, with why, in one banner.
TEST(RoughEdges, AFoldersSkippedFilesAreOneBanner) {
    testing::SettingsSandbox sandbox;
    QTemporaryDir dir;
    testing::writeFile(dir, QStringLiteral("runs/train.log"), testing::kerasTextLog(10));
    testing::writeFile(dir, QStringLiteral("runs/a.csv"), QByteArray());
    testing::writeFile(dir, QStringLiteral("runs/b.csv"), QByteArray("PK\x03\x04\0\0zip", 10));
    testing::writeFile(dir, QStringLiteral("runs/notes.txt"), "Try a smaller learning rate.\n");
    testing::writeFile(dir, QStringLiteral("runs/model.ckpt"), QByteArray(64, '\0'));
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, {dir.filePath(QStringLiteral("runs"))}));
    EXPECT_EQ(testing::part<RunStore>(w).count(), 1);
    const QStringList messages = testing::part<MessageArea>(w).messages();
    ASSERT_EQ(messages.size(), 1) << messages.join(QStringLiteral(" | ")).toStdString();
    EXPECT_TRUE(messages[0].endsWith(
        QStringLiteral("runs: skipped 3 files: a.csv (empty), b.csv (binary, not text), "
                       "notes.txt (no training log found)")))
        << messages[0].toStdString();
}

TEST(RoughEdges, AFailedFileStaysListedWhenTheRunsAreClosed) {
    testing::SettingsSandbox sandbox;
    QTemporaryDir dir;
    const QString good =
        testing::writeFile(dir, QStringLiteral("ok/train.log"), testing::kerasTextLog(10));
    const QString bad = testing::writeFile(dir, QStringLiteral("bad/x.bin"), QByteArray(64, '\0'));
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, {good, bad}));
    ASSERT_EQ(testing::part<MessageArea>(w).count(), 1);
    testing::part<RunStore>(w).clear();
    EXPECT_EQ(testing::part<MessageArea>(w).count(), 1);  // it is about a file, not a run
}

TEST(RoughEdges, FilesOfOneFolderAreNamedAfterTheirFiles) {
    testing::SettingsSandbox sandbox;
    QTemporaryDir dir;
    const QString first =
        testing::writeFile(dir, QStringLiteral("ux/first.log"), testing::kerasTextLog(10));
    const QString second =
        testing::writeFile(dir, QStringLiteral("ux/second.log"), testing::kerasTextLog(12));
    const QString solo =
        testing::writeFile(dir, QStringLiteral("solo/train.log"), testing::kerasTextLog(8));
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, {first, solo}));
    ASSERT_TRUE(openAndWait(w, {second}));  // the second arrives later, alone
    const RunStore& store = testing::part<RunStore>(w);
    ASSERT_EQ(store.count(), 3);
    EXPECT_EQ(store.at(store.rowOfSource(first)).name, QStringLiteral("first"));
    EXPECT_EQ(store.at(store.rowOfSource(second)).name, QStringLiteral("second"));
    EXPECT_EQ(store.at(store.rowOfSource(solo)).name, QStringLiteral("solo"));
}

TEST(RoughEdges, NoChartStaysForAMetricNoShownRunHas) {
    RunStore store;
    ViewSettings settings;
    ChartPanel panel(store, settings);
    store.add(testing::makeRun("plain", 50), {});
    auto withAccuracy = std::const_pointer_cast<core::Run>(testing::makeRun("acc", 50));
    core::Series acc = *withAccuracy->find("loss");
    for (std::size_t i = 0; i < acc.values.size(); ++i) acc.values.set(i, 1.0 - acc.values[i]);
    withAccuracy->metrics["val_accuracy"] = acc;
    store.add(withAccuracy, {});
    auto families = [&] {
        QStringList out;
        for (MetricChart* c : panel.charts()) out << c->family();
        return out;
    };
    ASSERT_EQ(families().size(), 2) << families().join(',').toStdString();
    store.setVisible(1, false);
    EXPECT_EQ(families(), QStringList{QStringLiteral("loss")});
    store.setVisible(0, false);  // nothing shown: the charts stay for their legends
    EXPECT_EQ(families().size(), 2);
}

TEST(WindowGeometry, ARestoredWindowIsKeptOnTheScreen) {
    const QRect screen(0, 0, 1280, 693);  // 1920x1080 at scale 1.5, less a panel
    // Saved at scale 1: larger than the screen and partly off it.
    EXPECT_EQ(clampedToScreen(QRect(200, 100, 1400, 900), screen), QRect(0, 0, 1280, 693));
    EXPECT_EQ(clampedToScreen(QRect(900, 500, 800, 400), screen), QRect(480, 293, 800, 400));
    EXPECT_EQ(clampedToScreen(QRect(10, 20, 300, 200), screen), QRect(10, 20, 300, 200));
    const QRect second(1920, 0, 1280, 1024);  // a monitor to the right
    EXPECT_EQ(clampedToScreen(QRect(0, 0, 600, 400), second), QRect(1920, 0, 600, 400));
    EXPECT_EQ(clampedToScreen(QRect(5, 5, 50, 50), QRect()), QRect(5, 5, 50, 50));
}

TEST(DarkCharts, EveryRunColourStandsOutFromADarkBackgroundAndStaysDistinct) {
    const QColor dark(0x20, 0x23, 0x28);
    QList<QColor> drawn;
    for (int i = 0; i < runColorCount(); ++i) {
        const QColor c = drawnRunColor(runColor(i), dark);
        EXPECT_GE(contrastRatio(c, dark), kMinCurveContrast) << c.name().toStdString();
        // The hue is kept (greys have none).
        if (runColor(i).hslSaturation() > 40) {
            EXPECT_NEAR(c.hslHue(), runColor(i).hslHue(), 3) << c.name().toStdString();
        }
        drawn << c;
    }
    for (int i = 0; i < drawn.size(); ++i)
        for (int j = i + 1; j < drawn.size(); ++j) EXPECT_NE(drawn[i], drawn[j]) << i << " " << j;
    // On white the palette is drawn as designed.
    EXPECT_EQ(drawnRunColor(runColor(7), Qt::white), runColor(7));
}

TEST(DarkCharts, TheWindowsChartsFollowADarkPalette) {
    const QPalette before = QApplication::palette();
    QPalette dark = before;
    dark.setColor(QPalette::Window, QColor(0x2d, 0x2f, 0x33));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x20, 0x24));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    RunStore store;
    ViewSettings settings;
    ChartPanel panel(store, settings);
    store.add(testing::makeRun("run", 50), {});
    ASSERT_FALSE(panel.charts().isEmpty());
    EXPECT_FALSE(panel.charts().front()->colors().isDark());
    QApplication::setPalette(dark);
    QCoreApplication::processEvents();
    const bool darkened = !panel.charts().isEmpty() && panel.charts().front()->colors().isDark();
    const QColor background = panel.charts().front()->backgroundBrush().color();
    QApplication::setPalette(before);
    QCoreApplication::processEvents();
    EXPECT_TRUE(darkened);
    EXPECT_EQ(background, QColor(0x1e, 0x20, 0x24));
    EXPECT_FALSE(panel.charts().front()->colors().isDark());  // and back
    EXPECT_EQ(ChartColors::forPalette(before), ChartColors::light());
}

}  // namespace
}  // namespace curvedoctor::ui
