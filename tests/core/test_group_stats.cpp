// Expected values worked by hand and checked with numpy: np.interp for the interpolation,
// np.mean and np.std(ddof=1) per step.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/group_stats.h"

namespace curvedoctor::core {
namespace {

Series make(std::vector<std::int64_t> steps, std::vector<double> values) {
    Series s;
    s.steps = std::move(steps);
    s.values = std::move(values);
    return s;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(GroupStats, UnionGridInterpolatesLinearly) {
    const Series a = make({0, 10, 20}, {1, 2, 3});
    const Series b = make({0, 5, 20}, {3, 4, 5});
    const GroupStats g = aggregateSeries({&a, &b});
    ASSERT_EQ(g.size(), 4U);
    EXPECT_EQ(g.steps, (std::vector<double>{0, 5, 10, 20}));
    // step 0: {1, 3}; step 5: {1.5 (a interpolated), 4}; step 10: {2, 4 + 5/15}; step 20: {3, 5}
    EXPECT_DOUBLE_EQ(g.mean[0], 2.0);
    EXPECT_NEAR(g.std[0], 1.4142135623730951, 1e-12);
    EXPECT_DOUBLE_EQ(g.mean[1], 2.75);
    EXPECT_NEAR(g.std[1], 1.7677669529663689, 1e-12);
    EXPECT_NEAR(g.mean[2], 3.1666666666666665, 1e-12);
    EXPECT_NEAR(g.std[2], 1.6499158227686108, 1e-12);
    EXPECT_DOUBLE_EQ(g.min[2], 2.0);
    EXPECT_NEAR(g.max[2], 4.333333333333333, 1e-12);
    EXPECT_DOUBLE_EQ(g.mean[3], 4.0);
    EXPECT_EQ(g.count, (std::vector<int>{2, 2, 2, 2}));
}

TEST(GroupStats, ShorterRunStopsContributingWithoutExtrapolation) {
    const Series a = make({0, 10, 20, 30}, {4, 3, 2, 1});
    const Series b = make({0, 10}, {2, 1});
    const GroupStats g = aggregateSeries({&a, &b});
    ASSERT_EQ(g.size(), 4U);
    EXPECT_EQ(g.count, (std::vector<int>{2, 2, 1, 1}));
    EXPECT_DOUBLE_EQ(g.mean[1], 2.0);
    EXPECT_DOUBLE_EQ(g.mean[3], 1.0);
    EXPECT_DOUBLE_EQ(g.std[3], 0.0);  // one contributor: no spread
    EXPECT_DOUBLE_EQ(g.min[3], 1.0);
    EXPECT_DOUBLE_EQ(g.max[3], 1.0);
}

TEST(GroupStats, NonFinitePointsLeaveTheBandInsteadOfPoisoningIt) {
    const Series a = make({0, 10, 20}, {1, kNaN, 3});
    const Series b = make({0, 5, 10, 20}, {5, 5, 5, 5});
    const GroupStats g = aggregateSeries({&a, &b});
    ASSERT_EQ(g.size(), 4U);  // 0, 5, 10, 20
    // step 5 lies between a's 1 and NaN: a contributes nothing there; step 10 is NaN in a.
    EXPECT_EQ(g.count, (std::vector<int>{2, 1, 1, 2}));
    EXPECT_DOUBLE_EQ(g.mean[1], 5.0);
    EXPECT_DOUBLE_EQ(g.mean[2], 5.0);
    EXPECT_DOUBLE_EQ(g.mean[3], 4.0);
    for (double v : g.mean) EXPECT_TRUE(std::isfinite(v));
}

TEST(GroupStats, EmptyCellIsNaN) {
    const Series a = make({0, 10}, {kNaN, kNaN});
    const GroupStats g = aggregateSeries({&a});
    ASSERT_EQ(g.size(), 2U);
    EXPECT_EQ(g.count[0], 0);
    EXPECT_TRUE(std::isnan(g.mean[0]));
    EXPECT_TRUE(std::isnan(g.std[1]));
}

TEST(GroupStats, UnsortedStepsAndRepeatsKeepTheLastLoggedValue) {
    // A restarted run: step 10 logged twice, the restart's value (7) is the one kept.
    const Series a = make({0, 10, 20, 10}, {1, 9, 3, 7});
    const GroupStats g = aggregateSeries({&a});
    EXPECT_EQ(g.steps, (std::vector<double>{0, 10, 20}));
    EXPECT_EQ(g.mean, (std::vector<double>{1, 7, 3}));
}

TEST(GroupStats, ResampledGridIsEvenlySpacedOverTheFullRange) {
    const Series a = make({0, 20}, {0, 2});
    const Series b = make({5, 25}, {1, 1});
    const GroupStats g = aggregateSeries({&a, &b}, {StepGrid::Resampled, 6});
    EXPECT_EQ(g.steps, (std::vector<double>{0, 5, 10, 15, 20, 25}));
    // np.interp(10, [0, 20], [0, 2]) = 1, b is 1 everywhere it exists
    EXPECT_DOUBLE_EQ(g.mean[2], 1.0);
    EXPECT_EQ(g.count, (std::vector<int>{1, 2, 2, 2, 2, 1}));
    EXPECT_DOUBLE_EQ(g.mean[4], 1.5);  // a = 2, b = 1
}

TEST(GroupStats, StdStaysAccurateFarFromZero) {
    // Sum-of-squares would lose these digits; the sample std of {1, 2, 3} is exactly 1.
    const Series a = make({0}, {1e9 + 1});
    const Series b = make({0}, {1e9 + 2});
    const Series c = make({0}, {1e9 + 3});
    const GroupStats g = aggregateSeries({&a, &b, &c});
    ASSERT_EQ(g.size(), 1U);
    EXPECT_NEAR(g.std[0], 1.0, 1e-9);
    EXPECT_DOUBLE_EQ(g.mean[0], 1e9 + 2);
}

TEST(GroupStats, NoSeriesGivesAnEmptyResult) {
    EXPECT_EQ(aggregateSeries({}).size(), 0U);
    const Series empty;
    EXPECT_EQ(aggregateSeries({&empty, nullptr}).size(), 0U);
}

}  // namespace
}  // namespace curvedoctor::core
