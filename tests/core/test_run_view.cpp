// The analysis layer under the detectors: series choice by role, sorting and repeated steps,
// step -> epoch mapping, and the robust trend.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/detectors/run_view.h"
#include "core/detectors/trend.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

TEST(Curve, SortsByStepAndTheLastLoggedValueOfARepeatedStepWins) {
    // A restarted run logs steps 0..3, then again 2..4: the second 2 and 3 replace the first.
    Series s;
    s.steps = {0, 1, 2, 3, 2, 3, 4};
    s.values = {5, 4, 3, 2, 30, 20, 10};
    const Curve c("loss", s, inferMetricInfo("loss"));
    ASSERT_EQ(c.size(), 5u);
    EXPECT_EQ(std::vector<std::int64_t>(c.steps().begin(), c.steps().end()),
              (std::vector<std::int64_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(std::vector<double>(c.values().begin(), c.values().end()),
              (std::vector<double>{5, 4, 30, 20, 10}));
}

TEST(Curve, SortedSeriesIsViewedWithoutCopyAndCountsFinite) {
    // 1.1 is no float32: the values are stored as doubles, which the curve reads in place.
    Series s = seriesOf({1.1, std::nan(""), 3.0, HUGE_VAL});
    ASSERT_FALSE(s.values.isFloat());
    const Curve c("loss", s, inferMetricInfo("loss"));
    EXPECT_EQ(static_cast<const void*>(c.values().data()), s.values.span().data());
    EXPECT_EQ(c.finiteCount(), 2u);
}

TEST(Curve, Float32ValuesAreWidenedOnceAndKeepNonFinite) {
    Series s = seriesOf({1.5, std::nan(""), 3.0, -HUGE_VAL});
    ASSERT_TRUE(s.values.isFloat());
    const Curve c("loss", s, inferMetricInfo("loss"));
    ASSERT_EQ(c.values().size(), 4u);
    EXPECT_EQ(c.values()[0], 1.5);
    EXPECT_TRUE(std::isnan(c.values()[1]));
    EXPECT_EQ(c.values()[2], 3.0);
    EXPECT_EQ(c.values()[3], -HUGE_VAL);
    EXPECT_EQ(c.finiteCount(), 2u);
}

TEST(Curve, PlainStepsAndEpochsAreViewedWhereTheyAre) {
    Series s;
    s.steps = {0, 5, 7, 20};
    s.epochs = {0.0, 0.5, 0.7, 2.0};
    s.values = {1, 2, 3, 4};
    const Curve c("loss", s, inferMetricInfo("loss"));
    EXPECT_EQ(c.steps().data(), s.steps.plainSpan().data());
    EXPECT_EQ(c.epochs().data(), s.epochs.plainSpan().data());
}

// A loaded run's columns are packed (progressions): the curves of series logged on the same
// steps read one contiguous copy (in huge pages from 2 MiB), entry for entry equal.
TEST(Curve, PackedColumnsReadAsOneSharedCopyPerBlock) {
    constexpr std::size_t kPoints = 600'000;  // 4.8 MB of steps: the huge-page path
    core::Run run;
    for (const char* name : {"train_loss", "lr"}) {
        Series& s = run.metrics[name];
        for (std::size_t i = 0; i < kPoints; ++i) {
            s.steps.push_back(static_cast<std::int64_t>(3 * i + 10));
            s.epochs.push_back(std::floor(static_cast<double>(i) / 1000.0));
            s.values.push_back(1.0 / static_cast<double>(i + 1));
        }
    }
    run.shrinkToFit();
    const Series& loss = run.metrics.at("train_loss");
    const Series& lr = run.metrics.at("lr");
    ASSERT_TRUE(loss.steps.isPacked());
    ASSERT_TRUE(loss.epochs.isPacked());
    ASSERT_FALSE(loss.steps.sharedWith(lr.steps));  // packed apart, into the same pieces

    const RunView view = makeRunView(run);
    const Curve* a = nullptr;
    const Curve* b = nullptr;
    for (const Curve& c : view.curves) (c.metric() == "lr" ? b : a) = &c;
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(a->steps().data(), b->steps().data());  // one copy for both
    ASSERT_EQ(a->size(), kPoints);
    for (std::size_t i = 0; i < kPoints; i += 9'973) {
        EXPECT_EQ(a->steps()[i], loss.steps[i]);
        EXPECT_EQ(a->epochs()[i], loss.epochs[i]);
    }
    EXPECT_EQ(a->steps().back(), static_cast<std::int64_t>(3 * (kPoints - 1) + 10));
    EXPECT_EQ(static_cast<const void*>(a->values().data()), loss.values.span().data());

    // Views made one after another reuse released copies: still every entry right.
    for (int k = 0; k < 3; ++k) {
        const RunView again = makeRunView(run);
        for (const Curve& c : again.curves)
            EXPECT_TRUE(std::equal(c.steps().begin(), c.steps().end(), loss.steps.begin()));
    }
}

TEST(Curve, MeanPerEvaluationAveragesEachIntervalUpToTheEvaluation) {
    // A saw-tooth of 4 steps per epoch (1, 2, 3, 4 plus the epoch) with a NaN at step 6,
    // evaluated at steps 4, 8 and 12 and once more at 13, past the last step.
    const Curve perStep("loss", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                        {1.0, 2.0, 3.0, 4.0, 2.0, std::nan(""), 4.0, 5.0, 3.0, 4.0, 5.0, 6.0});
    const Curve evaluations("val_loss", {4, 8, 12, 13}, {0.5, 0.4, 0.3, 0.2});
    const Curve mean = meanPerEvaluation(perStep, evaluations);
    EXPECT_EQ(mean.metric(), "loss");
    ASSERT_EQ(mean.size(), 3u);  // nothing logged in (12, 13]
    EXPECT_EQ(mean.steps()[0], 4);
    EXPECT_EQ(mean.values()[0], 2.5);
    EXPECT_EQ(mean.values()[1], 11.0 / 3.0);  // the NaN left out
    EXPECT_EQ(mean.steps()[2], 12);
    EXPECT_EQ(mean.values()[2], 4.5);
}

TEST(Curve, MeanPerEvaluationOfAllFiniteValuesSumsEachIntervalInOrder) {
    // Every value finite: the intervals are found by binary search; the sums are the same.
    const Curve perStep("loss", {1, 2, 3, 4, 5, 6, 7}, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7});
    const Curve evaluations("val_loss", {0, 3, 7, 9}, {0.5, 0.4, 0.3, 0.2});
    const Curve mean = meanPerEvaluation(perStep, evaluations);
    ASSERT_EQ(mean.size(), 2u);  // nothing logged up to step 0, nor in (7, 9]
    EXPECT_EQ(mean.steps()[0], 3);
    EXPECT_EQ(mean.values()[0], (0.1 + 0.2 + 0.3) / 3.0);
    EXPECT_EQ(mean.steps()[1], 7);
    EXPECT_EQ(mean.values()[1], (((0.4 + 0.5) + 0.6) + 0.7) / 4.0);
}

TEST(Curve, MeanPerEvaluationAddsEachIntervalInLogOrderWhateverItsLength) {
    // Eleven intervals of unequal lengths (some summed side by side, the rest alone), values
    // from 1e-3 to 1e16 of both signs, so that the order of the additions shows in the sums:
    // each mean is the left-to-right sum of its interval over its count, bit for bit.
    const std::vector<std::size_t> lengths = {1, 7, 3, 10, 2, 5, 12, 1, 9, 4, 6};
    std::mt19937 gen(19);
    std::uniform_real_distribution<double> exponent(-3.0, 16.0);
    std::vector<std::int64_t> steps;
    std::vector<double> values;
    std::vector<std::int64_t> evalSteps;
    std::vector<double> expected;
    bool orderShows = false;
    for (const std::size_t len : lengths) {
        double sum = 0.0;
        double reversed = 0.0;
        const std::size_t first = values.size();
        for (std::size_t j = 0; j < len; ++j) {
            const double v = ((gen() & 1U) != 0U ? 1.0 : -1.0) * std::pow(10.0, exponent(gen));
            steps.push_back(static_cast<std::int64_t>(values.size()));
            values.push_back(v);
            sum += v;
        }
        for (std::size_t j = values.size(); j-- > first;) reversed += values[j];
        orderShows = orderShows || reversed != sum;
        evalSteps.push_back(steps.back());
        expected.push_back(sum / static_cast<double>(len));
    }
    ASSERT_TRUE(orderShows);  // the data can tell an order of additions from another
    const Curve perStep("loss", steps, values);
    ASSERT_EQ(perStep.finiteCount(), perStep.size());
    const Curve evaluations("val_loss", evalSteps, std::vector<double>(evalSteps.size(), 1.0));
    const Curve mean = meanPerEvaluation(perStep, evaluations);
    ASSERT_EQ(mean.size(), expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        EXPECT_EQ(mean.steps()[k], evalSteps[k]);
        EXPECT_EQ(mean.values()[k], expected[k]) << "interval " << k;
    }
}

TEST(Curve, LevelChangesOfAStepScheduleAndNoneKeptForACurveThatAlwaysMoves) {
    // MultiStepLR logged every step: it changes at index 3 and 5; a NaN differs from all.
    const Series lr = seriesOf({0.1, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001});
    const Curve c("lr", lr, inferMetricInfo("lr"));
    ASSERT_TRUE(c.levelChanges().has_value());
    EXPECT_EQ(std::vector<std::size_t>(c.levelChanges()->begin(), c.levelChanges()->end()),
              (std::vector<std::size_t>{3, 5}));
    // Owned data (sorted on the way in) are scanned alike.
    const Curve owned("lr", {3, 1, 2, 4}, {0.5, 0.5, 0.5, std::nan("")});
    ASSERT_TRUE(owned.levelChanges().has_value());
    EXPECT_EQ(std::vector<std::size_t>(owned.levelChanges()->begin(), owned.levelChanges()->end()),
              (std::vector<std::size_t>{3}));
    const Curve constant("lr", seriesOf({0.1, 0.1}), inferMetricInfo("lr"));
    ASSERT_TRUE(constant.levelChanges().has_value());
    EXPECT_TRUE(constant.levelChanges()->empty());
    // A loss moves at every step: past kMaxLevelChanges nothing is kept.
    const Series few = seriesOf(Curve::kMaxLevelChanges + 1, [](std::size_t i) { return i; });
    EXPECT_TRUE(Curve("loss", few, inferMetricInfo("loss")).levelChanges().has_value());
    const Series many = seriesOf(Curve::kMaxLevelChanges + 2, [](std::size_t i) { return i; });
    EXPECT_FALSE(Curve("loss", many, inferMetricInfo("loss")).levelChanges().has_value());
}

TEST(RunView, PicksLightningStepAndEpochSeries) {
    const core::Run run =
        runOf({{"train_loss_step", seriesOf(100, [](std::size_t) { return 1.0; })},
               {"train_loss_epoch", seriesOf(10, [](std::size_t) { return 1.0; })},
               {"val_loss", seriesOf(10, [](std::size_t) { return 1.0; })},
               {"val_acc", seriesOf(10, [](std::size_t) { return 0.5; })},
               {"train_acc_step", seriesOf(100, [](std::size_t) { return 0.5; })},
               {"lr-Adam", seriesOf(10, [](std::size_t) { return 0.1; })}});
    const RunView v = makeRunView(run);
    EXPECT_EQ(v.trainLoss.metric(), "train_loss_step");
    EXPECT_EQ(v.trainLossEpoch.metric(), "train_loss_epoch");
    EXPECT_EQ(v.valLoss.metric(), "val_loss");
    EXPECT_EQ(v.valMetric.metric(), "val_acc");
    EXPECT_EQ(v.trainMetric.metric(), "train_acc_step");
    EXPECT_EQ(v.learningRate.metric(), "lr-Adam");
}

TEST(RunView, PicksHfTrainerLossNotItsOnePointSummary) {
    const core::Run run =
        runOf({{"loss", seriesOf(50, [](std::size_t) { return 1.0; })},
               {"train_loss", seriesOf({0.9}, 500)},
               {"eval_loss", seriesOf(5, [](std::size_t) { return 1.0; })},
               {"eval_accuracy", seriesOf(5, [](std::size_t) { return 0.5; })},
               {"learning_rate", seriesOf(50, [](std::size_t) { return 1e-5; })}});
    const RunView v = makeRunView(run);
    EXPECT_EQ(v.trainLoss.metric(), "loss");
    EXPECT_EQ(v.valLoss.metric(), "eval_loss");
    EXPECT_EQ(v.valMetric.metric(), "eval_accuracy");
    EXPECT_EQ(v.learningRate.metric(), "learning_rate");
}

TEST(RunView, PicksAFamilyLoggedInBothSplitsAndMapBeforePrecision) {
    // Ultralytics results.csv names.
    auto one = [](double x) { return seriesOf(5, [x](std::size_t) { return x; }); };
    const core::Run run = runOf({{"train/box_loss", one(1)},
                                 {"train/cls_loss", one(1)},
                                 {"val/box_loss", one(1)},
                                 {"val/cls_loss", one(1)},
                                 {"metrics/precision(B)", one(0.5)},
                                 {"metrics/mAP50-95(B)", one(0.5)},
                                 {"lr/pg0", one(0.1)}});
    const RunView v = makeRunView(run);
    EXPECT_EQ(v.trainLoss.info().family, v.valLoss.info().family);
    EXPECT_FALSE(v.trainLoss.empty());
    EXPECT_EQ(v.valMetric.metric(), "metrics/mAP50-95(B)");
}

TEST(RunView, EmptyRunHasEmptyCurves) {
    const core::Run run;
    const RunView v = makeRunView(run);
    EXPECT_TRUE(v.trainLoss.empty());
    EXPECT_TRUE(v.valLoss.empty());
    EXPECT_TRUE(v.trainTrend.empty());
    EXPECT_FALSE(v.epochAt(0).has_value());
}

TEST(EpochMap, InterpolatesAndKeepsTheSmallerEpochOfASharedStep) {
    EpochMap m;
    m.add(0, 0.0);
    m.add(100, 1.0);
    m.add(100, 0.0);  // Lightning: validation row of epoch 0 at the step where epoch 1 starts.
    m.add(200, 2.0);
    m.finish();
    EXPECT_DOUBLE_EQ(*m.epochAt(50), 0.0);  // between (0, 0) and (100, 0)
    EXPECT_DOUBLE_EQ(*m.epochAt(150), 1.0);
    EXPECT_FALSE(m.epochAt(201).has_value());
    EXPECT_DOUBLE_EQ(*m.stepsPerEpoch(), 100.0);
}

TEST(Trend, ConstantInConstantOut) {
    const Series s = seriesOf(1000, [](std::size_t) { return 0.7; });
    const Trend t = makeTrend(s.steps.toVector(), s.values.asDoubles());
    ASSERT_FALSE(t.empty());
    EXPECT_LE(t.size(), kTrendMaxPoints);
    for (double v : t.values) EXPECT_DOUBLE_EQ(v, 0.7);
    EXPECT_DOUBLE_EQ(t.noise, 0.0);
}

TEST(Trend, IgnoresIsolatedSpikesAndNonFinite) {
    const Series s = seriesOf(60, [](std::size_t i) {
        if (i == 20) return 100.0;
        if (i == 40) return std::nan("");
        return 1.0;
    });
    const Trend t = makeTrend(s.steps.toVector(), s.values.asDoubles());
    EXPECT_EQ(t.rawPoints, 59u);
    for (double v : t.values) EXPECT_DOUBLE_EQ(v, 1.0);
}

TEST(Trend, NoiseEstimateMatchesWhiteNoise) {
    Noise noise(7);
    const Series s = seriesOf(20000, [&](std::size_t i) { return 0.001 * double(i) + noise(0.1); });
    const Trend t = makeTrend(s.steps.toVector(), s.values.asDoubles());
    // Second differences cancel the linear trend; the MAD estimate is within a few percent.
    EXPECT_NEAR(t.noise, 0.1, 0.006);
    EXPECT_LT(t.trendNoise, t.noise / 5.0);
}

TEST(Trend, KeepsAStepEdge) {
    const Series s = seriesOf(100, [](std::size_t i) { return i < 50 ? 2.0 : 1.0; });
    const Trend t = makeTrend(s.steps.toVector(), s.values.asDoubles());
    EXPECT_DOUBLE_EQ(t.valueAt(45), 2.0);
    EXPECT_DOUBLE_EQ(t.valueAt(55), 1.0);
}

// makeTrend reads an all-finite series by index (only the sampled values); with a NaN anywhere
// it walks every point. Both must bin the same finite values the same way.
TEST(Trend, NanGapsDoNotChangeTheTrendOfTheFiniteValues) {
    Noise noise(11);
    for (std::size_t n : {7u, 255u, 1000u, 65537u, 300001u}) {
        SCOPED_TRACE(n);
        const Series clean = seriesOf(
            n, [&](std::size_t i) { return 2.0 * std::exp(-double(i) / double(n)) + noise(0.05); });
        // The same points with NaNs logged at extra steps in between (steps stay sorted).
        Series gappy;
        for (std::size_t i = 0; i < n; ++i) {
            if (i % 97 == 3) {
                gappy.steps.push_back(2 * clean.steps[i] - 1);
                gappy.values.push_back(std::nan(""));
            }
            gappy.steps.push_back(2 * clean.steps[i]);
            gappy.values.push_back(clean.values[i]);
        }
        Series doubled = clean;
        for (auto& s : doubled.steps.mutableVector()) s *= 2;
        const Trend a = makeTrend(doubled.steps.toVector(), doubled.values.asDoubles());
        const Trend b = makeTrend(gappy.steps.toVector(), gappy.values.asDoubles());
        EXPECT_EQ(a.rawPoints, n);
        EXPECT_EQ(b.rawPoints, n);
        EXPECT_EQ(a.steps, b.steps);
        EXPECT_EQ(a.firstSteps, b.firstSteps);
        EXPECT_EQ(a.lastSteps, b.lastSteps);
        EXPECT_EQ(a.values, b.values);
        EXPECT_EQ(a.noise, b.noise);
        EXPECT_EQ(a.trendNoise, b.trendNoise);
        EXPECT_EQ(diffNoise(doubled.values.asDoubles()), diffNoise(gappy.values.asDoubles()));
        EXPECT_EQ(a.firstSteps.front(), 0);
        EXPECT_EQ(a.lastSteps.back(), doubled.steps.back());
    }
}

TEST(Curve, AliasSharesTheDataOfSortedAndOfRepairedCurves) {
    Series sorted = seriesOf({1.0, 2.0, std::nan("")});
    const Curve a("loss", sorted, inferMetricInfo("loss"));
    const Curve aa = a.alias();
    EXPECT_EQ(aa.values().data(), a.values().data());
    EXPECT_EQ(aa.finiteCount(), 2u);
    EXPECT_EQ(aa.metric(), "loss");

    Series restarted;
    restarted.steps = {0, 1, 2, 1, 2};
    restarted.values = {5, 4, 3, 40, 30};
    Curve b("loss", restarted, inferMetricInfo("loss"));
    const Curve bb = b.alias();
    const Curve moved = std::move(b);  // the storage stays where it is
    EXPECT_EQ(bb.values().data(), moved.values().data());
    EXPECT_EQ(std::vector<double>(bb.values().begin(), bb.values().end()),
              (std::vector<double>{5, 40, 30}));
}

TEST(RunView, BuildsEveryMetricOnceAndNamesAliasThem) {
    const core::Run run =
        runOf({{"loss", seriesOf(50, [](std::size_t i) { return 1.0 / double(i + 1); })},
               {"val_loss", seriesOf({0.9, 0.5, 0.4}, 10, 10)},
               {"gpu_mem", seriesOf(50, [](std::size_t) { return 3.0; })},
               {"empty", Series{}}});
    const RunView v = makeRunView(run);
    EXPECT_EQ(v.curves.size(), 3u);  // the empty series has no curve
    const Curve* loss = nullptr;
    for (const Curve& c : v.curves) {
        if (c.metric() == "loss") loss = &c;
    }
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(v.trainLoss.values().data(), loss->values().data());
    EXPECT_EQ(v.valLoss.metric(), "val_loss");
}

// diagnoseRuns keeps every run's view for the group detectors, with its points let go.
TEST(RunView, ReleasedPointsKeepNamesTrendsAndEpochsForTheGroupDetectors) {
    const core::Run run = healthyRun(3);
    const RunView full = makeRunView(run);
    RunView v = makeRunView(run);
    v.releasePoints();
    EXPECT_EQ(v.curves.size(), full.curves.size());
    for (const Curve& c : v.curves) EXPECT_TRUE(c.empty()) << c.metric();
    EXPECT_TRUE(v.trainLoss.empty());
    EXPECT_EQ(v.trainLoss.finiteCount(), 0u);
    EXPECT_EQ(v.trainLoss.metric(), "loss");
    EXPECT_EQ(v.valLoss.metric(), "val_loss");
    EXPECT_EQ(v.valMetric.metric(), "val_acc");
    EXPECT_TRUE(v.valMetric.isAccuracy());  // the role stays
    EXPECT_EQ(v.trainTrend.values, full.trainTrend.values);
    EXPECT_EQ(v.valTrend.values, full.valTrend.values);
    EXPECT_EQ(v.epochAt(1500), full.epochAt(1500));
    ASSERT_TRUE(full.epochAt(1500).has_value());
}

}  // namespace
}  // namespace curvedoctor::core
