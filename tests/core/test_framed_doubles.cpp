// Wall times kept in frames (core/framed_doubles.h, PackedColumn::pack): every entry reads back
// bit for bit, the sweep's shape (torch's SummaryWriter: train/* logged at one wall time per
// step) costs under a byte per entry, equal framed columns of a run share one block, and a
// followed run's appended points keep the framed entries before them.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "core/framed_doubles.h"
#include "core/loaders/run_builder.h"
#include "core/packed_column.h"
#include "core/run.h"

namespace curvedoctor::core {
namespace {

std::uint64_t bits(double x) {
    return std::bit_cast<std::uint64_t>(x);
}

// Every entry of `c` equals `v`'s bit for bit, through [], the iterators and toVector().
template <class Column>
void expectSameBits(const Column& c, const std::vector<double>& v) {
    ASSERT_EQ(c.size(), v.size());
    std::vector<double> copy(v.size());
    c.copyTo(copy.data());
    for (std::size_t i = 0; i < v.size(); ++i) {
        ASSERT_EQ(bits(c[i]), bits(v[i])) << i;
        ASSERT_EQ(bits(copy[i]), bits(v[i])) << i;
    }
}

// The sweep's wall times (bench/make_tfevents_sweep.py): t0 + 0.05 * step, rounded at each step.
std::vector<double> sweepWallTimes(std::size_t n) {
    std::vector<double> v;
    for (std::size_t s = 0; s < n; ++s) v.push_back(1700000000.0 + 0.05 * static_cast<double>(s));
    return v;
}

TEST(FramedDoubles, SweepWallTimesCostUnderAByteAnEntry) {
    const std::vector<double> wall = sweepWallTimes(2000);
    // No exact progression: some steps between entries differ in their last bits.
    std::size_t uneven = 0;
    for (std::size_t k = 1; k + 1 < wall.size(); ++k)
        uneven += wall[k + 1] - wall[k] != wall[1] - wall[0] ? 1 : 0;
    ASSERT_GT(uneven, 0U);
    const FramedDoubles f(wall);
    expectSameBits(f, wall);
    EXPECT_LT(f.heapBytes(), wall.size());
}

TEST(FramedDoubles, AnyDoublesReadBackExactly) {
    std::mt19937_64 rng(5);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    for (const std::size_t n : {0U, 1U, 2U, 127U, 128U, 129U, 1000U}) {
        std::vector<double> jitter, wild;  // time.time()-like; then every kind of pattern
        double t = 1.7e9;
        for (std::size_t i = 0; i < n; ++i) {
            t += 0.05 + static_cast<double>(rng() % 10000) * 1e-6;
            jitter.push_back(t);
            switch (rng() % 8) {
                case 0:
                    wild.push_back(nan);
                    break;
                case 1:
                    wild.push_back(std::bit_cast<double>(bits(nan) | (rng() >> 20)));
                    break;
                case 2:
                    wild.push_back(-inf);
                    break;
                case 3:
                    wild.push_back(-0.0);
                    break;
                case 4:
                    wild.push_back(std::bit_cast<double>(rng()));
                    break;
                case 5:
                    wild.push_back(-1e-300);
                    break;
                default:
                    wild.push_back(t);
                    break;
            }
        }
        expectSameBits(FramedDoubles(jitter), jitter);
        expectSameBits(FramedDoubles(wild), wild);
    }
}

TEST(FramedDoubles, PackFramesWallTimesAndLeavesNoisePlain) {
    const std::vector<double> wall = sweepWallTimes(2000);
    PackedColumn<double> c(wall);
    c.pack();
    EXPECT_TRUE(c.isFramed());
    EXPECT_TRUE(c.isPacked());
    EXPECT_TRUE(c.plainSpan().empty());
    expectSameBits(c, wall);
    EXPECT_EQ(c.toVector().size(), wall.size());
    EXPECT_LT(c.heapBytes(), wall.size() * sizeof(double) / 4);

    // Full-range patterns: frames would take as much as the vector.
    std::mt19937_64 rng(9);
    std::vector<double> noise;
    noise.reserve(2000);
    for (int i = 0; i < 2000; ++i) noise.push_back(std::bit_cast<double>(rng() >> 1));
    PackedColumn<double> plain(noise);
    plain.pack();
    EXPECT_FALSE(plain.isPacked());
    expectSameBits(plain, noise);

    // Two framed columns of one length are not taken for the same pieces.
    std::vector<double> later = wall;
    later.back() += 1.0;
    PackedColumn<double> other(later);
    other.pack();
    ASSERT_TRUE(other.isFramed());
    EXPECT_FALSE(samePieces(c, other));
    EXPECT_FALSE(c == other);
    EXPECT_TRUE(samePieces(c, c));

    // A prefix holds the first entries.
    const PackedColumn<double> first = c.prefix(1500);
    expectSameBits(first, std::vector<double>(wall.begin(), wall.begin() + 1500));
}

TEST(FramedDoubles, RunSharesEqualFramedColumnsAndAFollowedRunAppendsAfterThem) {
    const std::vector<double> wall = sweepWallTimes(2000);
    RunBuilder builder;
    const char* names[] = {"train/loss", "train/lr", "train/acc"};
    for (std::size_t s = 0; s < wall.size(); ++s)
        for (const char* name : names)
            builder.add(builder.series(name), static_cast<std::int64_t>(s), 0.5,
                        RunBuilder::kUnknown, wall[s], 0, -1);
    core::Run run = builder.finish();
    run.shrinkToFit();  // as a load ends (loader_registry.cpp)
    const Series& loss = run.metrics.at("train/loss");
    ASSERT_TRUE(loss.wallTimes.isFramed());
    EXPECT_TRUE(loss.wallTimes.sharedWith(run.metrics.at("train/lr").wallTimes));
    EXPECT_TRUE(loss.wallTimes.sharedWith(run.metrics.at("train/acc").wallTimes));
    expectSameBits(run.metrics.at("train/acc").wallTimes, wall);
    // Three series' wall times in under a byte for all three per point.
    std::vector<const void*> counted;
    std::size_t wallBytes = 0;
    for (const char* name : names) {
        const auto& w = run.metrics.at(name).wallTimes;
        if (std::find(counted.begin(), counted.end(), w.blockId()) != counted.end()) continue;
        counted.push_back(w.blockId());
        wallBytes += w.heapBytes();
    }
    EXPECT_LT(wallBytes, wall.size());

    // Followed: more points appended to the loaded run.
    const RunPtr before = std::make_shared<const core::Run>(run);
    RunBuilder more(std::move(run));
    std::vector<double> longer = sweepWallTimes(2100);
    for (std::size_t s = 2000; s < longer.size(); ++s)
        more.add(more.series("train/loss"), static_cast<std::int64_t>(s), 0.25,
                 RunBuilder::kUnknown, longer[s], 0, -1);
    core::Run grown = more.finish();
    expectSameBits(grown.metrics.at("train/loss").wallTimes, longer);
    expectSameBits(grown.metrics.at("train/lr").wallTimes, wall);
    grown.shrinkToFit();
    EXPECT_TRUE(grown.metrics.at("train/loss").wallTimes.isFramed());
    expectSameBits(grown.metrics.at("train/loss").wallTimes, longer);
    expectSameBits(grown.metrics.at("train/acc").wallTimes, wall);
    // The run the window held before is untouched.
    expectSameBits(before->metrics.at("train/loss").wallTimes, wall);
}

}  // namespace
}  // namespace curvedoctor::core
