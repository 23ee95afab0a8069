// core/follow/follower: a logdir followed as a whole: a run's log that grows is taken in, a new
// run folder becomes a new run, and a restarted TensorBoard writer's second event file joins its
// run (the folder run is loaded again whole).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "core/follow/follower.h"
#include "core/loaders/tfevents_reader.h"
#include "follow_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace std::chrono_literals;
using testutil::appendAll;
using testutil::expectSameMetrics;
using testutil::fullLoad;
using testutil::ScratchDir;
using testutil::writeAll;

// Steps the follower until `done` holds or 5 s pass.
template <typename Done>
bool stepUntil(Follower& f, Done done) {
    const auto end = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < end) {
        (void)f.wait(100ms);
        if (done()) return true;
    }
    return false;
}

std::size_t indexOf(const Follower& f, const std::string& source) {
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f.run(i).source == source) return i;
    }
    return f.size();
}

TEST(Follower, LogdirGrowsAndGainsRuns) {
    ScratchDir dir("follower");
    std::filesystem::create_directories(dir.file("run1"));
    const std::string log1 = dir.file("run1/metrics.csv");
    writeAll(log1, "epoch,step,train_loss\n0,0,2.0\n0,1,1.5\n");
    Follower f({dir.path()});
    ASSERT_EQ(f.size(), 1U);
    ASSERT_EQ(f.run(0).source, log1);
    appendAll(log1, "0,2,1.25\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == 3; }));
    expectSameMetrics(f.run(0), fullLoad(log1), "run1");

    std::filesystem::create_directories(dir.file("run2"));
    const std::string log2 = dir.file("run2/metrics.csv");
    writeAll(log2, "epoch,step,train_loss\n0,0,3.0\n");
    ASSERT_TRUE(stepUntil(f, [&] { return indexOf(f, log2) < f.size(); }));
    const std::size_t two = indexOf(f, log2);
    appendAll(log2, "0,1,2.5\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(two).pointCount() == 2; }));
    expectSameMetrics(f.run(two), fullLoad(log2), "run2");
}

std::string scalarRecord(std::int64_t step, float v) {
    auto varint = [](std::string& out, std::uint64_t x) {
        for (; x >= 0x80; x >>= 7) out.push_back(static_cast<char>((x & 0x7F) | 0x80));
        out.push_back(static_cast<char>(x));
    };
    auto field = [&](std::string& out, int number, const std::string& payload) {
        varint(out, static_cast<std::uint64_t>(number << 3 | 2));
        varint(out, payload.size());
        out += payload;
    };
    std::string value;
    field(value, 1, "loss");
    value.push_back(0x15);
    value.append(reinterpret_cast<const char*>(&v), 4);
    std::string summary;
    field(summary, 1, value);
    std::string event;
    event.push_back(0x10);
    varint(event, static_cast<std::uint64_t>(step));
    field(event, 5, summary);
    const std::uint64_t n = event.size();
    std::string len(reinterpret_cast<const char*>(&n), 8);
    const std::uint32_t c1 = maskCrc32c(crc32c(len));
    const std::uint32_t c2 = maskCrc32c(crc32c(event));
    return len + std::string(reinterpret_cast<const char*>(&c1), 4) + event +
           std::string(reinterpret_cast<const char*>(&c2), 4);
}

TEST(Follower, RestartedWriterEventFileJoinsItsRun) {
    ScratchDir dir("follower");
    std::filesystem::create_directories(dir.file("logs/run1"));
    writeAll(dir.file("logs/run1/events.out.tfevents.1.host"),
             scalarRecord(0, 2.0F) + scalarRecord(1, 1.5F));
    writeAll(dir.file("logs/run1/events.out.tfevents.2.host"), scalarRecord(2, 1.25F));
    Follower f({dir.file("logs")});
    ASSERT_EQ(f.size(), 1U);
    ASSERT_EQ(f.run(0).pointCount(), 3U) << f.run(0).source;
    // The writer restarts: a third event file in the same run folder.
    writeAll(dir.file("logs/run1/events.out.tfevents.3.host"),
             scalarRecord(3, 1.0F) + scalarRecord(4, 0.75F));
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == 5; }));
    EXPECT_EQ(f.size(), 1U);
    const Series* loss = f.run(0).find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->values.back(), 0.75);
}

}  // namespace
}  // namespace curvedoctor::core
