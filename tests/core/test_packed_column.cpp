// PackedColumn (core/packed_column.h): packing is exact and invisible, it pays on the shapes of
// real logs, and Run::shrinkToFit shares equal columns. Bytes per point on the real Lightning,
// Keras and Ultralytics logs stay at most 12 (issue #11).
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <type_traits>
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
    // 0.1 * k is not exact in doubles: such a column is not packed as pieces (it is kept in
    // frames of exact integer offsets instead, core/framed_doubles.h).
    std::vector<double> v;
    for (int k = 0; k < 1000; ++k) v.push_back(1.5e9 + 0.05 * k);
    const auto c = packed(v);
    EXPECT_TRUE(c.isFramed());
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

// A column appended entry by entry (PackedColumn::append) holds exactly what was appended, and
// once pack()ed is stored as compactly as the same entries packed at once.
template <typename T>
void expectAppendedLikePacked(const std::vector<T>& v) {
    PackedColumn<T> c;
    for (const T x : v) c.append(x);
    if constexpr (std::is_same_v<T, double>) {
        expectSameBits(c, v);
    } else {
        ASSERT_EQ(c.toVector(), v);
        for (std::size_t i = 0; i < v.size(); ++i) ASSERT_EQ(c[i], v[i]) << i;
    }
    const PackedColumn<T> whole = packed(v);
    c.pack();
    EXPECT_EQ(c.isPacked(), whole.isPacked());
    EXPECT_LE(c.heapBytes(), whole.heapBytes() + 256);
}

std::vector<double> epochLikeEntries() {
    std::vector<double> v;
    for (int e = 0; e < 30; ++e) v.insert(v.end(), 200, 0.37 + e);
    for (int e = 0; e < 500; ++e) v.push_back(e);
    v.insert(v.end(), 100, std::numeric_limits<double>::quiet_NaN());
    v.insert(v.end(), 50, std::numeric_limits<double>::infinity());
    v.insert(v.end(), 50, -0.0);
    v.push_back(0.0);
    v.push_back(4503599627370496.0);  // 2^52: beyond it progressions are not trusted.
    v.push_back(4503599627370497.0);
    v.push_back(4503599627370498.0);
    return v;
}

TEST(PackedColumn, AppendedEntriesReadBackExactly) {
    std::vector<std::int64_t> steps;
    for (int epoch = 0; epoch < 40; ++epoch) {
        for (int k = 0; k < 100; ++k) steps.push_back(epoch * 5003 + k * 50);
        steps.push_back(epoch * 5003 + 4999);
    }
    steps.push_back(std::numeric_limits<std::int64_t>::min());
    steps.push_back(std::numeric_limits<std::int64_t>::max());
    steps.push_back(std::numeric_limits<std::int64_t>::min());
    steps.push_back(7);
    steps.push_back(7);
    expectAppendedLikePacked(steps);
    expectAppendedLikePacked(epochLikeEntries());
    std::vector<double> fractional;
    for (int k = 0; k < 1000; ++k) fractional.push_back(1.5e9 + 0.05 * k);
    expectAppendedLikePacked(fractional);
    expectAppendedLikePacked(std::vector<std::int64_t>{5});
    expectAppendedLikePacked(std::vector<double>{-0.0, 0.0});
}

TEST(PackedColumn, AppendedProgressionsCostNothingPerEntryAndNoiseTurnsPlain) {
    PackedColumn<std::int64_t> steps;
    for (std::int64_t s = 0; s < 1000000; ++s) steps.append(s);
    EXPECT_TRUE(steps.isPacked());
    EXPECT_LT(steps.heapBytes(), 200U);
    EXPECT_EQ(steps.back(), 999999);

    std::mt19937_64 rng(11);
    std::vector<std::int64_t> noise;
    PackedColumn<std::int64_t> c;
    for (int i = 0; i < 5000; ++i) {
        noise.push_back(static_cast<std::int64_t>(rng() % 1000));
        c.append(noise.back());
        if (i == 20) {
            EXPECT_FALSE(c.isPacked());  // given up long before the end
        }
    }
    EXPECT_EQ(c.toVector(), noise);
    EXPECT_LE(c.heapBytes(), 2 * 5000 * sizeof(std::int64_t) + 100);
}

