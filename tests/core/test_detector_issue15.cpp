// The detector readings added for issue #15, each on a synthetic curve of the shape seen in
// ../shared/realworld and on a control that differs only in the fault: divergence before a
// NaN, a short noisy loss that never trends down, oscillation of a metric-only run, a 4-batch
// epoch pattern, a slow start under such a pattern, a metric stuck near zero while the loss
// learns, a validation loss that rises while the task metric climbs, and a metric that is
// never defined.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/diagnosis.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// An MMDetection-like run: `loss` NaN from step 600 on; loss_bbox near 0.5 until then and, with
// `explode`, -22 from step 600 on (mmdet_01).
core::Run nanRun(bool explode) {
    Noise noise(3);
    Series loss = seriesOf(
        40, [&](std::size_t i) { return i >= 24 ? kNaN : 1.2 + noise(0.03); }, 0, 25);
    Series bbox = seriesOf(
        40,
        [&](std::size_t i) { return explode && i >= 24 ? -22.0 + noise(0.02) : 0.5 + noise(0.02); },
        0, 25);
    return runOf({{"loss", std::move(loss)}, {"loss_bbox", std::move(bbox)}});
}

TEST(Issue15, DivergenceBeforeNanIsReportedWithTheNan) {
    const RunDiagnosis d = diagnoseRun(nanRun(true));
    const auto div = findingsOfKind(d.findings, "divergence");
    ASSERT_EQ(div.size(), 1u) << describe(d.findings);
    EXPECT_EQ(div[0].metric, "loss_bbox");
    EXPECT_EQ(div[0].beginStep, 600);
    EXPECT_EQ(div[0].severity, Severity::Error);
    EXPECT_NEAR(div[0].evidence.at("level"), 0.5, 0.05);
    EXPECT_FALSE(findingsOfKind(d.findings, "nan_inf").empty());
}

TEST(Issue15, NanWithoutExplosionIsOnlyNan) {
    const RunDiagnosis d = diagnoseRun(nanRun(false));
    EXPECT_TRUE(findingsOfKind(d.findings, "divergence").empty()) << describe(d.findings);
    EXPECT_FALSE(findingsOfKind(d.findings, "nan_inf").empty());
}

TEST(Issue15, ShortNoisyLossThatNeverTrendsDownIsNotLearning) {
    Noise noise(12);
    const core::Run flat =
        runOf({{"train_loss", seriesOf(
                                  28, [&](std::size_t) { return 2.9 + noise(0.35); }, 50, 50)}});
    const auto found = findingsOfKind(diagnoseRun(flat).findings, "not_learning");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Warning);

    // The same noise on a loss that falls by a third is learning.
    Noise noise2(12);
    const core::Run falling = runOf(
        {{"train_loss",
          seriesOf(
              28,
              [&](std::size_t i) { return 2.9 - 0.035 * static_cast<double>(i) + noise2(0.35); },
              50, 50)}});
    EXPECT_TRUE(findingsOfKind(diagnoseRun(falling).findings, "not_learning").empty());
}

TEST(Issue15, RewardThatCollapsesAndRecoversOscillates) {
    const std::vector<double> reward{0,   60,  320, 380, 200, 230, 350, 450, 120, 490, 460, 900,
                                     910, 920, 920, 120, 900, 910, 910, 450, 110, 180, 150};
    const RunDiagnosis d = diagnoseRun(runOf({{"episode_reward", seriesOf(reward, 0, 50000)}}));
    const auto osc = findingsOfKind(d.findings, "oscillation");
    ASSERT_EQ(osc.size(), 1u) << describe(d.findings);
    EXPECT_GE(osc[0].evidence.at("swings"), 3.0);

    // A reward that climbs with noise and small dips does not.
    Noise noise(5);
    const core::Run climbing =
        runOf({{"episode_reward",
                seriesOf(
                    23, [&](std::size_t i) { return 40.0 * static_cast<double>(i) + noise(30.0); },
                    0, 50000)}});
    EXPECT_TRUE(findingsOfKind(diagnoseRun(climbing).findings, "oscillation").empty());
}

// A loss logged 4 times per epoch over 60 epochs, falling slowly, plus a within-epoch pattern
// that either repeats every epoch (unshuffled) or is drawn afresh (shuffled).
core::Run fourPerEpoch(bool repeated) {
    Noise noise(8);
    const double pattern[4] = {0.3, 0.25, -0.1, -0.45};
    return runOf({{"train_loss", seriesOf(
                                     240,
                                     [&](std::size_t i) {
                                         const double base = 3.0 - 0.004 * static_cast<double>(i);
                                         return base + (repeated ? pattern[i % 4] : noise(0.3)) +
                                                noise(0.02);
                                     },
                                     0, 1, 4.0)}});
}

TEST(Issue15, FourBatchEpochPatternIsNoShuffle) {
    const RunDiagnosis d = diagnoseRun(fourPerEpoch(true));
    const auto found = findingsOfKind(d.findings, "no_shuffle_periodic");
    ASSERT_EQ(found.size(), 1u) << describe(d.findings);
    EXPECT_EQ(found[0].evidence.at("points_per_epoch"), 4.0);
    EXPECT_TRUE(
        findingsOfKind(diagnoseRun(fourPerEpoch(false)).findings, "no_shuffle_periodic").empty());
}

