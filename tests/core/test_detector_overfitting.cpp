// overfitting / severe_overfitting at the edges of their thresholds, on noise-free piecewise
// linear curves whose smoothed values equal the raw ones (flat stretches of 3+ points survive
// the running median), so the relative rise is known exactly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/detectors/overfitting.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

// Validation loss: 1.0 -> 0.5 over 10 points, flat at 0.5 for 4, up to 0.5 * (1 + rise) over 6,
// flat there for 3. 23 points at steps 10, 20, ... Training loss falls linearly throughout.
std::vector<double> vCurve(double bottom, double top, double rise) {
    std::vector<double> v;
    v.reserve(23);
    for (int i = 0; i < 10; ++i) v.push_back(top - (top - bottom) * i / 9.0);
    for (int i = 0; i < 4; ++i) v.push_back(bottom);
    const double end = bottom + rise;
    for (int i = 1; i <= 6; ++i) v.push_back(bottom + (end - bottom) * i / 6.0);
    for (int i = 0; i < 3; ++i) v.push_back(end);
    return v;
}

core::Run overfitRun(double relRise, bool trainRises = false) {
    return runOf({{"loss", seriesOf(230,
                                    [&](std::size_t i) {
                                        return trainRises ? 0.5 + 0.01 * double(i)
                                                          : 1.0 - 0.004 * double(i);
                                    })},
                  {"val_loss", seriesOf(vCurve(0.5, 1.0, 0.5 * relRise), 10, 10)}});
}

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectOverfitting(v);
}

TEST(DetectOverfitting, RiseJustBelowThresholdIsSilent) {
    const OverfittingConfig c;
    EXPECT_TRUE(detect(overfitRun(c.minRise * 0.9)).empty());
}

TEST(DetectOverfitting, RiseJustAboveThresholdIsAWarningFromTheBestStep) {
    const OverfittingConfig c;
    const auto f = detect(overfitRun(c.minRise * 1.1));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Overfitting);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].metric, "val_loss");
    EXPECT_EQ(f[0].beginStep, 100);  // first point of the flat bottom (index 9)
    EXPECT_EQ(f[0].endStep, 230);
    EXPECT_NE(f[0].message.find("step 100"), std::string::npos) << f[0].message;
    EXPECT_NE(f[0].advice.find("Stop early"), std::string::npos);
    EXPECT_GT(f[0].evidence.at("gap_at_end"), f[0].evidence.at("gap_at_best"));
}

TEST(DetectOverfitting, SevereEdge) {
    const OverfittingConfig c;
    auto f = detect(overfitRun(c.severeRise * 0.95));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Overfitting);
    f = detect(overfitRun(c.severeRise * 1.05));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::SevereOverfitting);
    EXPECT_EQ(f[0].severity, Severity::Error);
}

TEST(DetectOverfitting, TrainingLossRisingTooIsNotOverfitting) {
    EXPECT_TRUE(detect(overfitRun(0.5, /*trainRises=*/true)).empty());
}

TEST(DetectOverfitting, BestAtTheEndOrTooFewPointsIsSilent) {
    EXPECT_TRUE(detect(runOf({{"val_loss", seriesOf({1.0, 0.8, 0.6, 0.5, 0.4, 0.3})}})).empty());
    EXPECT_TRUE(detect(runOf({{"val_loss", seriesOf({1.0, 0.5, 0.9})}})).empty());
}

