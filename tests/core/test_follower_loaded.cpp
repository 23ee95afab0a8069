// core/follow/follower: paths the caller loaded itself (Follower::followLoaded, what a window
// does). Their runs wait unloaded, watched only, until they first change; then they are loaded
// whole, reported changed, and followed from there. A run that appears later is loaded at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <sys/stat.h>

#include "core/follow/follower.h"
#include "follow_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace std::chrono_literals;
using testutil::appendAll;
using testutil::expectSameMetrics;
using testutil::fullLoad;
using testutil::ScratchDir;
using testutil::stepUntil;
using testutil::torchEvents;
using testutil::writeAll;

const std::string kCsvHead = "epoch,step,train_loss\n0,0,2.0\n0,1,1.5\n";

std::size_t indexOf(const Follower& f, const std::string& source) {
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f.source(i) == source) return i;
    }
    return f.size();
}

// The run a fresh load of a run folder (event files) gives.
Run folderLoad(const std::string& folder) {
    const LoadBatch batch = loadPaths({folder});
    if (batch.runs.empty()) {
        ADD_FAILURE() << folder << ": no run";
        return {};
    }
    return *batch.runs.front();
}

bool contains(const std::vector<std::size_t>& v, std::size_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(FollowerLoaded, RunsWaitUnloadedUntilTheyChangeThenComeWhole) {
    ScratchDir dir("follower-loaded");
    std::filesystem::create_directories(dir.file("csv"));
    std::filesystem::create_directories(dir.file("tb"));
    const std::string csv = dir.file("csv/metrics.csv");
    const std::string tb = dir.file("tb");
    const std::string events = dir.file("tb/events.out.tfevents.1.host");
    writeAll(csv, kCsvHead);
    const std::string allEvents = torchEvents(20);
    const std::size_t firstEvents = torchEvents(5).size();
    writeAll(events, allEvents.substr(0, firstEvents));

    Follower f({});
    f.followLoaded(dir.path());
    ASSERT_EQ(f.size(), 2U);
    const std::size_t c = indexOf(f, csv);
    const std::size_t t = indexOf(f, tb);
    ASSERT_LT(c, f.size());
    ASSERT_LT(t, f.size());
    for (std::size_t i : {c, t}) {
        EXPECT_FALSE(f.loaded(i));
        EXPECT_EQ(f.run(i).pointCount(), 0U);
        EXPECT_FALSE(f.gone(i));
    }

    // The CSV grows: it is loaded whole (every row, not only the new one) and said changed;
    // the event folder, untouched, still waits.
    appendAll(csv, "0,2,1.25\n");
    std::vector<std::size_t> changed;
    ASSERT_TRUE(stepUntil(
        f, [&] { return f.run(c).pointCount() == 3; }, &changed));
    EXPECT_TRUE(contains(changed, c));
    expectSameMetrics(f.run(c), fullLoad(csv), "the CSV after its first change");
    EXPECT_FALSE(f.loaded(t));
    // From then on it is followed as any file: the next row is appended.
    appendAll(csv, "0,3,1.0\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(c).pointCount() == 4; }));
    expectSameMetrics(f.run(c), fullLoad(csv), "the CSV after its second change");

    // The event file grows: its folder run is loaded whole.
    appendAll(events, allEvents.substr(firstEvents));
    changed.clear();
    const std::size_t all = folderLoad(tb).pointCount();
    ASSERT_TRUE(stepUntil(
        f, [&] { return f.run(t).pointCount() == all; }, &changed));
    EXPECT_TRUE(contains(changed, t));
    expectSameMetrics(f.run(t), folderLoad(tb), "the event folder after its change");
}

TEST(FollowerLoaded, ARunThatAppearsLaterIsLoadedAtOnce) {
    ScratchDir dir("follower-loaded");
    std::filesystem::create_directories(dir.file("run1"));
    writeAll(dir.file("run1/metrics.csv"), kCsvHead);
    Follower f({});
    f.followLoaded(dir.path());
    ASSERT_EQ(f.size(), 1U);
    EXPECT_FALSE(f.loaded(0));

    std::filesystem::create_directories(dir.file("run2"));
    const std::string log2 = dir.file("run2/metrics.csv");
    writeAll(log2, kCsvHead);
    std::vector<std::size_t> changed;
    ASSERT_TRUE(stepUntil(
        f, [&] { return indexOf(f, log2) < f.size() && f.loaded(indexOf(f, log2)); }, &changed));
    EXPECT_TRUE(contains(changed, indexOf(f, log2)));
    expectSameMetrics(f.run(indexOf(f, log2)), fullLoad(log2), "a run that appeared later");
    EXPECT_FALSE(f.loaded(indexOf(f, dir.file("run1/metrics.csv"))));  // still unchanged
}

TEST(FollowerLoaded, LoadTakesAWaitingRunInNow) {
    ScratchDir dir("follower-loaded");
    const std::string csv = dir.file("metrics.csv");
    writeAll(csv, kCsvHead);
    Follower f({});
    f.followLoaded(csv);
    ASSERT_EQ(f.size(), 1U);
    EXPECT_FALSE(f.loaded(0));
    f.load(0);
    ASSERT_TRUE(f.loaded(0));
    expectSameMetrics(f.run(0), fullLoad(csv), "a file loaded when asked");
}

TEST(FollowerLoaded, AWaitingFileThatIsDeletedIsGoneAndComesBackWhenWrittenAgain) {
    ScratchDir dir("follower-loaded");
    const std::string csv = dir.file("metrics.csv");
    writeAll(csv, kCsvHead);
    Follower f({});
    f.followLoaded(csv);
    ASSERT_EQ(f.size(), 1U);
    std::filesystem::remove(csv);
    ASSERT_TRUE(stepUntil(f, [&] { return f.gone(0); }));
    EXPECT_FALSE(f.loaded(0));
    writeAll(csv, kCsvHead + "0,2,1.25\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.loaded(0) && f.run(0).pointCount() == 3; }));
    EXPECT_FALSE(f.gone(0));
}

// A waiting file whose read permission goes gets one message, as a followed file does (the
// follower looks at every file without an event every 10 s), and one when it comes back; the
// caller's run stays and waits.
TEST(FollowerLoaded, AWaitingFileThatLosesItsReadPermissionIsSaidOnceAndWhenItComesBack) {
    ScratchDir dir("follower-loaded");
    const std::string csv = dir.file("metrics.csv");
    writeAll(csv, kCsvHead);
    Follower f({});
    f.followLoaded(csv);
    ASSERT_EQ(f.size(), 1U);
    ::chmod(csv.c_str(), 0);
    std::vector<std::string> said;
    const auto stepFor = [&](std::chrono::seconds limit, std::size_t messages) {
        const testutil::AsNobody nobody;  // root reads every file whatever its permissions
        const auto end = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < end && said.size() < messages) {
            for (auto& m : f.wait(200ms).messages) said.push_back(std::move(m));
        }
    };
    stepFor(15s, 1);
    ASSERT_EQ(said.size(), 1U);
    EXPECT_NE(said[0].find("cannot be read any more"), std::string::npos) << said[0];
    EXPECT_NE(said[0].find(csv), std::string::npos) << said[0];
    EXPECT_FALSE(f.loaded(0));
    EXPECT_FALSE(f.gone(0));
    ::chmod(csv.c_str(), 0644);
    stepFor(15s, 2);
    ASSERT_EQ(said.size(), 2U);
    EXPECT_NE(said[1].find("readable again"), std::string::npos) << said[1];
    EXPECT_FALSE(f.loaded(0));  // its content did not change: the caller's run is right
}

// A path that does not exist yet is followed as follow() does: it becomes a logdir.
TEST(FollowerLoaded, APathThatDoesNotExistYetIsFollowedWhenItAppears) {
    ScratchDir dir("follower-loaded");
    const std::string logdir = dir.file("runs");
    Follower f({});
    f.followLoaded(logdir);
    std::filesystem::create_directories(logdir + "/run1");
    const std::string csv = logdir + "/run1/metrics.csv";
    writeAll(csv, kCsvHead);
    ASSERT_TRUE(
        stepUntil(f, [&] { return indexOf(f, csv) < f.size() && f.loaded(indexOf(f, csv)); }));
    expectSameMetrics(f.run(indexOf(f, csv)), fullLoad(csv), "a logdir that appeared later");
}

}  // namespace
}  // namespace curvedoctor::core
