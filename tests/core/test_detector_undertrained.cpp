// undertrained: still clearly falling at the end, confirmed by validation when it exists.
#include <gtest/gtest.h>

#include <cmath>

#include "core/detectors/undertrained.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectUndertrained(v);
}

Series linearDrop(std::size_t n, std::int64_t first, std::int64_t stride) {
    return seriesOf(
        n, [](std::size_t i) { return 2.0 - double(i) * 0.001; }, first, stride);
}

TEST(DetectUndertrained, StraightLineDescentWithoutValidation) {
    const auto f = detect(runOf({{"loss", linearDrop(1000, 0, 1)}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Undertrained);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].endStep, 999);
    EXPECT_NEAR(static_cast<double>(f[0].beginStep), 800.0, 5.0);  // the last 20%
}

TEST(DetectUndertrained, TailShareEdgeWithoutValidation) {
    // Loss = 2 - [(1 - c) x + c (2x - x^2)] on x in [0, 1]: the tail [0.8, 1] makes
    // (1 - c) 0.2 + c 0.04 = 0.2 - 0.16c of the improvement; the threshold is
    // 0.75 * 0.2 = 0.15, reached at c = 0.3125.
    auto run = [](double c) {
        return runOf({{"loss", seriesOf(1000, [&](std::size_t i) {
                           const double x = double(i) / 999.0;
                           return 2.0 - ((1.0 - c) * x + c * (2.0 * x - x * x));
                       })}});
    };
    const UndertrainedConfig cfg;
    ASSERT_DOUBLE_EQ(cfg.trainSlopeRatio * cfg.tailShare, 0.15);
    EXPECT_EQ(detect(run(0.25)).size(), 1u);
    EXPECT_TRUE(detect(run(0.38)).empty());
}

TEST(DetectUndertrained, ConvergedRunIsSilent) {
    EXPECT_TRUE(detect(healthyRun()).empty());
}

TEST(DetectUndertrained, ValidationStillImprovingConfirms) {
    const auto f = detect(runOf(
        {{"loss", linearDrop(1000, 0, 1)},
         {"val_loss", seriesOf(
                          10, [](std::size_t e) { return 2.0 - 0.1 * double(e); }, 99, 100)}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].message.find("val_loss is still improving"), std::string::npos) << f[0].message;
}

TEST(DetectUndertrained, ValidationAlreadyWorseningVetoes) {
    const auto f = detect(runOf(
        {{"loss", linearDrop(1000, 0, 1)},
         {"val_loss", seriesOf({2.0, 1.8, 1.6, 1.5, 1.5, 1.5, 1.6, 1.7, 1.8, 1.9}, 99, 100)}}));
    EXPECT_TRUE(f.empty()) << describe(f);
}

// A language model's shape: a fast drop from its first steps (ln of the vocabulary), then a
// slow, steady descent; the validation loss is still falling at the end at a few percent of
// its average rate (that early drop is in the average).
Run languageModelRun(double tailSlope) {
    auto loss = [tailSlope](double step) {
        return 1.5 + 10.0 * std::exp(-step / 100.0) + tailSlope * (5000.0 - step);
    };
    return runOf(
        {{"loss",
          seriesOf(
              501,
              [&](std::size_t i) { return loss(10.0 * double(i)) + 0.01 * std::sin(double(i)); }, 0,
              10)},
         {"val_loss",
          seriesOf(
              21, [&](std::size_t i) { return loss(250.0 * double(i)) + 0.02; }, 0, 250)}});
}

TEST(DetectUndertrained, ASteadyDescentAfterAnEarlyDropCounts) {
    // 4e-5 per step: over the 5,000 steps again about 0.2 (13% of the level), every
    // validation point lower than the one before.
    const auto f = detect(languageModelRun(4e-5));
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].kind, FindingKind::Undertrained);
    EXPECT_NE(f[0].message.find("val_loss is still improving"), std::string::npos) << f[0].message;
}

TEST(DetectUndertrained, ALevelThatHasSettledAfterAnEarlyDropIsSilent) {
    // The same early drop, then flat (the exponential's own tail is far below the noise).
    EXPECT_TRUE(detect(languageModelRun(0.0)).empty());
    // A descent too slow to matter: 2e-6 per step is under 1% of the level in a run as long.
    EXPECT_TRUE(detect(languageModelRun(2e-6)).empty());
}

