// plateau (info) and slow_start_plateau (warning) at the edges of their share thresholds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/detectors/plateau.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

// 1000 steps: the loss falls linearly from 2.0 to 0.5 over the first (1 - flatShare) of the run,
// then stays at 0.5.
core::Run fallThenFlat(double flatShare) {
    const double knee = 1000.0 * (1.0 - flatShare);
    return runOf({{"loss", seriesOf(1000, [&](std::size_t i) {
                       const double x = double(i);
                       return x < knee ? 2.0 - 1.5 * x / knee : 0.5;
                   })}});
}

// 1000 steps: flat at 2.3 for flatShare of the run, then falls linearly to 0.3.
core::Run flatThenFall(double flatShare) {
    const double knee = 1000.0 * flatShare;
    return runOf({{"loss", seriesOf(1000, [&](std::size_t i) {
                       const double x = double(i);
                       return x < knee ? 2.3 : 2.3 - 2.0 * (x - knee) / (1000.0 - knee);
                   })}});
}

TEST(DetectPlateau, LongFlatEndIsInfoAtTheKnee) {
    const core::Run run = fallThenFlat(0.6);  // the view reads the run's columns: keep it alive
    const auto f = detectPlateau(makeRunView(run));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Plateau);
    EXPECT_EQ(f[0].severity, Severity::Info);
    // The knee is at step 400; the plateau starts once within 2% of the improvement of it.
    EXPECT_NEAR(static_cast<double>(f[0].beginStep), 400.0, 20.0);
    EXPECT_GE(f[0].endStep, 990);
}

TEST(DetectPlateau, ShareEdges) {
    const PlateauConfig c;
    EXPECT_EQ(detectPlateau(makeRunView(fallThenFlat(c.minShare + 0.03))).size(), 1u);
    EXPECT_TRUE(detectPlateau(makeRunView(fallThenFlat(c.minShare - 0.03))).empty());
}

TEST(DetectPlateau, SteadyDescentIsSilent) {
    const core::Run run =
        runOf({{"loss", seriesOf(1000, [](std::size_t i) { return 2.0 - 0.0015 * double(i); })}});
    EXPECT_TRUE(detectPlateau(makeRunView(run)).empty());
}

TEST(DetectSlowStart, FlatStartThenDropIsAWarningEndingAtTheKnee) {
    const auto f = detectSlowStartPlateau(makeRunView(flatThenFall(0.3)));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::SlowStartPlateau);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].beginStep, 0);
    // Leaves the start once 10% of the 2.0 drop is made: 7% of the way after the knee at 300.
    EXPECT_NEAR(static_cast<double>(f[0].endStep), 300.0 + 0.1 * 700.0, 15.0);
}

TEST(DetectSlowStart, ShareEdges) {
    const SlowStartConfig c;
    // The curve leaves the start 0.07 of the run after the knee (see above).
    EXPECT_EQ(detectSlowStartPlateau(makeRunView(flatThenFall(c.minFlatShare - 0.04))).size(), 1u);
    EXPECT_TRUE(detectSlowStartPlateau(makeRunView(flatThenFall(c.minFlatShare - 0.1))).empty());
}

TEST(DetectSlowStart, HealthyRunIsSilent) {
    EXPECT_TRUE(detectSlowStartPlateau(makeRunView(healthyRun())).empty());
}

// flatThenFall(0.3) with a learning rate that warms up linearly from 1% of its peak over the
// first `warmupShare` of the run, then stays at the peak.
core::Run withWarmup(double warmupShare) {
    core::Run r = flatThenFall(0.3);
    r.metrics["lr"] = seriesOf(1000, [&](std::size_t i) {
        const double x = double(i) / 1000.0;
        return x < warmupShare ? 1e-3 * (0.01 + 0.99 * x / warmupShare) : 1e-3;
    });
    return r;
}

TEST(DetectSlowStart, AWarmUpThroughTheFlatStartIsNoSlowStart) {
    // The lr peaks at step 300, at the end of the flat start: the warm-up explains it.
    EXPECT_TRUE(detectSlowStartPlateau(makeRunView(withWarmup(0.3))).empty());
    // A warm-up over the first 10% ends long before the flat start does: a slow start.
    EXPECT_EQ(detectSlowStartPlateau(makeRunView(withWarmup(0.1))).size(), 1u);
}

TEST(DetectSlowStart, ARateGrowingToTheEndIsNoWarmUp) {
    // The lr grows 400-fold through the whole run, peaking at its last step: the flat start is
    // the rate being too small, a slow start.
    core::Run r = flatThenFall(0.3);
    r.metrics["lr"] =
        seriesOf(1000, [](std::size_t i) { return 1e-5 * std::pow(400.0, double(i) / 999.0); });
    EXPECT_EQ(detectSlowStartPlateau(makeRunView(r)).size(), 1u);
}

// 1000 steps: a short start at 2.3 wandering by +-0.06 (one period over 100 steps, 3% of the
// 2.0 improvement, more than maxShortFlatFall) until step 100, then 0.3 + 2 exp(-(x - 100)/100).
// Validation every 20 steps: `val(x)`. The first logged training value is `first`.
core::Run noisyShortStart(const std::function<double(double)>& val, double first = 2.3) {
    return runOf({{"loss", seriesOf(1000,
                                    [&](std::size_t i) {
                                        const double x = double(i);
                                        if (i == 0) return first;
                                        if (x < 100.0)
                                            return 2.3 + 0.06 * std::sin(6.2832 * x / 100.0);
                                        return 0.3 + 2.0 * std::exp(-(x - 100.0) / 100.0);
                                    })},
                  {"val_loss",
                   seriesOf(
                       50, [&](std::size_t e) { return val(20.0 * double(e) + 19.0); }, 19, 20)}});
}

