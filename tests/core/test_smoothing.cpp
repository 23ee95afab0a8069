// Tests for core/smoothing: values worked out independently, and the invariants every kind
// promises in smoothing.h.
//
// Expected values come from this Python 3 snippet (an independent transcription: the EMA as
// TensorBoard's classicSmoothing in webapp/widgets/line_chart_v2/data_transformer.ts; the
// time-weighted EMA as a direct weighted sum over all earlier points, not the recurrence the
// C++ uses; the running mean and Gaussian as direct window sums):
//
//   import math
//   nan = float('nan')
//   def tb_ema(ys, w):
//       last, k, out = 0.0, 0, []
//       for y in ys:
//           if not math.isfinite(y): out.append(y); continue
//           last = last * w + (1 - w) * y; k += 1
//           out.append(last / (1 - w ** k))
//       return out
//   def time_ema_direct(xs, ys, w, span):
//       D = span / 1000.0; out = []
//       for i, (xi, yi) in enumerate(zip(xs, ys)):
//           if not math.isfinite(yi): out.append(yi); continue
//           num = den = 0.0
//           for xj, yj in zip(xs[:i + 1], ys[:i + 1]):
//               if math.isfinite(yj):
//                   a = w ** ((xi - xj) / D); num += a * yj; den += a
//           out.append(num / den)
//       return out
//   def running_mean(ys, N):
//       h = N // 2; out = []
//       for i, y in enumerate(ys):
//           if not math.isfinite(y): out.append(y); continue
//           win = [v for v in ys[max(0, i - h):i + h + 1] if math.isfinite(v)]
//           out.append(sum(win) / len(win))
//       return out
//   def gaussian(ys, sigma):
//       r = math.ceil(3 * sigma); out = []
//       for i, y in enumerate(ys):
//           if not math.isfinite(y): out.append(y); continue
//           num = den = 0.0
//           for j in range(max(0, i - r), min(len(ys), i + r + 1)):
//               if math.isfinite(ys[j]):
//                   k = math.exp(-0.5 * ((j - i) / sigma) ** 2); num += k * ys[j]; den += k
//           out.append(num / den)
//       return out
//   ys = [1.0, 2.0, nan, 4.0, 3.0, 10.0, 0.5]
//   tb_ema(ys, 0.6), tb_ema(ys, 0.9)
//   time_ema_direct([0, 1, 3, 7, 8, 20, 21], ys, 0.6, 1000.0)
//   running_mean(ys, 5)
//   gaussian(ys, 1.6 / (2 * math.sqrt(math.pi) * 0.4))
//
// Output (pasted below as kExpected*):
//   ema0.6  [1.0, 1.625, nan, 2.8367346938775513, 2.911764705882353, 5.986120749479528,
//            3.6842776584317942]
//   ema0.9  [1.0, 1.5263157894736843, nan, 2.4391143911439115, 2.602209944751381,
//            4.408707968059388, 3.5745103604882207]
//   time    [1.0, 1.625, nan, 3.8350226901866438, 3.3273452286084266, 9.976194796131697,
//            4.061514281880115]
//   rm5     [1.5, 2.3333333333333335, nan, 4.75, 4.375, 4.375, 4.5]
//   gauss   [1.4492261503500004, 1.887494262656407, nan, 3.9844698119532134,
//            4.872735101515655, 5.155264830990444, 4.179633686321636]
// By hand for the first two EMA points at w = 0.6: last = 0.4, 0.4 / (1 - 0.6) = 1;
// last = 0.24 + 0.8 = 1.04, 1.04 / (1 - 0.36) = 1.625.

#include "core/smoothing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

namespace curvedoctor::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

const std::vector<double> kValues{1.0, 2.0, kNaN, 4.0, 3.0, 10.0, 0.5};
const std::vector<std::int64_t> kUnevenSteps{0, 1, 3, 7, 8, 20, 21};