TEST(PackedColumn, RandomMixesAppendedEntryByEntryOrInRunsReadBackExactly) {
    // Progressions, constants, NaN and noise in random order, each appended one entry at a time
    // into one column and as runs of copies (append(x, n)) into another where it repeats.
    std::mt19937_64 rng(5);
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<double> v;
        PackedColumn<double> one;
        PackedColumn<double> runs;
        const int parts = 1 + static_cast<int>(rng() % 8);
        for (int part = 0; part < parts; ++part) {
            const std::size_t n = rng() % 300;
            const int kind = static_cast<int>(rng() % 4);
            const double start = static_cast<double>(rng() % 1000) - 500.0;
            if (kind == 1 || kind == 2) {
                const double x =
                    kind == 1 ? start + 0.25 : std::numeric_limits<double>::quiet_NaN();
                v.insert(v.end(), n, x);
                runs.append(x, n);
                for (std::size_t k = 0; k < n; ++k) one.append(x);
                continue;
            }
            for (std::size_t k = 0; k < n; ++k) {
                const double x = kind == 0 ? start + static_cast<double>(k) * 3.0
                                           : static_cast<double>(rng() % 100000) / 7.0;
                v.push_back(x);
                runs.append(x);
                one.append(x);
            }
        }
        expectSameBits(one, v);
        expectSameBits(runs, v);
        const std::size_t cut = v.empty() ? 0 : rng() % v.size();
        expectSameBits(one.prefix(cut), std::vector<double>(v.begin(), v.begin() + cut));
        one.pack();
        runs.pack();
        expectSameBits(one, v);
        expectSameBits(runs, v);
    }
}

TEST(PackedColumn, AppendingToASharedColumnLeavesTheOtherAlone) {
    PackedColumn<std::int64_t> a;
    for (std::int64_t s = 0; s < 100; ++s) a.append(s * 2);
    ASSERT_TRUE(a.isPacked());
    PackedColumn<std::int64_t> b = a;
    PackedColumn<std::int64_t> c;
    c.shareWith(a);
    b.append(200);   // continues the progression: still packed, in a block of its own.
    c.append(-1);    // breaks it: a new piece.
    a.append(1000);  // a has the block to itself now.
    ASSERT_EQ(a.size(), 101U);
    ASSERT_EQ(b.size(), 101U);
    ASSERT_EQ(c.size(), 101U);
    for (std::size_t i = 0; i < 100; ++i) {
        ASSERT_EQ(a[i], static_cast<std::int64_t>(2 * i));
        ASSERT_EQ(b[i], static_cast<std::int64_t>(2 * i));
        ASSERT_EQ(c[i], static_cast<std::int64_t>(2 * i));
    }
    EXPECT_EQ(a.back(), 1000);
    EXPECT_EQ(b.back(), 200);
    EXPECT_EQ(c.back(), -1);
    EXPECT_TRUE(b.isPacked());
    EXPECT_FALSE(a.sharedWith(b) || a.sharedWith(c) || b.sharedWith(c));

    // A plain column appended to, shared or not, stays plain and keeps its entries.
    PackedColumn<double> plain(std::vector<double>{0.5, 3.25, -1.0});
    PackedColumn<double> copy = plain;
    copy.append(9.0, 3);
    EXPECT_EQ(plain.toVector(), (std::vector<double>{0.5, 3.25, -1.0}));
    EXPECT_EQ(copy.toVector(), (std::vector<double>{0.5, 3.25, -1.0, 9.0, 9.0, 9.0}));
    EXPECT_FALSE(copy.isPacked());
}

TEST(PackedColumn, PrefixOfAPackedColumnStaysPacked) {
    PackedColumn<std::int64_t> c;
    std::vector<std::int64_t> v;
    for (std::int64_t s = 0; s < 1000; ++s) {
        v.push_back(s < 500 ? s : 10 * s);
        c.append(v.back());
    }
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{499},
                                std::size_t{500}, std::size_t{501}, std::size_t{1000}}) {
        const PackedColumn<std::int64_t> p = c.prefix(n);
        EXPECT_EQ(p.toVector(), std::vector<std::int64_t>(v.begin(), v.begin() + n)) << n;
        if (n >= 499) {
            EXPECT_TRUE(p.isPacked()) << n;
        }
    }
    EXPECT_EQ(c.size(), 1000U);  // the column itself is untouched
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
    // Values 4 x 4 bytes a point (integers: stored as float32, core/value_column.h), the
    // shared wall times once, d's own once, steps packed.
    ASSERT_TRUE(run.metrics["a"].values.isFloat());
    const double perPoint = static_cast<double>(run.seriesBytes()) / 4000.0;
    EXPECT_GT(perPoint, 4.0 + 2 * 8.0 / 4);
    EXPECT_LT(perPoint, 4.0 + 2 * 8.0 / 4 + 0.5);
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
