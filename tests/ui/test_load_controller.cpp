#include <gtest/gtest.h>

#include <QProgressBar>
#include <QSignalSpy>
#include <QThread>
#include <QToolButton>
#include <atomic>
#include <sstream>
#include <thread>

#include "core/loader_registry.h"
#include "ui/load_controller.h"
#include "ui/panels/load_status_widget.h"
#include "ui/run_store.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

/// Reads "step value" lines into metric "loss"; records the thread it ran on. Claims files
/// ending in ".steps". A file whose first line is "block" spins, reporting progress, until the
/// caller cancels; one whose first line is "slow" takes 40 ms to read.
class ProbeLoader : public core::Loader {
public:
    mutable std::atomic<std::thread::id> lastThread{};
    std::string_view id() const override { return "probe"; }
    std::string_view description() const override { return "test probe"; }
    int sniff(const core::SniffInput& in) const override {
        return in.fileName.ends_with(".steps") ? core::confidence::kCertain
                                               : core::confidence::kNone;
    }
    core::LoadResult load(const core::LoadInput& in) const override {
        lastThread = std::this_thread::get_id();
        core::LoadResult r;
        if (in.bytes.starts_with("block")) {
            while (!in.progress || in.progress(0.5)) QThread::msleep(5);
            r.cancelled = true;
            return r;
        }
        if (in.bytes.starts_with("bad")) {
            r.error = "line 1: not a number";
            return r;
        }
        core::Run run;
        std::string_view text = in.bytes;
        if (text.starts_with("slow\n")) {
            QThread::msleep(40);
            text.remove_prefix(5);
        }
        std::istringstream lines{std::string(text)};
        std::int64_t step = 0;
        double value = 0;
        core::Series s;
        while (lines >> step >> value) {
            s.steps.push_back(step);
            s.values.push_back(value);
        }
        run.metrics["loss"] = s;
        r.runs.push_back(std::move(run));
        return r;
    }
};

struct Fixture {
    core::LoaderRegistry registry;
    ProbeLoader* probe = nullptr;
    QTemporaryDir dir;
    Fixture() {
        auto loader = std::make_unique<ProbeLoader>();
        probe = loader.get();
        registry.add(std::move(loader));
    }
};

TEST(LoadController, LoadsOffTheGuiThreadAndReportsFailuresWhileOthersOpen) {
    Fixture fx;
    RunStore store;
    LoadController controller(store, fx.registry);
    QSignalSpy finished(&controller, &LoadController::finished);
    QSignalSpy failed(&controller, &LoadController::loadFailed);
    QSignalSpy opened(&controller, &LoadController::pathsOpened);
    const QString good =
        testing::writeFile(fx.dir, QStringLiteral("good.steps"), "0 1.0\n10 0.5\n");
    const QString bad = testing::writeFile(fx.dir, QStringLiteral("bad.steps"), "bad\n");
    const QString missing = fx.dir.filePath(QStringLiteral("missing.steps"));
    controller.open({bad, good, missing});
    EXPECT_TRUE(controller.isBusy());
    EXPECT_EQ(store.count(), 0);  // nothing arrives synchronously: the work is elsewhere
    ASSERT_TRUE(testing::waitForLoad(controller, finished));
    EXPECT_FALSE(controller.isBusy());
    EXPECT_NE(fx.probe->lastThread.load(), std::this_thread::get_id());
    ASSERT_EQ(store.count(), 1);
    EXPECT_EQ(store.at(0).run->find("loss")->size(), 2u);
    ASSERT_EQ(failed.count(), 2);
    EXPECT_EQ(failed.at(0).at(0).toString(), bad);
    EXPECT_EQ(failed.at(0).at(1).toString(), QStringLiteral("line 1: not a number"));
    EXPECT_EQ(failed.at(1).at(0).toString(), missing);
    ASSERT_EQ(opened.count(), 1);
    EXPECT_EQ(opened.at(0).at(0).toStringList(), QStringList{good});
}

TEST(LoadController, CancelStopsAJobAndKeepsNothingHalfRead) {
    Fixture fx;
    RunStore store;
    LoadController controller(store, fx.registry);
    QSignalSpy finished(&controller, &LoadController::finished);
    QSignalSpy progress(&controller, &LoadController::progressChanged);
    const QString slow = testing::writeFile(fx.dir, QStringLiteral("slow.steps"), "block\n");
    controller.open({slow});
    ASSERT_TRUE(progress.wait(5000));  // the loader is running and reporting
    controller.cancel();
    ASSERT_TRUE(testing::waitForLoad(controller, finished));
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_EQ(store.count(), 0);
    EXPECT_FALSE(controller.isBusy());
}