constexpr std::array kAllKinds{SmoothingKind::Ema, SmoothingKind::TimeWeightedEma,
                               SmoothingKind::Gaussian, SmoothingKind::RunningMean};

void expectSeriesNear(const std::vector<double>& actual, const std::vector<double>& expected,
                      double relTol) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (std::isnan(expected[i])) {
            EXPECT_TRUE(std::isnan(actual[i])) << "index " << i;
        } else if (std::isinf(expected[i])) {
            EXPECT_EQ(actual[i], expected[i]) << "index " << i;
        } else {
            EXPECT_NEAR(actual[i], expected[i], relTol * std::max(1.0, std::abs(expected[i])))
                << "index " << i;
        }
    }
}

std::vector<std::int64_t> indexSteps(std::size_t n) {
    std::vector<std::int64_t> s(n);
    std::iota(s.begin(), s.end(), std::int64_t{0});
    return s;
}

// A noisy, decaying loss-like series, from a fixed-seed mt19937 (whose raw output is specified
// by the standard, so the data is the same everywhere); with a spike and non-finite values
// unless `clean`.
std::vector<double> noisySeries(std::size_t n, unsigned seed, bool clean = false) {
    std::mt19937 gen(seed);
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double u = static_cast<double>(gen()) / 4294967296.0;
        v[i] = 2.0 * std::exp(-static_cast<double>(i) / 300.0) + 0.3 * (u - 0.5);
    }
    if (clean) return v;
    v[17] = kNaN;
    v[18] = kInf;
    v[400] = 1e30;
    v[n - 1] = -kInf;
    return v;
}

TEST(Smoothing, EmaMatchesTensorBoardValues) {
    expectSeriesNear(smoothEma(kValues, 0.6),
                     {1.0, 1.625, kNaN, 2.8367346938775513, 2.911764705882353, 5.986120749479528,
                      3.6842776584317942},
                     1e-15);
    expectSeriesNear(smoothEma(kValues, 0.9),
                     {1.0, 1.5263157894736843, kNaN, 2.4391143911439115, 2.602209944751381,
                      4.408707968059388, 3.5745103604882207},
                     1e-15);
}

TEST(Smoothing, EmaFirstPointIsDebiasedToTheFirstValue) {
    // Without the 1 / (1 - w^n) correction the first output would be (1 - w) * y = 1.4.
    const std::vector<double> v{3.5, 1.0};
    EXPECT_DOUBLE_EQ(smoothEma(v, 0.6)[0], 3.5);
}

TEST(Smoothing, EmaNonFiniteValuesDoNotTouchTheState) {
    const std::vector<double> with{1.0, kNaN, 2.0, kInf, 4.0, -kInf, 3.0};
    const std::vector<double> without{1.0, 2.0, 4.0, 3.0};
    const auto a = smoothEma(with, 0.6);
    const auto b = smoothEma(without, 0.6);
    EXPECT_DOUBLE_EQ(a[0], b[0]);
    EXPECT_DOUBLE_EQ(a[2], b[1]);
    EXPECT_DOUBLE_EQ(a[4], b[2]);
    EXPECT_DOUBLE_EQ(a[6], b[3]);
    EXPECT_TRUE(std::isnan(a[1]));
    EXPECT_EQ(a[3], kInf);
    EXPECT_EQ(a[5], -kInf);
}

TEST(Smoothing, TimeWeightedEmaMatchesDirectWeightedSum) {
    // stepSpan 1000 makes the decay unit D exactly 1 step.
    expectSeriesNear(smoothTimeWeightedEma(kUnevenSteps, kValues, 0.6, 1000.0),
                     {1.0, 1.625, kNaN, 3.8350226901866438, 3.3273452286084266, 9.976194796131697,
                      4.061514281880115},
                     1e-13);
}

