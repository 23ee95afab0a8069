// undertrained on few evaluations (issue #15, doctor22): a run of five evaluations still
// falling at each (the slowing descent of core/detectors/undertrained.cpp), and a few noisy
// validation evaluations still trending down through their scatter (noisyDescentFinding in
// core/detectors/undertrained_late.h). Values read from the logs of tests/data/corpus2.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/detectors/undertrained.h"
#include "core/detectors/undertrained_late.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;  // NOLINT(google-build-using-namespace)

// undertrained_few_evals_blobs_sgd_hf: 12 evaluations on 12 samples, every 22 steps from 22;
// the training loss as its mean per epoch (logged every 3 steps in the file).
const std::vector<double> kFewVal = {1.3406, 1.0602, 0.9747, 0.8814, 0.7890, 0.7265,
                                     0.6750, 0.5144, 0.4538, 0.4527, 0.4609, 0.3672};
const std::vector<double> kFewTrain = {1.543, 1.300, 1.122, 0.949, 0.842, 0.749,
                                       0.653, 0.561, 0.558, 0.482, 0.436, 0.355};
const std::vector<double> kFewAccuracy = {0.5833, 0.9167, 1.0, 1.0, 0.9167, 0.9167,
                                          0.9167, 0.9167, 1.0, 1.0, 1.0,    1.0};

core::Run fewEvaluations(const std::vector<double>& val, const std::vector<double>& accuracy) {
    return runOf({{"loss", seriesOf(kFewTrain, 22, 22)},
                  {"eval_loss", seriesOf(val, 22, 22)},
                  {"eval_accuracy", seriesOf(accuracy, 22, 22)}});
}

std::optional<Finding> noisyDescent(const core::Run& r, const UndertrainedConfig& config = {}) {
    const RunView v = makeRunView(r);
    return noisyDescentFinding(v, config);
}

TEST(DetectUndertrainedFew, FewNoisyEvaluationsTrendingDownCount) {
    // Over the last five evaluations (0.514, 0.454, 0.453, 0.461, 0.367) the line falls by
    // 0.115 +- 0.039 (2.9 standard errors of its scatter), although the bump at 0.461 leaves
    // Kendall's tau at -0.6, above the -0.8 the readings of shape ask.
    const auto f = noisyDescent(fewEvaluations(kFewVal, kFewAccuracy));
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->kind, FindingKind::Undertrained);
    EXPECT_EQ(f->metric, "eval_loss");
    EXPECT_EQ(f->beginStep, 176);
    EXPECT_EQ(f->endStep, 264);
    EXPECT_EQ(f->evidence.at("val_evaluations"), 5.0);
    EXPECT_NEAR(f->evidence.at("val_tail_drop"), 0.115, 0.002);
    EXPECT_NEAR(f->evidence.at("val_significance"), 2.92, 0.02);
    EXPECT_GE(f->evidence.at("val_significance"), f->evidence.at("min_val_significance"));
    EXPECT_NEAR(f->evidence.at("val_kendall_tau"), -0.6, 1e-9);
    EXPECT_GT(f->evidence.at("val_kendall_tau"), f->evidence.at("steady_kendall_tau"));
    EXPECT_GE(f->evidence.at("val_slope_ratio"), f->evidence.at("min_slope_ratio"));
    EXPECT_GE(f->evidence.at("significance"), f->evidence.at("min_significance"));
    EXPECT_NE(f->message.find("through its noise"), std::string::npos) << f->message;
    const core::Run run = fewEvaluations(kFewVal, kFewAccuracy);
    const auto all = detectUndertrained(makeRunView(run));
    ASSERT_EQ(all.size(), 1u) << describe(all);
    EXPECT_EQ(all[0].evidence.count("val_kendall_tau"), 1u) << describe(all);
    // Three standard errors asked instead of two: not enough.
    UndertrainedConfig strict;
    strict.consistentSigmas = 3.0;
    EXPECT_FALSE(noisyDescent(fewEvaluations(kFewVal, kFewAccuracy), strict).has_value());
}

