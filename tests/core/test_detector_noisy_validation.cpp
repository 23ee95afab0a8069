// noisy_validation: the effective validation-set size from the spread of accuracy,
// var(acc) ~ p(1-p)/n, at the edge of its threshold.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/detectors/noisy_validation.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectNoisyValidation(v);
}

// Accuracy alternating p + d, p - d. Its second differences are all 4d, so the robust sigma is
// 4d / 0.6745 / sqrt(6) and the effective size p(1 - p) / sigma^2 (worked out by hand).
core::Run alternating(double p, double d, std::size_t n = 32) {
    return runOf(
        {{"val_accuracy", seriesOf(n, [&](std::size_t i) { return i % 2 ? p - d : p + d; })}});
}

double deltaForSize(double p, double n) {
    const double sigma = std::sqrt(p * (1.0 - p) / n);
    return sigma * 0.6744897501960817 * std::sqrt(6.0) / 4.0;
}

TEST(DetectNoisyValidation, EffectiveSizeEdge) {
    const NoisyValidationConfig c;
    auto f = detect(alternating(0.8, deltaForSize(0.8, c.minEffectiveSamples * 0.95)));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::NoisyValidation);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_NEAR(f[0].evidence.at("effective_samples"), c.minEffectiveSamples * 0.95, 1e-6);
    EXPECT_NE(f[0].message.find("95 samples"), std::string::npos) << f[0].message;
    EXPECT_TRUE(detect(alternating(0.8, deltaForSize(0.8, c.minEffectiveSamples * 1.05))).empty());
}

