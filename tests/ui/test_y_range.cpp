// The robust y fit (ui/chart/y_range.h): spikes inside a curve and a run whose whole scale is
// far off the others' do not set the range; one or two runs are always shown whole. Also the
// run colours by name and the wall-time labels (issue #14).
#include <gtest/gtest.h>

#include <QList>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <span>
#include <utility>
#include <vector>

#include <QDateTime>

#include "ui/chart/chart_axes.h"
#include "ui/chart/palette.h"
#include "ui/chart/y_range.h"
#include "ui/run_store.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

// The bulk's range by the y fit's rule applied to a fully sorted copy of finite `v`: the top
// end below the first gap of more than spikeGap times the span among the highest maxTrim, the
// bottom end above such a gap among the lowest.
std::pair<double, double> fullSortRange(const std::vector<double>& v, const YFitConfig& config) {
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t n = sorted.size();
    const auto trim = static_cast<std::size_t>(config.maxTrim * static_cast<double>(n));
    std::size_t top = n - 1, bottom = 0;
    if (trim > 0 && n > 2 * trim + 1) {
        for (std::size_t k = n - 1 - trim; k < n - 1; ++k)
            if (sorted[k + 1] - sorted[k] > config.spikeGap * (sorted[k] - sorted[0])) {
                top = k;
                break;
            }
        for (std::size_t k = trim; k-- > 0;)
            if (sorted[k + 1] - sorted[k] > config.spikeGap * (sorted[top] - sorted[k + 1])) {
                bottom = k + 1;
                break;
            }
    }
    return {sorted[bottom], sorted[top]};
}

// 500 values falling from 2 to about 0.5 (a loss), plus optional spikes.
std::vector<double> lossCurve(double scale = 1.0) {
    std::vector<double> v;
    v.reserve(500);
    for (int i = 0; i < 500; ++i) v.push_back(scale * (0.5 + 1.5 / (1.0 + 0.05 * i)));
    return v;
}

TEST(YRange, ASpikeOfAFewPointsDoesNotSetTheRange) {
    std::vector<double> c = lossCurve();
    c[100] = 1e6;  // one diverged step, 0.2% of the curve
    c[101] = 5e5;
    const YFit fit = fitYRange({c}, {});
    ASSERT_TRUE(fit.valid);
    EXPECT_LT(fit.hi, 2.1);  // the curve's own maximum is 2.0
    EXPECT_GT(fit.lo, 0.49);
    EXPECT_FALSE(fit.outlier[0]);
}

TEST(YRange, ARunWhoseScaleIsFarOffIsFittedOutAndNamed) {
    // Like lightning_07 (train loss about 2.7e8) beside ordinary losses.
    const std::vector<std::vector<double>> curves{lossCurve(), lossCurve(1.2), lossCurve(0.8),
                                                  lossCurve(2.7e8)};
    const YFit fit = fitYRange(curves, {});
    ASSERT_TRUE(fit.valid);
    EXPECT_TRUE(fit.outlier[3]);
    EXPECT_FALSE(fit.outlier[0] || fit.outlier[1] || fit.outlier[2]);
    EXPECT_LT(fit.hi, 2.0 * 1.2 + 0.01);
}

TEST(YRange, OneOrTwoRunsAreNeverFittedOut) {
    const YFit two = fitYRange({lossCurve(), lossCurve(2.7e8)}, {});
    EXPECT_FALSE(two.outlier[0] || two.outlier[1]);
    EXPECT_GT(two.hi, 2.7e8);
    // Nor on a log axis (allowOutliers off), where every scale fits.
    YFitConfig log;
    log.allowOutliers = false;
    const YFit many = fitYRange({lossCurve(), lossCurve(), lossCurve(), lossCurve(2.7e8)}, log);
    EXPECT_FALSE(many.outlier[3]);
    EXPECT_GT(many.hi, 2.7e8);
}