TEST(DetectUndertrainedFew, AFlatValidationUnderTheSameTrainingIsQuiet) {
    // noisy_val_gru_rmsprop (a healthy run, 20 epochs): its per-epoch training loss falls as
    // fast at the end (0.297 -> 0.176 over the last 6 epochs), but its validation zig-zags
    // 0.24-1.07 over the last third, its line there level within its scatter.
    const std::vector<double> train = {1.921, 1.168, 0.845, 0.711, 0.598, 0.542, 0.526,
                                       0.467, 0.418, 0.398, 0.362, 0.344, 0.307, 0.297,
                                       0.262, 0.256, 0.225, 0.201, 0.212, 0.176};
    const std::vector<double> val = {1.733, 0.994, 1.197, 0.639, 1.013, 1.397, 0.686,
                                     0.469, 0.794, 0.603, 0.799, 0.366, 0.691, 0.337,
                                     0.524, 0.278, 0.295, 1.066, 0.275, 0.243};
    const core::Run run =
        runOf({{"train_loss", seriesOf(train, 0, 1)}, {"test_loss", seriesOf(val, 0, 1)}});
    EXPECT_FALSE(noisyDescent(run).has_value());
    UndertrainedConfig anyFall;
    anyFall.consistentSigmas = 0.0;
    EXPECT_FALSE(noisyDescent(run, anyFall).has_value());  // its line does not fall at all
    const auto all = detectUndertrained(makeRunView(run));
    EXPECT_TRUE(all.empty()) << describe(all);
}

TEST(DetectUndertrainedFew, ASteadyStretchIsLeftToTheReadingsOfShape) {
    // The bump taken out (0.461 -> 0.42): lower at each of the last five evaluations, Kendall's
    // tau -1; the slowing descent judges that shape.
    std::vector<double> val = kFewVal;
    val[10] = 0.42;
    EXPECT_FALSE(noisyDescent(fewEvaluations(val, kFewAccuracy)).has_value());
}

TEST(DetectUndertrainedFew, AMetricPastItsBestIsQuiet) {
    // The accuracy at 1.0 at epochs 3-4, no higher than 0.9167 over the last five.
    std::vector<double> accuracy = kFewAccuracy;
    for (std::size_t i = 7; i < accuracy.size(); ++i) accuracy[i] = 0.9167;
    EXPECT_FALSE(noisyDescent(fewEvaluations(kFewVal, accuracy)).has_value());
}

TEST(DetectUndertrainedFew, ManyEvaluationsAreLeftToTheReadingsOfShape) {
    // The same twelve values each logged five times (60 evaluations, 20 in the last third):
    // among 20 a bump no longer breaks the steadiness reading, so this reading steps aside.
    std::vector<double> val;
    std::vector<double> accuracy;
    for (std::size_t i = 0; i < 60; ++i) {
        val.push_back(kFewVal[i / 5]);
        accuracy.push_back(kFewAccuracy[i / 5]);
    }
    std::vector<double> train;
    for (std::size_t i = 0; i < 60; ++i) train.push_back(kFewTrain[i / 5]);
    const core::Run many = runOf({{"loss", seriesOf(train, 22, 22)},
                                  {"eval_loss", seriesOf(val, 22, 22)},
                                  {"eval_accuracy", seriesOf(accuracy, 22, 22)}});
    EXPECT_FALSE(noisyDescent(many).has_value());
    // It is that bound (4 / (1 - minSteadiness) evaluations) that stops it: at 40 it reads.
    UndertrainedConfig more;
    more.minSteadiness = 0.9;
    EXPECT_TRUE(noisyDescent(many, more).has_value());
}

// undertrained_few_evals_blobs_sgd_deit (doctor25): 12 epochs from 0, validation on 12 samples,
// the training loss once per epoch on a near-straight line, accuracy in percent at 100 from
// epoch 3.
core::Run fewDeit(const std::vector<double>& val) {
    const std::vector<double> train = {1.6004, 1.4625, 1.3407, 1.2310, 1.1347, 1.0476,
                                       0.9678, 0.8963, 0.8310, 0.7720, 0.7183, 0.6694};
    const std::vector<double> accuracy = {8.333, 75.0,  91.67, 100.0, 100.0, 100.0,
                                          100.0, 100.0, 100.0, 100.0, 100.0, 100.0};
    return runOf({{"train_loss", seriesOf(train, 0, 1)},
                  {"test_loss", seriesOf(val, 0, 1)},
                  {"test_acc1", seriesOf(accuracy, 0, 1)}});
}

