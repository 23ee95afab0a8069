// A reduction kept as positions into its columns must read back exactly the points decimate()
// returned (x, y, index, polylines and marks), keep no index list when the points are
// consecutive, and on a log axis drop the non-positive points and read y as log10.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <span>
#include <utility>
#include <vector>

#include "core/decimate.h"
#include "core/plot/reduced_curve.h"
#include "core/step_axis.h"

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

// keptWhole() stands in for decimate() where every point is kept: the reduction it makes must
// read back exactly what decimate() keeps, edges included, and it must decline wherever
// decimate() would drop a point or break the line.
TEST(ReducedCurve, KeptWholeMakesTheSameReductionAsDecimate) {
    const Columns c = makeColumns(2000);
    struct Case {
        double lo, hi;
        int columns;
    };
    // Whole range on 1,500 columns (1-2 points a column), a zoom with both edge points on 700
    // and on 1,500 columns, the range's start, the range at the series' end, fewer points than
    // columns.
    for (const Case k : {Case{10, 2009, 1500}, Case{400.5, 1300.5, 700}, Case{400.5, 1300.5, 1500},
                         Case{-100, 500, 500}, Case{1000, 2009, 800}, Case{10, 2009, 2000}}) {
        const DecimateConfig cfg{k.lo, k.hi, k.columns};
        const auto kept = keptWhole(std::span<const std::int64_t>(c.steps), c.y, cfg);
        ASSERT_TRUE(kept) << k.lo << " " << k.columns;
        const Decimated d = decimate(std::span<const std::int64_t>(c.steps), c.y, cfg);
        expectSamePoints(ReducedCurve(*kept, c.view()), d);
        const std::vector<double> xs(c.steps.begin(), c.steps.end());
        const auto keptByX = keptWhole(std::span<const double>(xs), c.y, cfg);
        ASSERT_TRUE(keptByX);
        EXPECT_EQ(keptByX->first, kept->first);
        EXPECT_EQ(keptByX->last, kept->last);
    }
}

// keptWhole() tells from a progression's stride that no column holds three points, without
// reading x: it must decide as the scan over the same steps read as a block decides, also where
// two strides span about one column (a 2,000-step run on a chart of about 1,000 columns).
TEST(ReducedCurve, KeptWholeOfAProgressionDecidesAsTheScanOfItsSteps) {
    std::mt19937_64 rng(1419);
    auto uniform = [&](double a, double b) {
        return std::uniform_real_distribution<double>(a, b)(rng);
    };
    int kept = 0, declined = 0;
    for (int trial = 0; trial < 4000; ++trial) {
        const auto n = static_cast<std::size_t>(uniform(3, 3000));
        const auto first = static_cast<std::int64_t>(uniform(-1000, 1000));
        const auto stride = static_cast<std::int64_t>(uniform(1, 40));
        std::vector<std::int64_t> steps(n);
        std::vector<double> y(n);
        for (std::size_t i = 0; i < n; ++i) {
            steps[i] = first + static_cast<std::int64_t>(i) * stride;
            y[i] = std::sin(0.01 * static_cast<double>(i));
        }
        if (trial % 7 == 0) y[static_cast<std::size_t>(uniform(0, static_cast<double>(n)))] = kNaN;
        const int columns = static_cast<int>(uniform(2, 2000));
        // A range over part of the steps, its width set so that two strides span about one
        // column (within a millionth, exactly, or anywhere from half to twice that).
        const double span = static_cast<double>(stride) * static_cast<double>(n - 1);
        const double lo = static_cast<double>(first) + uniform(-0.1, 0.5) * span;
        double width = 2.0 * static_cast<double>(stride) * (columns - (trial % 2));
        if (trial % 3 == 0) width *= 1.0 + uniform(-1e-6, 1e-6);
        if (trial % 3 == 1) width *= uniform(0.5, 2.0);
        const DecimateConfig cfg{lo, lo + width, columns};
        const StepAxis axis(StepProgression{first, stride, n});
        const auto byStride = keptWhole(axis, y, cfg);
        const auto byScan = keptWhole(std::span<const std::int64_t>(steps), y, cfg);
        ASSERT_EQ(byStride.has_value(), byScan.has_value()) << "trial " << trial;
        if (byScan) {
            EXPECT_EQ(byStride->first, byScan->first) << "trial " << trial;
            EXPECT_EQ(byStride->last, byScan->last) << "trial " << trial;
        }
        (byScan ? kept : declined) += 1;
    }
    // Both answers came up often.
    EXPECT_GT(kept, 500);
    EXPECT_GT(declined, 500);
}