double valSameShape(double x) {
    return x < 100.0 ? 2.35 : 0.35 + 2.0 * std::exp(-(x - 100.0) / 100.0);
}

TEST(DetectSlowStart, ANoisyShortStartCountsWhenValidationConfirmsTheCliff) {
    // Validation flat over the start (5 evaluations) and falling 10 times faster after it.
    const auto f = detectSlowStartPlateau(makeRunView(noisyShortStart(valSameShape)));
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].kind, FindingKind::SlowStartPlateau);
    EXPECT_NEAR(static_cast<double>(f[0].endStep), 110.0, 15.0);
    EXPECT_GT(f[0].evidence.at("first_half_move_share"), SlowStartConfig{}.maxShortFlatFall);
    EXPECT_GE(f[0].evidence.at("validation_cliff_ratio"), SlowStartConfig{}.startToCliff);
    // Without a validation loss nothing confirms it: the wander is more than 1% of the
    // improvement, quiet.
    core::Run alone = noisyShortStart(valSameShape);
    alone.metrics.erase("val_loss");
    EXPECT_TRUE(detectSlowStartPlateau(makeRunView(alone)).empty());
    // A validation loss falling steadily from its first evaluation does not confirm it.
    const auto steady = [](double x) { return 2.35 - 0.002 * x; };
    EXPECT_TRUE(detectSlowStartPlateau(makeRunView(noisyShortStart(steady))).empty());
    // A loss that halved at its first step has already learnt: its start is no slow start.
    EXPECT_TRUE(detectSlowStartPlateau(makeRunView(noisyShortStart(valSameShape, 4.6))).empty());
}

// 40 epochs: 3 at the initial loss, falling 0.02 per epoch (its trend 1.6% of the 0.62
// improvement over the first half, more than maxShortFlatFall), then 0.05 + 0.58 exp(-(x - 3) /
// 1.5); validation alike, one evaluation
// per epoch (slow_start_tiny_init_cancer_deit in tests/data/corpus2: 0.680, 0.665, 0.659, then
// 0.602, 0.399 while validation goes 0.667, 0.661, 0.646, then 0.491).
core::Run threeFlatEpochs(bool withValidation) {
    const auto train = [](double x) {
        return x < 3.0 ? 0.68 - 0.02 * x : 0.05 + 0.58 * std::exp(-(x - 3.0) / 1.5);
    };
    const auto val = [](double x) {
        return x < 3.0 ? 0.667 - 0.008 * x : 0.07 + 0.58 * std::exp(-(x - 3.0) / 1.5);
    };
    core::Run r = runOf({{"loss", seriesOf(40, [&](std::size_t i) { return train(double(i)); })}});
    if (withValidation)
        r.metrics["val_loss"] = seriesOf(40, [&](std::size_t i) { return val(double(i)); });
    return r;
}

TEST(DetectSlowStart, AThreeEpochFlatStartCountsWhenValidationConfirmsIt) {
    // Four training and four validation points over the flat start (epochs 0-3), validation
    // falling many times faster right after it: a slow start.
    const auto f = detectSlowStartPlateau(makeRunView(threeFlatEpochs(true)));
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].beginStep, 0);
    EXPECT_LE(f[0].endStep, 3);
    // Without validation nothing confirms it: its start moves by more than maxShortFlatFall,
    // and its 4 points are fewer than minFlatPoints.
    EXPECT_TRUE(detectSlowStartPlateau(makeRunView(threeFlatEpochs(false))).empty());
}

TEST(DetectSlowStart, AShortStartThatSwingsUpIsNotFlat) {
    // 1000 steps: 2.3, a swing up to 2.6 and back over the first 80, then the fall to 0.3.
    const auto swinging = runOf({{"loss", seriesOf(1000, [](std::size_t i) {
                                      const double x = double(i);
                                      if (x < 80.0) return 2.3 + 0.3 * std::sin(3.14159 * x / 80.0);
                                      return 2.3 - 2.0 * (x - 80.0) / 920.0;
                                  })}});
    EXPECT_TRUE(detectSlowStartPlateau(makeRunView(swinging)).empty());
}

// Issue #15 (lead, session 17): a slow start waits at the untrained level. The flat start and
// cliff of flatThenFall scaled down 10,000 times (flat at 2.3e-4, the running median of a
// classifier's batch losses that are mostly ~0 after it learnt in its first steps,
// overfitting_early_best_cancer_adam_hf in tests/data/corpus2) is no slow start for a
// classifier (an accuracy logged: untrained at ln 2 or more); for a regression, whose untrained
// level is unknown, the same curve is one.
core::Run scaledFlatThenFall(double scale, bool withAccuracy) {
    std::vector<std::pair<std::string, Series>> series;
    series.emplace_back("loss", seriesOf(1000, [&](std::size_t i) {
                            const double x = double(i);
                            return scale * (x < 300.0 ? 2.3 : 2.3 - 2.0 * (x - 300.0) / 700.0);
                        }));
    if (withAccuracy) {
        series.emplace_back(
            "val_acc", seriesOf(
                           10, [](std::size_t e) { return 0.9 + 0.005 * double(e); }, 99, 100));
    }
    return runOf(std::move(series));
}

TEST(DetectSlowStart, AClassifierFlatFarBelowLnTwoHadLearntAlready) {
    EXPECT_EQ(detectSlowStartPlateau(makeRunView(scaledFlatThenFall(1.0, true))).size(), 1u);
    EXPECT_TRUE(detectSlowStartPlateau(makeRunView(scaledFlatThenFall(1e-4, true))).empty());
    EXPECT_EQ(detectSlowStartPlateau(makeRunView(scaledFlatThenFall(1e-4, false))).size(), 1u);
}

}  // namespace
}  // namespace curvedoctor::core
