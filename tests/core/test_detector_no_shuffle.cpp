// no_shuffle_periodic: a within-epoch pattern that repeats every epoch, found from the epoch
// column (or, without one, from evenly spaced evaluations); silent on shuffled batches, on the
// per-epoch staircase of multi-epoch fine-tuning, and on a learning rate that restarts every
// epoch.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/detectors/no_shuffle_periodic.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

constexpr int kEpochs = 10;
constexpr int kPerEpoch = 40;

// Per-step loss over 10 epochs of 40 steps: a slow decay, batch noise, plus `pattern(j)` at
// position j of each epoch and `stair` * epoch (a drop at each epoch boundary).
core::Run epochs(const std::function<double(int)>& pattern, double stair, unsigned seed = 3) {
    Noise n(seed);
    return runOf({{"loss", seriesOf(
                               static_cast<std::size_t>(kEpochs) * kPerEpoch,
                               [&](std::size_t i) {
                                   const int e = static_cast<int>(i) / kPerEpoch;
                                   const int j = static_cast<int>(i) % kPerEpoch;
                                   return 1.0 + std::exp(-double(i) / 150.0) + pattern(j) -
                                          stair * e + n(0.05);
                               },
                               0, 1, double(kPerEpoch))}});
}

// Data sorted by class, 4 classes per epoch: the loss jumps when a new class starts and decays
// while the model adapts to it.
double sortedByClass(int j) {
    return 0.3 * std::exp(-double(j % 10) / 3.0);
}

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectNoShufflePeriodic(v);
}

TEST(DetectNoShuffle, RepeatingWithinEpochPatternIsAWarning) {
    const auto f = detect(epochs(sortedByClass, 0.0));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::NoShufflePeriodic);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].beginStep, kPerEpoch);  // the first epoch is left out
    EXPECT_EQ(f[0].endStep, kEpochs * kPerEpoch - 1);
    EXPECT_EQ(f[0].evidence.at("points_per_epoch"), kPerEpoch);
    EXPECT_NE(f[0].advice.find("shuffle"), std::string::npos);
}

TEST(DetectNoShuffle, ShuffledBatchesAreSilent) {
    for (unsigned seed = 1; seed <= 5; ++seed) {
        EXPECT_TRUE(detect(epochs([](int) { return 0.0; }, 0.0, seed)).empty()) << seed;
    }
}

TEST(DetectNoShuffle, EpochStaircaseIsSilent) {
    // Multi-epoch fine-tuning: the loss drops when the data is seen again, flat within epochs.
    EXPECT_TRUE(detect(epochs([](int) { return 0.0; }, 0.1)).empty());
}

TEST(DetectNoShuffle, RepeatabilityEdge) {
    // Pattern amplitude against noise 0.05: a weak pattern explains little of the variation.
    EXPECT_TRUE(detect(epochs([](int j) { return 0.01 * sortedByClass(j) / 0.3; }, 0.0)).empty());
    EXPECT_EQ(detect(epochs([](int j) { return 0.15 * sortedByClass(j) / 0.3; }, 0.0)).size(), 1u);
}

// 40 epochs of 4 logged steps (no_shuffle_few_steps_digits in tests/data/corpus2): a falling
// loss plus a within-epoch pattern that, unshuffled, turns slowly through two shapes (what is
// left of 4 points after level and slope) and back as the classes are learnt in turn, so its
// average over all epochs is about 0; shuffled, a fresh random pattern every epoch.
core::Run fourStepEpochs(bool unshuffled, unsigned seed) {
    Noise n(seed);
    const double quadratic[4] = {0.5, -0.5, -0.5, 0.5};
    const double cubic[4] = {-0.22, 0.67, -0.67, 0.22};
    std::vector<double> shuffled(4, 0.0);
    return runOf({{"loss", seriesOf(
                               160,
                               [&](std::size_t i) {
                                   const std::size_t e = i / 4;
                                   const std::size_t j = i % 4;
                                   if (j == 0) {
                                       for (double& x : shuffled) x = n(0.2);
                                   }
                                   const double turn = 2.0 * std::numbers::pi * double(e) / 39.0;
                                   const double pattern =
                                       unshuffled ? 0.3 * (std::cos(turn) * quadratic[j] +
                                                           std::sin(turn) * cubic[j])
                                                  : shuffled[j];
                                   return 1.0 + std::exp(-double(i) / 60.0) + pattern + n(0.02);
                               },
                               0, 1, 4.0)}});
}

TEST(DetectNoShuffle, FourStepEpochsRepeatingTheEpochBeforeAreAWarning) {
    const auto f = detect(fourStepEpochs(true, 3));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].evidence.at("points_per_epoch"), 4.0);
    // One pattern shared by all epochs explains little; each epoch repeats the one before.
    EXPECT_LT(f[0].evidence.at("repeatability"), f[0].evidence.at("min_repeatability"));
    EXPECT_GE(f[0].evidence.at("neighbour_likeness"), f[0].evidence.at("min_neighbour_likeness"));
    for (unsigned seed = 1; seed <= 5; ++seed) {
        EXPECT_TRUE(detect(fourStepEpochs(false, seed)).empty()) << seed;
    }
}

TEST(DetectNoShuffle, NeedsEpochsAndEnoughPointsPerEpoch) {
    core::Run noEpochs = epochs(sortedByClass, 0.0);
    noEpochs.metrics["loss"].epochs.clear();
    EXPECT_TRUE(detect(noEpochs).empty());
}