TEST(DetectOverfitting, HigherIsBetterMetricWithoutValidationLoss) {
    // val_acc rises to 0.9, holds, then falls to 0.7 while the training loss keeps falling.
    const Series acc = seriesOf({0.3, 0.5, 0.7, 0.9, 0.9, 0.9, 0.85, 0.8, 0.75, 0.7, 0.7, 0.7});
    auto f =
        detect(runOf({{"loss", seriesOf(12, [](std::size_t i) { return 1.0 - 0.05 * double(i); })},
                      {"val_acc", acc}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].metric, "val_acc");
    EXPECT_EQ(f[0].beginStep, 3);
    // Without any training loss (a reinforcement-learning eval reward collapsing) it is silent.
    EXPECT_TRUE(detect(runOf({{"val_acc", acc}})).empty());
}

TEST(DetectOverfitting, NegativeLosses) {
    // A negative log-likelihood: best -3.0, then back to -2.5 (rise 0.5 = 17% of |best|).
    const auto f = detect(
        runOf({{"loss", seriesOf(230, [](std::size_t i) { return -1.0 - 0.02 * double(i); })},
               {"val_loss", seriesOf(vCurve(-3.0, -1.0, 0.5), 10, 10)}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Overfitting);
    EXPECT_NEAR(f[0].evidence.at("relative_rise"), 0.5 / 3.0, 1e-9);
}

// The val loss best at step 30 and climbing on to the end, 0.5 -> 1.0; the accuracy climbs
// 0.3 -> 0.75 until `levelFrom`, then stays there.
core::Run accuracyLevels(double levelFrom) {
    return runOf({{"loss", seriesOf(100, [](std::size_t i) { return 1.0 - 0.009 * double(i); })},
                  {"val_loss", seriesOf(
                                   10,
                                   [](std::size_t e) {
                                       const double step = 10.0 * double(e + 1);
                                       return step <= 30.0 ? 0.8 - 0.01 * step
                                                           : 0.5 + 0.5 * (step - 30.0) / 70.0;
                                   },
                                   10, 10)},
                  {"val_acc", seriesOf(
                                  10,
                                  [&](std::size_t e) {
                                      const double step = 10.0 * double(e + 1);
                                      return 0.3 + 0.45 * std::min(step, levelFrom) / levelFrom;
                                  },
                                  10, 10)}});
}

TEST(DetectOverfitting, AnAccuracyThatLevelsWhileTheLossClimbsOnIsOverfitting) {
    // Level from step 40: after the loss turned (30), before it made half its rise (65).
    const auto f = detect(accuracyLevels(40.0));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::SevereOverfitting);
    // Still climbing to the end: the loss and the metric disagree, no overfitting.
    EXPECT_TRUE(detect(accuracyLevels(100.0)).empty());
}

// Issue #15: ending above the first value makes it severe only after a real improvement. A
// validation loss that first improves by 1% (less than minRise) and then rises 11% above its
// best ends above its start by its mild rise alone: overfitting. One that improves by 20%
// first and gives all of it back (and 1% more) is severe, though its rise is under
// severeRise (0.5).
TEST(DetectOverfitting, EndingAboveTheStartIsSevereOnlyAfterARealImprovement) {
    const auto barely = detect(overfitRun(0.11));
    const auto mild = detect(
        runOf({{"loss", seriesOf(230, [](std::size_t i) { return 1.0 - 0.004 * double(i); })},
               {"val_loss", seriesOf(vCurve(0.5, 0.505, 0.055), 10, 10)}}));
    ASSERT_EQ(mild.size(), 1u);
    EXPECT_EQ(mild[0].kind, FindingKind::Overfitting) << mild[0].message;
    EXPECT_GT(mild[0].evidence.at("end_value"), mild[0].evidence.at("first_value"));
    EXPECT_LT(mild[0].evidence.at("relative_improvement"), OverfittingConfig{}.minRise);
    const auto gaveBack = detect(
        runOf({{"loss", seriesOf(230, [](std::size_t i) { return 1.0 - 0.004 * double(i); })},
               {"val_loss", seriesOf(vCurve(0.5, 0.6, 0.105), 10, 10)}}));
    ASSERT_EQ(gaveBack.size(), 1u);
    EXPECT_EQ(gaveBack[0].kind, FindingKind::SevereOverfitting) << gaveBack[0].message;
    EXPECT_LT(gaveBack[0].evidence.at("relative_rise"), OverfittingConfig{}.severeRise);
    EXPECT_NE(gaveBack[0].message.find("giving back all it had gained"), std::string::npos);
    ASSERT_EQ(barely.size(), 1u);  // the plain V: improves by 100% of its best, rises 11%
    EXPECT_EQ(barely[0].kind, FindingKind::Overfitting);
}

// Issue #15: a validation loss that climbs after the training loss blew up to 15x its level
// and came back (oscillation_momentum_diabetes_tf in tests/data/corpus2) follows the
// instability: no overfitting. The same climb while training only falls is overfitting.
TEST(DetectOverfitting, AValidationRiseAfterATrainingBlowUpIsNotOverfitting) {
    auto train = [](bool blowUp) {
        return seriesOf(230, [blowUp](std::size_t i) {
            const double base = 1.0 - 0.002 * double(i);
            return blowUp && i >= 150 && i < 180 ? 15.0 * base : base;
        });
    };
    const auto blown = detect(
        runOf({{"loss", train(true)}, {"val_loss", seriesOf(vCurve(0.5, 1.0, 1.0), 10, 10)}}));
    EXPECT_TRUE(blown.empty()) << blown[0].message;
    const auto plain = detect(
        runOf({{"loss", train(false)}, {"val_loss", seriesOf(vCurve(0.5, 1.0, 1.0), 10, 10)}}));
    ASSERT_EQ(plain.size(), 1u);
    EXPECT_EQ(plain[0].kind, FindingKind::SevereOverfitting);
}

// Issue #15 (doctor12): a training loss that climbs back above its untrained level after the
// best has blown up (divergence_momentum_wine_hf in tests/data/corpus2); the validation loss
// climbing even further with it is divergence, not overfitting.
TEST(DetectOverfitting, ATrainingLossAboveItsUntrainedLevelIsNoOverfitting) {
    const auto train = seriesOf(
        230, [](std::size_t i) { return i >= 150 && i < 200 ? 20.0 : 1.0 - 0.002 * double(i); });
    const auto f =
        detect(runOf({{"loss", train}, {"val_loss", seriesOf(vCurve(0.5, 1.0, 50.0), 10, 10)}}));
    EXPECT_TRUE(f.empty()) << f[0].message;
}

// Issue #15 (doctor15): full-batch Nesterov on breast cancer (the first 12 epochs of
// overfitting_fullbatch_cancer_nesterov_tf in tests/data/corpus2, then its shape): the training
// loss swings up to 2.9 in its first epochs, before it has learnt, then falls to ~0; the
// validation loss is best at its first evaluation (0.32) and climbs to ~9. That swing is no
// blow-up: overfitting, from the first evaluation. The same peak held for 10 epochs after
// training had made half its fall (from epoch 40) is a blow-up: the overfitting is read up to
// where it starts (doctor26: it was silent).
core::Run nesterov(bool lateSwing) {
    const std::vector<double> train{0.704, 0.234, 0.931, 2.875, 0.718, 0.285,
                                    0.397, 0.404, 0.299, 0.262, 0.213, 0.163};
    const std::vector<double> val{0.320, 0.802, 3.952, 1.768, 1.041, 0.873,
                                  0.964, 1.104, 1.267, 1.219, 1.293, 1.157};
    Series t = seriesOf(
        100,
        [&](std::size_t i) {
            if (lateSwing && i >= 40 && i < 50) return train[3];
            return i < train.size() ? train[i] : 0.163 * std::exp(-double(i - 11) / 2.0);
        },
        1);
    Series v = seriesOf(
        100, [&](std::size_t i) { return i < val.size() ? val[i] : 1.157 + 0.09 * double(i - 11); },
        1);
    return runOf({{"loss", std::move(t)}, {"val_loss", std::move(v)}});
}

TEST(DetectOverfitting, ASwingBeforeTrainingLearnsIsNoBlowUp) {
    const auto early = detect(nesterov(false));
    ASSERT_EQ(early.size(), 1u);
    EXPECT_EQ(early[0].kind, FindingKind::SevereOverfitting);
    EXPECT_LE(early[0].beginStep, 10);
    EXPECT_EQ(early[0].evidence.count("blow_up_step"), 0u);
    const auto late = detect(nesterov(true));
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0].evidence.at("blow_up_step"), 41.0);  // the first point of the peak
    EXPECT_LT(late[0].endStep, 41);
    EXPECT_NE(late[0].message.find("before it blew up"), std::string::npos) << late[0].message;
}