TEST(Smoothing, TimeWeightedEmaRepeatedAndBackwardStepsCountAsDistanceZero) {
    // Python, same recurrence with x clamped to be non-decreasing:
    //   w=0.5, D=1, xs=[0,10,10,4], ys=[1,2,4,8] ->
    //   [1.0, 1.9990243902439024, 2.9990239141044412, 4.665473478685324]
    const std::vector<std::int64_t> steps{0, 10, 10, 4};
    const std::vector<double> v{1.0, 2.0, 4.0, 8.0};
    expectSeriesNear(smoothTimeWeightedEma(steps, v, 0.5, 1000.0),
                     {1.0, 1.9990243902439024, 2.9990239141044412, 4.665473478685324}, 1e-13);
}

TEST(Smoothing, TimeWeightedEmaEqualsEmaOnUnitSpacedSteps) {
    // 1001 points one step apart: span 1000, D = 1 step, so w^(dx / D) = w per point. All
    // finite: across a gap the time-weighted EMA decays by the gap's width, the plain one not.
    const auto v = noisySeries(1001, 7, true);
    const auto steps = indexSteps(v.size());
    for (double w : {0.3, 0.6, 0.9, 0.99, 0.999}) {
        const auto ema = smoothEma(v, w);
        const auto timeEma = smoothTimeWeightedEma(steps, v, w);
        expectSeriesNear(timeEma, ema, 1e-9);
    }
}

TEST(Smoothing, TimeWeightedEmaOnEvenSpacingIsEmaWithScaledWeight) {
    // 101 points ten steps apart with span 1000: D = 1 step, per-point factor w^10.
    const auto v = noisySeries(101, 3, true);
    std::vector<std::int64_t> steps(v.size());
    for (std::size_t i = 0; i < steps.size(); ++i) steps[i] = static_cast<std::int64_t>(10 * i);
    const double w = 0.97;
    expectSeriesNear(smoothTimeWeightedEma(steps, v, w), smoothEma(v, std::pow(w, 10.0)), 1e-9);
}

TEST(Smoothing, TimeWeightedEmaIsStepRateInvariant) {
    // One curve logged every step and every 10th step over the same 10000 steps: the
    // time-weighted EMA gives about the same curve; the plain EMA does not (its decay counts
    // points, so the sparse log decays 10x faster per step).
    constexpr std::size_t kSteps = 10000;
    std::mt19937 gen(11);
    std::vector<double> dense(kSteps);
    for (std::size_t i = 0; i < kSteps; ++i) {
        const double u = static_cast<double>(gen()) / 4294967296.0;
        dense[i] = 2.0 * std::exp(-static_cast<double>(i) / 2500.0) + 0.2 * (u - 0.5);
    }
    std::vector<double> sparse;
    std::vector<std::int64_t> sparseSteps;
    for (std::size_t i = 0; i < kSteps; i += 10) {
        sparse.push_back(dense[i]);
        sparseSteps.push_back(static_cast<std::int64_t>(i));
    }
    const double w = 0.99;  // tau = 0.0995 * span, about 1000 steps
    SmoothingConfig config{SmoothingKind::TimeWeightedEma, w, static_cast<double>(kSteps)};
    const auto denseSmoothed = smooth(indexSteps(kSteps), dense, config);
    const auto sparseSmoothed = smooth(sparseSteps, sparse, config);
    const auto denseEma = smoothEma(dense, w);
    const auto sparseEma = smoothEma(sparse, w);
    double worstTime = 0.0;
    double worstPlain = 0.0;
    // From one time constant on (before it both are dominated by the few first points).
    for (std::size_t k = 100; k < sparse.size(); ++k) {
        const std::size_t i = static_cast<std::size_t>(sparseSteps[k]);
        worstTime = std::max(worstTime, std::abs(sparseSmoothed[k] - denseSmoothed[i]));
        worstPlain = std::max(worstPlain, std::abs(sparseEma[k] - denseEma[i]));
    }
    // Residual noise of the sparse curve is about 0.004 (sd), the lag difference ~5 steps.
    EXPECT_LT(worstTime, 0.03);
    EXPECT_GT(worstPlain, 0.15);  // the plain EMAs' lags differ by ~900 steps
}