TEST(YRange, NonFiniteValuesAreIgnoredAndIncludeZeroReachesZero) {
    std::vector<double> c = lossCurve();
    c[3] = std::nan("");
    c[4] = INFINITY;
    YFitConfig zero;
    zero.includeZero = true;
    const YFit fit = fitYRange({c}, zero);
    ASSERT_TRUE(fit.valid);
    EXPECT_EQ(fit.lo, 0.0);
    EXPECT_TRUE(std::isfinite(fit.hi));
    EXPECT_FALSE(fitYRange({{std::nan("")}, {}}, {}).valid);
}

// The fit reads only the lowest and highest 1% of each curve's values, put in order without
// sorting the rest. Checked against the rule applied to a fully sorted copy, on random curves
// with spikes at either end, gaps of every size and repeated values.
TEST(YRange, PartialOrderGivesTheRangeOfAFullSort) {
    std::mt19937_64 rng(20261204);
    auto uniform = [&](double a, double b) {
        return std::uniform_real_distribution<double>(a, b)(rng);
    };
    const YFitConfig config;
    for (int trial = 0; trial < 300; ++trial) {
        const auto n = static_cast<std::size_t>(uniform(1, trial < 200 ? 400 : 5000));
        std::vector<double> v(n);
        for (double& y : v) y = std::round(uniform(0, 1) * 50.0) / 50.0;  // repeats
        const int spikes = static_cast<int>(uniform(0, 6));
        for (int k = 0; k < spikes; ++k)
            v[static_cast<std::size_t>(uniform(0, static_cast<double>(n)))] =
                uniform(0, 1) < 0.5 ? uniform(2, 1e3) : -uniform(2, 1e3);
        // The rule on a full sort: the top end drops above the lowest wide gap among the
        // top 1%, the bottom end below the highest one among the bottom 1%.
        const auto [lo, hi] = fullSortRange(v, config);
        const CurveBulk bulk = curveBulk(v, config);
        ASSERT_TRUE(bulk.present);
        EXPECT_EQ(bulk.lo, lo) << "trial " << trial << " n=" << n;
        EXPECT_EQ(bulk.hi, hi) << "trial " << trial << " n=" << n;
        if (n <= kMagnitudeSample) {  // every value counts: the exact median of |value|
            std::vector<double> abs;
            abs.reserve(v.size());
            for (double y : v) abs.push_back(std::abs(y));
            std::sort(abs.begin(), abs.end());
            EXPECT_EQ(bulk.magnitude, abs[abs.size() / 2]) << "trial " << trial;
        }
    }
}

// The lowest and highest 1% are found beyond thresholds a sample of every few values sets;
// values whose extremes sit at regular positions (a pattern repeating every `period` values)
// make that sample unlike the rest at some period, and the range is still a full sort's.
TEST(YRange, PeriodicExtremesGiveTheRangeOfAFullSort) {
    const YFitConfig config;
    for (const std::size_t n : {300U, 2'000U, 12'800U}) {
        for (std::size_t period = 2; period <= 40; ++period) {
            std::vector<double> v(n);
            for (std::size_t i = 0; i < n; ++i) {
                const double wave = 0.25 * std::sin(0.37 * static_cast<double>(i));
                // Low extremes at one phase of the period, high ones at another, a spike apart.
                v[i] = i % period == 0 ? -3.0 - wave : i % period == 1 ? 3.0 + wave : wave;
                if (i == n / 2) v[i] = 1e4;
            }
            const auto [lo, hi] = fullSortRange(v, config);
            const CurveBulk bulk = curveBulk(v, config);
            EXPECT_EQ(bulk.lo, lo) << "n=" << n << " period=" << period;
            EXPECT_EQ(bulk.hi, hi) << "n=" << n << " period=" << period;
            EXPECT_LT(bulk.hi, 10.0) << "the spike is trimmed, n=" << n << " period=" << period;
        }
    }
}