// Issue #15 (doctor12): severity counts from the best level the validation loss holds for 3
// evaluations in a row. A low point reached only in the dips of a swing about the trend
// (oscillation_fading_circles_tf in tests/data/corpus2) is no such level: mild overfitting;
// the same low point held for 6 evaluations makes the same end severe.
TEST(DetectOverfitting, SeverityCountsFromABestHeldForSeveralEvaluations) {
    auto val = [](bool swings) {
        std::vector<double> v;
        v.reserve(23);
        for (int i = 0; i < 10; ++i) v.push_back(1.0 - 0.5 * i / 9.0);
        for (int i = 0; i < 6; ++i) v.push_back(swings && i % 2 == 1 ? 0.58 : 0.42);
        for (int i = 1; i <= 4; ++i) v.push_back(0.5 + 0.16 * i / 4.0);
        for (int i = 0; i < 3; ++i) v.push_back(0.66);
        return v;
    };
    const auto train = seriesOf(230, [](std::size_t i) { return 1.0 - 0.004 * double(i); });
    const auto ringing =
        detect(runOf({{"loss", train}, {"val_loss", seriesOf(val(true), 10, 10)}}));
    ASSERT_EQ(ringing.size(), 1u);
    EXPECT_EQ(ringing[0].kind, FindingKind::Overfitting) << ringing[0].message;
    EXPECT_NEAR(ringing[0].evidence.at("held_best_value"), 0.5 + 0.5 / 9.0, 1e-9);
    const auto held = detect(runOf({{"loss", train}, {"val_loss", seriesOf(val(false), 10, 10)}}));
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0].kind, FindingKind::SevereOverfitting) << held[0].message;
    EXPECT_NEAR(held[0].evidence.at("held_best_value"), 0.42, 1e-9);
}

