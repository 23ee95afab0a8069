// core/watch: each kind of change a training run makes to its logs is reported, with inotify and
// with the stat poll alone (what a network mount gets), and an idle watcher sleeps.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <thread>
#include <utility>

#include "core/watch/watcher.h"
#include "follow_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace std::chrono_literals;
using testutil::appendAll;
using testutil::ScratchDir;
using testutil::writeAll;

// Waits up to 5 s for an event of `kind` on `path`; true when it came.
bool waitFor(Watcher& w, ChangeKind kind, const std::string& path) {
    const auto end = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < end) {
        for (const WatchEvent& e : w.wait(200ms)) {
            if (e.kind == kind && e.path == path) return true;
        }
    }
    return false;
}

class WatcherModes : public ::testing::TestWithParam<bool> {
protected:
    // true: inotify plus a slow poll (so inotify must do the work); false: a fast poll alone.
    WatchOptions options() const {
        WatchOptions o;
        o.useInotify = GetParam();
        o.pollInterval = GetParam() ? 60s : 50ms;
        return o;
    }
};

TEST_P(WatcherModes, ReportsGrowthTruncationRewriteAndDeletionOfAFile) {
    ScratchDir dir("watch");
    const std::string log = dir.file("metrics.csv");
    writeAll(log, "epoch,step,loss\n0,0,1.0\n");
    Watcher w(options());
    std::string error;
    ASSERT_TRUE(w.watch(log, error)) << error;
    appendAll(log, "0,1,0.9\n");
    EXPECT_TRUE(waitFor(w, ChangeKind::Grew, log));
    writeAll(log, "epoch,step,loss\n");  // cut in place (same inode)
    EXPECT_TRUE(waitFor(w, ChangeKind::Truncated, log));
    writeAll(log, "epoch;step;loss;acc\n");  // longer, other first bytes
    EXPECT_TRUE(waitFor(w, ChangeKind::Rewritten, log));
    std::filesystem::remove(log);
    EXPECT_TRUE(waitFor(w, ChangeKind::Deleted, log));
    writeAll(log, "epoch,step,loss\n");
    EXPECT_TRUE(waitFor(w, ChangeKind::Reappeared, log));
}

TEST_P(WatcherModes, ReportsARotatedFileAsReplaced) {
    ScratchDir dir("watch");
    const std::string log = dir.file("train.log");
    writeAll(log, "step=1 loss=2.0\n");
    Watcher w(options());
    std::string error;
    ASSERT_TRUE(w.watch(log, error)) << error;
    std::filesystem::rename(log, dir.file("train.log.1"));
    writeAll(dir.file("train.log.tmp"), "step=1 loss=2.0\nstep=2 loss=1.0\n");
    std::filesystem::rename(dir.file("train.log.tmp"), log);
    EXPECT_TRUE(waitFor(w, ChangeKind::Replaced, log));
}

TEST_P(WatcherModes, ReportsNewFilesInARunFolderAndNewRunFoldersInALogdir) {
    ScratchDir dir("watch");
    std::filesystem::create_directories(dir.file("run1"));
    writeAll(dir.file("run1/events.out.tfevents.1.host"), "x");
    Watcher w(options());
    std::string error;
    ASSERT_TRUE(w.watch(dir.path(), error)) << error;
    // A restarted TensorBoard writer: a second event file in the run folder.
    writeAll(dir.file("run1/events.out.tfevents.2.host"), "y");
    EXPECT_TRUE(waitFor(w, ChangeKind::NewFile, dir.file("run1/events.out.tfevents.2.host")));
    // A new run: a folder, then its log inside it.
    std::filesystem::create_directories(dir.file("run2"));
    EXPECT_TRUE(waitFor(w, ChangeKind::NewFolder, dir.file("run2")));
    writeAll(dir.file("run2/metrics.csv"), "epoch,step,loss\n");
    EXPECT_TRUE(waitFor(w, ChangeKind::NewFile, dir.file("run2/metrics.csv")));
    // Files inside a watched folder are followed too.
    appendAll(dir.file("run2/metrics.csv"), "0,0,1.5\n");
    EXPECT_TRUE(waitFor(w, ChangeKind::Grew, dir.file("run2/metrics.csv")));
}

