// PackedColumn (core/packed_column.h): packing is exact and invisible, it pays on the shapes of
// real logs, and Run::shrinkToFit shares equal columns. Bytes per point on the real Lightning,
// Keras and Ultralytics logs stay at most 12 (issue #11).
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "core/loader_registry.h"
#include "core/packed_column.h"
#include "core/run.h"
#include "realworld_dir.h"

namespace curvedoctor::core {
namespace {

using testing_support::realworldDir;

template <typename T>
PackedColumn<T> packed(const std::vector<T>& v) {
    PackedColumn<T> c(v);
    c.pack();
    return c;
}

// Every entry reads back bit for bit, through [], the iterators and toVector().
void expectSameBits(const PackedColumn<double>& c, const std::vector<double>& v) {
    ASSERT_EQ(c.size(), v.size());
    const std::vector<double> copy = c.toVector();
    std::size_t i = 0;
    for (const double x : c) {
        EXPECT_EQ(std::bit_cast<std::uint64_t>(x), std::bit_cast<std::uint64_t>(v[i])) << i;
        EXPECT_EQ(std::bit_cast<std::uint64_t>(c[i]), std::bit_cast<std::uint64_t>(v[i])) << i;
        EXPECT_EQ(std::bit_cast<std::uint64_t>(copy[i]), std::bit_cast<std::uint64_t>(v[i])) << i;
        ++i;
    }
}

TEST(PackedColumn, StepsEveryNStepsCostNothingPerPoint) {
    std::vector<std::int64_t> steps;
    for (std::int64_t s = 49; s < 500000; s += 50) steps.push_back(s);
    const auto c = packed(steps);
    EXPECT_TRUE(c.isPacked());
    EXPECT_EQ(c.toVector(), steps);
    EXPECT_EQ(c.front(), 49);
    EXPECT_EQ(c.back(), steps.back());
    EXPECT_LT(c.heapBytes(), 200U);
    EXPECT_TRUE(std::is_sorted(c.begin(), c.end()));
    EXPECT_EQ(std::lower_bound(c.begin(), c.end(), 1049) - c.begin(), 20);
}

TEST(PackedColumn, PiecesOfProgressionsReadBackExactly) {
    // Lightning-like: steps every 50 in an epoch, a validation step between epochs, a restart
    // that goes back; and the extremes of int64.
    std::vector<std::int64_t> steps;
    for (int epoch = 0; epoch < 40; ++epoch) {
        for (int k = 0; k < 100; ++k) steps.push_back(epoch * 5003 + k * 50);
        steps.push_back(epoch * 5003 + 4999);
    }
    for (int k = 0; k < 300; ++k) steps.push_back(1000 + 7 * k);
    steps.push_back(std::numeric_limits<std::int64_t>::min());
    steps.push_back(std::numeric_limits<std::int64_t>::max());
    steps.push_back(std::numeric_limits<std::int64_t>::min());
    const auto c = packed(steps);
    EXPECT_TRUE(c.isPacked());
    EXPECT_EQ(c.toVector(), steps);
    for (std::size_t i = 0; i < steps.size(); ++i) ASSERT_EQ(c[i], steps[i]) << i;
}

TEST(PackedColumn, EpochsOfRunsAndCountsPackExactly) {
    // Constant runs with fractional values, integer counts, NaN runs, infinities, -0.0.
    std::vector<double> v;
    for (int e = 0; e < 30; ++e) v.insert(v.end(), 200, 0.37 + e);
    for (int e = 0; e < 500; ++e) v.push_back(e);
    v.insert(v.end(), 100, std::numeric_limits<double>::quiet_NaN());
    v.insert(v.end(), 50, std::numeric_limits<double>::infinity());
    v.insert(v.end(), 50, -0.0);
    v.push_back(0.0);
    const auto c = packed(v);
    EXPECT_TRUE(c.isPacked());
    expectSameBits(c, v);
}

TEST(PackedColumn, FractionalProgressionsAreNotTrustedToArithmetic) {
    // 0.1 * k is not exact in doubles: such a column is kept as it is.
    std::vector<double> v;
    for (int k = 0; k < 1000; ++k) v.push_back(1.5e9 + 0.05 * k);
    const auto c = packed(v);
    EXPECT_FALSE(c.isPacked());
    expectSameBits(c, v);
}

TEST(PackedColumn, NoiseStaysPlain) {
    std::mt19937_64 rng(7);
    std::vector<std::int64_t> steps;
    for (int i = 0; i < 1000; ++i) steps.push_back(static_cast<std::int64_t>(rng() % 1000));
    const auto c = packed(steps);
    EXPECT_FALSE(c.isPacked());
    EXPECT_EQ(c.toVector(), steps);
    EXPECT_LE(c.heapBytes(), 1000 * sizeof(std::int64_t) + 100);
}

TEST(PackedColumn, WritingAPackedOrSharedColumnLeavesTheOtherAlone) {
    PackedColumn<std::int64_t> a = packed(std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6, 7});
    PackedColumn<std::int64_t> b = a;
    ASSERT_TRUE(a.sharedWith(b));
    b.push_back(100);
    EXPECT_EQ(a.toVector(), (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6, 7}));
    EXPECT_EQ(b.toVector(), (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6, 7, 100}));
    EXPECT_FALSE(a.sharedWith(b));
}

