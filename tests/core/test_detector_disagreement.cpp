// metric_loss_disagreement: validation metric and loss moving in opposite directions.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/detectors/metric_loss_disagreement.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectMetricLossDisagreement(v);
}

const std::vector<double> kLossVShape{1.0, 0.8, 0.6, 0.5, 0.5, 0.5, 0.55, 0.6, 0.65, 0.7, 0.7, 0.7};

TEST(DetectDisagreement, AccuracyImprovesWhileLossWorsens) {
    // Over-confidence (typical of fine-tuning): loss up 40% after epoch 4, accuracy still rising.
    const std::vector<double> acc{0.5,  0.6,  0.7, 0.75, 0.76, 0.77,
                                  0.78, 0.79, 0.8, 0.81, 0.81, 0.81};
    const auto f =
        detect(runOf({{"val_loss", seriesOf(kLossVShape, 1)}, {"val_accuracy", seriesOf(acc, 1)}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::MetricLossDisagreement);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].metric, "val_loss");
    EXPECT_EQ(f[0].beginStep, 4);
    EXPECT_EQ(f[0].endStep, 12);
}

TEST(DetectDisagreement, BothWorseningIsPlainOverfittingNotDisagreement) {
    const std::vector<double> acc{0.5, 0.6, 0.7, 0.8, 0.8, 0.8, 0.78, 0.76, 0.74, 0.72, 0.72, 0.72};
    EXPECT_TRUE(
        detect(runOf({{"val_loss", seriesOf(kLossVShape, 1)}, {"val_accuracy", seriesOf(acc, 1)}}))
            .empty());
}

TEST(DetectDisagreement, LossImprovesWhileDiceWorsens) {
    const std::vector<double> loss{1.0,  0.8,  0.6, 0.5,  0.45, 0.4,
                                   0.36, 0.33, 0.3, 0.28, 0.26, 0.25};
    const std::vector<double> dice{0.2, 0.4, 0.6, 0.6, 0.6, 0.55, 0.5, 0.45, 0.4, 0.4, 0.4, 0.4};
    const auto f =
        detect(runOf({{"val_loss", seriesOf(loss, 1)}, {"val_dice", seriesOf(dice, 1)}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].metric, "val_dice");
    EXPECT_NE(f[0].advice.find("Dice"), std::string::npos);
}

TEST(DetectDisagreement, MetricGainEdge) {
    // Loss rises after epoch 4; accuracy gains g after it, against a total improvement of 0.3.
    const DisagreementConfig c;
    auto run = [](double gain) {
        std::vector<double> acc{0.5, 0.6, 0.7, 0.8, 0.8, 0.8};
        for (int i = 1; i <= 6; ++i) acc.push_back(0.8 + gain * std::min(i, 4) / 4.0);
        return runOf({{"val_loss", seriesOf(kLossVShape, 1)}, {"val_accuracy", seriesOf(acc, 1)}});
    };
    EXPECT_TRUE(detect(run(0.3 * c.minMetricGain * 0.8)).empty());
    EXPECT_EQ(detect(run(0.3 * c.minMetricGain * 1.5)).size(), 1u);
}

// Issue #15 (doctor12): an accuracy on 20 samples that gains one sample (0.05) while the loss
// worsens has not kept improving (oscillation_fading_iris_hf in tests/data/corpus2: one of 38);
// four samples, gained one at a time, are evidence.
TEST(DetectDisagreement, AGainOfOneSampleIsNoEvidence) {
    auto run = [](int samples) {
        std::vector<double> acc{0.5, 0.6, 0.7, 0.8, 0.8, 0.8};
        for (int i = 0; i < 6; ++i) acc.push_back(0.8 + 0.05 * std::min(samples, i + 1));
        return runOf({{"val_loss", seriesOf(kLossVShape, 1)}, {"val_accuracy", seriesOf(acc, 1)}});
    };
    EXPECT_TRUE(detect(run(1)).empty());
    const auto f = detect(run(4));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NEAR(f[0].evidence.at("metric_quantum"), 0.05, 1e-9);
}

TEST(DetectDisagreement, HealthyRunIsSilent) {
    EXPECT_TRUE(detect(healthyRun()).empty());
}

// The F1 of a rare class: 0 for the first 9 of 20 evaluations while the training loss falls
// 0.34 -> 0.19 (most of its fall in those 9), then 0.105: the loss learnt, the task did not.
core::Run rareClass(double laterF1) {
    return runOf(
        {{"loss",
          seriesOf(20, [](std::size_t i) { return 0.19 + 0.15 * std::exp(-double(i) / 4.0); })},
         {"val_loss",
          seriesOf(20, [](std::size_t i) { return 0.23 + 0.07 * std::exp(-double(i) / 5.0); })},
         {"val_f1", seriesOf(20, [&](std::size_t i) { return i < 9 ? 0.0 : laterF1; })}});
}

TEST(DetectDisagreement, RareClassF1AtZeroWhileTheLossFallsNeverLearnsTheTask) {
    const auto f = detect(rareClass(0.105));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::MetricLossDisagreement);
    EXPECT_EQ(f[0].metric, "val_f1");
    EXPECT_EQ(f[0].evidence.at("metric_max"), 0.105);
    EXPECT_GT(f[0].evidence.at("zero_stretch_loss_fall"), 0.2 * 0.34);
    // An F1 that climbs to 0.6 after the same slow start learnt the task.
    EXPECT_TRUE(detect(rareClass(0.6)).empty());
}

}  // namespace
}  // namespace curvedoctor::core