// An MLflow or SummaryWriter log has no epoch column; its validation loss, evaluated once per
// epoch at evenly spaced steps, marks the epochs (issue #15: a sorted 4-class set logged by
// MLflow, its saw-tooth read as oscillation).
core::Run withEvaluations(core::Run r, std::int64_t first, std::int64_t every) {
    r.metrics["loss"].epochs.clear();
    r.metrics["val_loss"] = seriesOf(
        kEpochs, [](std::size_t e) { return 1.5 - 0.05 * double(e); }, first, every);
    return r;
}

TEST(DetectNoShuffle, WithoutEpochsEvenlySpacedEvaluationsMarkTheEpochs) {
    const auto f = detect(withEvaluations(epochs(sortedByClass, 0.0), kPerEpoch - 1, kPerEpoch));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].evidence.at("points_per_epoch"), kPerEpoch);
    EXPECT_EQ(f[0].evidence.at("epochs_from_evaluations"), 1.0);
    EXPECT_EQ(f[0].beginStep, kPerEpoch);
    for (unsigned seed = 1; seed <= 5; ++seed) {
        EXPECT_TRUE(detect(withEvaluations(epochs([](int) { return 0.0; }, 0.0, seed),
                                           kPerEpoch - 1, kPerEpoch))
                        .empty())
            << seed;
    }
    // Unevenly spaced evaluations mark no period.
    core::Run uneven = withEvaluations(epochs(sortedByClass, 0.0), kPerEpoch - 1, kPerEpoch);
    uneven.metrics["val_loss"].steps.mutableVector()[3] += 7;
    EXPECT_TRUE(detect(uneven).empty());
}

TEST(DetectNoShuffle, LearningRateRestartingEachEpochIsNotBlamedOnTheLoader) {
    core::Run r = epochs(sortedByClass, 0.0);
    r.metrics["lr"] = seriesOf(
        static_cast<std::size_t>(kEpochs) * kPerEpoch,
        [](std::size_t i) { return 0.1 * (1.0 - double(i % kPerEpoch) / kPerEpoch); }, 0, 1,
        double(kPerEpoch));
    EXPECT_TRUE(detect(r).empty());
}

// The fast path (every value finite, epochs sorted: segments by binary search, one-pass sums)
// and the general one (a point at a time) read the same curve the same way.
TEST(DetectNoShuffle, GapInTheEpochColumnGivesTheSameReading) {
    const core::Run full = epochs(sortedByClass, 0.0);
    core::Run gap = full;
    // Mid-epoch: the run's epoch map puts the step back in epoch 5.
    gap.metrics.at("loss").epochs.mutableVector()[5 * kPerEpoch + kPerEpoch / 2] = std::nan("");
    const auto a = detect(full);
    const auto b = detect(gap);
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(a[0].beginStep, b[0].beginStep);
    EXPECT_EQ(a[0].endStep, b[0].endStep);
    EXPECT_NEAR(a[0].evidence.at("repeatability"), b[0].evidence.at("repeatability"), 1e-12);
}

TEST(DetectNoShuffle, NanInsideAnEpochIsSkippedNotMistakenForABoundary) {
    core::Run r = epochs(sortedByClass, 0.0);
    r.metrics.at("loss").values.set(5 * kPerEpoch + 7, std::nan(""));
    const auto f = detect(r);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].evidence.at("epochs"), kEpochs - 1);
    EXPECT_EQ(f[0].evidence.at("points_per_epoch"), kPerEpoch);
}

// `count` epochs of 8 logged steps, batch noise of 0.05, and a U-shaped pattern of size
// `pattern` (its standard deviation) at the same place in every epoch.
core::Run shortEpochs(int count, double pattern, unsigned seed) {
    Noise n(seed);
    return runOf({{"loss", seriesOf(
                               static_cast<std::size_t>(count) * 8,
                               [&](std::size_t i) {
                                   const double j = double(i % 8) - 3.5;
                                   const double u = (j * j - 5.25) / std::sqrt(21.0);
                                   return 1.0 + std::exp(-double(i) / 100.0) + pattern * u +
                                          n(0.05);
                               },
                               0, 1, 8.0)}});
}

// Shuffled batches over 8 epochs of 8 logged steps (7 read): noise alone explains 0.3 of the
// within-epoch variation now and then (undertrained_linear_gru_nesterov_tf in
// tests/data/corpus2, a shuffled GRU: 0.30, 3.5 standard deviations above chance), never five
// standard deviations above chance.
TEST(DetectNoShuffle, FewShortEpochsOfNoiseDoNotStandAboveChance) {
    NoShuffleConfig loose;
    loose.minPatternSigmas = 0.0;
    int found = 0;
    int foundLoose = 0;
    for (unsigned seed = 1; seed <= 1000; ++seed) {
        const core::Run run = shortEpochs(8, 0.0, seed);  // the view reads its columns
        const RunView v = makeRunView(run);
        found += detectNoShufflePeriodic(v).empty() ? 0 : 1;
        foundLoose += detectNoShufflePeriodic(v, loose).empty() ? 0 : 1;
    }
    EXPECT_EQ(found, 0);
    EXPECT_GE(foundLoose, 1);  // without the test against chance, noise cries wolf
}

// A pattern of 0.04 against noise of 0.05 over 30 epochs stands far above chance.
TEST(DetectNoShuffle, AWeakPatternOverManyEpochsStandsAboveChance) {
    for (unsigned seed = 1; seed <= 5; ++seed) {
        const auto f = detect(shortEpochs(30, 0.04, seed));
        ASSERT_EQ(f.size(), 1u) << seed;
        EXPECT_GE(f[0].evidence.at("pattern_sigmas"), f[0].evidence.at("min_pattern_sigmas"));
        EXPECT_NE(f[0].message.find("standard deviations above chance"), std::string::npos);
    }
}

}  // namespace
}  // namespace curvedoctor::core