// Issue #15 (doctor18): batches of 4 on 25% flipped labels (overfitting_noisycls_adamax_resmlp_hf
// in tests/data/corpus2): the batch loss is 0.55 at its first log, below ln 2, so the
// classifier had learnt before it; it falls to 0.02, then bumps back to 0.66 for a stretch
// as it memorises flipped labels, still under the untrained ln 2, while validation goes 0.55
// -> 0.51 -> 1.45 and accuracy 0.80 -> 0.75: overfitting. Without an accuracy (nothing says
// the loss is a cross-entropy) the climb above the first logged loss reads as a blow-up: the
// overfitting is read only up to it (doctor26: it was quiet).
core::Run memorisingFlippedLabels(bool withAccuracy) {
    std::vector<std::pair<std::string, Series>> metrics{
        {"loss", seriesOf(
                     450,
                     [](std::size_t i) {
                         if (i < 20) return 0.55;
                         if (i >= 200 && i < 216) return 0.66;
                         return 0.02 + 0.53 * std::exp(-double(i - 20) / 20.0);
                     },
                     10, 10)},
        {"eval_loss", seriesOf(
                          30,
                          [](std::size_t e) {
                              const double x = double(e);
                              return e <= 7 ? 0.55 - 0.04 * x / 7.0
                                            : 0.51 + 0.94 * (x - 7.0) / 22.0;
                          },
                          150, 150)}};
    if (withAccuracy) {
        metrics.emplace_back(
            "eval_accuracy",
            seriesOf(
                30, [](std::size_t e) { return 0.80 - 0.05 * double(e) / 29.0; }, 150, 150));
    }
    return runOf(std::move(metrics));
}

TEST(DetectOverfitting, AClassifierLoggedAfterItLearntIsUntrainedAtLnTwo) {
    const auto f = detect(memorisingFlippedLabels(true));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_TRUE(f[0].kind == FindingKind::Overfitting ||
                f[0].kind == FindingKind::SevereOverfitting);
    EXPECT_EQ(f[0].metric, "eval_loss");
    EXPECT_EQ(f[0].endStep, 4500);
    const auto bare = detect(memorisingFlippedLabels(false));
    ASSERT_EQ(bare.size(), 1u);
    // The bump starts at step 2010; the trend bins 2 logged points (450 into at most 256).
    EXPECT_GE(bare[0].evidence.at("blow_up_step"), 2010.0);
    EXPECT_LE(bare[0].evidence.at("blow_up_step"), 2030.0);
    EXPECT_LT(bare[0].endStep, 2010);
}