TEST(DetectNoisyValidation, PercentAccuracyIsScaled) {
    // The same edge with accuracy logged in percent.
    const double d = deltaForSize(0.8, 50.0) * 100.0;
    const auto f = detect(runOf(
        {{"val_acc", seriesOf(32, [&](std::size_t i) { return i % 2 ? 80.0 - d : 80.0 + d; })}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NEAR(f[0].evidence.at("effective_samples"), 50.0, 1e-6);
}

TEST(DetectNoisyValidation, BinomialTwentySampleSetIsFoundLargeSetIsNot) {
    // Accuracy of a model with true accuracy 0.8 measured on n fresh samples each epoch.
    auto sampled = [](int n, unsigned seed) {
        std::mt19937 gen(seed);
        std::binomial_distribution<int> b(n, 0.8);
        return runOf({{"val_acc", seriesOf(40, [&](std::size_t) { return double(b(gen)) / n; })}});
    };
    for (unsigned seed = 1; seed <= 3; ++seed) {
        const auto f = detect(sampled(20, seed));
        ASSERT_EQ(f.size(), 1u) << seed;
        EXPECT_GT(f[0].evidence.at("effective_samples"), 5.0);
        EXPECT_LT(f[0].evidence.at("effective_samples"), 80.0);
        EXPECT_TRUE(detect(sampled(5000, seed)).empty()) << seed;
    }
}

TEST(DetectNoisyValidation, PerBatchSeriesAndFewPointsAreSkipped) {
    EXPECT_TRUE(detect(runOf({{"val_acc_step",
                               seriesOf(30, [](std::size_t i) { return i % 2 ? 0.5 : 0.9; })}}))
                    .empty());
    EXPECT_TRUE(detect(alternating(0.8, 0.2, 6)).empty());
    EXPECT_TRUE(detect(healthyRun()).empty());
}

TEST(DetectNoisyValidation, NoisyValidationLossAgainstSmoothTrainingLoss) {
    // Keras-style: both per epoch. Training loss smooth, validation loss jumping by 0.3.
    const auto f = detect(
        runOf({{"loss",
                seriesOf(20, [](std::size_t e) { return 0.3 + 2.0 * std::exp(-double(e) / 4.0); })},
               {"val_loss", seriesOf(20, [](std::size_t e) {
                    return 0.4 + 2.0 * std::exp(-double(e) / 4.0) + (e % 2 ? 0.3 : -0.3);
                })}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].metric, "val_loss");
}

// Issue #15: a training loss logged every step against a validation loss per epoch (torch's
// SummaryWriter, HF Trainer) is averaged over each interval between evaluations before the
// two are compared, as an epoch-level training loss would be.
core::Run stepTrainEpochVal(double valZigZag, unsigned seed) {
    Noise noise(seed);
    constexpr std::int64_t kStepsPerEval = 40;
    Series train = seriesOf(
        800, [&](std::size_t i) { return 0.05 + 2.0 * std::exp(-double(i) / 150.0) + noise(0.08); },
        1, 1);
    Series val = seriesOf(
        20,
        [&](std::size_t e) {
            const double step = double((e + 1) * kStepsPerEval);
            return 0.08 + 2.0 * std::exp(-step / 150.0) + (e % 2 ? valZigZag : -valZigZag) / 2.0 +
                   valZigZag / 2.0;
        },
        kStepsPerEval, kStepsPerEval);
    return runOf({{"train_loss", std::move(train)}, {"val_loss", std::move(val)}});
}

TEST(DetectNoisyValidation, StepLevelTrainingLossIsAveragedPerEvaluation) {
    // Validation jumping between its trend and 0.25 above it (a 10-sample set): noisy.
    const auto f = detect(stepTrainEpochVal(0.25, 3));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].metric, "val_loss");
    EXPECT_EQ(f[0].kind, FindingKind::NoisyValidation);
    // The same run with a validation curve as smooth as its trend: quiet, although the per-step
    // training loss alone is far noisier than the validation loss.
    EXPECT_TRUE(detect(stepTrainEpochVal(0.0, 3)).empty());
    // Jumps of 1% of the descent are ordinary evaluation noise: quiet.
    EXPECT_TRUE(detect(stepTrainEpochVal(0.02, 3)).empty());
}

// An accuracy measured on 10 fresh samples each epoch, near 1: its later median is 1, so the
// binomial estimate cannot be made, but every value is a multiple of 1/10 and it moves at 7 of
// its 14 evaluations: one sample moves it by 0.1, more than the 0.04 the binomial rule
// tolerates (sqrt(0.8 * 0.2 / 100)).
TEST(DetectNoisyValidation, AccuracyOnAGridOfTenSamplesIsNoisyAtAMedianOfOne) {
    const std::vector<double> acc{1.0, 0.8, 1.0, 0.9, 0.9, 1.0, 1.0, 0.9,
                                  0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9};
    const auto f = detect(runOf({{"val_acc", seriesOf(acc)}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::NoisyValidation);
    EXPECT_EQ(f[0].evidence.at("grid_samples"), 10.0);
    EXPECT_EQ(f[0].evidence.at("move_share"), 7.0 / 14.0);
    // The same flicker on 38 samples (odd numerators: no coarser grid fits) moves the accuracy
    // by 0.026 a sample, within what is tolerated: quiet.
    std::vector<double> fine;
    fine.reserve(acc.size());
    for (double a : acc) fine.push_back(a == 1.0 ? 1.0 : a == 0.9 ? 37.0 / 38.0 : 35.0 / 38.0);
    EXPECT_TRUE(detect(runOf({{"val_acc", seriesOf(fine)}})).empty());
    // On 10 samples but settled at 1.0 (it moves at 3 of 14 evaluations): quiet.
    const std::vector<double> settled{0.7, 0.8, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0,
                                      1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
    EXPECT_TRUE(detect(runOf({{"val_acc", seriesOf(settled)}})).empty());
}

// Eight evaluations still climbing, with one dip: the later half holds 4 points, 2 second
// differences, which measure the climb rather than the noise: no binomial estimate.
TEST(DetectNoisyValidation, AShortClimbIsNotReadAsNoise) {
    const std::vector<double> acc{0.701, 0.743, 0.829, 0.847, 0.823, 0.911, 0.893, 0.903};
    EXPECT_TRUE(detect(runOf({{"val_acc", seriesOf(acc)}})).empty());
    // The same values repeated to 16 evaluations give the estimate its 6 later points.
    std::vector<double> longer = acc;
    longer.insert(longer.end(), acc.begin() + 4, acc.end());
    longer.insert(longer.end(), acc.begin() + 4, acc.end());
    const auto f = detect(runOf({{"val_acc", seriesOf(longer)}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_TRUE(f[0].evidence.count("effective_samples"));
}

// Issue #15 (doctor18): momentum on 25% flipped labels (overfitting_momentum_noisycls_mlflow in
// tests/data/corpus2): validation improves only 0.669 -> 0.627 in four epochs, then rises
// smoothly to 7.2 by epoch 99, wobbling by 0.01 about that rise. Its jumps are a third of its
// improvement but a sliver of the 6.6 its smoothed curve travels: quiet. The same rise with
// evaluations jumping by +-0.6 about it is noisy.
core::Run smallImprovementThenRise(double jump) {
    return runOf(
        {{"loss",
          seriesOf(100, [](std::size_t e) { return 0.01 + 0.65 * std::exp(-double(e) / 20.0); })},
         {"val_loss", seriesOf(100, [&](std::size_t e) {
              const double x = double(e);
              const double trend =
                  e < 4 ? 0.669 - 0.0105 * x : 0.627 + 0.00073 * (x - 4.0) * (x - 4.0);
              return trend + 0.01 * std::sin(x) + (e % 2 ? jump : -jump);
          })}});
}

TEST(DetectNoisyValidation, JumpsAreWeighedAgainstTheWholeMovementNotASmallImprovement) {
    const auto smooth = detect(smallImprovementThenRise(0.0));
    EXPECT_TRUE(smooth.empty()) << smooth[0].message;
    const auto noisy = detect(smallImprovementThenRise(0.6));
    ASSERT_EQ(noisy.size(), 1u);
    EXPECT_EQ(noisy[0].metric, "val_loss");
    EXPECT_GE(noisy[0].evidence.at("range_share"), 0.15);
    EXPECT_GT(noisy[0].evidence.at("smoothed_range"), 6.0);
}

std::vector<Finding> detectWith(const core::Run& r, const NoisyValidationConfig& c) {
    const RunView v = makeRunView(r);
    return detectNoisyValidation(v, c);
}

// Issue #15 (lead, session 17): a GRU under plain SGD (undertrained_gru_sgd in
// tests/data/corpus2): ten evaluations falling at every one but one, bending down (2.30 ->
// 1.88 -> 1.90 -> 1.22). Their second differences at the bend are large against the
// improvement, but the curve reverses direction at 2 of 8 evaluations: a smooth curve, quiet.
// The same trend with evaluations jumping +-0.12 about it (reversing at most of them) is noisy.
core::Run bendingValidation(double jump) {
    Noise noise(4);
    const std::vector<double> val{2.30, 2.27, 2.22, 2.14, 2.02, 1.88, 1.90, 1.62, 1.40, 1.22};
    return runOf(
        {{"Loss/train", seriesOf(
                            430,
                            [&](std::size_t i) {
                                const double x = double(i) / 429.0;
                                return 2.30 - 1.3 * x * x + noise(0.05);
                            },
                            1, 1)},
         {"Loss/val",
          seriesOf(
              10, [&](std::size_t e) { return val[e] + (e % 2 ? jump : -jump); }, 43, 43)}});
}

TEST(DetectNoisyValidation, ASmoothBendIsNoNoise) {
    const auto smooth = detect(bendingValidation(0.0));
    EXPECT_TRUE(smooth.empty()) << smooth[0].message;
    const auto noisy = detect(bendingValidation(0.12));
    ASSERT_EQ(noisy.size(), 1u);
    EXPECT_GE(noisy[0].evidence.at("reversal_share"), 0.5);
}

// Issue #15 (lead, session 17): ten samples of a regression (noisy_val_few_evals_friedman_tf in
// tests/data/corpus2): twenty evaluations zig-zag about their trend at most of them, while the
// training loss averaged per evaluation interval carries batch noise of its own. Against it the
// validation is 2-4 times noisier relative to its improvement: enough for a curve that zig-zags
// (the old ratio of 4 alone misses it).
core::Run zigzagAgainstNoisyTraining() {
    Noise noise(21);
    return runOf(
        {{"Loss/train",
          seriesOf(
              300,
              [&](std::size_t i) { return 0.1 + 0.8 * std::exp(-double(i) / 30.0) + noise(0.1); },
              1, 1)},
         {"Loss/val", seriesOf(
                          20,
                          [&](std::size_t e) {
                              const double trend = 0.1 + 0.8 * std::exp(-double(e + 1) / 2.0);
                              return trend + (e % 2 ? 0.03 : -0.03) + noise(0.005);
                          },
                          15, 15)}});
}

TEST(DetectNoisyValidation, AZigZagNeedsLessContrastWithTraining) {
    const auto f = detect(zigzagAgainstNoisyTraining());
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].evidence.at("noise_ratio"), NoisyValidationConfig{}.zigzagNoiseRatio);
    const double ratio =
        f[0].evidence.at("relative_noise") / f[0].evidence.at("train_relative_noise");
    EXPECT_LT(ratio, NoisyValidationConfig{}.lossNoiseRatio);
    NoisyValidationConfig strict;
    strict.zigzagNoiseRatio = strict.lossNoiseRatio;
    EXPECT_TRUE(detectWith(zigzagAgainstNoisyTraining(), strict).empty());
}

// Issue #15 (doctor23): twenty evaluations of a regression on ten fresh samples each
// (noisy_val_few_evals_sparse_mlflow in tests/data/corpus2, its logged values): a first drop
// 0.80 -> 0.12, then 0.043-0.20 about a level of 0.11 while the training loss averaged per
// evaluation holds 0.05-0.10. Against the first drop the jumps are small (the rule above misses
// them); over the later half they scatter by 45% of their level, more than their line moves and
// three times what training scatters. `laterSlope` tilts the later half (per evaluation) and
// `trainScale` stretches training's later half about its level.
core::Run smallSetRegression(double laterSlope = 0.0, double trainScale = 1.0,
                             double valScale = 1.0) {
    const std::vector<double> val{0.799, 0.409, 0.122, 0.113, 0.177, 0.131, 0.053,
                                  0.083, 0.139, 0.125, 0.043, 0.107, 0.115, 0.085,
                                  0.200, 0.142, 0.091, 0.171, 0.156, 0.069};
    const std::vector<double> train{0.779, 0.382, 0.181, 0.124, 0.075, 0.075, 0.080,
                                    0.063, 0.062, 0.071, 0.062, 0.064, 0.082, 0.049,
                                    0.051, 0.085, 0.063, 0.095, 0.061, 0.085};
    auto later = [](const std::vector<double>& v, std::size_t e, double level, double scale,
                    double slope) {
        if (e < 10) return v[e];
        return level + scale * (v[e] - level) + slope * double(e - 10);
    };
    return runOf(
        {{"loss",
          seriesOf(
              20, [&](std::size_t e) { return later(train, e, 0.067, trainScale, 0.0); }, 15, 15)},
         {"val_loss",
          seriesOf(
              20, [&](std::size_t e) { return later(val, e, 0.111, valScale, laterSlope); }, 15,
              15)}});
}

TEST(DetectNoisyValidation, FewEvaluationsScatteringAboutTheirLevelAreNoisy) {
    const auto f = detect(smallSetRegression());
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].metric, "val_loss");
    EXPECT_NE(f[0].message.find("about its line"), std::string::npos) << f[0].message;
    const double share = f[0].evidence.at("later_spread") / f[0].evidence.at("later_level");
    EXPECT_GT(share, 0.40);  // 0.049 about 0.11
    EXPECT_LT(f[0].evidence.at("relative_noise"), NoisyValidationConfig{}.minLossNoiseShare);
    EXPECT_GE(f[0].evidence.at("later_spread"), 2.0 * f[0].evidence.at("train_later_spread"));
    // The thresholds act where they say: a share of the level just above the measured one
    // keeps it quiet, just below finds it.
    NoisyValidationConfig above;
    above.levelScatterShare = share * 1.01;
    EXPECT_TRUE(detectWith(smallSetRegression(), above).empty());
    NoisyValidationConfig below;
    below.levelScatterShare = share * 0.99;
    EXPECT_EQ(detectWith(smallSetRegression(), below).size(), 1u);
}

TEST(DetectNoisyValidation, ScatterThatTrainingSharesOrATrendOrALargeSetIsNoNoise) {
    // Training swinging as much (the model's own noise, not the validation set's): 0.7 of the
    // validation's spread, under the twice asked.
    const auto shared = detect(smallSetRegression(0.0, 0.7 / 0.33));
    EXPECT_TRUE(shared.empty()) << shared[0].message;
    // The later half still falling by 0.015 per evaluation: its line moves 0.135 - 0.045 = 0.09,
    // more than it scatters.
    const auto falling = detect(smallSetRegression(-0.015));
    EXPECT_TRUE(falling.empty()) << falling[0].message;
    // Both curves jumping a fifth as far: 9% of the level, a set of hundreds of samples.
    const auto large = detect(smallSetRegression(0.0, 0.2, 0.2));
    EXPECT_TRUE(large.empty()) << large[0].message;
    // Each is quiet by its own gate: relaxing that one alone finds it.
    NoisyValidationConfig sharedOk;
    sharedOk.trainScatterRatio = 1.0;
    EXPECT_EQ(detectWith(smallSetRegression(0.0, 0.7 / 0.33), sharedOk).size(), 1u);
    NoisyValidationConfig trendOk;
    trendOk.lineMoveRatio = 0.5;
    EXPECT_EQ(detectWith(smallSetRegression(-0.015), trendOk).size(), 1u);
    NoisyValidationConfig largeOk;
    largeOk.levelScatterShare = 0.05;
    EXPECT_EQ(detectWith(smallSetRegression(0.0, 0.2, 0.2), largeOk).size(), 1u);
}

}  // namespace
}  // namespace curvedoctor::core