const std::vector<double> kDeitVal = {1.5852, 1.4095, 1.2480, 1.2623, 1.0263, 1.1364,
                                      0.9785, 0.8564, 0.8303, 0.6716, 0.7021, 0.6512};

TEST(DetectUndertrainedFew, OneBumpAmongFiveAtTheSteadinessEdgeIsReadThroughItsNoise) {
    // The last five (0.856, 0.830, 0.672, 0.702, 0.651): one pair out of order of ten, Kendall's
    // tau -0.8, steady by the readings of shape, which still fail on it (their noise from the
    // zig-zag: 2.9 standard errors of 3; the last 20% at 12% of the average rate). Their line
    // falls by 0.215 +- 0.060 (3.6 standard errors of its own scatter).
    const core::Run run = fewDeit(kDeitVal);
    const auto all = detectUndertrained(makeRunView(run));
    ASSERT_EQ(all.size(), 1u) << describe(all);
    const Finding& f = all[0];
    EXPECT_EQ(f.metric, "test_loss");
    EXPECT_EQ(f.beginStep, 7);
    EXPECT_EQ(f.endStep, 11);
    EXPECT_NEAR(f.evidence.at("val_kendall_tau"), -0.8, 1e-9);
    EXPECT_GT(f.evidence.at("val_kendall_tau"), f.evidence.at("steady_kendall_tau"));
    EXPECT_NEAR(f.evidence.at("val_tail_drop"), 0.215, 0.002);
    EXPECT_NEAR(f.evidence.at("val_significance"), 3.61, 0.02);
}

TEST(DetectUndertrainedFew, FiveLowerAtEachAreLeftToTheReadingsOfShapeAndAFlatEndIsQuiet) {
    // The bump taken out (0.702 -> 0.66): lower at each of the last five, not this reading's.
    std::vector<double> val = kDeitVal;
    val[10] = 0.66;
    EXPECT_FALSE(noisyDescent(fewDeit(val)).has_value());
    // A validation that has levelled: the last five scatter about 0.70 with the same bump;
    // its best (0.672 at epoch 9) is in the stretch, but its line does not fall by 2 standard
    // errors of its scatter.
    val = kDeitVal;
    val[7] = 0.70;
    val[8] = 0.71;
    const auto quiet = noisyDescent(fewDeit(val));
    EXPECT_FALSE(quiet.has_value());
}

TEST(DetectUndertrainedFew, SteadyByTauButPastItsBestAtTheLastIsQuiet) {
    // The last two swapped (0.856, 0.830, 0.700, 0.651, 0.672): tau still -0.8, the line still
    // falls, but the last evaluation is above the one before; a curve steady by tau must be at
    // its best at the end (an exponential approach ending in a noise bump has converged).
    std::vector<double> val = kDeitVal;
    val[9] = 0.700;
    val[10] = 0.651;
    val[11] = 0.672;
    EXPECT_FALSE(noisyDescent(fewDeit(val)).has_value());
}

// undertrained_short_cnn_adamax_deit: five epochs, both losses still falling faster at each,
// accuracy 0.33 -> 0.76.
core::Run fiveEpochs(const std::vector<double>& val, const std::vector<double>& train) {
    const std::vector<double> accuracy = {0.3333, 0.4422, 0.6267, 0.7244, 0.7556};
    std::vector<double> acc(accuracy.begin(),
                            accuracy.begin() + static_cast<std::ptrdiff_t>(val.size()));
    return runOf({{"train_loss", seriesOf(train, 0, 1)},
                  {"test_loss", seriesOf(val, 0, 1)},
                  {"val_accuracy", seriesOf(acc, 0, 1)}});
}

const std::vector<double> kFiveVal = {2.2592, 2.2169, 2.1669, 2.0996, 2.0220};
const std::vector<double> kFiveTrain = {2.2816, 2.2413, 2.1958, 2.1394, 2.0673};

TEST(DetectUndertrainedFew, FiveEvaluationsStillFallingCount) {
    const core::Run run = fiveEpochs(kFiveVal, kFiveTrain);
    const auto f = detectUndertrained(makeRunView(run));
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].metric, "test_loss");
    EXPECT_EQ(f[0].evidence.at("kendall_tau"), -1.0);
    EXPECT_GE(f[0].evidence.at("slope_ratio"), 1.0);  // faster at the end than on average
    EXPECT_GE(f[0].evidence.at("significance"), f[0].evidence.at("min_significance"));
    EXPECT_NE(f[0].advice.find("has not slowed"), std::string::npos) << f[0].advice;
}