TEST(DetectUndertrained, ADipInTheNoiseOfAConvergedValidationLossIsSilent) {
    // healthy_digits' shape (tests/data/fixtures): settled near 0.13, then one dip in its
    // noise; the last 40% of the points go up and down (Kendall's tau about -0.7).
    const std::vector<double> val{1.5528, 0.8753, 0.5501, 0.3966, 0.3174, 0.2632, 0.2281,
                                  0.2036, 0.1868, 0.1738, 0.165,  0.155,  0.1465, 0.1433,
                                  0.14,   0.1355, 0.1293, 0.1295, 0.1278, 0.1286, 0.1296,
                                  0.1239, 0.1199, 0.1205, 0.1192};
    const auto f = detect(runOf(
        {{"loss",
          seriesOf(
              250, [](std::size_t i) { return 0.02 + 1.5 * std::exp(-double(i) / 20.0); }, 0, 1)},
         {"val_loss", seriesOf(val, 9, 10)}}));
    EXPECT_TRUE(f.empty()) << describe(f);
}

// Issue #15: a slow optimiser's loss falling 1-2% on a straight line to the end (a CNN under
// plain SGD: validation 2.298 -> 2.260 over 10 evaluations, each below the one before, batch
// losses 2.30 -> 2.26 within their noise; undertrained_cnn_sgd_tf in tests/data/corpus2) is
// undertrained: judged by how consistently it falls, not how much. The same validation loss
// levelling off (an exponential approach whose second half falls at a fifth of the first's
// pace), or wandering by its noise, is not; nor is the straight descent while the accuracy
// stays constant (lightning_01 in ../shared/realworld: loss 1.792 -> 1.780 at ln 6, accuracy
// 0.32 throughout), which learns nothing.
core::Run slowDescent(int shape, double accGain = 0.34) {
    Noise noise(8);
    return runOf(
        {{"val_acc",
          seriesOf(
              10, [&](std::size_t e) { return 0.17 + accGain * double(e) / 9.0; }, 43, 43)},
         {"train_loss",
          seriesOf(
              86, [&](std::size_t i) { return 2.296 - 0.04 * double(i) / 85.0 + noise(0.012); }, 5,
              5)},
         {"val_loss", seriesOf(
                          10,
                          [&](std::size_t e) {
                              const double x = double(e);
                              if (shape == 0) return 2.298 - 0.0042 * x;
                              if (shape == 1) return 2.26 + 0.038 * std::exp(-x / 1.5);
                              return 2.28 + noise(0.004);
                          },
                          43, 43)}});
}

TEST(DetectUndertrained, ASlowStraightDescentToTheEndCounts) {
    const auto f = detect(slowDescent(0));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Undertrained);
    EXPECT_EQ(f[0].metric, "val_loss");
    EXPECT_LE(f[0].evidence.at("kendall_tau"), f[0].evidence.at("max_kendall_tau"));
    EXPECT_GE(f[0].evidence.at("significance"), f[0].evidence.at("min_significance"));
    EXPECT_GE(f[0].evidence.at("pace_ratio"), f[0].evidence.at("min_pace_ratio"));
    EXPECT_TRUE(detect(slowDescent(1)).empty()) << detect(slowDescent(1))[0].message;
    EXPECT_TRUE(detect(slowDescent(2)).empty()) << detect(slowDescent(2))[0].message;
    EXPECT_TRUE(detect(slowDescent(0, 0.0)).empty()) << detect(slowDescent(0, 0.0))[0].message;
}

// Issue #15: a validation loss that slows down but is still far from its floor (a GRU under
// Adagrad, undertrained_gru2_adagrad_tf in tests/data/corpus2: 2.26 -> 0.84 over 12
// evaluations, each below the one before, its tail at 40% of its average rate) is
// undertrained. Shape 0: 2.2 -> 0.8 with a rate that decays linearly to 5% of its first
// value at the end (its last 20% falls at about a quarter of its average rate; too slowed
// for the rules that ask the tail to keep the pace of the stretch before it). Shape 1: an
// exponential approach followed for 6 time constants (its tail at about 3% of its average
// rate: converged). Shape 2: shape 0 falling by 2% of its level (2.2 -> 2.156, a loss that has
// hardly moved: not learning, not short of steps). The batch losses are too noisy for the
// training-loss rules.
core::Run slowingDescent(int shape) {
    Noise noise(5);
    auto fall = [&](double x) {
        if (shape == 1) return (1.0 - std::exp(-6.0 * x)) / (1.0 - std::exp(-6.0));
        return (x - 0.95 * x * x / 2.0) / (1.0 - 0.95 / 2.0);
    };
    const double drop = shape == 2 ? 0.044 : 1.4;
    return runOf(
        {{"train_loss", seriesOf(
                            120,
                            [&](std::size_t i) {
                                return 2.1 - drop * fall(double(i) / 119.0) +
                                       noise(0.15 * drop / 1.4);
                            },
                            4, 4)},
         {"val_loss",
          seriesOf(
              12, [&](std::size_t e) { return 2.2 - drop * fall(double(e) / 11.0); }, 40, 40)}});
}

