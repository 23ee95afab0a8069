// Sessions (save, open in a fresh window, same view) and what the window remembers between
// launches (colours, hidden runs, groups), driven through the real window offscreen.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>

#include "tests/ui/window_parts.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/metric_chart.h"
#include "ui/main_window.h"
#include "ui/models/group_controller.h"
#include "ui/panels/message_area.h"
#include "ui/panels/run_list_panel.h"
#include "ui/run_store.h"
#include "ui/session/run_memory.h"
#include "ui/session/session_controller.h"
#include "ui/view_settings.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

class Sessions : public ::testing::Test {
protected:
    testing::SettingsSandbox sandbox;
    QTemporaryDir dir;

    QStringList writeLogs(const QStringList& names) {
        QStringList paths;
        for (const QString& n : names)
            paths << testing::writeFile(dir, n + QLatin1Char('/') + n + QStringLiteral(".log"),
                                        testing::kerasTextLog(20));
        return paths;
    }

    static bool openAndWait(MainWindow& w, const QStringList& paths) {
        QSignalSpy finished(&w.loadController(), &LoadController::finished);
        w.openPaths(paths);
        return testing::waitForLoad(w.loadController(), finished) &&
               QTest::qWaitFor([&] { return !w.loadController().isBusy(); }, 20000);
    }

    static bool openSession(MainWindow& w, const QString& file) {
        auto& sessions = testing::part<SessionController>(w);
        QSignalSpy applied(&sessions, &SessionController::sessionApplied);
        return sessions.open(file) && (!applied.isEmpty() || applied.wait(20000));
    }

    static const RunEntry* entryFor(const RunStore& store, const QString& source) {
        const int row = store.rowOfSource(source);
        return row >= 0 ? &store.at(row) : nullptr;
    }
};

TEST_F(Sessions, ASavedSessionOpensInAFreshWindowWithTheSameView) {
    const QStringList paths = writeLogs({"alpha", "beta", "gamma"});
    const QString file = dir.filePath(QStringLiteral("study.cdsession"));
    const MetricChart* zoomed = nullptr;
    {
        MainWindow w;
        w.show();
        ASSERT_TRUE(openAndWait(w, paths));
        RunStore& store = testing::part<RunStore>(w);
        ASSERT_EQ(store.count(), 3);
        store.rename(store.rowOfSource(paths[0]), QStringLiteral("baseline"));
        store.setColor(store.rowOfSource(paths[1]), QColor(0x12, 0x34, 0x56));
        store.setVisible(store.rowOfSource(paths[2]), false);
        testing::part<GroupController>(w).makeGroup(
            {entryFor(store, paths[0])->id, entryFor(store, paths[1])->id},
            QStringLiteral("seeds"));
        ViewSettings& s = testing::part<ViewSettings>(w);
        s.setSmoothing({core::SmoothingKind::Gaussian, 0.8});
        s.setLogY(true);
        s.setShowRaw(false);
        s.setChartLayout(ChartLayout::Tiled);
        s.setExtraFamilies({QStringLiteral("accuracy")});
        testing::part<RunListPanel>(w).filterEdit()->setText(QStringLiteral("a|b"));
        const QList<MetricChart*> charts = testing::part<ChartPanel>(w).charts();
        ASSERT_FALSE(charts.isEmpty());
        charts.front()->setXRange(4, 12);
        zoomed = charts.front();
        ASSERT_TRUE(zoomed->hasUserRange());
        QString error;
        ASSERT_TRUE(testing::part<SessionController>(w).save(file, &error)) << error.toStdString();
    }
    MainWindow again;
    again.show();
    ASSERT_TRUE(openSession(again, file));
    const RunStore& store = testing::part<RunStore>(again);
    ASSERT_EQ(store.count(), 3);
    const RunEntry* a = entryFor(store, paths[0]);
    const RunEntry* b = entryFor(store, paths[1]);
    const RunEntry* c = entryFor(store, paths[2]);
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(a->name, QStringLiteral("baseline"));
    EXPECT_EQ(b->color, QColor(0x12, 0x34, 0x56));
    EXPECT_TRUE(a->visible);
    EXPECT_TRUE(b->visible);
    EXPECT_FALSE(c->visible);
    const QList<RunGroup>& groups = testing::part<GroupController>(again).groups();
    ASSERT_EQ(groups.size(), 1);
    EXPECT_EQ(groups[0].name, QStringLiteral("seeds"));
    EXPECT_EQ(groups[0].runIds, (QList<int>{a->id, b->id}));
    const ViewSettings& s = testing::part<ViewSettings>(again);
    EXPECT_EQ(s.smoothing().kind, core::SmoothingKind::Gaussian);
    EXPECT_DOUBLE_EQ(s.smoothing().weight, 0.8);
    EXPECT_TRUE(s.logY());
    EXPECT_FALSE(s.showRaw());
    EXPECT_EQ(s.chartLayout(), ChartLayout::Tiled);
    EXPECT_EQ(s.extraFamilies(), QStringList{QStringLiteral("accuracy")});
    EXPECT_EQ(testing::part<RunListPanel>(again).filterEdit()->text(), QStringLiteral("a|b"));
    const QList<MetricChart*> charts = testing::part<ChartPanel>(again).charts();
    ASSERT_FALSE(charts.isEmpty());
    EXPECT_TRUE(charts.front()->hasUserRange());
    EXPECT_DOUBLE_EQ(charts.front()->xMin(), 4.0);
    EXPECT_DOUBLE_EQ(charts.front()->xMax(), 12.0);
    EXPECT_TRUE(SessionController::recentSessions().contains(QFileInfo(file).absoluteFilePath()));
}

