// A reduction kept as positions into its columns must read back exactly the points decimate()
// returned (x, y, index, polylines and marks), keep no index list when the points are
// consecutive, and on a log axis drop the non-positive points and read y as log10.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include "core/decimate.h"
#include "core/plot/reduced_curve.h"

namespace curvedoctor::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Columns {
    std::vector<std::int64_t> steps;
    std::vector<double> y;
    CurveColumns view() const { return {steps, {}, y, nullptr, nullptr}; }
};

Columns makeColumns(std::size_t n) {
    Columns c;
    c.steps.resize(n);
    std::iota(c.steps.begin(), c.steps.end(), std::int64_t{10});
    for (std::size_t i = 0; i < n; ++i)
        c.y.push_back(1.0 / (1.0 + static_cast<double>(i) / 100.0) +
                      0.05 * std::sin(static_cast<double>(i)));
    return c;
}

Decimated reduce(const Columns& c, int columns) {
    return decimate(std::span<const std::int64_t>(c.steps), c.y,
                    DecimateConfig{10.0, static_cast<double>(c.steps.back()), columns});
}

void expectSamePoints(const ReducedCurve& r, const Decimated& d) {
    ASSERT_EQ(r.size(), d.size());
    for (std::size_t i = 0; i < d.size(); ++i) {
        EXPECT_EQ(r.index(i), d.indices[i]) << i;
        EXPECT_EQ(r.x(i), d.x[i]) << i;
        EXPECT_EQ(r.y(i), d.y[i]) << i;
    }
    ASSERT_EQ(r.segmentCount(), d.segmentCount());
    for (std::size_t k = 0; k < d.segmentCount(); ++k) {
        EXPECT_EQ(r.segmentStarts()[k], d.segmentStarts[k]);
        EXPECT_EQ(r.segmentEnd(k), d.segmentEnd(k));
    }
    EXPECT_EQ(r.nonFinite().size(), d.nonFinite.size());
}

TEST(ReducedCurve, EveryPointKeptNeedsNoIndexList) {
    const Columns c = makeColumns(500);
    const Decimated d = reduce(c, 700);  // 500 points on 700 columns: all kept
    const ReducedCurve r(d, c.view(), false);
    expectSamePoints(r, d);
    EXPECT_TRUE(r.consecutive());
    EXPECT_LT(r.bytes(), 64u);
}

TEST(ReducedCurve, ReducedPointsReadBackThroughTheirPositions) {
    const Columns c = makeColumns(100'000);
    const Decimated d = reduce(c, 300);
    ASSERT_LT(d.size(), 1300u);
    const ReducedCurve r(d, c.view(), false);
    expectSamePoints(r, d);
    EXPECT_FALSE(r.consecutive());
    EXPECT_LE(r.bytes(), d.size() * sizeof(std::uint32_t) + 64);
}

TEST(ReducedCurve, NonFiniteStretchBreaksTheLineAsDecimateDoes) {
    Columns c = makeColumns(400);
    for (std::size_t i = 150; i < 160; ++i) c.y[i] = kNaN;
    const Decimated d = reduce(c, 700);
    ASSERT_EQ(d.segmentCount(), 2u);
    const ReducedCurve r(d, c.view(), false);
    expectSamePoints(r, d);
    EXPECT_FALSE(r.consecutive());  // the NaN positions are skipped
    ASSERT_EQ(r.nonFinite().size(), 1u);
    EXPECT_EQ(r.nonFinite()[0].index, 150u);
}

TEST(ReducedCurve, BoundsAgreeWithASearchOfTheReducedX) {
    const Columns c = makeColumns(20'000);
    const Decimated d = reduce(c, 100);
    const ReducedCurve r(d, c.view(), false);
    for (const double x : {-5.0, 10.0, 10.5, 777.0, 5000.25, 20'009.0, 1e9}) {
        EXPECT_EQ(r.lowerBound(x), static_cast<std::size_t>(
                                       std::lower_bound(d.x.begin(), d.x.end(), x) - d.x.begin()))
            << x;
        EXPECT_EQ(r.upperBound(x), static_cast<std::size_t>(
                                       std::upper_bound(d.x.begin(), d.x.end(), x) - d.x.begin()))
            << x;
    }
}

TEST(ReducedCurve, YsOfAStretchEqualThePointsY) {
    for (const int columns : {700, 50}) {  // consecutive (a view), then an index list (a copy)
        const Columns c = makeColumns(1000);
        const Decimated d = reduce(c, columns);
        const ReducedCurve r(d, c.view(), false);
        std::vector<double> buffer;
        const std::span<const double> ys = r.ys(3, r.size() - 2, buffer);
        ASSERT_EQ(ys.size(), r.size() - 5);
        for (std::size_t i = 0; i < ys.size(); ++i) EXPECT_EQ(ys[i], r.y(i + 3));
        EXPECT_TRUE(r.ys(5, 5, buffer).empty());
    }
}

TEST(ReducedCurve, LogAxisDropsNonPositivePointsAndBreaksTheLine) {
    Columns c = makeColumns(300);
    c.y[100] = 0.0;
    c.y[101] = -2.0;
    c.y[200] = kNaN;
    c.y[199] = 4.0;  // the last finite value before the NaN, where its mark sits
    const Decimated d = reduce(c, 700);
    const ReducedCurve r(d, c.view(), true);
    ASSERT_EQ(r.size(), d.size() - 2);
    for (std::size_t i = 0; i < r.size(); ++i) {
        EXPECT_NE(r.index(i), 100u);
        EXPECT_NE(r.index(i), 101u);
        EXPECT_DOUBLE_EQ(r.y(i), std::log10(c.y[r.index(i)]));
    }
    // Polylines: [0, 100), [102, 200), [201, 300).
    ASSERT_EQ(r.segmentCount(), 3u);
    EXPECT_EQ(r.index(r.segmentStarts()[1]), 102u);
    EXPECT_EQ(r.index(r.segmentEnd(0) - 1), 99u);
    EXPECT_EQ(r.index(r.segmentStarts()[2]), 201u);
    ASSERT_EQ(r.nonFinite().size(), 1u);
    EXPECT_DOUBLE_EQ(r.nonFinite()[0].lastFiniteY, std::log10(4.0));
}

}  // namespace
}  // namespace curvedoctor::core