TEST_P(WatcherModes, ReportsLostReadPermissionOnce) {
    ScratchDir dir("watch");
    const std::string log = dir.file("metrics.csv");
    writeAll(log, "epoch,step,loss\n");
    Watcher w(options());
    std::string error;
    ASSERT_TRUE(w.watch(log, error)) << error;
    ::chmod(log.c_str(), 0);
    {
        testutil::AsNobody nobody;  // root reads every file whatever its permissions
        EXPECT_TRUE(waitFor(w, ChangeKind::PermissionLost, log));
    }
    ::chmod(log.c_str(), 0644);
    testutil::AsNobody nobody;
    EXPECT_TRUE(waitFor(w, ChangeKind::PermissionRestored, log));
}

INSTANTIATE_TEST_SUITE_P(InotifyAndPolling, WatcherModes, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "inotify" : "polling"; });

// run/metrics.csv in `dir`, and a hard link to it in elsewhere/: writes through the link change
// the watched file without any event in run/ (as a network mount misses another machine's
// writes). Returns {the log, the link}.
std::pair<std::string, std::string> linkedLog(const ScratchDir& dir) {
    std::filesystem::create_directories(dir.file("run"));
    std::filesystem::create_directories(dir.file("elsewhere"));
    std::string log = dir.file("run/metrics.csv");
    std::string link = dir.file("elsewhere/metrics.csv");
    writeAll(log, "epoch,step,loss\n0,0,1.0\n");
    std::filesystem::create_hard_link(log, link);
    return {log, link};
}

TEST(Watcher, AFolderWhoseInotifyReportsIsStillPolledAndAMissedChangeIsSeen) {
    // A folder whose inotify watch has reported is polled only every trustedPollEvery-th time;
    // a change inotify misses (here: written through a hard link in an unwatched folder, as a
    // network mount misses another machine's writes) is still seen by that poll, and the
    // folder is polled every time again.
    ScratchDir dir("watch");
    const auto [log, link] = linkedLog(dir);
    WatchOptions o;
    o.pollInterval = 50ms;
    o.trustedPollEvery = 4;
    Watcher w(o);
    std::string error;
    ASSERT_TRUE(w.watch(dir.file("run"), error)) << error;
    appendAll(log, "0,1,0.9\n");  // inotify reports: the folder is trusted
    EXPECT_TRUE(waitFor(w, ChangeKind::Grew, log));
    appendAll(link, "0,2,0.8\n");  // inotify of run/ stays silent
    EXPECT_TRUE(waitFor(w, ChangeKind::Grew, log));
    appendAll(link, "0,3,0.7\n");
    EXPECT_TRUE(waitFor(w, ChangeKind::Grew, log));
}

TEST(Watcher, AFolderOnALocalDiskIsTrustedFromTheStartAndPolledOnlyAsAFallback) {
    // A finished sweep's run folders never report through inotify; on a local disk they are
    // trusted anyway and left out of the frequent poll. Seen from outside: a change inotify
    // cannot see (written through a hard link in an unwatched folder) is not found by the
    // frequent poll, while a watcher that only polls finds it within a few polls.
    ScratchDir dir("watch");
    if (!inotifySeesEveryWrite(dir.file(""))) GTEST_SKIP() << "the scratch folder is not local";
    const auto [log, link] = linkedLog(dir);
    WatchOptions trusting;
    trusting.pollInterval = 20ms;
    trusting.trustedPollEvery = 1000;
    WatchOptions polling = trusting;
    polling.useInotify = false;
    Watcher inotify(trusting);
    Watcher poll(polling);
    std::string error;
    ASSERT_TRUE(inotify.watch(dir.file("run"), error)) << error;
    ASSERT_TRUE(poll.watch(dir.file("run"), error)) << error;
    appendAll(link, "0,1,0.9\n");
    EXPECT_TRUE(waitFor(poll, ChangeKind::Grew, log));
    // 25 polls of 20 ms: a folder not trusted would have been looked at 25 times.
    bool seen = false;
    for (int i = 0; i < 25; ++i)
        for (const WatchEvent& e : inotify.wait(20ms)) seen = seen || e.path == log;
    EXPECT_FALSE(seen);
}

TEST(Watcher, IdleWaitSleepsUntilItsTimeout) {
    ScratchDir dir("watch");
    writeAll(dir.file("metrics.csv"), "epoch,step,loss\n");
    Watcher w;  // inotify, 1 s poll
    std::string error;
    ASSERT_TRUE(w.watch(dir.file("metrics.csv"), error)) << error;
    const std::clock_t cpu0 = std::clock();
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_TRUE(w.wait(300ms).empty());
    const auto waited = std::chrono::steady_clock::now() - t0;
    const double cpuSeconds = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    EXPECT_GE(waited, 250ms);
    // Sleeping in poll(), the process uses next to no CPU (a busy loop would use ~0.3 s).
    EXPECT_LT(cpuSeconds, 0.05);
}

