// Per-pixel-column decimation: spikes, non-finite values and the last point must survive, and the
// output must fit the plot. Expected values follow from the definition in decimate.h (first, min,
// max, last per column), worked out by hand in the comments.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "core/decimate.h"

namespace curvedoctor::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<std::int64_t> iota(std::size_t n, std::int64_t start = 0) {
    std::vector<std::int64_t> v(n);
    std::iota(v.begin(), v.end(), start);
    return v;
}

// A gently wobbling curve: 1/(1+i/1000) plus a small deterministic ripple.
std::vector<double> curve(std::size_t n) {
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] =
            1.0 / (1.0 + static_cast<double>(i) / 1000.0) + 0.01 * std::sin(static_cast<double>(i));
    return v;
}

TEST(Decimate, EmptyInputGivesNothing) {
    const Decimated d = decimate(std::span<const std::int64_t>{}, std::span<const double>{},
                                 DecimateConfig{0, 10, 100});
    EXPECT_EQ(d.size(), 0u);
    EXPECT_EQ(d.segmentCount(), 0u);
}

TEST(Decimate, IdentityWhenFewerPointsThanColumns) {
    const auto x = iota(50);
    const auto y = curve(50);
    const Decimated d = decimate(x, y, DecimateConfig{0, 49, 50});
    ASSERT_EQ(d.size(), 50u);
    for (std::size_t i = 0; i < 50; ++i) {
        EXPECT_EQ(d.x[i], static_cast<double>(x[i]));
        EXPECT_EQ(d.y[i], y[i]);
        EXPECT_EQ(d.indices[i], i);
    }
    EXPECT_EQ(d.segmentCount(), 1u);
}

