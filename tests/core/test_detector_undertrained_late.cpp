// undertrained where the validation curve's shape cannot tell by itself
// (core/detectors/undertrained_late.h): a learning-rate schedule that ran out while the
// validation loss still fell, and a training loss still falling under a validation loss too
// noisy to confirm or refute it.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/detectors/undertrained.h"
#include "core/detectors/undertrained_late.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;  // NOLINT(google-build-using-namespace)

// The validation loss and accuracy of undertrained_transformer_radam_linear_hf in
// tests/data/corpus2, evaluated every 43 steps from 43 to 645 (15 epochs) under a linear decay.
const std::vector<double> kDecayedVal = {2.262,  2.067,  1.679,  1.422,  1.223,
                                         1.016,  0.8331, 0.6889, 0.6222, 0.5451,
                                         0.5115, 0.4763, 0.4439, 0.4308, 0.4215};
const std::vector<double> kDecayedAccuracy = {0.1822, 0.3467, 0.4733, 0.5,    0.6089,
                                              0.6956, 0.74,   0.8,    0.8178, 0.8356,
                                              0.8489, 0.8644, 0.8644, 0.88,   0.88};

// A run of 645 steps: training loss every 5 steps falling smoothly, `val` and `accuracy`
// every 43 steps, the learning rate decaying linearly from 1e-3 to `lrEnd` x 1e-3.
core::Run decayedRun(const std::vector<double>& val, const std::vector<double>& accuracy,
                     double lrEnd) {
    return runOf(
        {{"loss",
          seriesOf(
              130, [](std::size_t i) { return 0.3 + 2.4 * std::exp(-0.02 * double(i)); }, 0, 5)},
         {"eval_loss", seriesOf(val, 43, 43)},
         {"eval_accuracy", seriesOf(accuracy, 43, 43)},
         {"learning_rate",
          seriesOf(
              130,
              [lrEnd](std::size_t i) { return 1e-3 * (1.0 - (1.0 - lrEnd) * double(i) / 129.0); },
              0, 5)}});
}

std::optional<Finding> ranOut(const core::Run& r, const UndertrainedConfig& config = {}) {
    const RunView v = makeRunView(r);
    return scheduleRanOutFinding(v, config);
}

TEST(DetectUndertrainedLate, ScheduleRanOutWhileValidationStillFalls) {
    const auto f = ranOut(decayedRun(kDecayedVal, kDecayedAccuracy, 0.01));
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->kind, FindingKind::Undertrained);
    EXPECT_EQ(f->metric, "eval_loss");
    EXPECT_EQ(f->beginStep, 559);  // the last 20% of the steps: 3 evaluations
    EXPECT_EQ(f->endStep, 645);
    // Its line over 0.4439, 0.4308, 0.4215 falls by 0.0224, 5.3% of 0.4212.
    EXPECT_NEAR(f->evidence.at("tail_fall_share"), 0.0532, 0.001);
    EXPECT_NEAR(f->evidence.at("lr_share_at_end"), 0.01, 1e-9);
    EXPECT_NE(f->message.find("learning rate has decayed to 1%"), std::string::npos) << f->message;
    // And detectUndertrained reports it (none of its other readings does: the tail falls at
    // 4% of its average rate).
    const core::Run run = decayedRun(kDecayedVal, kDecayedAccuracy, 0.01);
    EXPECT_EQ(detectUndertrained(makeRunView(run)).size(), 1u);
}

TEST(DetectUndertrainedLate, ScheduleStillRunningIsNoEvidence) {
    // The same curves under a rate that ends at 20% of its peak: the slowing is the curve's.
    EXPECT_FALSE(ranOut(decayedRun(kDecayedVal, kDecayedAccuracy, 0.2)).has_value());
    // Without a learning rate at all.
    core::Run r = decayedRun(kDecayedVal, kDecayedAccuracy, 0.01);
    r.metrics.erase("learning_rate");
    EXPECT_FALSE(ranOut(r).has_value());
}

TEST(DetectUndertrainedLate, ScheduleRanOutAfterConvergenceIsQuiet) {
    // A healthy end: lower at each evaluation, by 0.5% of the level over the last fifth.
    std::vector<double> val = kDecayedVal;
    val[11] = 0.4440;
    val[12] = 0.4431;
    val[13] = 0.4424;
    val[14] = 0.4420;
    EXPECT_FALSE(ranOut(decayedRun(val, kDecayedAccuracy, 0.01)).has_value());
}

