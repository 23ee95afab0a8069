// SmoothedValues: the window's smoothed copy of a series, float32 for float32 values. It keeps
// NaN and +/-Inf as they are, every finite value to float precision (the nearest float: half
// a unit in the last place, 2^-24 of the value), the last finite value exactly, and falls back
// to double where a float would turn a finite value infinite or zero; the CurveCache stores it
// so for a float-valued series only.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "core/comparison.h"
#include "core/plot/curve_cache.h"
#include "core/plot/smoothed_values.h"
#include "tests/core/detector_test_support.h"

namespace curvedoctor::core {
namespace {

using dtest::runOf;
using dtest::seriesOf;

constexpr double kInf = std::numeric_limits<double>::infinity();
// Rounding to the nearest float moves a normal value by at most half an ulp: 2^-24 of it.
constexpr double kFloatRelative = 0x1p-24;

bool sameNumber(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

// Values of an EMA's kind: fractions no float holds exactly, with NaN and both infinities.
std::vector<double> someSmoothedValues() {
    std::vector<double> v(100);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = 1.0 / 3.0 + 0.1 * static_cast<double>(i);
    v[10] = std::nan("");
    v[11] = kInf;
    v[12] = -kInf;
    v[50] = 0.0;
    v[60] = -2.718281828459045;
    return v;
}

TEST(SmoothedValues, AsFloatKeepsNonFiniteValuesAndTheRestToFloatPrecision) {
    const std::vector<double> v = someSmoothedValues();
    const SmoothedValues s(v, true);
    ASSERT_TRUE(s.isFloat());
    ASSERT_EQ(s.size(), v.size());
    EXPECT_EQ(s.heapBytes(), v.size() * sizeof(float));
    EXPECT_TRUE(std::isnan(s[10]));
    EXPECT_EQ(s[11], kInf);
    EXPECT_EQ(s[12], -kInf);
    EXPECT_EQ(s[50], 0.0);
    bool anyRounded = false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!std::isfinite(v[i])) continue;
        EXPECT_LE(std::abs(s[i] - v[i]), kFloatRelative * std::abs(v[i])) << i;
        anyRounded = anyRounded || s[i] != v[i];
    }
    EXPECT_TRUE(anyRounded) << "the values are stored as floats, not as they came";
    // The span the charts reduce reads the same numbers.
    ASSERT_TRUE(s.span().isFloat());
    for (std::size_t i = 0; i < v.size(); ++i) EXPECT_TRUE(sameNumber(s.span()[i], s[i])) << i;
    // The last finite value exactly as smoothed, not rounded.
    ASSERT_TRUE(s.lastFinite().has_value());
    EXPECT_EQ(*s.lastFinite(), v.back());
    EXPECT_NE(static_cast<double>(static_cast<float>(v.back())), v.back());
}

TEST(SmoothedValues, NotAsFloatIsExact) {
    const std::vector<double> v = someSmoothedValues();
    const SmoothedValues s(v, false);
    EXPECT_FALSE(s.isFloat());
    const std::vector<double> back = s.toDoubles();
    ASSERT_EQ(back.size(), v.size());
    for (std::size_t i = 0; i < v.size(); ++i) EXPECT_TRUE(sameNumber(back[i], v[i])) << i;
}

TEST(SmoothedValues, AFiniteValueAFloatCannotHoldKeepsTheCurveDouble) {
    // An average decaying towards 0 after a loss of exactly 0 (hf_trainer_03's reaches 1e-130):
    // as a float it would be 0, which a log-y chart leaves out. A diverged loss beyond 3.4e38
    // would turn infinite. The float range's own edges still fit.
    for (const double odd : {1e-130, -1e-40, 1e39, -1e300}) {
        std::vector<double> v{1.0, 0.5, odd, std::nan("")};
        const SmoothedValues s(v, true);
        EXPECT_FALSE(s.isFloat()) << odd;
        EXPECT_EQ(s[2], odd);
    }
    const double fmin = static_cast<double>(std::numeric_limits<float>::min());
    const double fmax = static_cast<double>(std::numeric_limits<float>::max());
    const SmoothedValues edges({fmin, -fmax, 0.0, -0.0}, true);
    EXPECT_TRUE(edges.isFloat());
    EXPECT_EQ(edges[0], fmin);
    EXPECT_EQ(edges[1], -fmax);
}

TEST(SmoothedValues, NoFiniteValueHasNoLastFinite) {
    EXPECT_FALSE(SmoothedValues({std::nan(""), kInf}, true).lastFinite().has_value());
    EXPECT_FALSE(SmoothedValues().lastFinite().has_value());
    EXPECT_TRUE(SmoothedValues().empty());
}

TEST(SmoothedValues, ExtendedAppendsAndKeepsTheLastFiniteValue) {
    const std::vector<double> head{1.0 / 3.0, 0.25, 0.2};
    const SmoothedValues s(head, true);
    // Only non-finite values appended: the last finite value is still the old one.
    const SmoothedValues more = s.extended(std::vector<double>{std::nan(""), kInf}, true);
    ASSERT_TRUE(more.isFloat());
    ASSERT_EQ(more.size(), 5u);
    EXPECT_EQ(more[0], s[0]);
    EXPECT_TRUE(std::isnan(more[3]));
    EXPECT_EQ(more[4], kInf);
    EXPECT_EQ(more.lastFinite(), s.lastFinite());
    const SmoothedValues further = more.extended(std::vector<double>{0.1}, true);
    EXPECT_EQ(further.lastFinite(), std::optional<double>(0.1));
    // A value a float cannot hold widens the curve; the old values read as before.
    const SmoothedValues wide = further.extended(std::vector<double>{1e-100}, true);
    EXPECT_FALSE(wide.isFloat());
    ASSERT_EQ(wide.size(), 7u);
    for (std::size_t i = 0; i < further.size(); ++i)
        EXPECT_TRUE(sameNumber(wide[i], further[i])) << i;
    EXPECT_EQ(wide[6], 1e-100);
    // A series that turned double (a value no float holds was logged) smooths on in double.
    EXPECT_FALSE(s.extended(std::vector<double>{0.1}, false).isFloat());
}

// The cache keeps float32 values' curves as floats (half the bytes), within float precision of
// core::smooth in double; double values' curves exactly.
TEST(SmoothedValues, TheCacheStoresAFloatSeriesCurveAsFloat) {
    core::Run r = runOf(
        {{"float_loss", seriesOf(400,
                                 [](std::size_t i) {
                                     if (i == 7) return std::nan("");
                                     if (i == 300) return kInf;
                                     return static_cast<double>(static_cast<float>(
                                         2.0 / (1.0 + 0.1 * static_cast<double>(i))));
                                 })},
         {"double_loss",
          seriesOf(400, [](std::size_t i) { return 2.0 / (3.0 + static_cast<double>(i)); })}});
    const RunPtr run = std::make_shared<const core::Run>(std::move(r));
    ASSERT_TRUE(run->find("float_loss")->values.isFloat());
    ASSERT_FALSE(run->find("double_loss")->values.isFloat());
    CurveCache cache;
    const SmoothingConfig ema{SmoothingKind::Ema, 0.6};
    const PreparedCurve f = cache.get(run, "float_loss", ema);
    const PreparedCurve d = cache.get(run, "double_loss", ema);
    ASSERT_TRUE(f.smoothed && d.smoothed);
    EXPECT_TRUE(f.smoothed->isFloat());
    EXPECT_FALSE(d.smoothed->isFloat());
    EXPECT_EQ(cache.heapBytes().smoothed, 400 * sizeof(float) + 400 * sizeof(double));
    for (const char* name : {"float_loss", "double_loss"}) {
        const Series& s = *run->find(name);
        const std::vector<double> want = smooth(s.steps.toVector(), s.values.asDoubles(), ema);
        const SmoothedValues& got = *(name[0] == 'f' ? f : d).smoothed;
        ASSERT_EQ(got.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            if (!std::isfinite(want[i]) || name[0] == 'd')
                EXPECT_TRUE(sameNumber(got[i], want[i])) << name << " " << i;
            else
                EXPECT_LE(std::abs(got[i] - want[i]), kFloatRelative * std::abs(want[i]))
                    << name << " " << i;
        }
        EXPECT_EQ(got.lastFinite(), std::optional<double>(want.back())) << name;
    }
}

// A followed float series' curve extended with its appended points stays float, equal to the
// whole series smoothed, to float precision.
TEST(SmoothedValues, AnExtendedFloatCurveStaysFloat) {
    auto grown = [](std::size_t n) {
        return std::make_shared<const core::Run>(
            runOf({{"loss", seriesOf(n, [](std::size_t i) {
                        if (i % 97 == 13) return std::nan("");
                        return static_cast<double>(
                            static_cast<float>(3.0 / (1.0 + 0.01 * static_cast<double>(i))));
                    })}}));
    };
    CurveCache cache;
    const SmoothingConfig ema{SmoothingKind::Ema, 0.6};
    RunPtr before = grown(500);
    (void)cache.get(before, "loss", ema);
    const RunPtr after = grown(800);
    cache.carryOver(before, after);
    const PreparedCurve c = cache.get(after, "loss", ema);
    EXPECT_EQ(cache.extensions(), 1u);
    ASSERT_TRUE(c.smoothed->isFloat());
    const Series& s = *after->find("loss");
    const std::vector<double> whole = smooth(s.steps.toVector(), s.values.asDoubles(), ema);
    ASSERT_EQ(c.smoothed->size(), whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (!std::isfinite(whole[i]))
            EXPECT_TRUE(sameNumber((*c.smoothed)[i], whole[i])) << i;
        else
            EXPECT_LE(std::abs((*c.smoothed)[i] - whole[i]), 2 * kFloatRelative * whole[i]) << i;
    }
    ASSERT_TRUE(c.smoothed->lastFinite().has_value());
    EXPECT_NEAR(*c.smoothed->lastFinite(), whole.back(), 1e-15 * whole.back());
}

// The comparison table's smoothed final loss, taken from the window's cache, is the double the
// smoothing gives, not the float the chart draws.
TEST(SmoothedValues, TheTablesSmoothedFinalLossIsExact) {
    const RunPtr run = std::make_shared<const core::Run>(
        runOf({{"loss", seriesOf(300, [](std::size_t i) {
                    return static_cast<double>(
                        static_cast<float>(1.0 / (1.0 + 0.03 * static_cast<double>(i))));
                })}}));
    CurveCache cache;
    const SmoothingConfig ema{SmoothingKind::Ema, 0.7};
    ASSERT_TRUE(cache.get(run, "loss", ema).smoothed->isFloat());
    const Comparison c = compareRuns({run}, {}, ema, cache);
    ASSERT_EQ(c.rows.size(), 1u);
    ASSERT_TRUE(c.rows[0].finalTrainLossSmoothed.has_value());
    const Series& s = *run->find("loss");
    const double want = smooth(s.steps.toVector(), s.values.asDoubles(), ema).back();
    EXPECT_EQ(*c.rows[0].finalTrainLossSmoothed, want);
    EXPECT_NE(static_cast<double>(static_cast<float>(want)), want);  // a float would differ
}

}  // namespace
}  // namespace curvedoctor::core