TEST(Smoothing, RunningMeanMatchesDirectWindowMeans) {
    ASSERT_EQ(runningMeanWindow(0.6), 5);
    expectSeriesNear(smoothRunningMean(kValues, 0.6),
                     {1.5, 2.3333333333333335, kNaN, 4.75, 4.375, 4.375, 4.5}, 1e-15);
}

TEST(Smoothing, RunningMeanHasNoResidueFromHugeValues) {
    // A prefix-sum or add-and-subtract window would lose every small value after 1e30.
    const std::vector<double> v{1e30, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0};
    const auto out = smoothRunningMean(v, 0.6);  // window 5
    EXPECT_DOUBLE_EQ(out[2], (1e30 + 1.0 + 2.0 + 3.0 + 4.0) / 5.0);
    EXPECT_EQ(out[3], 3.0);         // mean of 1..5: the first window without 1e30
    EXPECT_EQ(out[5], 5.0);         // mean of 3..7
    EXPECT_DOUBLE_EQ(out[8], 7.5);  // mean of 6..9, window cut at the end
    EXPECT_DOUBLE_EQ(out[9], 8.0);  // mean of 7..9
}

TEST(Smoothing, RunningMeanLongSeriesMatchesDirectMeans) {
    // Exercises many flips of the two-stack window against a direct O(n*w) mean.
    const auto v = noisySeries(3000, 5);
    for (double w : {0.9, 0.99}) {
        const auto out = smoothRunningMean(v, w);
        const std::size_t half = static_cast<std::size_t>(runningMeanWindow(w) / 2);
        for (std::size_t i = 0; i < v.size(); i += 37) {
            if (!std::isfinite(v[i])) continue;
            double sum = 0.0;
            int n = 0;
            for (std::size_t j = i >= half ? i - half : 0; j <= std::min(v.size() - 1, i + half);
                 ++j) {
                if (std::isfinite(v[j])) {
                    sum += v[j];
                    ++n;
                }
            }
            EXPECT_NEAR(out[i], sum / n, 1e-12 * std::max(1.0, std::abs(sum / n))) << i;
        }
    }
}

TEST(Smoothing, GaussianMatchesDirectKernelSums) {
    EXPECT_NEAR(gaussianSigma(0.6), 1.1283791670955126, 1e-15);
    expectSeriesNear(smoothGaussian(kValues, 0.6),
                     {1.4492261503500004, 1.887494262656407, kNaN, 3.9844698119532134,
                      4.872735101515655, 5.155264830990444, 4.179633686321636},
                     1e-14);
}

TEST(Smoothing, WideGaussianStaysCloseToTheExactKernel) {
    // Above sigma 6 the Gaussian is built from box passes; compare with the exact truncated
    // kernel computed directly here, on a noisy decaying curve (range about 2) with gaps.
    // Within 3 sigma of an end the one-sided windows of the two kernels (supports +-3 and
    // +-3.3 sigma) weigh the steep start differently (numpy, same curve: up to 0.013, 0.072,
    // 0.21 at index 0 for the three weights); the interior agrees to about 0.001.
    auto v = noisySeries(4000, 8, true);
    v[100] = kNaN;
    v[2500] = kNaN;
    for (double w : {0.95, 0.99, 0.999}) {
        const double sigma = gaussianSigma(w);
        const auto radius = static_cast<std::ptrdiff_t>(std::ceil(3.0 * sigma));
        const auto out = smoothGaussian(v, w);
        const auto n = static_cast<std::ptrdiff_t>(v.size());
        double worst = 0.0;
        double worstInterior = 0.0;
        for (std::ptrdiff_t i = 0; i < n; i += 13) {
            if (!std::isfinite(v[static_cast<std::size_t>(i)])) continue;
            double num = 0.0;
            double den = 0.0;
            for (std::ptrdiff_t j = std::max<std::ptrdiff_t>(0, i - radius);
                 j <= std::min(n - 1, i + radius); ++j) {
                const double y = v[static_cast<std::size_t>(j)];
                if (!std::isfinite(y)) continue;
                const double z = static_cast<double>(j - i) / sigma;
                num += std::exp(-0.5 * z * z) * y;
                den += std::exp(-0.5 * z * z);
            }
            const double diff = std::abs(out[static_cast<std::size_t>(i)] - num / den);
            worst = std::max(worst, diff);
            if (i >= radius && i < n - radius) worstInterior = std::max(worstInterior, diff);
        }
        EXPECT_LT(worstInterior, 0.005) << "w=" << w;
        EXPECT_LT(worst, 0.25) << "w=" << w;
        EXPECT_TRUE(std::isnan(out[100]));
    }
}