// The fit against a full sort on the shapes a chart shows: falling losses, rising accuracies,
// NaN and infinities between the values (left out, also from the magnitude's sample),
// repeats and spikes, short curves and long ones (whose magnitude comes from a sample).
TEST(YRange, TheFitOfRealShapesWithGapsIsTheRangeAndMagnitudeOfAFullSort) {
    std::mt19937_64 rng(1404);
    auto uniform = [&](double a, double b) {
        return std::uniform_real_distribution<double>(a, b)(rng);
    };
    const YFitConfig config;
    const std::size_t sizes[] = {1,     2,     99,    100,   101,   203,
                                 1'000, 2'800, 6'399, 6'400, 6'500, 20'000};
    for (int trial = 0; trial < 240; ++trial) {
        const std::size_t n = sizes[static_cast<std::size_t>(trial) % std::size(sizes)];
        const int shape = trial / static_cast<int>(std::size(sizes)) % 4;
        std::vector<double> v(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double t = static_cast<double>(i) / static_cast<double>(n);
            if (shape == 0) v[i] = 0.5 + 2.0 / (1.0 + 30.0 * t) + uniform(0, 0.01);  // falling
            if (shape == 1) v[i] = 1.0 - 0.9 / (1.0 + 30.0 * t);                     // rising
            if (shape == 2) v[i] = std::round(uniform(0, 1) * 20.0) / 20.0;          // repeats
            if (shape == 3) v[i] = uniform(-1, 1);
        }
        for (int k = 0, spikes = static_cast<int>(uniform(0, 8)); k < spikes && n > 0; ++k)
            v[static_cast<std::size_t>(uniform(0, static_cast<double>(n)))] =
                uniform(0, 1) < 0.5 ? uniform(5, 1e4) : -uniform(5, 1e4);
        for (int k = 0, gaps = static_cast<int>(uniform(0, 30)); k < gaps && n > 3; ++k)
            v[static_cast<std::size_t>(uniform(0, static_cast<double>(n)))] =
                k % 3 == 0 ? std::nan("") : (k % 3 == 1 ? HUGE_VAL : -HUGE_VAL);
        std::vector<double> finite;
        for (double y : v)
            if (std::isfinite(y)) finite.push_back(y);
        const CurveBulk bulk = curveBulk(v, config);
        if (finite.empty()) {
            EXPECT_FALSE(bulk.present);
            continue;
        }
        ASSERT_TRUE(bulk.present);
        const std::size_t m = finite.size();
        const auto [lo, hi] = fullSortRange(finite, config);
        EXPECT_EQ(bulk.lo, lo) << "trial " << trial << " n=" << n;
        EXPECT_EQ(bulk.hi, hi) << "trial " << trial << " n=" << n;
        // The magnitude: the median of |value| over every stride-th finite value.
        const std::size_t stride = (m + kMagnitudeSample - 1) / kMagnitudeSample;
        std::vector<double> sample;
        for (std::size_t i = 0; i < m; i += stride) sample.push_back(std::abs(finite[i]));
        std::sort(sample.begin(), sample.end());
        EXPECT_EQ(bulk.magnitude, sample[sample.size() / 2]) << "trial " << trial << " n=" << n;
    }
}