TEST(DetectUndertrained, ASlowingDescentFarFromItsFloorCounts) {
    const auto f = detect(slowingDescent(0));
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].kind, FindingKind::Undertrained);
    EXPECT_EQ(f[0].metric, "val_loss");
    EXPECT_NE(f[0].message.find("at its best at the last evaluation"), std::string::npos)
        << f[0].message;
    EXPECT_GE(f[0].evidence.at("slope_ratio"), f[0].evidence.at("min_slope_ratio"));
    EXPECT_LT(f[0].evidence.at("slope_ratio"), 0.5);  // below the steep rule's 50%
    EXPECT_LE(f[0].evidence.at("kendall_tau"), f[0].evidence.at("max_kendall_tau"));
    EXPECT_GE(f[0].evidence.at("significance"), f[0].evidence.at("min_significance"));
}

TEST(DetectUndertrained, ASlowingDescentNearItsFloorOrHardlyMovedIsSilent) {
    EXPECT_TRUE(detect(slowingDescent(1)).empty()) << describe(detect(slowingDescent(1)));
    EXPECT_TRUE(detect(slowingDescent(2)).empty()) << describe(detect(slowingDescent(2)));
}

// Issue #15 (doctor15): a short run (10 epochs, one value of each loss per epoch) whose
// training loss is still in a slowing descent far from its floor, validation falling with it
// (the values of undertrained_transformer_adagrad_deit in tests/data/corpus2, read from its
// plot: validation at its best one epoch before the end, 0.73 then 0.75). The same run with a
// validation loss that has levelled off at the end (0.76, 0.75, 0.745 while training falls
// 0.84, 0.78, 0.74: under a quarter of its pace) is near its floor on validation: silent.
core::Run shortRun(bool valLevels) {
    const std::vector<double> train{1.94, 1.49, 1.28, 1.15, 1.05, 0.97, 0.90, 0.84, 0.78, 0.74};
    std::vector<double> val{1.78, 1.37, 1.24, 1.11, 0.98, 1.01, 0.85, 0.79, 0.73, 0.75};
    if (valLevels) val = {1.78, 1.37, 1.24, 1.11, 0.98, 1.01, 0.79, 0.76, 0.75, 0.745};
    return runOf({{"train_loss", seriesOf(train)}, {"test_loss", seriesOf(val)}});
}

TEST(DetectUndertrained, AShortRunsTrainingLossInASlowingDescentConfirmedByValidation) {
    const auto f = detect(shortRun(false));
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].kind, FindingKind::Undertrained);
    EXPECT_EQ(f[0].metric, "train_loss");
    EXPECT_EQ(f[0].evidence.at("read_on_training_loss"), 1.0);
    EXPECT_GE(f[0].evidence.at("slope_ratio"), f[0].evidence.at("min_slope_ratio"));
    EXPECT_LE(f[0].evidence.at("kendall_tau"), f[0].evidence.at("max_kendall_tau"));
    EXPECT_LE(f[0].evidence.at("val_kendall_tau"), f[0].evidence.at("max_kendall_tau"));
    EXPECT_GE(f[0].evidence.at("val_pace_of_training"), f[0].evidence.at("min_pace_of_training"));
    const auto levelled = detect(shortRun(true));
    EXPECT_TRUE(levelled.empty()) << describe(levelled);
}

// Issue #15 (doctor15): full-batch RMSprop on quantiles (undertrained_rmsprop_fullbatch_
// quantiles_mlflow in tests/data/corpus2, its shape read from the plot): for 64 of 80 epochs
// the validation loss zig-zags by +-0.03 about a slow drift, then falls at every epoch to
// its best at the last one (0.37 -> 0.30) while the training loss falls too and the accuracy
// climbs at every epoch (0.84 -> 0.91): still worth training. With the accuracy level over
// that tail (0.86, as a healthy run's saturated accuracy) the same losses are silent.
core::Run lateSteadyFall(bool accuracyClimbs) {
    auto train = [](std::size_t i) {
        const double e = double(i + 1);
        if (e < 50.0) return 0.35 + 0.95 * (50.0 - e) / 49.0;
        return e < 64.0 ? 0.35 : 0.35 - 0.1 * (e - 64.0) / 16.0;
    };
    auto val = [](std::size_t i) {
        const double e = double(i + 1);
        const double zigzag = i % 2 == 0 ? 0.03 : -0.03;
        if (e < 40.0) return 0.40 + 0.9 * (40.0 - e) / 39.0 + zigzag;
        if (e < 64.0) return 0.40 - 0.001 * (e - 40.0) + zigzag;
        return 0.37 - 0.07 * (e - 64.0) / 16.0;
    };
    auto acc = [accuracyClimbs](std::size_t i) {
        const double e = double(i + 1);
        if (e < 64.0) return 0.5 + 0.3 * std::min(e, 40.0) / 40.0 + (i % 2 == 0 ? 0.03 : -0.03);
        if (!accuracyClimbs) return i % 2 == 0 ? 0.87 : 0.85;
        return 0.84 + 0.07 * (e - 64.0) / 16.0;
    };
    return runOf({{"train_loss", seriesOf(80, train, 1)},
                  {"val_loss", seriesOf(80, val, 1)},
                  {"val_accuracy", seriesOf(80, acc, 1)}});
}