TEST(Smoothing, WeightMappingsAtDocumentedPoints) {
    EXPECT_EQ(runningMeanWindow(0.0), 1);
    EXPECT_EQ(runningMeanWindow(0.9), 19);
    EXPECT_EQ(runningMeanWindow(0.99), 199);
    EXPECT_EQ(runningMeanWindow(0.999), 1999);
    EXPECT_EQ(runningMeanWindow(5.0), 1999);  // clamped to 0.999
    EXPECT_EQ(gaussianSigma(0.0), 0.0);
    EXPECT_NEAR(gaussianSigma(0.9), 5.36, 0.005);
    EXPECT_NEAR(gaussianSigma(0.999), 564.0, 0.5);
}

TEST(Smoothing, WeightIsClamped) {
    const auto v = noisySeries(500, 2);
    const auto top = smoothEma(v, 0.999);
    const auto above = smoothEma(v, 3.0);
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (std::isfinite(v[i])) {
            EXPECT_EQ(above[i], top[i]) << i;
        }
    }
    EXPECT_EQ(clampSmoothingWeight(-1.0), 0.0);
    EXPECT_EQ(clampSmoothingWeight(kNaN), 0.0);
    EXPECT_EQ(clampSmoothingWeight(0.5), 0.5);
}

// ---- invariants for every kind -------------------------------------------------------------

std::vector<double> run(SmoothingKind kind, const std::vector<double>& v, double w,
                        double stepSpan = 0.0) {
    return smooth(indexSteps(v.size()), v, SmoothingConfig{kind, w, stepSpan});
}

TEST(SmoothingInvariants, WeightZeroIsIdentity) {
    const auto v = noisySeries(800, 1);
    for (auto kind : kAllKinds) {
        const auto out = run(kind, v, 0.0);
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (std::isnan(v[i])) {
                EXPECT_TRUE(std::isnan(out[i]));
            } else {
                EXPECT_EQ(out[i], v[i]) << toString(kind) << " " << i;
            }
        }
    }
}

TEST(SmoothingInvariants, ConstantSeriesIsUnchanged) {
    // 0.1 is not exactly representable: without the special case the EMA's
    // last / (1 - w^n) and the means' sum / n drift by an ulp.
    std::vector<double> v(1000, 0.1);
    v[10] = kNaN;
    v[500] = kInf;
    for (auto kind : kAllKinds) {
        for (double w : {0.6, 0.9, 0.999}) {
            const auto out = run(kind, v, w);
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i == 10) {
                    EXPECT_TRUE(std::isnan(out[i]));
                } else {
                    EXPECT_EQ(out[i], v[i]) << toString(kind) << " w=" << w << " i=" << i;
                }
            }
        }
    }
}

