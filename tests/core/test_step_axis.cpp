// Steps read as a progression in place must read, search and decimate exactly as the same steps
// unpacked into a block do (the block path is the reference), and only columns that are one
// progression entry for entry may be read so.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/decimate.h"
#include "core/step_axis.h"

namespace curvedoctor::core {
namespace {

StepColumn packed(const std::vector<std::int64_t>& steps) {
    StepColumn c = steps;
    c.pack();
    return c;
}

std::vector<std::int64_t> progression(std::int64_t first, std::int64_t stride, std::size_t n) {
    std::vector<std::int64_t> v;
    for (std::size_t i = 0; i < n; ++i) v.push_back(first + stride * static_cast<std::int64_t>(i));
    return v;
}

TEST(StepAxis, APackedProgressionIsReadInPlaceEntryForEntry) {
    for (const auto& steps : {progression(0, 1, 2000), progression(49, 50, 40),
                              progression(1000, -3, 100), progression(7, 0, 30)}) {
        const auto axis = StepAxis::progressionOf(packed(steps));
        ASSERT_TRUE(axis.has_value());
        EXPECT_TRUE(axis->isProgression());
        ASSERT_EQ(axis->size(), steps.size());
        for (std::size_t i = 0; i < steps.size(); ++i) EXPECT_EQ((*axis)[i], steps[i]) << i;
    }
}

TEST(StepAxis, OtherColumnsAreNotProgressions) {
    // Two progressions one after the other (a resumed run), packed as two pieces.
    std::vector<std::int64_t> resumed = progression(0, 10, 30);
    for (const std::int64_t s : progression(200, 5, 30)) resumed.push_back(s);
    EXPECT_TRUE(packed(resumed).isPacked());
    EXPECT_FALSE(StepAxis::progressionOf(packed(resumed)).has_value());
    // One step out of line, a plain column, too short a column, an empty one.
    std::vector<std::int64_t> bent = progression(0, 1, 100);
    bent[57] = 1000;
    EXPECT_FALSE(StepAxis::progressionOf(packed(bent)).has_value());
    EXPECT_FALSE(StepAxis::progressionOf(StepColumn(progression(0, 1, 100))).has_value());
    EXPECT_FALSE(StepAxis::progressionOf(packed({5})).has_value());
    EXPECT_FALSE(StepAxis::progressionOf(StepColumn()).has_value());
}

TEST(StepAxis, BoundsAreTheStandardOnesOfTheBlock) {
    const std::vector<std::int64_t> steps = progression(100, 25, 400);
    const StepAxis axis = *StepAxis::progressionOf(packed(steps));
    const StepAxis block(steps);
    for (const double x : {-1e18, 0.0, 99.5, 100.0, 112.5, 125.0, 5000.0, 10075.0, 10076.0, 1e18,
                           std::numeric_limits<double>::infinity()}) {
        const auto lower = static_cast<std::size_t>(
            std::lower_bound(steps.begin(), steps.end(), x,
                             [](std::int64_t v, double t) { return static_cast<double>(v) < t; }) -
            steps.begin());
        const auto upper = static_cast<std::size_t>(
            std::upper_bound(steps.begin(), steps.end(), x,
                             [](double t, std::int64_t v) { return t < static_cast<double>(v); }) -
            steps.begin());
        EXPECT_EQ(axis.lowerBound(x), lower) << x;
        EXPECT_EQ(axis.upperBound(x), upper) << x;
        EXPECT_EQ(block.lowerBound(x), lower) << x;
        EXPECT_EQ(block.upperBound(x), upper) << x;
    }
}

TEST(StepAxis, DecimatingAProgressionKeepsWhatTheBlockKeeps) {
    const std::size_t n = 20'000;
    const std::vector<std::int64_t> steps = progression(10, 3, n);
    std::vector<double> y;
    for (std::size_t i = 0; i < n; ++i)
        y.push_back(1.0 / (1.0 + static_cast<double>(i) / 500.0) +
                    0.02 * std::sin(static_cast<double>(i)));
    y[4321] = std::numeric_limits<double>::quiet_NaN();
    y[9000] = 50.0;  // a spike
    const StepAxis axis = *StepAxis::progressionOf(packed(steps));
    const DecimationIndex index(y);
    for (const DecimateConfig cfg :
         {DecimateConfig{0, 70'000, 700}, DecimateConfig{20'000, 30'000, 300},
          DecimateConfig{12'000, 12'600, 700}, DecimateConfig{30'000, 20'000, 50},
          DecimateConfig{0, 70'000, 700, false}}) {
        const Decimated a = decimate(axis, y, cfg);
        const Decimated b = decimate(std::span<const std::int64_t>(steps), y, cfg);
        const Decimated c = decimate(axis, y, cfg, index);
        EXPECT_EQ(a.indices, b.indices) << cfg.xLo << " " << cfg.columns;
        EXPECT_EQ(a.x, b.x);
        EXPECT_EQ(a.segmentStarts, b.segmentStarts);
        EXPECT_EQ(a.nonFinite.size(), b.nonFinite.size());
        EXPECT_EQ(c.indices, b.indices);
        const auto wholeA = keptWhole(axis, y, cfg);
        const auto wholeB = keptWhole(std::span<const std::int64_t>(steps), y, cfg);
        ASSERT_EQ(wholeA.has_value(), wholeB.has_value());
        if (wholeA) {
            EXPECT_EQ(wholeA->first, wholeB->first);
            EXPECT_EQ(wholeA->last, wholeB->last);
        }
    }
    // A range every point of which is kept (600 steps on 700 columns, no NaN inside).
    const DecimateConfig few{12'000, 12'600, 700};
    EXPECT_TRUE(keptWhole(axis, y, few).has_value());
}

}  // namespace
}  // namespace curvedoctor::core