TEST(Decimate, CountFitsFourPerColumnAndXIsMonotone) {
    const std::size_t n = 200'000;
    const auto x = iota(n);
    const auto y = curve(n);
    for (int w : {1, 2, 7, 640, 1999}) {
        // Zoomed into the middle so both edge points exist and must be paid for.
        const Decimated d = decimate(x, y, DecimateConfig{1000.5, 180'000.5, w});
        EXPECT_LE(d.size(), 4u * static_cast<std::size_t>(w)) << "w=" << w;
        EXPECT_GE(d.size(), static_cast<std::size_t>(w)) << "w=" << w;
        EXPECT_TRUE(std::is_sorted(d.x.begin(), d.x.end())) << "w=" << w;
    }
}

TEST(Decimate, SingleSampleSpikeSurvives) {
    const std::size_t n = 100'000;
    const auto x = iota(n);
    auto y = curve(n);
    y[54'321] = 1e6;
    y[77'777] = -1e6;
    const Decimated d = decimate(x, y, DecimateConfig{0, static_cast<double>(n - 1), 200});
    EXPECT_NE(std::find(d.y.begin(), d.y.end(), 1e6), d.y.end());
    EXPECT_NE(std::find(d.y.begin(), d.y.end(), -1e6), d.y.end());
    EXPECT_NE(std::find(d.indices.begin(), d.indices.end(), 54'321u), d.indices.end());
}

TEST(Decimate, LastPointIsKept) {
    const std::size_t n = 10'007;
    const auto x = iota(n);
    const auto y = curve(n);
    const Decimated d = decimate(x, y, DecimateConfig{0, static_cast<double>(n - 1), 100});
    ASSERT_FALSE(d.indices.empty());
    EXPECT_EQ(d.indices.back(), n - 1);
    EXPECT_EQ(d.y.back(), y.back());
}

TEST(Decimate, NaNIsMarkedAndBreaksTheLine) {
    const std::size_t n = 100'000;
    const auto x = iota(n);
    auto y = curve(n);
    // A single NaN in the middle, and the run goes to +Inf for good at 90'000.
    y[40'000] = kNaN;
    for (std::size_t i = 90'000; i < n; ++i) y[i] = kInf;
    const Decimated d = decimate(x, y, DecimateConfig{0, static_cast<double>(n - 1), 300});
    ASSERT_EQ(d.nonFinite.size(), 2u);
    EXPECT_EQ(d.nonFinite[0].index, 40'000u);
    EXPECT_TRUE(std::isnan(d.nonFinite[0].value));
    EXPECT_EQ(d.nonFinite[0].lastFiniteY, y[39'999]);
    EXPECT_EQ(d.nonFinite[0].lastFiniteX, 39'999.0);
    EXPECT_EQ(d.nonFinite[1].index, 90'000u);
    EXPECT_EQ(d.nonFinite[1].value, kInf);
    EXPECT_EQ(d.nonFinite[1].x, 90'000.0);
    // Two polylines: before the NaN and between the NaN and the Inf stretch.
    ASSERT_EQ(d.segmentCount(), 2u);
    const std::size_t s1 = d.segmentStarts[1];
    EXPECT_LT(d.indices[s1 - 1], 40'000u);
    EXPECT_GT(d.indices[s1], 40'000u);
    EXPECT_LT(d.indices.back(), 90'000u);
    for (double v : d.y) EXPECT_TRUE(std::isfinite(v));
}

TEST(Decimate, NaNMarkKeptInIdentityMode) {
    const std::vector<double> x{0, 1, 2, 3, 4, 5};
    const std::vector<double> y{1.0, 0.9, kNaN, kNaN, 0.7, 0.6};
    const Decimated d = decimate(x, y, DecimateConfig{0, 5, 100});
    ASSERT_EQ(d.nonFinite.size(), 1u);
    EXPECT_EQ(d.nonFinite[0].index, 2u);
    EXPECT_EQ(d.nonFinite[0].lastFiniteY, 0.9);
    EXPECT_EQ(d.size(), 4u);
    ASSERT_EQ(d.segmentCount(), 2u);
    EXPECT_EQ(d.segmentStarts[1], 2u);
}

TEST(Decimate, SeriesStartingWithNaNHasNoFinitePredecessor) {
    const std::vector<double> x{0, 1, 2};
    const std::vector<double> y{kNaN, 1.0, 2.0};
    const Decimated d = decimate(x, y, DecimateConfig{0, 2, 10});
    ASSERT_EQ(d.nonFinite.size(), 1u);
    EXPECT_TRUE(std::isnan(d.nonFinite[0].lastFiniteY));
    EXPECT_EQ(d.size(), 2u);
}

TEST(Decimate, ZoomKeepsOnlyTheRangeAndItsNeighbours) {
    const auto x = iota(1000);
    const auto y = curve(1000);
    const Decimated d = decimate(x, y, DecimateConfig{100, 199, 1000});
    // 100 points in range (identity) plus step 99 and step 200 at the edges.
    ASSERT_EQ(d.size(), 102u);
    EXPECT_EQ(d.x.front(), 99.0);
    EXPECT_EQ(d.x.back(), 200.0);
}

TEST(Decimate, UnsortedInputIsPutInXOrder) {
    const std::vector<std::int64_t> x{0, 1, 2, 3, 2, 3, 4};  // restarted at step 2
    const std::vector<double> y{5, 4, 3, 2, 3.5, 2.5, 1};
    DecimateConfig c{0, 4, 100};
    c.xSorted = false;
    const Decimated d = decimate(x, y, c);
    ASSERT_EQ(d.size(), 7u);
    EXPECT_TRUE(std::is_sorted(d.x.begin(), d.x.end()));
    // Stable order: the first step-2 point (index 2) comes before the restarted one (index 4).
    EXPECT_EQ(d.indices[2], 2u);
    EXPECT_EQ(d.indices[3], 4u);
}

TEST(Decimate, AlternatingNaNStaysWithinBudget) {
    const std::size_t n = 100'000;
    const auto x = iota(n);
    auto y = curve(n);
    for (std::size_t i = 0; i < n; i += 2) y[i] = kNaN;
    const int w = 100;
    const Decimated d = decimate(x, y, DecimateConfig{0, static_cast<double>(n - 1), w});
    EXPECT_LE(d.size(), 4u * w);
    EXPECT_LE(d.nonFinite.size(), static_cast<std::size_t>(w));
    EXPECT_GE(d.nonFinite.size(), 1u);
}

}  // namespace
}  // namespace curvedoctor::core

namespace curvedoctor::core {
namespace {

// The block index is only a shortcut: on any input it must give exactly the per-point result.
TEST(DecimationIndex, GivesTheSameResultAsThePlainScan) {
    const std::size_t n = 50'000;
    const auto x = iota(n, 10);
    auto y = curve(n);
    // Spikes, isolated NaNs, a NaN stretch crossing block borders, Inf inside a block.
    y[777] = 50.0;
    y[1234] = kNaN;
    for (std::size_t i = 20'000; i < 20'300; ++i) y[i] = kNaN;
    y[33'333] = -kInf;
    y[33'334] = kInf;
    for (std::size_t i = 45'000; i < n; ++i) y[i] = kNaN;
    const DecimationIndex index(y);
    EXPECT_EQ(index.size(), n);
    for (int w : {1, 3, 97, 640, 5000}) {
        for (auto [lo, hi] : {std::pair{0.0, 60'000.0}, std::pair{1000.5, 30'000.25},
                              std::pair{19'990.0, 20'500.0}}) {
            const DecimateConfig c{lo, hi, w};
            const Decimated plain = decimate(x, y, c);
            const Decimated fast = decimate(x, y, c, index);
            const std::string where = "w=" + std::to_string(w) + " lo=" + std::to_string(lo);
            EXPECT_EQ(fast.indices, plain.indices) << where;
            EXPECT_EQ(fast.y, plain.y) << where;
            EXPECT_EQ(fast.segmentStarts, plain.segmentStarts) << where;
            ASSERT_EQ(fast.nonFinite.size(), plain.nonFinite.size()) << where;
            for (std::size_t k = 0; k < fast.nonFinite.size(); ++k)
                EXPECT_EQ(fast.nonFinite[k].index, plain.nonFinite[k].index) << where;
        }
    }
}

void expectSameReduction(const Decimated& fast, const Decimated& plain, const std::string& where) {
    EXPECT_EQ(fast.indices, plain.indices) << where;
    EXPECT_EQ(fast.x, plain.x) << where;
    EXPECT_EQ(fast.y, plain.y) << where;
    EXPECT_EQ(fast.segmentStarts, plain.segmentStarts) << where;
    ASSERT_EQ(fast.nonFinite.size(), plain.nonFinite.size()) << where;
    for (std::size_t k = 0; k < fast.nonFinite.size(); ++k) {
        EXPECT_EQ(fast.nonFinite[k].index, plain.nonFinite[k].index) << where;
        EXPECT_EQ(fast.nonFinite[k].x, plain.nonFinite[k].x) << where;
    }
}

// The same on random data: random walks with spikes, NaN and +/-Inf alone and in stretches,
// x with irregular gaps and repeated values (steps logged twice, a pause in logging), reduced
// over random ranges at random widths, for integer steps and for double x (epochs).
TEST(DecimationIndex, MatchesThePlainScanOnRandomData) {
    std::mt19937_64 rng(20261127);
    auto uniform = [&](double a, double b) {
        return std::uniform_real_distribution<double>(a, b)(rng);
    };
    auto below = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    for (int trial = 0; trial < 40; ++trial) {
        const std::size_t n = 1 + below(trial < 30 ? 20'000 : 200'000);
        std::vector<std::int64_t> steps(n);
        std::vector<double> y(n);
        std::int64_t step = static_cast<std::int64_t>(below(100));
        double level = uniform(-1, 1);
        for (std::size_t i = 0; i < n; ++i) {
            const double r = uniform(0, 1);
            step += r < 0.05   ? 0
                    : r < 0.07 ? static_cast<std::int64_t>(below(5000))
                               : 1 + static_cast<std::int64_t>(below(3));
            steps[i] = step;
            level += uniform(-0.01, 0.01);
            y[i] = level + (uniform(0, 1) < 0.001 ? uniform(-50, 50) : uniform(-0.1, 0.1));
        }
        const std::size_t holes = below(8);
        for (std::size_t h = 0; h < holes; ++h) {
            const std::size_t at = below(n), len = below(3) == 0 ? 1 + below(500) : 1;
            const double bad = below(3) == 0 ? kNaN : below(2) == 0 ? kInf : -kInf;
            for (std::size_t i = at; i < std::min(n, at + len); ++i) y[i] = bad;
        }
        std::vector<double> epochs(n);
        for (std::size_t i = 0; i < n; ++i) epochs[i] = static_cast<double>(steps[i]) / 137.0;
        const DecimationIndex index(y);
        const double first = static_cast<double>(steps.front()),
                     last = static_cast<double>(steps.back());
        for (int range = 0; range < 6; ++range) {
            double lo = uniform(first - 100, last + 100), hi = uniform(first - 100, last + 100);
            if (range == 0) {
                lo = first;
                hi = last;
            }
            const int columns = static_cast<int>(1 + below(range % 2 == 0 ? 2000 : 60));
            const std::string where = "trial " + std::to_string(trial) + " n=" + std::to_string(n) +
                                      " lo=" + std::to_string(lo) + " hi=" + std::to_string(hi) +
                                      " columns=" + std::to_string(columns);
            const DecimateConfig c{lo, hi, columns};
            expectSameReduction(decimate(steps, y, c, index), decimate(steps, y, c), where);
            const DecimateConfig ce{lo / 137.0, hi / 137.0, columns};
            expectSameReduction(decimate(epochs, y, ce, index), decimate(epochs, y, ce),
                                where + " epochs");
        }
    }
}

TEST(DecimationIndex, IsIgnoredWhenBuiltFromAnotherColumn) {
    const auto x = iota(1000);
    const auto y = curve(1000);
    const DecimationIndex other(std::vector<double>(10, 1.0));
    const Decimated d = decimate(x, y, DecimateConfig{0, 999, 50}, other);
    EXPECT_EQ(d.indices, decimate(x, y, DecimateConfig{0, 999, 50}).indices);
}

}  // namespace
}  // namespace curvedoctor::core
