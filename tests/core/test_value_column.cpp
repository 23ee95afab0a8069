// ValueColumn: float32 storage only where every value reads back exactly, double otherwise; a
// later value a float cannot hold switches the column to double without changing the earlier
// ones; NaN and +/-Inf are kept; heapBytes counts what is stored. Decimation over float32
// storage gives what it gives over the same values as doubles.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "core/decimate.h"
#include "core/series.h"
#include "core/value_column.h"

namespace curvedoctor::core {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool sameBits(double a, double b) {
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

TEST(ValueColumn, Float32ValuesAreStoredAsFloat) {
    // What a TensorBoard scalar holds: a float32, widened to double by the loader.
    const double loss = static_cast<double>(0.6931472f);
    ValueColumn c;
    for (const double v : {loss, 0.5, -2.0, 1e-30f * 1.0, 3e38})
        c.push_back(static_cast<double>(static_cast<float>(v)));
    EXPECT_TRUE(c.isFloat());
    ASSERT_EQ(c.size(), 5u);
    EXPECT_TRUE(sameBits(c[0], loss));
    EXPECT_EQ(c[1], 0.5);
    EXPECT_EQ(c.back(), static_cast<double>(3e38f));
}

TEST(ValueColumn, AValueNoFloatHoldsMakesItDouble) {
    EXPECT_FALSE(ValueColumn({0.1}).isFloat());          // 0.1 is no float32
    EXPECT_FALSE(ValueColumn({0.5, 1e300}).isFloat());   // beyond float's range
    EXPECT_FALSE(ValueColumn({0.5, 1e-320}).isFloat());  // a double subnormal
    EXPECT_FALSE(ValueColumn({16777217.0}).isFloat());   // 2^24 + 1 needs 25 bits
    EXPECT_TRUE(ValueColumn({16777216.0, -0.0, 0.75}).isFloat());
    EXPECT_TRUE(std::signbit(ValueColumn({-0.0})[0]));  // the sign of zero is kept
}

TEST(ValueColumn, NanAndInfinitiesStayFloatAndReadBack) {
    const ValueColumn c{1.0, std::nan(""), kInf, -kInf, 2.0};
    EXPECT_TRUE(c.isFloat());
    EXPECT_EQ(c[0], 1.0);
    EXPECT_TRUE(std::isnan(c[1]));
    EXPECT_EQ(c[2], kInf);
    EXPECT_EQ(c[3], -kInf);
    EXPECT_EQ(c[4], 2.0);
}

TEST(ValueColumn, AppendingADoubleSwitchesWithoutChangingEarlierValues) {
    ValueColumn c;
    c.reserve(100);
    std::vector<double> want;
    for (int i = 0; i < 50; ++i) {
        const double v = i == 7 ? std::nan("") : i == 9 ? -kInf : 0.25 * i;
        c.push_back(v);
        want.push_back(v);
    }
    ASSERT_TRUE(c.isFloat());
    c.push_back(0.1);  // a following log appends a value no float holds
    want.push_back(0.1);
    EXPECT_FALSE(c.isFloat());
    EXPECT_GE(c.capacity(), 100u);  // the reservation survives the switch
    c.push_back(0.5);
    want.push_back(0.5);
    ASSERT_EQ(c.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (std::isnan(want[i]))
            EXPECT_TRUE(std::isnan(c[i])) << i;
        else
            EXPECT_TRUE(sameBits(c[i], want[i])) << i;
    }
}

// push_back's inline path (a float column, a value a float holds) and its out-of-line rest (NaN,
// doubles, the switch) in random mixes: every value reads back bit for bit (NaN as NaN) whatever
// row the switch falls on, with or without room reserved, and the column is float exactly while
// no value a float cannot hold was pushed. Which values a float holds is known by construction:
// a float widened, or a double one ulp away from one (never a float: a float has 29 fewer bits).
TEST(ValueColumn, RandomMixesPushedOneByOneReadBackExactly) {
    std::mt19937_64 rng(16);
    for (int round = 0; round < 300; ++round) {
        ValueColumn c;
        if (round % 2 == 0) c.reserve(rng() % 64);
        std::vector<double> want;
        bool anyDouble = false;
        const std::size_t n = 1 + rng() % 400;
        // Some columns never switch, some switch on their first or a later value.
        const std::uint64_t doubleOdds = round % 3 == 0 ? 0 : 1 + rng() % 50;
        for (std::size_t i = 0; i < n; ++i) {
            const float f = std::bit_cast<float>(static_cast<std::uint32_t>(rng()));
            double v = static_cast<double>(f);  // NaN payloads, infinities, subnormals, -0 too
            if (doubleOdds != 0 && rng() % doubleOdds == 0 && std::isfinite(v)) {
                v = std::nextafter(v, rng() % 2 == 0 ? kInf : -kInf);
                anyDouble = true;
            }
            c.push_back(v);
            want.push_back(v);
            ASSERT_EQ(c.isFloat(), !anyDouble) << round << " " << i;
        }
        ASSERT_EQ(c.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            if (std::isnan(want[i]))
                ASSERT_TRUE(std::isnan(c[i])) << round << " " << i;
            else
                ASSERT_TRUE(sameBits(c[i], want[i])) << round << " " << i << " " << want[i];
        }
    }
}

TEST(ValueColumn, SetAndResizeSwitchToDoubleWhenNeeded) {
    ValueColumn c{1.0, 2.0, 3.0};
    c.set(1, 4.0);
    EXPECT_TRUE(c.isFloat());
    c.set(2, 0.3);
    EXPECT_FALSE(c.isFloat());
    EXPECT_EQ(c, std::vector<double>({1.0, 4.0, 0.3}));
    ValueColumn d{1.0};
    d.resize(3, 0.7);
    EXPECT_FALSE(d.isFloat());
    EXPECT_EQ(d, std::vector<double>({1.0, 0.7, 0.7}));
}

TEST(ValueColumn, HeapBytesCountWhatIsStored) {
    ValueColumn f;
    ValueColumn d;
    for (int i = 0; i < 1000; ++i) {
        f.push_back(0.5 * i);
        d.push_back(0.1 * i + 0.01);
    }
    f.shrink_to_fit();
    d.shrink_to_fit();
    EXPECT_EQ(f.heapBytes(), 1000 * sizeof(float));
    EXPECT_EQ(d.heapBytes(), 1000 * sizeof(double));

    Series s;
    s.values.reserve(1000);
    for (int i = 0; i < 1000; ++i) {
        s.steps.push_back(i);
        s.values.push_back(0.5 * i);
    }
    s.shrinkToFit();  // steps 0, 1, ..., 999 pack into one piece
    std::vector<const void*> counted;
    EXPECT_EQ(s.heapBytes(counted), 1000 * sizeof(float) + s.steps.heapBytes());
    EXPECT_LT(s.heapBytes(counted), 1000 * sizeof(double));
}

TEST(ValueColumn, AsDoublesReadsInPlaceOrWidens) {
    const ValueColumn d{0.1, 0.2};
    const DoubleValues dd = d.asDoubles();
    EXPECT_EQ(static_cast<const void*>(dd.span().data()), d.span().data());  // no copy
    const ValueColumn f{0.5, std::nan(""), 2.0};
    const DoubleValues fd = f.asDoubles();
    ASSERT_EQ(fd.span().size(), 3u);
    EXPECT_EQ(fd.span()[0], 0.5);
    EXPECT_TRUE(std::isnan(fd.span()[1]));
    EXPECT_EQ(fd.span()[2], 2.0);
    EXPECT_EQ(f.toVector()[2], 2.0);
}

TEST(ValueColumn, DecimationOverFloatsEqualsDecimationOverTheSameDoubles) {
    std::vector<double> values;
    for (int i = 0; i < 5000; ++i) {
        const float v = i % 997 == 13 ? std::nanf("")
                        : i == 2500   ? 1e6f
                                      : 1.0f / (1.0f + 0.01f * static_cast<float>(i));
        values.push_back(static_cast<double>(v));
    }
    const ValueColumn column(values);
    ASSERT_TRUE(column.isFloat());
    std::vector<double> x(values.size());
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);
    const DecimationIndex fromFloats(column);
    const DecimationIndex fromDoubles(values);
    ASSERT_EQ(fromFloats.size(), fromDoubles.size());
    for (const int columns : {50, 300, 6000}) {
        const DecimateConfig cfg{100.0, 4900.0, columns, true};
        const Decimated a = decimate(x, column, cfg, fromFloats);
        const Decimated b = decimate(x, values, cfg, fromDoubles);
        EXPECT_EQ(a.indices, b.indices) << columns;
        EXPECT_EQ(a.y, b.y) << columns;
        EXPECT_EQ(a.segmentStarts, b.segmentStarts) << columns;
        ASSERT_EQ(a.nonFinite.size(), b.nonFinite.size()) << columns;
        EXPECT_FALSE(a.nonFinite.empty());
        EXPECT_EQ(keptWhole(x, column, cfg).has_value(), keptWhole(x, values, cfg).has_value());
    }
}

}  // namespace
}  // namespace curvedoctor::core
