// The fit across the curves of a sweep (ui/chart/y_range.h, issue #14): when a few runs climb
// far above the rest (diverging runs), the axis ends near the bulk of runs, yet every curve
// keeps a third of its values in view; one run alone, or a handful, is shown whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "ui/chart/y_range.h"

namespace curvedoctor::ui {
namespace {

constexpr int kSteps = 2000;

// A loss shaped as bench/make_tfevents_sweep.py draws it: from `start` down to `floor` with
// time constant `tau`, noisy; a diverging run climbs exponentially (e-fold every 100 steps)
// from `divergeAt` on, reaching 1e2-1e6 times its floor at the end.
std::vector<double> sweepLoss(std::mt19937_64& rng, bool diverge) {
    auto uniform = [&](double a, double b) {
        return std::uniform_real_distribution<double>(a, b)(rng);
    };
    const double floor = uniform(0.05, 0.4), start = uniform(2.0, 3.0);
    const double tau = kSteps * uniform(0.08, 0.3), noise = uniform(0.01, 0.05);
    const int divergeAt = static_cast<int>(kSteps * uniform(0.3, 0.7));
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::vector<double> v(kSteps);
    for (int s = 0; s < kSteps; ++s) {
        double base = floor + (start - floor) * std::exp(-s / tau);
        if (diverge && s > divergeAt) base *= std::exp(std::min(60.0, (s - divergeAt) / 100.0));
        v[static_cast<std::size_t>(s)] = base * (1.0 + noise * gauss(rng));
    }
    return v;
}

// The curves of a sweep: `healthy` converging runs, then `diverging` ones.
std::vector<std::vector<double>> sweep(int healthy, int diverging, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::vector<double>> curves;
    for (int r = 0; r < healthy + diverging; ++r) curves.push_back(sweepLoss(rng, r >= healthy));
    return curves;
}

double maxOf(const std::vector<std::vector<double>>& curves, std::size_t from, std::size_t to) {
    double m = -INFINITY;
    for (std::size_t i = from; i < to; ++i)
        m = std::max(m, *std::max_element(curves[i].begin(), curves[i].end()));
    return m;
}

// The share of a curve's values inside [lo, hi].
double shareInside(const std::vector<double>& v, double lo, double hi) {
    const auto in = std::count_if(v.begin(), v.end(), [&](double y) { return y >= lo && y <= hi; });
    return static_cast<double>(in) / static_cast<double>(v.size());
}

TEST(YRangeSweep, TheAxisEndsNearTheHealthyRunsAndEveryCurveKeepsAThird) {
    for (const auto& [healthy, diverging] : {std::pair{900, 100}, std::pair{90, 10}}) {
        const auto curves = sweep(healthy, diverging, 14);
        const double healthyTop = maxOf(curves, 0, static_cast<std::size_t>(healthy));
        const double divergedTop = maxOf(curves, static_cast<std::size_t>(healthy), curves.size());
        ASSERT_GT(divergedTop, 1000.0 * healthyTop);  // precondition: the climbs dwarf the rest
        const YFit fit = fitYRange(curves, {});
        ASSERT_TRUE(fit.valid);
        // Every healthy run whole, the axis not far above them.
        EXPECT_GE(fit.hi, healthyTop);
        EXPECT_LT(fit.hi, 2.0 * healthyTop) << healthy << " + " << diverging;
        for (std::size_t i = 0; i < curves.size(); ++i) {
            const bool diverges = i >= static_cast<std::size_t>(healthy);
            EXPECT_EQ(fit.clipped[i], diverges) << "curve " << i;
            EXPECT_FALSE(fit.outlier[i]);
            // None hidden whole or mostly: a third of every curve's values is in view, the
            // diverging runs' healthy start among them.
            EXPECT_GE(shareInside(curves[i], fit.lo, fit.hi), 1.0 / 3.0) << "curve " << i;
        }
    }
}

TEST(YRangeSweep, ADivergingRunAloneOrAmongAFewIsShownWhole) {
    for (int healthy : {0, 1, 4}) {
        const auto curves = sweep(healthy, 1, 7);
        const YFit fit = fitYRange(curves, {});
        ASSERT_TRUE(fit.valid);
        EXPECT_GE(fit.hi, maxOf(curves, 0, curves.size()) * (1 - 1e-12)) << healthy;
        EXPECT_FALSE(fit.clipped.back());
    }
    // The runs, not the curves, count: five runs of a training and a validation curve each.
    auto five = sweep(4, 1, 7);
    for (int r = 0; r < 5; ++r) {
        auto validation = five[static_cast<std::size_t>(r)];
        for (double& y : validation) y *= 1.1;
        five.push_back(std::move(validation));
    }
    YFitConfig runs;
    runs.runs = 5;
    EXPECT_GE(fitYRange(five, runs).hi, maxOf(five, 0, five.size()) * (1 - 1e-12));
    runs.runs = 0;  // counted as ten curves, they are a bulk with a tail
    EXPECT_LT(fitYRange(five, runs).hi, maxOf(five, 0, five.size()) / 10);
}

TEST(YRangeSweep, RunsThatDifferWithoutATailAreShownWhole) {
    // Twice the others' scale (a different learning rate) is no tail: nothing is clipped.
    auto curves = sweep(100, 0, 3);
    for (std::size_t i = 0; i < 10; ++i)
        for (double& y : curves[i]) y *= 3.0;
    const YFit fit = fitYRange(curves, {});
    EXPECT_GE(fit.hi, maxOf(curves, 0, curves.size()));
    EXPECT_EQ(std::count(fit.clipped.begin(), fit.clipped.end(), true), 0);
    // Nor is a bulk of flat curves (a constant learning rate) a reason to clip a schedule
    // that peaks at five times their value.
    std::vector<std::vector<double>> lr(50, std::vector<double>(500, 1e-3));
    for (std::size_t i = 0; i < 500; ++i)
        lr[0][i] = 5e-3 * std::cos(1.5 * static_cast<double>(i) / 500.0);
    EXPECT_GE(fitYRange(lr, {}).hi, 5e-3);
}

TEST(YRangeSweep, ATailBelowIsClippedLikeOneAbove) {
    // A reward that collapses far below the others' in a few runs: the mirror of a climb.
    auto curves = sweep(90, 10, 21);
    for (auto& c : curves)
        for (double& y : c) y = -y;
    const YFit fit = fitYRange(curves, {});
    const double healthyBottom = -maxOf(sweep(90, 10, 21), 0, 90);
    EXPECT_LE(fit.lo, healthyBottom);
    EXPECT_GT(fit.lo, 2.0 * healthyBottom);
    for (std::size_t i = 0; i < curves.size(); ++i)
        EXPECT_GE(shareInside(curves[i], fit.lo, fit.hi), 1.0 / 3.0) << "curve " << i;
}

TEST(YRangeSweep, KeptSharesAreTheValuesAtThoseRanksOfAFullSort) {
    std::mt19937_64 rng(2026);
    const YFitConfig config;
    for (int trial = 0; trial < 100; ++trial) {
        std::vector<double> v(1 + static_cast<std::size_t>(trial * 37 % 3001));
        for (double& y : v) y = std::round(std::uniform_real_distribution<double>(0, 40)(rng));
        std::vector<double> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        const auto n = static_cast<double>(v.size());
        CurveBulk b = curveBulk(v, config);
        EXPECT_FALSE(b.hasKeeps);
        addKeptShares(b, v, config);
        ASSERT_TRUE(b.hasKeeps);
        EXPECT_EQ(b.lowKeep, sorted[static_cast<std::size_t>(std::floor(n / 3.0))]) << trial;
        EXPECT_EQ(b.highKeep,
                  sorted[std::min(v.size() - 1, static_cast<std::size_t>(std::floor(n * 2 / 3.0)))])
            << trial;
    }
}

TEST(YRangeSweep, AllValuesFitsEverySpikeAndEveryRun) {
    auto curves = sweep(90, 10, 5);
    curves[3][1000] = 2.5e8;  // the sweep's one huge logged step
    YFitConfig all;
    all.maxTrim = 0.0;
    all.allowOutliers = false;
    all.fitBulkOfRuns = false;
    const YFit fit = fitYRange(curves, all);
    EXPECT_EQ(fit.hi, 2.5e8);
    EXPECT_EQ(std::count(fit.clipped.begin(), fit.clipped.end(), true), 0);
    // By default the spike is trimmed and the climbs clipped.
    EXPECT_LT(fitYRange(curves, {}).hi, 10.0);
}

}  // namespace
}  // namespace curvedoctor::ui