TEST(Watcher, WakeEndsAWaitFromAnotherThread) {
    Watcher w;
    std::thread waker([&] {
        std::this_thread::sleep_for(50ms);
        w.wake();
    });
    const auto t0 = std::chrono::steady_clock::now();
    (void)w.wait(10s);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);
    waker.join();
}

TEST(Watcher, SleepIgnoresChangesUntilWokenAndTheNextCheckReportsThem) {
    ScratchDir dir("watch");
    const std::string log = dir.file("metrics.csv");
    writeAll(log, "epoch,step,loss\n0,0,1.0\n");
    WatchOptions o;
    o.pollInterval = 60s;  // inotify alone
    Watcher w(o);
    std::string error;
    ASSERT_TRUE(w.watch(log, error)) << error;
    appendAll(log, "0,1,0.9\n");
    // The inotify event waits: a sleep does not end on it ...
    const auto t0 = std::chrono::steady_clock::now();
    w.sleep(300ms);
    EXPECT_GE(std::chrono::steady_clock::now() - t0, 250ms);
    // ... but on wake(), from another thread.
    std::thread waker([&] {
        std::this_thread::sleep_for(50ms);
        w.wake();
    });
    const auto t1 = std::chrono::steady_clock::now();
    w.sleep(10s);
    EXPECT_LT(std::chrono::steady_clock::now() - t1, 5s);
    waker.join();
    // The growth made before the sleeps is still reported.
    bool grew = false;
    for (const WatchEvent& e : w.check())
        grew = grew || (e.kind == ChangeKind::Grew && e.path == log);
    EXPECT_TRUE(grew);
}

TEST(Watcher, UnwatchRemovesTheFoldersInotifyWatchOnceNothingInItIsWatched) {
    ScratchDir dir("watch");
    std::filesystem::create_directories(dir.file("logdir/run1"));
    writeAll(dir.file("a.csv"), "step,loss\n1,0.5\n");
    writeAll(dir.file("b.csv"), "step,loss\n1,0.5\n");
    Watcher w;
    std::string error;
    ASSERT_TRUE(w.watch(dir.file("a.csv"), error)) << error;
    ASSERT_TRUE(w.watch(dir.file("b.csv"), error)) << error;
    ASSERT_TRUE(w.watch(dir.file("logdir"), error)) << error;
    // The two files share their folder's watch; the logdir has one and its run folder one.
    EXPECT_EQ(w.inotifyWatchCount(), 3U);
    w.unwatch(dir.file("a.csv"));
    EXPECT_EQ(w.inotifyWatchCount(), 3U);  // b.csv still needs the folder's watch
    w.unwatch(dir.file("b.csv"));
    EXPECT_EQ(w.inotifyWatchCount(), 2U);
    w.unwatch(dir.file("logdir"));
    EXPECT_EQ(w.inotifyWatchCount(), 0U);
    EXPECT_EQ(w.watchedCount(), 0U);
    // Nothing is reported about what is no longer watched.
    appendAll(dir.file("b.csv"), "2,0.4\n");
    EXPECT_TRUE(w.wait(100ms).empty());
}

TEST(FileState, ClassifiesByInodeSizeAndHead) {
    FileState before;
    before.exists = before.readable = true;
    before.inode = 7;
    before.size = 100;
    before.head = "epoch,step,loss\n";
    FileState after = before;
    after.size = 120;
    EXPECT_EQ(classifyChange(before, after), ChangeKind::Grew);
    after.size = 90;
    EXPECT_EQ(classifyChange(before, after), ChangeKind::Truncated);
    after = before;
    after.head = "epoch;step;loss\n";
    EXPECT_EQ(classifyChange(before, after), ChangeKind::Rewritten);
    after = before;
    after.inode = 8;
    EXPECT_EQ(classifyChange(before, after), ChangeKind::Replaced);
    after = before;
    after.modifiedNs = 5;  // same size and head, written again (trainer_state.json)
    EXPECT_EQ(classifyChange(before, after), ChangeKind::Rewritten);
    EXPECT_EQ(classifyChange(before, before), std::nullopt);
}

}  // namespace
}  // namespace curvedoctor::core