TEST(DetectUndertrainedFew, FiveEvaluationsLevelledOrFourAreQuiet) {
    // Levelled: 2.26, 1.20, 0.80, 0.78, 0.775, its last 20% at about 2% of its average rate.
    const core::Run levelled =
        fiveEpochs({2.26, 1.20, 0.80, 0.78, 0.775}, {2.28, 1.25, 0.82, 0.79, 0.785});
    const auto quiet = detectUndertrained(makeRunView(levelled));
    EXPECT_TRUE(quiet.empty()) << describe(quiet);
    // Four evaluations: too few for a rank correlation.
    const core::Run four = fiveEpochs({kFiveVal.begin(), kFiveVal.begin() + 4},
                                      {kFiveTrain.begin(), kFiveTrain.begin() + 4});
    const auto none = detectUndertrained(makeRunView(four));
    EXPECT_TRUE(none.empty()) << describe(none);
}

// undertrained_spikes_gru_nesterov_mlflow (doctor27): 15 evaluations every 43 steps, a
// learning-rate spike at step ~500 that recovers (validation 0.354, 0.484, 0.249 at the 11th
// to 13th), the loss still falling at the end (0.249, 0.232, 0.2055) while accuracy reaches
// its best; the training loss every 2 steps at its mean per epoch in the log, +-0.05.
const std::vector<double> kSpikeVal = {2.268,  2.19,   2.017,  1.652,  1.266,
                                       0.9137, 0.6908, 0.5643, 0.4406, 0.3857,
                                       0.3539, 0.484,  0.2492, 0.232,  0.2055};
core::Run spikeRun(const std::vector<double>& val) {
    const std::vector<double> epochMeans = {2.2953, 2.2314, 2.1274, 1.8513, 1.5544,
                                            1.1047, 0.8641, 0.6672, 0.5482, 0.4493,
                                            0.3991, 0.6178, 0.3341, 0.2343, 0.2031};
    const std::vector<double> accuracy = {0.1978, 0.4289, 0.4067, 0.4467, 0.6511,
                                          0.7311, 0.8,    0.8378, 0.8667, 0.8978,
                                          0.88,   0.8444, 0.9333, 0.9156, 0.9422};
    return runOf({{"train_loss", seriesOf(
                                     322,
                                     [&](std::size_t i) {
                                         const std::size_t epoch = std::min<std::size_t>(
                                             (2 * i + 1) / 43, epochMeans.size() - 1);
                                         return epochMeans[epoch] + (i % 2 == 0 ? 0.05 : -0.05);
                                     },
                                     2, 2)},
                  {"val_loss", seriesOf(val, 43, 43)},
                  {"val_accuracy", seriesOf(accuracy, 43, 43)}});
}

TEST(DetectUndertrainedFew, ASpikeThatRecoveredIsReadThrough) {
    // Over the last five evaluations the spike at step 516 leaves the line at 2.0 standard
    // errors of its scatter (2 asked: not confirmed); without it (and widened back to step 430
    // to keep five) 0.386, 0.354, 0.249, 0.232, 0.2055 fall far beyond their scatter.
    const core::Run run = spikeRun(kSpikeVal);
    const auto all = detectUndertrained(makeRunView(run));
    ASSERT_EQ(all.size(), 1u) << describe(all);
    const Finding& f = all[0];
    EXPECT_EQ(f.metric, "val_loss");
    EXPECT_EQ(f.beginStep, 430);
    EXPECT_EQ(f.evidence.at("val_spike_left_out"), 1.0);
    EXPECT_GE(f.evidence.at("val_significance"), f.evidence.at("min_val_significance"));
    EXPECT_NE(f.message.find("read without its spike at step 516"), std::string::npos) << f.message;
}

TEST(DetectUndertrainedFew, AClimbThatDoesNotRecoverIsNoSpike) {
    // 0.354, 0.484, then 0.40: higher than before the climb (and 0.40 -> 0.232 moves more than
    // the climb), so no spike to read through.
    std::vector<double> val = kSpikeVal;
    val[12] = 0.40;
    const auto f = noisyDescent(spikeRun(val));
    EXPECT_FALSE(f.has_value()) << f->message;
}

}  // namespace
}  // namespace curvedoctor::core