TEST(SmoothingInvariants, NonFinitePositionsAndValuesArePreserved) {
    const auto v = noisySeries(1000, 4);
    for (auto kind : kAllKinds) {
        const auto out = run(kind, v, 0.9);
        ASSERT_EQ(out.size(), v.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (std::isnan(v[i])) {
                EXPECT_TRUE(std::isnan(out[i])) << toString(kind) << " " << i;
            } else if (std::isinf(v[i])) {
                EXPECT_EQ(out[i], v[i]) << toString(kind) << " " << i;
            } else {
                EXPECT_TRUE(std::isfinite(out[i])) << toString(kind) << " " << i;
            }
        }
    }
}

TEST(SmoothingInvariants, OutputStaysWithinFiniteInputRange) {
    for (unsigned seed = 0; seed < 5; ++seed) {
        const auto v = noisySeries(1500, seed);
        double lo = kInf;
        double hi = -kInf;
        for (double x : v) {
            if (std::isfinite(x)) {
                lo = std::min(lo, x);
                hi = std::max(hi, x);
            }
        }
        for (auto kind : kAllKinds) {
            for (double w : {0.3, 0.6, 0.95, 0.999}) {
                for (double y : run(kind, v, w)) {
                    if (!std::isfinite(y)) continue;
                    EXPECT_GE(y, lo) << toString(kind);
                    EXPECT_LE(y, hi) << toString(kind);
                }
            }
        }
    }
}

TEST(SmoothingInvariants, SmoothingReducesNoise) {
    // White noise around 1: every kind at w = 0.9 must cut the variance by about the factor
    // the weight mappings promise, (1 - w) / (1 + w) = 1/19. The time-weighted EMA gets span
    // 1000 so that its decay unit is one point, as the plain EMA's.
    std::mt19937 gen(9);
    std::vector<double> v(20000);
    for (double& x : v) x = 1.0 + (static_cast<double>(gen()) / 4294967296.0 - 0.5);
    auto variance = [](const std::vector<double>& s) {
        const double m =
            std::accumulate(s.begin() + 100, s.end(), 0.0) / static_cast<double>(s.size() - 100);
        double acc = 0.0;
        for (auto it = s.begin() + 100; it != s.end(); ++it) acc += (*it - m) * (*it - m);
        return acc / static_cast<double>(s.size() - 100);
    };
    const double raw = variance(v);
    for (auto kind : kAllKinds) {
        const double ratio = variance(run(kind, v, 0.9, 1000.0)) / raw;
        EXPECT_LT(ratio, 1.0 / 12.0) << toString(kind);
        EXPECT_GT(ratio, 1.0 / 40.0) << toString(kind);
    }
}

TEST(SmoothingInvariants, EmptyAndSinglePointSeries) {
    for (auto kind : kAllKinds) {
        EXPECT_TRUE(run(kind, {}, 0.6).empty());
        EXPECT_EQ(run(kind, {2.5}, 0.6), std::vector<double>{2.5});
        const auto onlyNaN = run(kind, {kNaN, kNaN}, 0.6);
        EXPECT_TRUE(std::isnan(onlyNaN[0]) && std::isnan(onlyNaN[1]));
    }
}

TEST(Smoothing, DispatchAndNames) {
    const auto steps = indexSteps(kValues.size());
    EXPECT_EQ(smooth(steps, kValues, {SmoothingKind::Gaussian, 0.6, 0.0})[3],
              smoothGaussian(kValues, 0.6)[3]);
    EXPECT_EQ(smooth(steps, kValues, {SmoothingKind::RunningMean, 0.6, 0.0})[3],
              smoothRunningMean(kValues, 0.6)[3]);
    EXPECT_EQ(smooth(steps, kValues, {})[3], smoothEma(kValues, 0.6)[3]);
    EXPECT_EQ(toString(SmoothingKind::Ema), "ema");
    EXPECT_EQ(toString(SmoothingKind::TimeWeightedEma), "time_ema");
    EXPECT_EQ(toString(SmoothingKind::Gaussian), "gaussian");
    EXPECT_EQ(toString(SmoothingKind::RunningMean), "running_mean");
}

}  // namespace
}  // namespace curvedoctor::core