TEST(PackedColumn, RunShrinkSharesEqualColumns) {
    core::Run run;
    std::mt19937_64 rng(3);
    std::vector<double> wall;
    for (int i = 0; i < 1000; ++i)
        wall.push_back(1.7e9 + static_cast<double>(rng() % 100000) / 7.0);
    for (const char* name : {"a", "b", "c"}) {
        Series& s = run.metrics[name];
        for (int i = 0; i < 1000; ++i) {
            s.steps.push_back(i * 3);
            s.values.push_back(i);
        }
        s.wallTimes = wall;
    }
    run.metrics["d"] = run.metrics["a"];
    run.metrics["d"].wallTimes.push_back(1.0);  // one more entry: not equal, not shared.
    run.metrics["d"].steps.push_back(3000);
    run.metrics["d"].values.push_back(0);
    run.shrinkToFit();
    EXPECT_TRUE(run.metrics["a"].wallTimes.sharedWith(run.metrics["c"].wallTimes));
    EXPECT_FALSE(run.metrics["a"].wallTimes.sharedWith(run.metrics["d"].wallTimes));
    EXPECT_EQ(run.metrics["c"].wallTimes.toVector(), wall);
    // Values 4 x 8 bytes a point, the shared wall times once, d's own once, steps packed.
    const double perPoint = static_cast<double>(run.seriesBytes()) / 4000.0;
    EXPECT_GT(perPoint, 8.0 + 2 * 8.0 / 4);
    EXPECT_LT(perPoint, 8.0 + 2 * 8.0 / 4 + 0.5);
}

// The real shapes of issue #11: a loaded run costs at most 12 bytes per point. (A log of a few
// dozen rows pays more: a column's block costs about 80 bytes however short it is.)
TEST(PackedColumn, RealLogsCostAtMostTwelveBytesPerPoint) {
    for (const char* log : {"lightning_02/metrics.csv", "lightning_05/metrics.csv",
                            "keras_04/training_log.csv", "ultralytics_06/results.csv"}) {
        const LoadBatch batch = loadPaths({realworldDir() + "/" + log});
        ASSERT_EQ(batch.runs.size(), 1U) << log;
        const core::Run& run = *batch.runs[0];
        ASSERT_GT(run.pointCount(), 0U);
        const double perPoint =
            static_cast<double>(run.seriesBytes()) / static_cast<double>(run.pointCount());
        EXPECT_LE(perPoint, 12.0) << log;
    }
}

}  // namespace
}  // namespace curvedoctor::core