TEST(DetectUndertrainedLate, ScheduleRanOutFallShareEdge) {
    // The last three evaluations a + 2d, a + d, a: the line falls by 2d, a share 2d / a of
    // the level a = 0.4; minDecayedFall = 0.03 is crossed at d = 0.006.
    const UndertrainedConfig cfg;
    ASSERT_DOUBLE_EQ(cfg.minDecayedFall, 0.03);
    auto withFall = [](double d) {
        std::vector<double> val = kDecayedVal;
        val[11] = 0.5;
        val[12] = 0.4 + 2.0 * d;
        val[13] = 0.4 + d;
        val[14] = 0.4;
        return decayedRun(val, kDecayedAccuracy, 0.01);
    };
    EXPECT_TRUE(ranOut(withFall(0.0065)).has_value());
    EXPECT_FALSE(ranOut(withFall(0.0055)).has_value());
}

TEST(DetectUndertrainedLate, ScheduleRanOutNeedsEveryLastEvaluationLower) {
    std::vector<double> val = kDecayedVal;
    val[12] = 0.4300;  // up at the second-to-last but one evaluation: 0.4300 -> 0.4308
    EXPECT_FALSE(ranOut(decayedRun(val, kDecayedAccuracy, 0.01)).has_value());
    // An accuracy past its best at the end says the same.
    std::vector<double> accuracy = kDecayedAccuracy;
    accuracy[13] = 0.89;
    EXPECT_FALSE(ranOut(decayedRun(kDecayedVal, accuracy, 0.01)).has_value());
}

// The validation loss of noisy_val_few_evals_quantiles_mlflow in tests/data/corpus2: 12
// samples, evaluated every 22 steps from 22 to 330 (15 epochs), zig-zagging 0.71-1.07.
const std::vector<double> kNoisyVal = {0.9484, 0.9511, 0.8918, 1.021,  0.9168, 0.9342, 1.07,  1.01,
                                       0.8597, 0.7937, 0.835,  0.8848, 0.7103, 0.9099, 0.8221};

// A training loss every 2 steps (165 points, step 2 to 330) given by `level(x)` on x = step /
// 330, with batch noise of +-0.04; the validation loss `val` every 22 steps.
template <class Level>
core::Run noisyValRun(Level level, const std::vector<double>& val) {
    return runOf({{"train_loss", seriesOf(
                                     165,
                                     [&](std::size_t i) {
                                         const double x = double(2 * (i + 1)) / 330.0;
                                         return level(x) + 0.04 * std::sin(2.7 * double(i));
                                     },
                                     2, 2)},
                  {"val_loss", seriesOf(val, 22, 22)}});
}

std::optional<Finding> noisy(const core::Run& r, const UndertrainedConfig& config = {}) {
    const RunView v = makeRunView(r);
    return noisyValidationFinding(v, config);
}

double straightLine(double x) {
    return 1.07 - 0.33 * x;
}

TEST(DetectUndertrainedLate, TrainingFallsUnderNoisyValidation) {
    const auto f = noisy(noisyValRun(straightLine, kNoisyVal));
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->metric, "train_loss");
    EXPECT_EQ(f->endStep, 330);
    EXPECT_GE(f->evidence.at("significance"), 3.0);
    EXPECT_GE(f->evidence.at("slope_ratio"), 0.75);  // a straight line: about 100%
    EXPECT_LT(f->evidence.at("val_significance"), 3.0);
    EXPECT_NE(f->message.find("too noisy there to confirm or refute it"), std::string::npos)
        << f->message;
    const core::Run run = noisyValRun(straightLine, kNoisyVal);
    EXPECT_EQ(detectUndertrained(makeRunView(run)).size(), 1u);
}

TEST(DetectUndertrainedLate, PreciseLevelValidationRefutes) {
    // The validation levels off at 0.80 +- 0.005 over the second half, drifting down by 0.001
    // per evaluation (its best at the end), while training falls: precise enough to show it
    // no longer follows (a run heading for overfitting).
    std::vector<double> val = kNoisyVal;
    for (std::size_t i = 7; i < val.size(); ++i) {
        val[i] = 0.80 + (i % 2 == 0 ? 0.005 : -0.005) - 0.001 * double(i - 7);
    }
    EXPECT_FALSE(noisy(noisyValRun(straightLine, val)).has_value());
    // It is the consistency test that refutes it: with a band wide enough it would pass.
    UndertrainedConfig wide;
    wide.consistentSigmas = 100.0;
    EXPECT_TRUE(noisy(noisyValRun(straightLine, val), wide).has_value());
}

TEST(DetectUndertrainedLate, ValidationPastItsBestRefutes) {
    // The same zig-zag with its best evaluation early (0.60 at step 88).
    std::vector<double> val = kNoisyVal;
    val[3] = 0.60;
    EXPECT_FALSE(noisy(noisyValRun(straightLine, val)).has_value());
}