TEST(LoadStatusWidget, ShowsProgressWhileBusyAndItsCancelButtonCancels) {
    Fixture fx;
    RunStore store;
    LoadController controller(store, fx.registry);
    QWidget bar;
    auto* status = new LoadStatusWidget(controller, &bar);
    EXPECT_FALSE(status->isVisibleTo(&bar));
    QSignalSpy finished(&controller, &LoadController::finished);
    QSignalSpy progress(&controller, &LoadController::progressChanged);
    controller.open({testing::writeFile(fx.dir, QStringLiteral("slow.steps"), "block\n")});
    EXPECT_TRUE(status->isVisibleTo(&bar));
    ASSERT_TRUE(progress.wait(5000));
    // The probe reports half of its only file; loading is 90% of a file's share: 450 permille.
    EXPECT_EQ(status->progressBar()->value(), 450);
    status->cancelButton()->click();
    ASSERT_TRUE(testing::waitForLoad(controller, finished));
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_FALSE(status->isVisibleTo(&bar));
}

TEST(LoadController, DestroyingWhileBusyCancelsAndJoins) {
    Fixture fx;
    RunStore store;
    const QString slow = testing::writeFile(fx.dir, QStringLiteral("slow.steps"), "block\n");
    {
        LoadController controller(store, fx.registry);
        controller.open({slow});
        QThread::msleep(20);
    }  // must not hang or crash
    EXPECT_EQ(store.count(), 0);
}

TEST(LoadController, ReloadReplacesRunsKeepingNameColourAndVisibility) {
    Fixture fx;
    RunStore store;
    LoadController controller(store, fx.registry);
    QSignalSpy finished(&controller, &LoadController::finished);
    const QString path = testing::writeFile(fx.dir, QStringLiteral("run.steps"), "0 1.0\n");
    controller.open({path});
    ASSERT_TRUE(testing::waitForLoad(controller, finished));
    ASSERT_EQ(store.count(), 1);
    store.rename(0, QStringLiteral("my run"));
    store.setColor(0, QColor(Qt::magenta));
    store.setVisible(0, false);
    testing::writeFile(fx.dir, QStringLiteral("run.steps"), "0 1.0\n10 0.8\n20 0.6\n");
    finished.clear();
    controller.reloadAll();
    ASSERT_TRUE(testing::waitForLoad(controller, finished));
    ASSERT_EQ(store.count(), 1);
    EXPECT_EQ(store.at(0).run->find("loss")->size(), 3u);
    EXPECT_EQ(store.at(0).name, QStringLiteral("my run"));
    EXPECT_EQ(store.at(0).color, QColor(Qt::magenta));
    EXPECT_FALSE(store.at(0).visible);
    // Opening the same file again replaces it too instead of listing it twice.
    finished.clear();
    controller.open({path});
    ASSERT_TRUE(testing::waitForLoad(controller, finished));
    EXPECT_EQ(store.count(), 1);
}

TEST(LoadController, TheFirstRunsOfAFolderShowBeforeItIsRead) {
    Fixture fx;
    RunStore store;
    LoadController controller(store, fx.registry);
    QSignalSpy finished(&controller, &LoadController::finished);
    for (int i = 0; i < 30; ++i)
        testing::writeFile(fx.dir,
                           QStringLiteral("sweep/run%1/log.steps").arg(i, 2, 10, QChar('0')),
                           "slow\n0 1.0\n");
    controller.open({fx.dir.filePath(QStringLiteral("sweep"))});
    // Some runs are in the store while the loader is still busy with the others.
    ASSERT_TRUE(QTest::qWaitFor([&] { return store.count() > 0; }, 20000));
    EXPECT_TRUE(controller.isBusy());
    EXPECT_LT(store.count(), 30);
    ASSERT_TRUE(testing::waitForLoad(controller, finished));
    EXPECT_EQ(store.count(), 30);
    EXPECT_EQ(finished.at(0).at(0).toInt(), 30);
    EXPECT_EQ(store.at(0).name, QStringLiteral("run00"));
    EXPECT_EQ(store.at(29).name, QStringLiteral("run29"));
}

TEST(LoadController, RequestsWhileBusyQueueBehindTheRunningJob) {
    Fixture fx;
    RunStore store;
    LoadController controller(store, fx.registry);
    QSignalSpy finished(&controller, &LoadController::finished);
    QSignalSpy ended(&store, &RunStore::loadEnded);
    const QString a = testing::writeFile(fx.dir, QStringLiteral("a.steps"), "0 1\n");
    const QString b = testing::writeFile(fx.dir, QStringLiteral("b.steps"), "0 2\n");
    controller.open({a});
    controller.open({b});
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 2; }, 20000));
    EXPECT_EQ(store.count(), 2);
    EXPECT_FALSE(controller.isBusy());
    // The store hears once that loading is over: after the queued job, not between the two.
    EXPECT_EQ(ended.count(), 1);
}

}  // namespace
}  // namespace curvedoctor::ui