TEST(DetectUndertrained, ALateSteadyFallWithTheMetricClimbingCounts) {
    const auto f = detect(lateSteadyFall(true));
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].kind, FindingKind::Undertrained);
    EXPECT_GE(f[0].beginStep, 60);
    EXPECT_LE(f[0].evidence.at("val_tail_kendall_tau"), -f[0].evidence.at("min_steadiness"));
    EXPECT_GE(f[0].evidence.at("metric_tail_kendall_tau"), f[0].evidence.at("min_steadiness"));
    const auto level = detect(lateSteadyFall(false));
    EXPECT_TRUE(level.empty()) << describe(level);
}

// Issue #15 (doctor17): a short run of six evaluations (undertrained_lstm2_short_tf in
// tests/data/corpus2, values read from its log): the validation loss is lower at every
// evaluation, 2.24 -> 0.57, its last 20% still falling at a third of its average rate; its
// second half holds only three evaluations, so the steadiness is read over the last five.
// The same run levelled off (0.66, 0.63, 0.62 at the end: a few percent of its rate) is silent.
core::Run sixEvaluations(bool levelled) {
    std::vector<double> val{2.239, 1.391, 1.048, 0.744, 0.648, 0.572};
    if (levelled) val = {2.239, 1.20, 0.80, 0.66, 0.63, 0.62};
    auto train = [&](std::size_t i) {
        const double x = double(i) / 50.0;
        const double end = levelled ? 0.60 : 0.55;
        return end + (2.3 - end) * std::exp(-3.0 * x) + (i % 2 == 0 ? 0.04 : -0.04);
    };
    return runOf({{"Loss/train", seriesOf(51, train, 5, 5)}, {"Loss/val", seriesOf(val, 43, 43)}});
}

TEST(DetectUndertrained, ASixEvaluationRunStillFallingAtEveryOneCounts) {
    const auto f = detect(sixEvaluations(false));
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].kind, FindingKind::Undertrained);
    EXPECT_EQ(f[0].metric, "Loss/val");
    EXPECT_GE(f[0].evidence.at("slope_ratio"), f[0].evidence.at("min_slope_ratio"));
    EXPECT_LE(f[0].evidence.at("kendall_tau"), f[0].evidence.at("max_kendall_tau"));
    EXPECT_GE(f[0].evidence.at("significance"), f[0].evidence.at("min_significance"));
    EXPECT_NEAR(f[0].evidence.at("steady_share"), 0.8, 1e-9);  // the last five of six
    const auto levelled = detect(sixEvaluations(true));
    EXPECT_TRUE(levelled.empty()) << describe(levelled);
}

// A step loss logged at each of 40 steps per epoch whose batches come in the same order every
// epoch (class-sorted): a saw-tooth from 1.5 below to 1.5 above its epoch's mean, whose line over
// the second half rises with the teeth, about a mean per epoch that follows the validation
// loss of slowingDescent(0) down (or, `trainFalls` false, climbs 0.02 per epoch). Read by the
// epoch, the training loss still falls: undertrained, the step loss read per epoch; a mean per
// epoch that climbs confirms nothing.
core::Run sortedBatches(bool trainFalls) {
    auto fall = [](double x) { return (x - 0.95 * x * x / 2.0) / (1.0 - 0.95 / 2.0); };
    auto level = [&](std::size_t e) {
        return trainFalls ? 2.1 - 1.4 * fall(double(e) / 11.0) : 1.0 + 0.02 * double(e);
    };
    return runOf(
        {{"train_loss", seriesOf(
                            480,
                            [&](std::size_t i) {
                                const double k = double(i % 40) / 39.0;
                                return level(i / 40) + 3.0 * (k - 0.5);
                            },
                            1, 1)},
         {"val_loss",
          seriesOf(
              12, [&](std::size_t e) { return 2.2 - 1.4 * fall(double(e) / 11.0); }, 40, 40)}});
}

TEST(DetectUndertrained, ATrainingLossReadByTheEpochConfirmsASlowingValidation) {
    const auto f = detect(sortedBatches(true));
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].metric, "val_loss");
    EXPECT_EQ(f[0].evidence.at("train_read_per_epoch"), 1.0);
    EXPECT_NE(f[0].message.find("(its mean per epoch) falls there too"), std::string::npos)
        << f[0].message;
    const auto quiet = detect(sortedBatches(false));
    EXPECT_TRUE(quiet.empty()) << describe(quiet);
}

}  // namespace
}  // namespace curvedoctor::core