// Issue #15 (lead, session 17): full-batch SGD on a linear regression
// (oscillation_waves_fullbatch_linreg_sgd_mlflow in tests/data/corpus2): validation 0.93 -> 0.60
// -> 0.47 in three evaluations, whose running median starts the trend at 0.60, then a flat
// 0.50 and a drift up to `end`. Ending at 0.64 it is above the trend's start but far below the
// 0.93 it was first logged at: it gave back part of its gain, overfitting. Ending at 0.98 it gave
// back all of it: severe.
core::Run fastFirstFall(double end) {
    std::vector<double> v{0.93, 0.60, 0.47};
    for (int i = 0; i < 20; ++i) v.push_back(0.50);
    for (int i = 1; i <= 10; ++i) v.push_back(0.50 + (end - 0.50) * i / 10.0);
    for (int i = 0; i < 3; ++i) v.push_back(end);
    return runOf({{"loss", seriesOf(360, [](std::size_t i) { return 1.0 - 0.0025 * double(i); })},
                  {"val_loss", seriesOf(v, 10, 10)}});
}

TEST(DetectOverfitting, AllGivenBackCountsFromTheFirstValueAsLogged) {
    const auto part = detect(fastFirstFall(0.64));
    ASSERT_EQ(part.size(), 1u);
    EXPECT_EQ(part[0].kind, FindingKind::Overfitting) << part[0].message;
    EXPECT_DOUBLE_EQ(part[0].evidence.at("first_value"), 0.93);
    EXPECT_LT(part[0].evidence.at("rise_from_held_best"), OverfittingConfig{}.severeRise);
    const auto all = detect(fastFirstFall(0.98));
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].kind, FindingKind::SevereOverfitting) << all[0].message;
}

// Issue #15 (doctor23), after overfitting_hastie_subset_mlflow in tests/data/corpus2: 80
// evaluations; the validation loss best at the 7th (0.594), then climbing fast and ever slower
// to 1.165 (half its rise made by the 25th) while training falls to ~0; the accuracy climbs
// 0.60 -> 0.71 by the 14th, then creeps by `lateGain` to the end, jumping +-0.002 about that
// (a raw noise of 4 * 0.002 / 0.6745 / sqrt(6) = 0.0048 by diffNoise).
core::Run creepingAccuracy(double lateGain) {
    auto zigzag = [](std::size_t e) { return e % 2 ? 0.002 : -0.002; };
    return runOf({{"train_loss",
                   seriesOf(
                       400, [](std::size_t i) { return 0.7 * std::exp(-double(i) / 40.0); }, 2, 2)},
                  {"val_loss", seriesOf(
                                   80,
                                   [](std::size_t e) {
                                       return e <= 6 ? 0.66 - 0.011 * double(e)
                                                     : 0.594 + (1.165 - 0.594) *
                                                                   std::sqrt(double(e - 6) / 73.0);
                                   },
                                   10, 10)},
                  {"val_accuracy", seriesOf(
                                       80,
                                       [&](std::size_t e) {
                                           const double x = double(e);
                                           return (e <= 13 ? 0.60 + 0.11 * x / 13.0
                                                           : 0.71 + lateGain * (x - 13.0) / 66.0) +
                                                  zigzag(e);
                                       },
                                       10, 10)}});
}

TEST(DetectOverfitting, AMetricCreepingWithinItsJumpsWhileTheLossClimbsIsOverfitting) {
    // 0.016 over the last 66 evaluations, 0.013 of it after the loss made half its rise, as the
    // hastie run: under 4 times one evaluation's noise (0.019), though above 4 times the
    // smoothed trend's: the accuracy is flat.
    const auto creeping = detect(creepingAccuracy(0.016));
    ASSERT_EQ(creeping.size(), 1u);
    EXPECT_EQ(creeping[0].kind, FindingKind::SevereOverfitting);  // 0.594 -> 1.165
    EXPECT_EQ(creeping[0].metric, "val_loss");
    // Climbing 0.07 there (0.058 after the half-rise, 12 times that noise): still improving at
    // the task, no overfitting (metric_loss_disagreement reports it).
    EXPECT_TRUE(detect(creepingAccuracy(0.07)).empty());
}

