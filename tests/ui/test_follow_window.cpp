// The window follows its logs while they are written (issue #13): rows appended from a writer
// thread to a Lightning CSV and a TensorBoard event file reach the charted runs value for value;
// a zoom is kept unless it shows the end of the data, where it follows the end; a finding that
// appears mid-run is announced.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/finding_kind.h"
#include "tests/core/follow_test_support.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/metric_chart.h"
#include "ui/follow/follow_controller.h"
#include "ui/main_window.h"
#include "ui/models/run_list_model.h"
#include "ui/run_store.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

using core::testutil::appendAll;
using core::testutil::expectSameMetrics;
using core::testutil::fullLoad;
using core::testutil::ScratchDir;
using core::testutil::torchEvents;
using core::testutil::writeAll;
using testing::SettingsSandbox;

constexpr int kWaitMs = 15000;

// A Lightning metrics.csv row: a training row each step, a validation row every 10th step
// (sparse, as Lightning writes them). `value` overrides the training loss (NaN for a fault).
std::string lightningRows(int from, int to, std::optional<double> value = std::nullopt) {
    std::string s;
    for (int step = from; step < to; ++step) {
        const double loss = value ? *value : 2.0 / (1.0 + step * 0.1);
        s += std::to_string(step / 10) + "," + std::to_string(step) + "," + std::to_string(loss) +
             ",,\n";
        if (step % 10 == 9)
            s += std::to_string(step / 10) + "," + std::to_string(step) + ",," +
                 std::to_string(2.2 / (1.0 + step * 0.1)) + "," +
                 std::to_string(0.5 + step * 0.001) + "\n";
    }
    return s;
}
const std::string kHeader = "epoch,step,train_loss,val_loss,val_acc\n";

// Appends `bytes` in pieces of 1..97 bytes a millisecond apart, so lines and records are cut.
void writeInPieces(const std::string& path, const std::string& bytes, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> piece(1, 97);
    for (std::size_t pos = 0; pos < bytes.size();) {
        const std::size_t n = std::min(piece(rng), bytes.size() - pos);
        appendAll(path, bytes.substr(pos, n));
        pos += n;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

struct Window {
    SettingsSandbox settings;
    MainWindow window;
    RunStore& store = *window.findChild<RunStore*>();
    ChartPanel& charts = *window.findChild<ChartPanel*>();

    void open(const QStringList& paths) {
        QSignalSpy finished(&window.loadController(), &LoadController::finished);
        window.openPaths(paths);
        ASSERT_TRUE(testing::waitForLoad(window.loadController(), finished));
    }
    [[nodiscard]] const RunEntry* entry(const std::string& source) const {
        const int row = store.rowOfSource(QString::fromStdString(source));
        return row < 0 ? nullptr : &store.at(row);
    }
    /// Waits until the run of `source` has `points` points (and the charts were rebuilt).
    bool waitForPoints(const std::string& source, std::size_t points) {
        return QTest::qWaitFor(
            [&] {
                const RunEntry* e = entry(source);
                return e != nullptr && e->run->pointCount() == points && !charts.charts().isEmpty();
            },
            kWaitMs);
    }
};

TEST(FollowWindow, FollowedRunsEqualAFullLoadOfTheFinalFiles) {
    ScratchDir dir("follow-window");
    std::filesystem::create_directories(dir.file("lightning"));
    std::filesystem::create_directories(dir.file("tb"));
    const std::string csv = dir.file("lightning/metrics.csv");
    const std::string events = dir.file("tb/events.out.tfevents.1700000000.host");
    writeAll(csv, kHeader + lightningRows(0, 5));
    const std::string allEvents = torchEvents(80);
    const std::size_t firstEvents = torchEvents(3).size();
    writeAll(events, allEvents.substr(0, firstEvents));

    Window w;
    w.window.show();
    w.open({QString::fromStdString(csv), QString::fromStdString(events)});
    ASSERT_NE(w.entry(csv), nullptr);
    ASSERT_NE(w.entry(events), nullptr);

    std::atomic<bool> done{false};
    std::thread writer([&] {
        writeInPieces(csv, lightningRows(5, 150), 7);
        writeInPieces(events, allEvents.substr(firstEvents), 11);
        done = true;
    });
    // The window keeps running (and following) while the writer writes.
    EXPECT_TRUE(QTest::qWaitFor([&] { return done.load(); }, 60000));
    writer.join();

    const core::Run csvFinal = fullLoad(csv);
    const core::Run eventsFinal = fullLoad(events);
    ASSERT_TRUE(w.waitForPoints(csv, csvFinal.pointCount()))
        << w.entry(csv)->run->pointCount() << " of " << csvFinal.pointCount() << " points";
    ASSERT_TRUE(w.waitForPoints(events, eventsFinal.pointCount()))
        << w.entry(events)->run->pointCount() << " of " << eventsFinal.pointCount() << " points";
    expectSameMetrics(*w.entry(csv)->run, csvFinal, "followed Lightning CSV");
    expectSameMetrics(*w.entry(events)->run, eventsFinal, "followed event file");
    // What the chart draws is the store's run.
    const MetricChart* loss = w.charts.charts().front();
    EXPECT_EQ(loss->dataXMax(), 149.0);
}

// A training about to start: the logdir opened does not exist yet; its run appears when written.
TEST(FollowWindow, ALogdirThatDoesNotExistYetIsFollowedWhenItAppears) {
    ScratchDir dir("follow-window");
    const std::string logdir = dir.file("later");
    Window w;
    w.window.show();
    w.open({QString::fromStdString(logdir)});  // fails to load: nothing there yet
    EXPECT_EQ(w.store.count(), 0);
    std::filesystem::create_directories(logdir + "/run1");
    const std::string csv = logdir + "/run1/metrics.csv";
    writeAll(csv, kHeader + lightningRows(0, 5));
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.entry(csv) != nullptr; }, kWaitMs));
    appendAll(csv, lightningRows(5, 20));
    const core::Run final = fullLoad(csv);
    ASSERT_TRUE(w.waitForPoints(csv, final.pointCount()))
        << w.entry(csv)->run->pointCount() << " of " << final.pointCount() << " points";
    expectSameMetrics(*w.entry(csv)->run, final, "a logdir that appeared later");
}

