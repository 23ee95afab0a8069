// not_learning: a flat loss from the start (near ln(classes)), at the edge of its threshold.
#include <gtest/gtest.h>

#include <cmath>

#include "core/detectors/not_learning.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

const double kLn10 = std::log(10.0);  // cross-entropy of a uniform guess over 10 classes

// Loss falling linearly by `drop` (a share of ln 10) over 200 steps, with tiny batch noise.
core::Run flat(double drop, std::int64_t firstStep = 0) {
    Noise n(5);
    return runOf(
        {{"loss",
          seriesOf(
              200,
              [&](std::size_t i) { return kLn10 * (1.0 - drop * double(i) / 199.0) + n(0.001); },
              firstStep)},
         {"val_acc", seriesOf(
                         10, [&](std::size_t) { return 0.1 + n(0.005); }, firstStep + 19, 20)}});
}

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectNotLearning(v);
}

TEST(DetectNotLearning, FlatAtLnClassesIsAnError) {
    const auto f = detect(flat(0.0));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::NotLearning);
    EXPECT_EQ(f[0].severity, Severity::Error);
    EXPECT_EQ(f[0].beginStep, 0);
    EXPECT_EQ(f[0].endStep, 199);
    EXPECT_NE(f[0].message.find("2.30"), std::string::npos) << f[0].message;
    EXPECT_NE(f[0].message.find("val_acc"), std::string::npos) << f[0].message;
}

TEST(DetectNotLearning, ThresholdEdges) {
    const NotLearningConfig c;
    // The trend's ends are medians of a few points, so stay 20% away from the edge.
    EXPECT_EQ(detect(flat(c.maxRelativeDrop * 0.8)).size(), 1u);
    EXPECT_TRUE(detect(flat(c.maxRelativeDrop * 1.2)).empty());
}

TEST(DetectNotLearning, ResumedRunIsNotFlatFromTheStart) {
    // Logged from step 5000 to 5199: the start of training is not in the log.
    EXPECT_TRUE(detect(flat(0.0, 5000)).empty());
}

TEST(DetectNotLearning, HealthyRunIsSilent) {
    EXPECT_TRUE(detect(healthyRun()).empty());
}

// A short loss that never trends down (the noTrend path) is a warning; with the validation
// metric stuck at one value too it is as sure as a flat loss: an error (wandb_01 in
// ../shared/realworld, accuracy 10.000 for 50 epochs).
Run shortNoTrend(bool metricMoves) {
    const std::vector<double> loss{2.446, 2.309, 2.309, 2.307, 2.306, 2.305, 2.306, 2.304,
                                   2.305, 2.303, 2.304, 2.305, 2.303, 2.304, 2.303, 2.304,
                                   2.303, 2.303, 2.304, 2.303, 2.303, 2.303, 2.304, 2.303};
    return runOf({{"loss", seriesOf(loss)}, {"val_acc", seriesOf(loss.size(), [&](std::size_t i) {
                                                 return metricMoves ? 10.0 + 0.5 * double(i % 5)
                                                                    : 10.0;
                                             })}});
}

TEST(DetectNotLearning, AMetricStuckAtOneValueMakesANoTrendLossAnError) {
    const auto stuck = detect(shortNoTrend(false));
    ASSERT_EQ(stuck.size(), 1u) << describe(stuck);
    EXPECT_EQ(stuck[0].severity, Severity::Error);
    EXPECT_NE(stuck[0].message.find("val_acc stays at 10"), std::string::npos) << stuck[0].message;
    const auto moving = detect(shortNoTrend(true));
    ASSERT_EQ(moving.size(), 1u) << describe(moving);
    EXPECT_EQ(moving[0].severity, Severity::Warning);
    EXPECT_NE(moving[0].message.find("val_acc stays between 10"), std::string::npos)
        << moving[0].message;
}

// Issue #15: shuffled labels with a large model. The training loss falls from ln 3 by
// memorising while the validation loss never improves on its first value and climbs; the
// validation accuracy stays at chance (0.33 +/- sampling noise). `accGain` lets the accuracy
// creep up instead, and `valDip` lets the validation loss improve first (overfitting).
core::Run memorising(double accGain, double valDip, unsigned seed = 4) {
    Noise noise(seed);
    Series train = seriesOf(
        300, [&](std::size_t i) { return 0.2 + 0.9 * std::exp(-double(i) / 100.0) + noise(0.08); },
        1, 2);
    Series val = seriesOf(
        30,
        [&](std::size_t e) {
            const double x = double(e) / 29.0;
            return 1.10 + 0.45 * x * x - valDip * std::sin(3.14159 * x) + noise(0.01);
        },
        20, 20);
    Series acc = seriesOf(
        30, [&](std::size_t e) { return 0.34 + accGain * double(e) / 29.0 + noise(0.03); }, 20, 20);
    return runOf({{"train_loss", std::move(train)},
                  {"val_loss", std::move(val)},
                  {"val_acc", std::move(acc)}});
}

TEST(DetectNotLearning, MemorisingWithValidationAtTheUntrainedLevelIsAWarning) {
    const auto f = detect(memorising(0.0, 0.0));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::NotLearning);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].metric, "val_loss");
    EXPECT_NE(f[0].message.find("never improves"), std::string::npos) << f[0].message;
    EXPECT_GT(f[0].evidence.at("untrained_level"), 1.0);
    // Accuracy creeping from 0.34 to 0.54: something generalises (overfitting, not this).
    EXPECT_TRUE(detect(memorising(0.2, 0.0)).empty());
    // Validation loss improving by 0.3 before it climbs: overfitting, not this.
    EXPECT_TRUE(detect(memorising(0.0, 0.3)).empty());
    EXPECT_TRUE(detect(healthyRun()).empty());
}

}  // namespace
}  // namespace curvedoctor::core
