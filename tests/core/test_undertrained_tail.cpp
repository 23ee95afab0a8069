// The undertrained rules' tail line (core/detectors/undertrained_tail.h): a curve whose values
// are all finite finds its tail by binary search, one with a gap by walking back from the end;
// both read the same tail.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/detectors/undertrained_tail.h"

namespace curvedoctor::core {
namespace {

TEST(TailSlope, AllFiniteAndGappedCurvesReadTheSameTail) {
    // A descent 2 - 0.01 x over steps 0..99 with a wobble; the gapped copy has a NaN at step 10,
    // before the tail, so both tails hold the same points.
    std::vector<std::int64_t> steps;
    std::vector<double> values;
    for (int i = 0; i < 100; ++i) {
        steps.push_back(i);
        values.push_back(2.0 - 0.01 * i + 0.003 * std::sin(i));
    }
    std::vector<double> gapped = values;
    gapped[10] = std::nan("");
    const Curve whole("loss", steps, values);
    const Curve gap("loss", steps, gapped);
    ASSERT_EQ(whole.finiteCount(), 100u);
    ASSERT_EQ(gap.finiteCount(), 99u);
    const Trend t = makeTrend(whole.steps(), whole.values());
    for (const double share : {0.5, 0.2, 0.01, 0.0}) {
        const auto a = undertrained::tailSlope(whole, t, share, 1.0);
        const auto b = undertrained::tailSlope(gap, t, share, 1.0);
        ASSERT_TRUE(a.ok) << share;
        EXPECT_EQ(a.tailStart, b.tailStart) << share;
        EXPECT_EQ(a.slope, b.slope) << share;
        EXPECT_EQ(a.tailShare, b.tailShare) << share;
        EXPECT_EQ(a.significance, b.significance) << share;
    }
    // Share 0.5 starts at step 99 - trunc(49.5) = 50; a share of 0 still takes the last
    // kMinTailPoints points, steps 97..99.
    EXPECT_EQ(undertrained::tailSlope(whole, t, 0.5, 1.0).tailStart, 50);
    EXPECT_EQ(undertrained::tailSlope(whole, t, 0.0, 1.0).tailStart, 97);
    EXPECT_NEAR(undertrained::tailSlope(whole, t, 0.5, 1.0).slope, 0.01, 0.002);
}

}  // namespace
}  // namespace curvedoctor::core