// The race behind the test above, made certain: the logdir appears after the window's load
// found nothing but before the worker first walks it (here: following is off meanwhile). What
// the worker finds at its start that changed since the window began loading is posted.
TEST(FollowWindow, ARunWrittenBeforeTheWorkerStartsButAfterTheLoadIsShown) {
    ScratchDir dir("follow-window");
    const std::string logdir = dir.file("later");
    Window w;
    FollowController& follow = *w.window.findChild<FollowController*>();
    follow.setEnabled(false);
    w.window.show();
    w.open({QString::fromStdString(logdir)});
    EXPECT_EQ(w.store.count(), 0);
    std::filesystem::create_directories(logdir + "/run1");
    const std::string csv = logdir + "/run1/metrics.csv";
    writeAll(csv, kHeader + lightningRows(0, 12));
    follow.setEnabled(true);
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.entry(csv) != nullptr; }, kWaitMs));
    const core::Run final = fullLoad(csv);
    ASSERT_TRUE(w.waitForPoints(csv, final.pointCount()));
    expectSameMetrics(*w.entry(csv)->run, final, "a run written before the worker started");
}

// Rows written while following was off reach the window when it is switched on again.
TEST(FollowWindow, RowsWrittenWhileFollowingWasOffComeWhenItIsOnAgain) {
    ScratchDir dir("follow-window");
    const std::string csv = dir.file("run/metrics.csv");
    std::filesystem::create_directories(dir.file("run"));
    writeAll(csv, kHeader + lightningRows(0, 10));
    Window w;
    w.window.show();
    w.open({QString::fromStdString(csv)});
    ASSERT_NE(w.entry(csv), nullptr);
    FollowController& follow = *w.window.findChild<FollowController*>();
    follow.setEnabled(false);
    appendAll(csv, lightningRows(10, 30));
    follow.setEnabled(true);
    const core::Run final = fullLoad(csv);
    ASSERT_TRUE(w.waitForPoints(csv, final.pointCount()))
        << w.entry(csv)->run->pointCount() << " of " << final.pointCount() << " points";
    expectSameMetrics(*w.entry(csv)->run, final, "rows written while following was off");
}