// Issue #15 (doctor23), after divergence_grow_raw_diabetes in tests/data/corpus2: the training
// loss falls 1.0 -> 0.1 by step 40 and climbs back to 0.3 by 100 while validation, best at step
// 40, climbs 0.3 -> 2.0. The learning rate holds 1e-3 to step 50, then grows linearly to
// `growth` times that at step 100.
core::Run climbingUnderLearningRate(double growth) {
    return runOf(
        {{"loss", seriesOf(101,
                           [](std::size_t i) {
                               const double x = double(i);
                               return i <= 40 ? 1.0 - 0.9 * x / 40.0 : 0.1 + 0.2 * (x - 40) / 60;
                           })},
         {"val_loss", seriesOf({1.0, 0.6, 0.4, 0.3, 0.35, 0.5, 0.7, 1.0, 1.4, 2.0}, 10, 10)},
         {"lr", seriesOf(101, [&](std::size_t i) {
              const double x = double(i);
              return 1e-3 * (i <= 50 ? 1.0 : 1.0 + (growth - 1.0) * (x - 50.0) / 50.0);
          })}});
}

TEST(DetectOverfitting, TrainingClimbingWhileTheLearningRateGrowsIsNoOverfitting) {
    const OverfittingConfig c;
    // The learning rate under twice its value at the best: overfitting (training rose, but no
    // schedule explains it).
    const auto f = detect(climbingUnderLearningRate(c.lrGrowth * 0.95));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::SevereOverfitting);
    // Doubled or more: the run diverges under its schedule (divergence reports it).
    EXPECT_TRUE(detect(climbingUnderLearningRate(c.lrGrowth * 1.05)).empty());
}

// Issue #15 (doctor24), after half p's overfitting_blobs_subset_nesterov_mlflow and
// overfitting_early_best_noisycls_rmsprop_mlflow: the val loss is best at step 20 and climbs
// 0.5 -> 1.5 by step 300 (half its rise by step 160); the validation accuracy holds each
// level of `levels` for 6 of the 30 evaluations (so its jumps are no noise).
core::Run lossClimbsWhileAccuracy(const std::vector<double>& levels) {
    std::vector<double> acc;
    for (double a : levels) acc.insert(acc.end(), 6, a);
    return runOf(
        {{"loss", seriesOf(301, [](std::size_t i) { return 1.0 - 0.003 * double(i); })},
         {"val_loss",
          seriesOf(
              30, [](std::size_t e) { return e == 0 ? 0.7 : 0.5 + double(e - 1) / 28.0; }, 10, 10)},
         {"val_acc", seriesOf(acc, 10, 10)}});
}

TEST(DetectOverfitting, FromTheHalfRiseTheMetricMustSetANewBestByMoreThanItsGrid) {
    // Dips to 0.64 and climbs back to 0.705, one step of its 0.005 grid above its old best
    // 0.70: regained, not improved (0.065 above the dip, which used to count).
    const auto regained = detect(lossClimbsWhileAccuracy({0.60, 0.66, 0.70, 0.64, 0.705}));
    ASSERT_EQ(regained.size(), 1u);
    EXPECT_EQ(regained[0].metric, "val_loss");
    EXPECT_EQ(regained[0].kind, FindingKind::SevereOverfitting);  // 0.5 -> 1.5
    // No dip, one step of the grid gained after the half-rise: flat to a practitioner.
    EXPECT_EQ(detect(lossClimbsWhileAccuracy({0.60, 0.66, 0.70, 0.70, 0.705})).size(), 1u);
    // New bests by 0.12 after the half-rise, two steps of its 0.06 grid: still improving at
    // the task, no overfitting (metric_loss_disagreement reports it).
    EXPECT_TRUE(detect(lossClimbsWhileAccuracy({0.60, 0.66, 0.70, 0.76, 0.82})).empty());
}

}  // namespace
}  // namespace curvedoctor::core