// anyYOutside() answers, on each kind of reduction, what a look at every point's y answers.
TEST(ReducedCurve, AnyYOutsideAnswersAsALookAtEveryPoint) {
    Columns c = makeColumns(600);
    c.y[300] = kNaN;  // a NaN is never outside
    std::vector<float> floats(c.y.begin(), c.y.end());
    const CurveColumns asFloat{c.steps, {}, std::span<const float>(floats), nullptr, nullptr};
    const DecimateConfig all{10.0, 609.0, 2000};
    const Decimated d = decimate(std::span<const std::int64_t>(c.steps), c.y, all);
    const ReducedCurve consecutive(PositionRange{0, 300}, c.view());
    const ReducedCurve consecutiveFloat(PositionRange{0, 300}, asFloat);
    const ReducedCurve listed(reduce(c, 100), c.view(), false);
    const ReducedCurve logAxis(d, c.view(), true);
    ASSERT_TRUE(consecutive.consecutive());
    ASSERT_FALSE(listed.consecutive());
    for (const ReducedCurve* r : {&consecutive, &consecutiveFloat, &listed, &logAxis}) {
        for (const auto& [lo, hi] : {std::pair{-10.0, 10.0}, std::pair{0.3, 0.9},
                                     std::pair{-1.0, 0.5}, std::pair{0.9, 2.0}}) {
            for (const auto& [from, to] : {std::pair<std::size_t, std::size_t>{0, r->size()},
                                           std::pair<std::size_t, std::size_t>{40, 60}}) {
                bool outside = false;
                for (std::size_t i = from; i < to; ++i)
                    outside = outside || r->y(i) < lo || r->y(i) > hi;
                EXPECT_EQ(r->anyYOutside(from, to, lo, hi), outside)
                    << lo << " " << hi << " " << from;
            }
        }
    }
    // Infinity is outside any finite bounds.
    c.y[10] = std::numeric_limits<double>::infinity();
    EXPECT_TRUE(ReducedCurve(PositionRange{0, 20}, c.view()).anyYOutside(0, 20, -1e300, 1e300));
}

TEST(ReducedCurve, KeptWholeDeclinesWhereDecimateDropsOrBreaks) {
    Columns c = makeColumns(2000);
    const std::span<const std::int64_t> steps(c.steps);
    // 2,000 points on 600 columns: some column holds three points, decimate() may drop one.
    EXPECT_FALSE(keptWhole(steps, c.y, DecimateConfig{10, 2009, 600}));
    // An unsorted x, and a range holding no point.
    EXPECT_FALSE(keptWhole(steps, c.y, DecimateConfig{10, 2009, 3000, false}));
    EXPECT_FALSE(keptWhole(steps, c.y, DecimateConfig{5000, 6000, 3000}));
    // A NaN inside the range breaks the line; one just outside it only loses its edge point.
    c.y[1000] = kNaN;
    EXPECT_FALSE(keptWhole(steps, c.y, DecimateConfig{10, 2009, 3000}));
    const DecimateConfig after{10, 1009, 1500};  // x 10..1009 are positions 0..999
    const auto kept = keptWhole(steps, c.y, after);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->first, 0u);
    EXPECT_EQ(kept->last, 1000u);
    expectSamePoints(ReducedCurve(*kept, c.view()), decimate(steps, c.y, after));
}

}  // namespace
}  // namespace curvedoctor::core

namespace curvedoctor::core {
namespace {

// forEachPoint and forEachY read each column kind once per stretch: they must give what x(i)
// and y(i) give point by point, for steps in a block or a progression, x values, float or
// double y, consecutive points or an index list, linear or log y.
void expectSameAsPointByPoint(const ReducedCurve& r) {
    std::vector<std::pair<double, double>> each;
    r.forEachPoint(0, r.size(), [&](double x, double y) { each.emplace_back(x, y); });
    ASSERT_EQ(each.size(), r.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
        EXPECT_EQ(each[i].first, r.x(i)) << i;
        if (std::isnan(r.y(i)))
            EXPECT_TRUE(std::isnan(each[i].second)) << i;
        else
            EXPECT_EQ(each[i].second, r.y(i)) << i;
    }
    // A stretch in the middle, stopped by the callback after 5 points.
    const std::size_t from = r.size() / 3;
    std::vector<std::size_t> seen;
    r.forEachY(from, r.size(), [&](std::size_t i, double y) {
        EXPECT_TRUE(y == r.y(i) || (std::isnan(y) && std::isnan(r.y(i)))) << i;
        seen.push_back(i);
        return seen.size() < 5;
    });
    EXPECT_EQ(seen, (std::vector<std::size_t>{from, from + 1, from + 2, from + 3, from + 4}));
}

TEST(ReducedCurve, ForEachPointAndForEachYReadWhatXAndYRead) {
    const Columns c = makeColumns(3000);
    // Steps in a block, double y: every point kept (consecutive), then decimated (an index
    // list), then on a log axis.
    expectSameAsPointByPoint(ReducedCurve(reduce(c, 4000), c.view(), false));
    const Decimated dense = reduce(c, 300);
    ASSERT_LT(dense.size(), c.y.size());
    expectSameAsPointByPoint(ReducedCurve(dense, c.view(), false));
    expectSameAsPointByPoint(ReducedCurve(dense, c.view(), true));
    // Steps as a progression and float y; x values and float y.
    const std::vector<float> yf(c.y.begin(), c.y.end());
    const StepAxis progression(StepProgression{10, 1, c.steps.size()});
    const CurveColumns floats{progression, {}, std::span<const float>(yf), nullptr, nullptr};
    expectSameAsPointByPoint(ReducedCurve(PositionRange{100, 2500}, floats));
    expectSameAsPointByPoint(ReducedCurve(dense, floats, false));
    std::vector<double> xs(c.steps.begin(), c.steps.end());
    for (double& x : xs) x *= 0.25;
    const CurveColumns byX{{}, xs, std::span<const float>(yf), nullptr, nullptr};
    expectSameAsPointByPoint(ReducedCurve(dense, byX, true));
}

}  // namespace
}  // namespace curvedoctor::core