// Logs the window loaded that were last written long before (a finished sweep): the follow
// worker holds no copy of them until one changes. The one that grows comes whole, equal to a
// full load; the one deleted keeps its run and is marked gone.
TEST(FollowWindow, FinishedLogsComeWholeWhenTheyGrowAndAreMarkedGoneWhenDeleted) {
    ScratchDir dir("follow-window");
    std::filesystem::create_directories(dir.file("logs/grows"));
    std::filesystem::create_directories(dir.file("logs/goes"));
    const std::string grows = dir.file("logs/grows/metrics.csv");
    const std::string goes = dir.file("logs/goes/metrics.csv");
    for (const std::string& csv : {grows, goes}) {
        writeAll(csv, kHeader + lightningRows(0, 20));
        std::filesystem::last_write_time(
            csv, std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
    }
    Window w;
    w.window.show();
    w.open({QString::fromStdString(dir.file("logs"))});
    ASSERT_NE(w.entry(grows), nullptr);
    ASSERT_NE(w.entry(goes), nullptr);
    const std::size_t goesPoints = w.entry(goes)->run->pointCount();

    appendAll(grows, lightningRows(20, 30));
    const core::Run final = fullLoad(grows);
    ASSERT_TRUE(w.waitForPoints(grows, final.pointCount()))
        << w.entry(grows)->run->pointCount() << " of " << final.pointCount() << " points";
    expectSameMetrics(*w.entry(grows)->run, final, "a finished log that grew");

    std::filesystem::remove(goes);
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.entry(goes)->gone; }, kWaitMs));
    EXPECT_EQ(w.entry(goes)->run->pointCount(), goesPoints);
    EXPECT_FALSE(w.entry(grows)->gone);
}

