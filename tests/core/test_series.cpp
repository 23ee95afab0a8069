// Series: shrinking after a load releases real spare capacity, keeps a sliver, packs the steps.
#include <gtest/gtest.h>

#include "core/series.h"

namespace curvedoctor::core {
namespace {

TEST(Series, ShrinkToFitReleasesLargeSpareCapacity) {
    Series s;
    s.steps.reserve(1000);
    s.values.reserve(1000);
    for (int i = 0; i < 100; ++i) {
        s.steps.push_back(i);
        s.values.push_back(0.5 * i);
    }
    s.shrinkToFit();
    EXPECT_TRUE(s.steps.isPacked());  // 0, 1, ..., 99: one progression.
    EXPECT_EQ(s.steps[99], 99);
    EXPECT_LT(s.steps.heapBytes(), 100 * sizeof(std::int64_t));
    EXPECT_EQ(s.values.capacity(), 100U);
    EXPECT_EQ(s.values[99], 49.5);
}

TEST(Series, ShrinkToFitKeepsASliverRatherThanCopying) {
    Series s;
    s.steps.reserve(1050);
    s.values.reserve(1050);
    for (int i = 0; i < 1000; ++i) {
        s.steps.push_back(i);
        s.values.push_back(i);
    }
    const void* before = s.values.span().data();
    s.shrinkToFit();
    EXPECT_EQ(s.values.span().data(), before);  // 5% spare: not worth a copy.
    EXPECT_GE(s.values.capacity(), 1000U);
    EXPECT_LE(s.values.capacity(), 1000U + 1000U / 16);
}

}  // namespace
}  // namespace curvedoctor::core
