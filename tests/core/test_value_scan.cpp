// The vectorised scans a chart runs over every curve on a zoom (core/plot/value_scan.h) must
// answer what a plain loop over the values as doubles answers: checked against such loops on
// random values of float and double, at every length around the scans' block and lane sizes,
// with NaN and infinities anywhere, and with bounds that fall between two floats.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <span>
#include <vector>

#include "core/plot/value_scan.h"

namespace curvedoctor::core {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Lengths around the lane (8) and block (256) sizes, and the empty one.
const std::size_t kLengths[] = {0, 1, 7, 8, 9, 255, 256, 257, 511, 512, 513, 2000};

template <typename T>
std::vector<T> randomValues(std::mt19937_64& rng, std::size_t n) {
    std::uniform_real_distribution<double> u(-3.0, 3.0);
    std::vector<T> v(n);
    for (T& y : v) y = static_cast<T>(u(rng));
    return v;
}

template <typename T>
void expectScansAsPlainLoops() {
    std::mt19937_64 rng(19);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (const std::size_t n : kLengths) {
        for (int trial = 0; trial < 40; ++trial) {
            std::vector<T> v = randomValues<T>(rng, n);
            // Now and then a non-finite value, anywhere (also in the last, partial block).
            if (n > 0 && trial % 4 != 0) {
                const auto at = static_cast<std::size_t>(u(rng) * static_cast<double>(n));
                const double pick = u(rng);
                v[at] = static_cast<T>(pick < 0.4 ? kNaN : pick < 0.7 ? kInf : -kInf);
            }
            // Bounds: random, or at a value itself, or a double between two floats.
            double lo = -3.0 + 2.0 * u(rng), hi = 3.0 - 2.0 * u(rng);
            if (n > 0 && trial % 3 == 1)
                lo = static_cast<double>(
                    v[static_cast<std::size_t>(u(rng) * static_cast<double>(n))]);
            if (n > 0 && trial % 5 == 2) {
                const auto y = static_cast<double>(
                    v[static_cast<std::size_t>(u(rng) * static_cast<double>(n))]);
                hi = y - 1e-12 * std::max(1.0, std::abs(y));  // just below a value
            }
            bool finite = true, outside = false;
            std::size_t below = 0, above = 0;
            for (const T y : v) {
                const auto d = static_cast<double>(y);
                finite = finite && std::isfinite(d);
                outside = outside || d < lo || d > hi;
                below += static_cast<std::size_t>(d <= lo);
                above += static_cast<std::size_t>(d >= hi);
            }
            const std::span<const T> s(v);
            EXPECT_EQ(allFinite(s), finite) << "n=" << n << " trial " << trial;
            EXPECT_EQ(anyOutside(s, lo, hi), outside) << "n=" << n << " trial " << trial;
            const auto [countedBelow, countedAbove] = countBeyond(s, lo, hi);
            EXPECT_EQ(countedBelow, below) << "n=" << n << " trial " << trial;
            EXPECT_EQ(countedAbove, above) << "n=" << n << " trial " << trial;
            if (finite && n > 0) {
                double mn = kInf, mx = -kInf;
                for (const T y : v) {
                    mn = std::min(mn, static_cast<double>(y));
                    mx = std::max(mx, static_cast<double>(y));
                }
                const auto [a, b] = finiteMinMax(s);
                EXPECT_EQ(a, mn) << "n=" << n;
                EXPECT_EQ(b, mx) << "n=" << n;
            }
        }
    }
}

TEST(ValueScan, FloatScansAnswerAsPlainLoopsOverDoubles) {
    expectScansAsPlainLoops<float>();
}

TEST(ValueScan, DoubleScansAnswerAsPlainLoops) {
    expectScansAsPlainLoops<double>();
}

// A double bound between two floats: a float compares with it as with the nearest float
// inside the bound, also past the range of float.
TEST(ValueScan, FloatsCompareWithBoundsBetweenFloatsAsDoublesDo) {
    const float one = 1.0F;
    const double justAbove = 1.0 + 1e-12;  // between 1 and the next float
    const std::vector<float> v{one};
    EXPECT_TRUE(anyOutside(std::span<const float>(v), justAbove, 2.0));
    EXPECT_FALSE(anyOutside(std::span<const float>(v), 1.0, 2.0));
    EXPECT_TRUE(anyOutside(std::span<const float>(v), 0.0, 1.0 - 1e-12));
    EXPECT_EQ(countBeyond(std::span<const float>(v), 1.0 - 1e-12, justAbove),
              (std::pair<std::size_t, std::size_t>{0, 0}));
    EXPECT_EQ(countBeyond(std::span<const float>(v), 1.0, 1.0),
              (std::pair<std::size_t, std::size_t>{1, 1}));
    // Bounds beyond float's range: every finite float is inside, the infinities are not.
    const std::vector<float> wide{std::numeric_limits<float>::max(),
                                  std::numeric_limits<float>::lowest()};
    EXPECT_FALSE(anyOutside(std::span<const float>(wide), -1e300, 1e300));
    const std::vector<float> inf{std::numeric_limits<float>::infinity()};
    EXPECT_TRUE(anyOutside(std::span<const float>(inf), -1e300, 1e300));
    // NaN is never outside, nor counted.
    const std::vector<float> nan{std::numeric_limits<float>::quiet_NaN()};
    EXPECT_FALSE(anyOutside(std::span<const float>(nan), 0.0, 1.0));
    EXPECT_FALSE(allFinite(std::span<const float>(nan)));
    EXPECT_EQ(countBeyond(std::span<const float>(nan), 0.0, 0.0),
              (std::pair<std::size_t, std::size_t>{0, 0}));
}

}  // namespace
}  // namespace curvedoctor::core