// Most curves have no spike at either end, which two counts around the midpoint of their
// range tell without ordering their ends (plainRange in y_range.cpp): where those counts sit at
// the edge (trim + 1 values or one fewer beyond the midpoint, a value a millionth off it), or
// the span is tiny next to the values (rounding), the range must still be a full sort's, for
// values stored as float and as double.
TEST(YRange, CurvesAtTheEdgeOfTheQuickRangeGiveTheRangeOfAFullSort) {
    std::mt19937_64 rng(2026);
    auto uniform = [&](double a, double b) {
        return std::uniform_real_distribution<double>(a, b)(rng);
    };
    const YFitConfig config;
    for (const std::size_t n : {150U, 1'000U, 2'000U, 5'000U}) {
        const auto trim = static_cast<std::size_t>(config.maxTrim * static_cast<double>(n));
        for (int trial = 0; trial < 160; ++trial) {
            const bool tiny = trial % 8 == 7;  // a span of 1e-9 on values near 1000
            const double base = tiny ? 1000.0 : 0.0, scale = tiny ? 1e-9 : 1.0;
            std::vector<double> v(n);
            for (double& y : v) y = base + scale * uniform(0, 1);
            // At one end (or both) a cluster of trim - 1 .. trim + 2 values at about the
            // midpoint between the other end and an extreme value beyond it.
            const std::size_t cluster = trim - 1 + static_cast<std::size_t>(trial % 4);
            const double extreme = base + scale * uniform(1.5, 4.0);
            const double off = trial % 3 == 0 ? 0.0 : uniform(-1e-6, 1e-6);
            const double level = (base + extreme) / 2.0 * (1.0 + (tiny ? 0.0 : off));
            const bool top = trial % 2 == 0, bottom = trial % 5 < 2;
            std::size_t at = 0;
            if (top) {
                v[at++] = extreme;
                for (std::size_t k = 0; k < cluster; ++k) v[at++] = level;
            }
            if (bottom) {
                v[at++] = base - (extreme - base);
                for (std::size_t k = 0; k < cluster; ++k) v[at++] = base - (level - base);
            }
            std::shuffle(v.begin(), v.end(), rng);
            const auto [lo, hi] = fullSortRange(v, config);
            const CurveBulk bulk = curveBulk(v, config);
            EXPECT_EQ(bulk.lo, lo) << "n=" << n << " trial " << trial;
            EXPECT_EQ(bulk.hi, hi) << "n=" << n << " trial " << trial;
            const std::vector<float> f(v.begin(), v.end());
            const std::vector<double> asDoubles(f.begin(), f.end());
            const auto [flo, fhi] = fullSortRange(asDoubles, config);
            const CurveBulk floatBulk = curveBulk(std::span<const float>(f), config);
            EXPECT_EQ(floatBulk.lo, flo) << "float, n=" << n << " trial " << trial;
            EXPECT_EQ(floatBulk.hi, fhi) << "float, n=" << n << " trial " << trial;
        }
    }
}

// A long curve's magnitude is the median of a sample of it: still enough to tell a run whose
// scale is far off (a loss of 2.7e8 among losses near 1) from the others, and the curve-wise
// fit is the same as the one over all values at once.
TEST(YRange, FloatValuesFitAsTheirDoublesWhetherReadInPlaceOrCopied) {
    // A curve of float32 values (a TensorBoard scalar) with spikes: read in place when every
    // value is finite, copied without the non-finite ones otherwise; both must give what its
    // values widened to double give.
    std::vector<float> f;
    f.reserve(2000);
    for (int i = 0; i < 2000; ++i)
        f.push_back(static_cast<float>(1.0 / (1.0 + i / 50.0) + 0.01 * std::sin(i * 0.9) +
                                       (i % 397 == 0 ? 3.0 : 0.0)));
    const std::vector<double> d(f.begin(), f.end());
    std::vector<double> withNaN = d;
    withNaN.insert(withNaN.begin() + 700, std::nan(""));
    withNaN.push_back(std::numeric_limits<double>::infinity());
    const YFitConfig config;
    const CurveBulk fromFloat = curveBulk(std::span<const float>(f), config);
    for (const std::vector<double>& v : {d, withNaN}) {
        const CurveBulk b = curveBulk(v, config);
        EXPECT_TRUE(b.present);
        EXPECT_EQ(b.lo, fromFloat.lo);
        EXPECT_EQ(b.hi, fromFloat.hi);
        EXPECT_EQ(b.magnitude, fromFloat.magnitude);
    }
    // The spikes (3 above a curve under 1.1) are trimmed: the range is the curve's own.
    EXPECT_LT(fromFloat.hi, 1.1);
}

TEST(YRange, ASampledMagnitudeStillFindsTheRunFarOff) {
    std::vector<std::vector<double>> curves;
    for (double scale : {1.0, 1.3, 0.7, 2.7e8}) {
        std::vector<double> c;
        c.reserve(20'000);
        for (int i = 0; i < 20'000; ++i) c.push_back(scale * (0.5 + 1.5 / (1.0 + 0.001 * i)));
        curves.push_back(std::move(c));
    }
    const YFit fit = fitYRange(curves, {});
    EXPECT_TRUE(fit.outlier[3]);
    EXPECT_FALSE(fit.outlier[0] || fit.outlier[1] || fit.outlier[2]);
    std::vector<CurveBulk> bulks;
    bulks.reserve(curves.size());
    for (const auto& c : curves) bulks.push_back(curveBulk(c, {}));
    const YFit again = fitBulks(bulks, {});
    EXPECT_EQ(again.lo, fit.lo);
    EXPECT_EQ(again.hi, fit.hi);
    EXPECT_EQ(again.outlier, fit.outlier);
    EXPECT_LT(fit.hi, 2.0 * 1.3 + 0.01);  // the curves' own maximum is 2.0 x scale
}

TEST(RunColours, AColourFollowsTheNameNotTheOrderOfLoading) {
    const std::vector<std::string> names{"resnet_lr0.1", "resnet_lr0.01", "vit_base"};
    QList<QColor> alone;
    for (const auto& n : names) alone << runColorForName(QString::fromStdString(n), {});
    // Precondition of the comparison: the three names hash to three palette colours.
    ASSERT_NE(alone[0], alone[1]);
    ASSERT_NE(alone[1], alone[2]);
    ASSERT_NE(alone[0], alone[2]);
    RunStore forward, backward;
    for (const auto& n : names) forward.add(testing::makeRun(n, 3), {});
    for (auto it = names.rbegin(); it != names.rend(); ++it)
        backward.add(testing::makeRun(*it, 3), {});
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(forward.at(i).color, alone[i]);
        EXPECT_EQ(backward.at(2 - i).color, alone[i]);
    }
    // Two runs never share a colour while the palette has free ones, even when names collide.
    RunStore many;
    for (int i = 0; i < runColorCount(); ++i)
        many.add(testing::makeRun("run" + std::to_string(i), 3), {});
    QList<QColor> seen;
    for (const RunEntry& e : many.entries()) {
        EXPECT_FALSE(seen.contains(e.color)) << e.name.toStdString();
        seen << e.color;
    }
}

// Wall-time labels name the date once the range passes a day, and the year once it passes
// New Year (runs logged months apart); within a day they are clock times only.
TEST(WallTimeLabels, CarryTheDateAndTheYearWhenTheRangeNeedsThem) {
    const double noon =
        static_cast<double>(QDateTime(QDate(2025, 12, 30), QTime(12, 0)).toSecsSinceEpoch());
    for (const Tick& t : niceTicks(noon, noon + 3600, 6, TickFormat::DateTime))
        EXPECT_FALSE(t.label.contains(QStringLiteral("Dec"))) << t.label.toStdString();
    const double mid = noon - 20 * 86400.0;  // December 10: the days stay in December
    const auto days = niceTicks(mid, mid + 1.5 * 86400, 6, TickFormat::DateTime);
    ASSERT_FALSE(days.isEmpty());
    for (const Tick& t : days)
        EXPECT_TRUE(t.label.contains(QStringLiteral("Dec"))) << t.label.toStdString();
    const auto years = niceTicks(noon, noon + 5 * 86400, 6, TickFormat::DateTime);
    ASSERT_FALSE(years.isEmpty());
    for (const Tick& t : years)
        EXPECT_TRUE(t.label.startsWith(QStringLiteral("2025")) ||
                    t.label.startsWith(QStringLiteral("2026")))
            << t.label.toStdString();
}

}  // namespace
}  // namespace curvedoctor::ui