// HF Trainer logs epoch = step / steps_per_epoch after each step (steps from 1), so the last
// step of epoch 0 says 1.0. A class-sorted pattern of 6 steps per epoch, shrinking as the loss
// falls (no_shuffle_sorted_wine in tests/data/corpus2), is found with that convention.
TEST(Issue15, EpochPatternWithStepsDoneEpochsIsNoShuffle) {
    Noise noise(9);
    const double pattern[6] = {1.30, 0.75, 0.77, 1.0, 1.0, 1.37};
    const core::Run run = runOf({{"loss", seriesOf(
                                              240,
                                              [&](std::size_t i) {
                                                  const double scale =
                                                      std::exp(-static_cast<double>(i) / 120.0);
                                                  return scale * pattern[i % 6] + noise(0.01);
                                              },
                                              1, 1, 6.0)}});
    const auto found = findingsOfKind(diagnoseRun(run).findings, "no_shuffle_periodic");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].evidence.at("points_per_epoch"), 6.0);
}

TEST(Issue15, SlowStartUnderAnEpochPatternIsStillASlowStart) {
    // Flat for the first quarter, then a drop; a 4-step pattern as in lightning_06 on top.
    const double pattern[4] = {1.0, 0.98, 0.87, 0.73};
    const core::Run run = runOf(
        {{"train_loss_step", seriesOf(
                                 400,
                                 [&](std::size_t i) {
                                     const double t = static_cast<double>(i);
                                     const double level =
                                         t < 100 ? 1.0 : 0.05 + 0.95 * std::exp(-(t - 100) / 40);
                                     return 2.9e8 * level * pattern[i % 4];
                                 },
                                 0, 1, 4.0)}});
    const auto found = findingsOfKind(diagnoseRun(run).findings, "slow_start_plateau");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NEAR(static_cast<double>(found[0].endStep), 100.0, 20.0);
}

TEST(Issue15, MetricStuckNearZeroWhileTheLossLearns) {
    Noise noise(4);
    Series loss = seriesOf(
        100,
        [&](std::size_t i) {
            return 0.2 + 1.5 * std::exp(-static_cast<double>(i) / 20.0) + noise(0.01);
        },
        0, 100);
    const std::vector<double> map{0.005,  0.001,  0.0066, 0.0018, 0.0011, 0.0027,
                                  0.0009, 0.0008, 0.001,  0.0009, 0.0017, 0.0013};
    const core::Run stuck =
        runOf({{"loss", std::move(loss)}, {"val/mAP", seriesOf(map, 800, 800)}});
    const auto found = findingsOfKind(diagnoseRun(stuck).findings, "metric_loss_disagreement");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].metric, "val/mAP");

    // The same loss with a mAP that rises to 0.36 is fine.
    Noise noise2(4);
    Series loss2 = seriesOf(
        100,
        [&](std::size_t i) {
            return 0.2 + 1.5 * std::exp(-static_cast<double>(i) / 20.0) + noise2(0.01);
        },
        0, 100);
    const core::Run learns = runOf(
        {{"loss", std::move(loss2)},
         {"val/mAP",
          seriesOf(
              12,
              [](std::size_t i) { return 0.36 * (1.0 - std::exp(-static_cast<double>(i) / 3.0)); },
              800, 800)}});
    EXPECT_FALSE(hasWarningOrError(diagnoseRun(learns).findings));
}

TEST(Issue15, RisingValidationLossWhileTheMetricClimbsIsNoOverfitting) {
    Noise noise(6);
    const auto epoch = [](std::size_t i) { return static_cast<double>(i); };
    Series train = seriesOf(
        60, [&](std::size_t i) { return 0.6 + 1.5 * std::exp(-epoch(i) / 15) + noise(0.01); });
    Series val = seriesOf(60, [&](std::size_t i) {
        return 1.3 + 0.8 * std::exp(-epoch(i) / 3) + 0.012 * epoch(i) + noise(0.02);
    });
    Series map = seriesOf(
        60, [&](std::size_t i) { return 0.45 * (1 - std::exp(-epoch(i) / 15)) + noise(0.005); });
    const RunDiagnosis d = diagnoseRun(runOf({{"train/box_loss", std::move(train)},
                                              {"val/box_loss", std::move(val)},
                                              {"metrics/mAP50-95(B)", std::move(map)}}));
    EXPECT_TRUE(findingsOfKind(d.findings, "overfitting").empty()) << describe(d.findings);
    EXPECT_TRUE(findingsOfKind(d.findings, "severe_overfitting").empty()) << describe(d.findings);
    EXPECT_FALSE(findingsOfKind(d.findings, "metric_loss_disagreement").empty())
        << describe(d.findings);
}

TEST(Issue15, MetricThatIsNeverDefinedIsInfoButALossThatIsNeverDefinedIsAnError) {
    const core::Run run =
        runOf({{"loss", seriesOf(20, [](std::size_t i) { return 1.0 / (1.0 + i); })},
               {"bbox/APl", seriesOf(
                                3, [](std::size_t) { return kNaN; }, 5, 5)},
               {"val_loss", seriesOf(
                                3, [](std::size_t) { return kNaN; }, 5, 5)}});
    const RunDiagnosis d = diagnoseRun(run);
    for (const Finding& f : findingsOfKind(d.findings, "nan_inf")) {
        EXPECT_EQ(f.severity, f.metric == "val_loss" ? Severity::Error : Severity::Info)
            << describe(d.findings);
    }
    EXPECT_EQ(findingsOfKind(d.findings, "nan_inf").size(), 2u) << describe(d.findings);
}

}  // namespace
}  // namespace curvedoctor::core