TEST(DetectUndertrainedLate, ConvergedTrainingUnderNoisyValidationIsQuiet) {
    // Five time constants of an exponential approach: its last 40% falls at about 10% of its
    // average rate, below minNoisyValTrainRatio (0.5).
    auto converged = [](double x) { return 0.3 + 0.8 * std::exp(-5.0 * x); };
    EXPECT_FALSE(noisy(noisyValRun(converged, kNoisyVal)).has_value());
    UndertrainedConfig lenient;
    lenient.minNoisyValTrainRatio = 0.05;
    EXPECT_TRUE(noisy(noisyValRun(converged, kNoisyVal), lenient).has_value());
    // One time constant: still at about 70%.
    auto early = [](double x) { return 0.3 + 0.8 * std::exp(-1.0 * x); };
    EXPECT_TRUE(noisy(noisyValRun(early, kNoisyVal)).has_value());
}

TEST(DetectUndertrainedLate, RecoveryFromAJumpIsNoNewGround) {
    // Training falls to 0.8 by x = 0.6, jumps to 0.95 and falls back to 0.79 (an augmentation
    // switched off for the last epochs): its tail falls, but only back to where it was.
    auto jump = [](double x) { return x < 0.6 ? 1.07 - 0.45 * x : 0.95 - 0.4 * (x - 0.6); };
    EXPECT_FALSE(noisy(noisyValRun(jump, kNoisyVal)).has_value());
    // It is the new-ground test that stops it.
    UndertrainedConfig anyGround;
    anyGround.minNewGround = -1.0;
    EXPECT_TRUE(noisy(noisyValRun(jump, kNoisyVal), anyGround).has_value());
}

}  // namespace
}  // namespace curvedoctor::core

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;  // NOLINT(google-build-using-namespace)

// undertrained_linear_transformer_sgd_hf in tests/data/corpus2 (doctor25): 6 epochs of 43
// steps, the batch loss every 5 steps from 5 (a 1.997 at step 215), the validation loss and
// accuracy at each epoch's end, the learning rate decaying linearly from 0.0098 to 0.000215.
const std::vector<double> kLinearTrain = {
    2.342, 2.332, 2.21,  2.177, 2.048, 2.089, 1.833, 1.638, 1.6,   1.716, 1.572, 1.727, 1.683,
    1.434, 1.853, 1.89,  1.45,  1.487, 1.561, 1.542, 1.195, 1.062, 1.153, 1.197, 1.19,  1.326,
    1.155, 1.228, 1.164, 1.283, 1.309, 1.268, 1.144, 1.36,  1.398, 1.211, 1.165, 1.031, 1.3,
    1.175, 1.153, 1.255, 1.997, 1.148, 1.119, 1.338, 1.134, 0.992, 1.249, 1.137, 1.478};

core::Run linearDecayRun(const std::vector<double>& train) {
    const std::vector<double> val = {1.8507, 1.4978, 1.3804, 1.336, 1.2883, 1.2481};
    const std::vector<double> accuracy = {0.3689, 0.5289, 0.5556, 0.5644, 0.5644, 0.5756};
    return runOf({{"loss", seriesOf(train, 5, 5)},
                  {"eval_loss", seriesOf(val, 43, 43)},
                  {"eval_accuracy", seriesOf(accuracy, 43, 43)},
                  {"learning_rate", seriesOf(
                                        train.size(),
                                        [](std::size_t i) {
                                            return 0.0098 - (0.0098 - 0.000215) * double(i) / 50.0;
                                        },
                                        5, 5)}});
}

TEST(DetectUndertrainedLate, ScheduleRanOutReadsTrainingPerEpochUnderBatchNoise) {
    // The batch loss's line over the second half rises (the 1.997 and the closing 1.478), its
    // means per epoch fall there (1.249, 1.298, 1.199 over epochs 4-6); the validation loss
    // falls 1.336, 1.288, 1.248 as the rate ends at 2% of its peak.
    const core::Run run = linearDecayRun(kLinearTrain);
    const auto f = ranOut(run);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->metric, "eval_loss");
    EXPECT_EQ(f->evidence.at("train_read_per_epoch"), 1.0);
    EXPECT_LE(f->evidence.at("lr_share_at_end"), f->evidence.at("max_lr_share_at_end"));
    EXPECT_NE(f->message.find("loss (per epoch) falls over the second half"), std::string::npos)
        << f->message;
    EXPECT_EQ(detectUndertrained(makeRunView(run)).size(), 1u);
}

TEST(DetectUndertrainedLate, ScheduleRanOutQuietWhenTrainingRisesPerEpochToo) {
    // The last epoch's batch losses raised by 0.2 (its mean 1.199 -> 1.399, above the 1.298 and
    // 1.249 before it): training rises at the level of epochs as well.
    std::vector<double> train = kLinearTrain;
    for (std::size_t i = 43; i < train.size(); ++i) train[i] += 0.2;
    EXPECT_FALSE(ranOut(linearDecayRun(train)).has_value());
}

}  // namespace
}  // namespace curvedoctor::core