// Many runs growing at once: the worker reads their files only when a post is due and sends
// their diagnoses with the posts; every run still ends equal to a full load, with its finding.
TEST(FollowWindow, ManyGrowingRunsReachTheWindowWithTheirDiagnoses) {
    ScratchDir dir("follow-many");
    constexpr int kRuns = 12;
    std::vector<std::string> csvs;
    for (int r = 0; r < kRuns; ++r) {
        const std::string folder = dir.file("logs/run" + std::to_string(r));
        std::filesystem::create_directories(folder);
        csvs.push_back(folder + "/metrics.csv");
        writeAll(csvs.back(), kHeader + lightningRows(0, 20));
    }
    Window w;
    w.window.show();
    w.open({QString::fromStdString(dir.file("logs"))});
    ASSERT_EQ(w.store.count(), kRuns);

    std::atomic<bool> done{false};
    std::thread writer([&] {
        for (int step = 20; step < 60; step += 2) {
            for (const std::string& csv : csvs) appendAll(csv, lightningRows(step, step + 2));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        // The loss of every run becomes NaN: each run's diagnosis must say so.
        for (const std::string& csv : csvs) appendAll(csv, lightningRows(60, 63, std::nan("")));
        done = true;
    });
    EXPECT_TRUE(QTest::qWaitFor([&] { return done.load(); }, 60000));
    writer.join();

    const auto hasNan = [](const RunEntry& e) {
        return std::any_of(
            e.diagnosis.findings.begin(), e.diagnosis.findings.end(),
            [](const core::Finding& f) { return f.kind == core::FindingKind::NanInf; });
    };
    for (const std::string& csv : csvs) {
        const core::Run final = fullLoad(csv);
        ASSERT_TRUE(w.waitForPoints(csv, final.pointCount()))
            << csv << ": " << w.entry(csv)->run->pointCount() << " of " << final.pointCount();
        expectSameMetrics(*w.entry(csv)->run, final, csv);
        EXPECT_TRUE(QTest::qWaitFor([&] { return hasNan(*w.entry(csv)); }, kWaitMs)) << csv;
    }
}

TEST(FollowWindow, AZoomStaysPutUnlessItShowsTheEndWhichItThenFollows) {
    ScratchDir dir("follow-zoom");
    const std::string csv = dir.file("metrics.csv");
    writeAll(csv, kHeader + lightningRows(0, 50));
    Window w;
    w.window.show();
    w.open({QString::fromStdString(csv)});
    MetricChart* chart = w.charts.charts().front();
    ASSERT_EQ(chart->dataXMax(), 49.0);

    // Zoomed into the middle: new rows do not move it.
    chart->setXRange(10.0, 20.0);
    appendAll(csv, lightningRows(50, 100));
    ASSERT_TRUE(w.waitForPoints(csv, fullLoad(csv).pointCount()));
    chart = w.charts.charts().front();
    EXPECT_EQ(chart->dataXMax(), 99.0);
    EXPECT_TRUE(chart->hasUserRange());
    EXPECT_DOUBLE_EQ(chart->xMin(), 10.0);
    EXPECT_DOUBLE_EQ(chart->xMax(), 20.0);

    // Zoomed onto the end (steps 80..99): the view follows the end, keeping its width.
    chart->setXRange(80.0, 99.0);
    appendAll(csv, lightningRows(100, 120));
    ASSERT_TRUE(w.waitForPoints(csv, fullLoad(csv).pointCount()));
    chart = w.charts.charts().front();
    EXPECT_EQ(chart->dataXMax(), 119.0);
    EXPECT_DOUBLE_EQ(chart->xMin(), 100.0);
    EXPECT_DOUBLE_EQ(chart->xMax(), 119.0);
}

TEST(FollowWindow, AFindingThatAppearsMidRunIsAnnounced) {
    ScratchDir dir("follow-announce");
    const std::string csv = dir.file("metrics.csv");
    writeAll(csv, kHeader + lightningRows(0, 30));
    Window w;
    w.window.show();
    w.open({QString::fromStdString(csv)});
    auto* follow = w.window.findChild<FollowController*>();
    ASSERT_NE(follow, nullptr);
    QSignalSpy appeared(follow, &FollowController::findingAppeared);

    // Healthy rows: nothing to announce (and no not_learning at step 40: too early to judge).
    appendAll(csv, lightningRows(30, 40));
    ASSERT_TRUE(w.waitForPoints(csv, fullLoad(csv).pointCount()));
    QTest::qWait(static_cast<int>(FollowController::kDebounce.count()) + 500);
    for (const QList<QVariant>& a : appeared)
        ADD_FAILURE() << "announced on a healthy run: " << a.at(2).toString().toStdString();
    appeared.clear();

    // The loss becomes NaN.
    appendAll(csv, lightningRows(40, 47, std::nan("")));
    ASSERT_TRUE(appeared.wait(kWaitMs));
    const QString runName = appeared.front().at(1).toString();
    const QString text = appeared.front().at(2).toString();
    EXPECT_TRUE(text.contains(QStringLiteral("nan_inf"))) << text.toStdString();
    EXPECT_TRUE(text.contains(runName)) << text.toStdString();
    EXPECT_TRUE(appeared.front().at(3).toBool());  // an error
    const QString status = w.window.statusBar()->currentMessage();
    EXPECT_TRUE(status.contains(QStringLiteral("nan_inf")) && status.contains(runName))
        << status.toStdString();
    auto* runList = w.window.findChild<RunListModel*>();
    ASSERT_NE(runList, nullptr);
    EXPECT_TRUE(runList->isFlashing(appeared.front().at(0).toInt()));
    // Once is enough: the same finding growing with the run is not announced again.
    appendAll(csv, lightningRows(47, 50, std::nan("")));
    QTest::qWait(static_cast<int>(FollowController::kDebounce.count()) + 500);
    EXPECT_EQ(appeared.size(), 1);
}

}  // namespace
}  // namespace curvedoctor::ui
