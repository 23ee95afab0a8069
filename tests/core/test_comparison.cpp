// Expected values are worked by hand from the small runs below (each step noted inline); the
// smoothed value follows TensorBoard's debiased EMA formula in DESIGN.md section 5.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/comparison.h"

namespace curvedoctor::core {
namespace {

Series make(std::vector<std::int64_t> steps, std::vector<double> values,
            std::vector<double> epochs = {}) {
    Series s;
    s.steps = std::move(steps);
    s.values = std::move(values);
    s.epochs = std::move(epochs);
    return s;
}

// Keras-like: one point per epoch, train and validation at the same steps.
Run kerasRun() {
    Run r;
    r.name = "keras";
    r.metrics["loss"] = make({0, 1, 2, 3, 4}, {1.0, 0.8, 0.6, 0.5, 0.4});
    r.metrics["val_loss"] = make({0, 1, 2, 3, 4}, {1.1, 0.9, 0.7, 0.75, 0.8});
    r.metrics["val_accuracy"] = make({0, 1, 2, 3, 4}, {0.5, 0.6, 0.7, 0.72, 0.71});
    r.hyperparameters = {{"lr", "0.1"}, {"batch_size", "32"}};
    return r;
}

// Lightning-like: per-step training loss, per-epoch aggregate, validation every 50 steps.
Run lightningRun() {
    Run r;
    r.name = "lightning";
    Series step;
    for (std::int64_t s = 0; s < 100; ++s) {
        step.steps.push_back(s);
        step.values.push_back(2.0 - 0.01 * static_cast<double>(s));
    }
    r.metrics["train_loss_step"] = step;
    r.metrics["train_loss_epoch"] = make({49, 99}, {1.755, 1.255});
    r.metrics["val_loss"] = make({49, 99}, {1.0, 1.2}, {0.0, 1.0});
    r.hyperparameters = {{"lr", "0.01"}, {"batch_size", "32"}, {"seed", "1"}};
    return r;
}

TEST(Comparison, KerasRunHeadlineNumbers) {
    const core::Run r = kerasRun();
    const RunSummary s = summarizeRun(r, nullptr, {SmoothingKind::Ema, 0.5});
    EXPECT_EQ(s.trainLossMetric, "loss");
    EXPECT_EQ(s.valLossMetric, "val_loss");
    EXPECT_EQ(s.valMetric, "val_accuracy");
    ASSERT_TRUE(s.bestValLoss && s.bestValLossStep);
    EXPECT_DOUBLE_EQ(*s.bestValLoss, 0.7);  // minimum of val_loss, at step 2
    EXPECT_EQ(*s.bestValLossStep, 2);
    EXPECT_FALSE(s.bestValLossEpoch);  // no epoch column
    ASSERT_TRUE(s.bestValMetric);
    EXPECT_DOUBLE_EQ(*s.bestValMetric, 0.72);  // maximum (higher is better), at step 3
    EXPECT_EQ(*s.bestValMetricStep, 3);
    EXPECT_DOUBLE_EQ(*s.finalTrainLoss, 0.4);
    EXPECT_DOUBLE_EQ(*s.finalValLoss, 0.8);
    // Training loss over (1, 2] is 0.6 alone: gap = 0.7 - 0.6.
    EXPECT_NEAR(*s.gapAtBest, 0.1, 1e-12);
    // Debiased EMA, w = 0.5: last = 0.48125 after five points, / (1 - 0.5^5) = 0.4967741935...
    EXPECT_NEAR(*s.finalTrainLossSmoothed, 0.48125 / 0.96875, 1e-12);
    EXPECT_EQ(s.lastStep, 4);
    EXPECT_FALSE(s.lastEpoch);
    EXPECT_EQ(s.pointCount, 15U);
}

TEST(Comparison, LightningRunUsesPerStepLossAndEpochs) {
    const core::Run r = lightningRun();
    const RunSummary s = summarizeRun(r, nullptr);
    EXPECT_EQ(s.trainLossMetric, "train_loss_step");  // more points than train_loss_epoch
    EXPECT_DOUBLE_EQ(*s.bestValLoss, 1.0);
    EXPECT_EQ(*s.bestValLossStep, 49);
    EXPECT_DOUBLE_EQ(*s.bestValLossEpoch, 0.0);
    // Mean training loss over steps 0..49 = 2 - 0.01 * 24.5 = 1.755; gap = 1.0 - 1.755.
    EXPECT_NEAR(*s.gapAtBest, -0.755, 1e-12);
    EXPECT_NEAR(*s.finalTrainLoss, 1.01, 1e-12);  // 2 - 0.01 * 99
    EXPECT_EQ(s.lastStep, 99);
    EXPECT_DOUBLE_EQ(*s.lastEpoch, 1.0);
    EXPECT_FALSE(s.bestValMetric);  // no validation metric logged
}

TEST(Comparison, LowerIsBetterMetricTakesTheMinimumAndNaNIsSkipped) {
    core::Run r;
    r.name = "regression";
    const double nan = std::numeric_limits<double>::quiet_NaN();
    r.metrics["val_mae"] = make({0, 1, 2, 3}, {3.0, 2.0, nan, 2.5});
    r.metrics["loss"] = make({0, 1, 2, 3}, {5.0, 4.0, 3.0, nan});
    const RunSummary s = summarizeRun(r, nullptr);
    EXPECT_EQ(s.valMetric, "val_mae");
    EXPECT_FALSE(s.valMetricHigherIsBetter);
    EXPECT_DOUBLE_EQ(*s.bestValMetric, 2.0);
    EXPECT_EQ(*s.bestValMetricStep, 1);
    EXPECT_DOUBLE_EQ(*s.finalTrainLoss, 3.0);  // the last finite value, not the NaN
    EXPECT_FALSE(s.bestValLoss);
    EXPECT_FALSE(s.gapAtBest);
}

TEST(Comparison, CountsFindingsBySeverity) {
    const core::Run r = kerasRun();
    RunDiagnosis d;
    for (Severity sev : {Severity::Error, Severity::Warning, Severity::Warning, Severity::Info}) {
        Finding f;
        f.kind = FindingKind::Plateau;
        f.severity = sev;
        d.findings.push_back(f);
    }
    const RunSummary s = summarizeRun(r, &d);
    EXPECT_EQ(s.errors, 1);
    EXPECT_EQ(s.warnings, 2);
    EXPECT_EQ(s.infos, 1);
}

TEST(Comparison, DifferingHyperparametersIncludeKeysMissingFromSomeRuns) {
    const core::Run a = kerasRun();
    const core::Run b = lightningRun();
    const Comparison c = compareRuns({&a, &b});
    ASSERT_EQ(c.rows.size(), 2U);
    EXPECT_EQ(c.rows[0].name, "keras");
    EXPECT_EQ(c.rows[1].name, "lightning");
    EXPECT_EQ(c.hyperparameterKeys, (std::vector<std::string>{"batch_size", "lr", "seed"}));
    EXPECT_EQ(c.differingKeys, (std::vector<std::string>{"lr", "seed"}));
}

TEST(Comparison, SingleRunHasNoDifferingKeys) {
    const core::Run a = kerasRun();
    const Comparison c = compareRuns({&a});
    EXPECT_TRUE(c.differingKeys.empty());
    EXPECT_EQ(c.hyperparameterKeys.size(), 2U);
}

TEST(Comparison, EmptyRunHasNoNumbers) {
    core::Run r;
    r.name = "empty";
    const RunSummary s = summarizeRun(r, nullptr);
    EXPECT_FALSE(s.bestValLoss);
    EXPECT_FALSE(s.finalTrainLoss);
    EXPECT_EQ(s.lastStep, 0);
    EXPECT_EQ(s.pointCount, 0U);
}

}  // namespace
}  // namespace curvedoctor::core