TEST_F(Sessions, AMissingFileIsNamedInOneMessageAndTheRestOpens) {
    const QStringList paths = writeLogs({"kept", "gone", "also"});
    const QString file = dir.filePath(QStringLiteral("partial.cdsession"));
    {
        MainWindow w;
        ASSERT_TRUE(openAndWait(w, paths));
        ASSERT_TRUE(testing::part<SessionController>(w).save(file));
    }
    ASSERT_TRUE(QFile::remove(paths[1]));
    MainWindow again;
    ASSERT_TRUE(openSession(again, file));
    EXPECT_EQ(testing::part<RunStore>(again).count(), 2);
    EXPECT_GE(testing::part<RunStore>(again).rowOfSource(paths[0]), 0);
    EXPECT_GE(testing::part<RunStore>(again).rowOfSource(paths[2]), 0);
    const QStringList messages = testing::part<MessageArea>(again).messages();
    ASSERT_EQ(messages.size(), 1) << messages.join('\n').toStdString();
    EXPECT_TRUE(messages[0].contains(QStringLiteral("gone.log"))) << messages[0].toStdString();
    EXPECT_FALSE(messages[0].contains(QStringLiteral("kept.log"))) << messages[0].toStdString();
}

TEST_F(Sessions, ANewerFormatIsRefusedWithAClearMessage) {
    const QString file =
        testing::writeFile(dir, QStringLiteral("future.cdsession"),
                           R"({"format": "curvedoctor-session", "version": 99, "runs": []})");
    MainWindow w;
    EXPECT_FALSE(testing::part<SessionController>(w).open(file));
    const QStringList messages = testing::part<MessageArea>(w).messages();
    ASSERT_EQ(messages.size(), 1);
    EXPECT_TRUE(messages[0].contains(QStringLiteral("future.cdsession")));
    EXPECT_TRUE(messages[0].contains(QStringLiteral("newer"))) << messages[0].toStdString();
}

TEST_F(Sessions, ColoursHiddenRunsAndGroupsSurviveARestart) {
    const QStringList paths = writeLogs({"one", "two", "three"});
    const QColor chosen(0xab, 0xcd, 0xef);
    {
        MainWindow w;
        ASSERT_TRUE(openAndWait(w, paths));
        RunStore& store = testing::part<RunStore>(w);
        store.setColor(store.rowOfSource(paths[0]), chosen);
        store.setVisible(store.rowOfSource(paths[1]), false);
        testing::part<GroupController>(w).makeGroup(
            {entryFor(store, paths[0])->id, entryFor(store, paths[2])->id}, QStringLiteral("pair"));
        w.close();
    }
    MainWindow again;
    ASSERT_TRUE(openAndWait(again, paths));
    const RunStore& store = testing::part<RunStore>(again);
    ASSERT_EQ(store.count(), 3);
    EXPECT_EQ(entryFor(store, paths[0])->color, chosen);
    EXPECT_FALSE(entryFor(store, paths[1])->visible);
    EXPECT_TRUE(entryFor(store, paths[2])->visible);
    const QList<RunGroup>& groups = testing::part<GroupController>(again).groups();
    ASSERT_EQ(groups.size(), 1);
    EXPECT_EQ(groups[0].name, QStringLiteral("pair"));
    EXPECT_EQ(groups[0].runIds,
              (QList<int>{entryFor(store, paths[0])->id, entryFor(store, paths[2])->id}));
}

TEST_F(Sessions, WithoutACloseNothingIsRemembered) {
    const QStringList paths = writeLogs({"quiet"});
    {
        MainWindow w;
        ASSERT_TRUE(openAndWait(w, paths));
        testing::part<RunStore>(w).setVisible(0, false);
    }
    MainWindow again;
    ASSERT_TRUE(openAndWait(again, paths));
    EXPECT_TRUE(testing::part<RunStore>(again).at(0).visible);
}

// The remembered runs are read once per load: a run opened after another window saved its
// colour (once this window's previous load had ended) still gets that colour.
TEST_F(Sessions, ARunOpenedLaterGetsTheColourAnotherWindowSavedMeanwhile) {
    const QStringList paths = writeLogs({"first", "later"});
    const QColor chosen(0x12, 0x34, 0x56);
    MainWindow reader;
    ASSERT_TRUE(openAndWait(reader, {paths[0]}));
    {
        MainWindow writer;
        ASSERT_TRUE(openAndWait(writer, {paths[1]}));
        RunStore& store = testing::part<RunStore>(writer);
        store.setColor(0, chosen);
        writer.close();
    }
    ASSERT_TRUE(openAndWait(reader, {paths[1]}));
    const RunStore& store = testing::part<RunStore>(reader);
    ASSERT_EQ(store.count(), 2);
    EXPECT_EQ(entryFor(store, paths[1])->color, chosen);
}

// Settings do not grow without bound with every run ever opened: past RunMemory::kMaxRuns the
// runs saved longest ago are forgotten, never an open one.
TEST_F(Sessions, TheRunsSavedLongestAgoAreForgottenPastTheLimit) {
    {
        QSettings s;
        s.beginGroup(QStringLiteral("runMemory"));
        for (int i = 0; i < RunMemory::kMaxRuns; ++i)
            s.setValue(QStringLiteral("run-old%1").arg(i),
                       QVariantMap{{QStringLiteral("path"), QStringLiteral("/gone/%1").arg(i)},
                                   {QStringLiteral("savedAt"), 1000 + i}});
    }
    const QStringList paths = writeLogs({"fresh"});
    const QColor chosen(0x65, 0x43, 0x21);
    {
        MainWindow w;
        ASSERT_TRUE(openAndWait(w, paths));
        testing::part<RunStore>(w).setColor(0, chosen);
        w.close();
    }
    QSettings s;
    s.beginGroup(QStringLiteral("runMemory"));
    const QStringList keys = s.childKeys().filter(QRegularExpression(QStringLiteral("^run-")));
    EXPECT_EQ(keys.count(), RunMemory::kMaxRuns);
    EXPECT_FALSE(keys.contains(QStringLiteral("run-old0")));  // the oldest went
    EXPECT_TRUE(keys.contains(QStringLiteral("run-old1")));
    s.endGroup();
    MainWindow again;
    ASSERT_TRUE(openAndWait(again, paths));
    EXPECT_EQ(testing::part<RunStore>(again).at(0).color, chosen);
}

}  // namespace
}  // namespace curvedoctor::ui
