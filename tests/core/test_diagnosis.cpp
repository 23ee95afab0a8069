// diagnoseRun/diagnoseGroup: aggregation, de-duplication, ordering, best step, and silence on
// healthy or empty runs.
#include <gtest/gtest.h>

#include "core/diagnosis.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

TEST(Diagnosis, HealthySyntheticRunsGetNoWarning) {
    for (unsigned seed = 1; seed <= 8; ++seed) {
        const core::Run run = healthyRun(seed);
        const RunDiagnosis d = diagnoseRun(run);
        EXPECT_FALSE(hasWarningOrError(d.findings)) << "seed " << seed << "\n"
                                                    << describe(d.findings);
    }
}

TEST(Diagnosis, EmptyRunAndRunWithoutRolesAreSilent) {
    EXPECT_TRUE(diagnoseRun(core::Run{}).findings.empty());
    EXPECT_FALSE(diagnoseRun(core::Run{}).best.has_value());
    const core::Run other =
        runOf({{"gpu_mem", seriesOf(50, [](std::size_t i) { return double(i % 7); })}});
    EXPECT_TRUE(diagnoseRun(other).findings.empty());
}

TEST(Diagnosis, BestStepIsMinimumValidationLossWithGap) {
    // val_loss minimum 0.4 at step 30 (epoch 3); train loss constant 0.25 -> gap 0.15.
    const core::Run run = runOf({{"loss", seriesOf(60, [](std::size_t) { return 0.25; })},
                                 {"val_loss", seriesOf({0.9, 0.6, 0.4, 0.45, 0.5}, 10, 10, 10.0)}});
    const RunDiagnosis d = diagnoseRun(run);
    ASSERT_TRUE(d.best.has_value());
    EXPECT_EQ(d.best->metric, "val_loss");
    EXPECT_EQ(d.best->step, 30);
    EXPECT_DOUBLE_EQ(d.best->value, 0.4);
    ASSERT_TRUE(d.best->epoch.has_value());
    EXPECT_DOUBLE_EQ(*d.best->epoch, 3.0);
    ASSERT_TRUE(d.best->trainValGap.has_value());
    EXPECT_NEAR(*d.best->trainValGap, 0.15, 1e-12);
}

TEST(Diagnosis, BestStepOfHigherIsBetterMetricWithoutLoss) {
    const core::Run run = runOf({{"val_accuracy", seriesOf({0.5, 0.8, 0.7, 0.8}, 1, 1)}});
    const RunDiagnosis d = diagnoseRun(run);
    ASSERT_TRUE(d.best.has_value());
    EXPECT_EQ(d.best->metric, "val_accuracy");
    EXPECT_EQ(d.best->step, 2);  // the first of the two 0.8s: where early stopping stops
    EXPECT_FALSE(d.best->trainValGap.has_value());
}

TEST(Diagnosis, ConsolidateSupersedesAndSorts) {
    auto f = [](FindingKind kind, Severity s, std::string metric, std::int64_t begin) {
        Finding x;
        x.kind = kind;
        x.severity = s;
        x.metric = std::move(metric);
        x.beginStep = begin;
        x.endStep = begin + 10;
        return x;
    };
    std::vector<Finding> all{f(FindingKind::Plateau, Severity::Info, "loss", 5),
                             f(FindingKind::Overfitting, Severity::Warning, "val_loss", 3),
                             f(FindingKind::SevereOverfitting, Severity::Error, "val_loss", 3),
                             f(FindingKind::Overfitting, Severity::Warning, "other_val", 1),
                             f(FindingKind::NanInf, Severity::Error, "grad_norm", 9),
                             f(FindingKind::NotLearning, Severity::Error, "loss", 0)};
    consolidateFindings(all, core::Run{});
    ASSERT_EQ(all.size(), 4u) << describe(all);
    EXPECT_EQ(all[0].kind, FindingKind::NotLearning);  // errors first, by step
    EXPECT_EQ(all[1].kind, FindingKind::SevereOverfitting);
    EXPECT_EQ(all[2].kind, FindingKind::NanInf);
    EXPECT_EQ(all[3].kind, FindingKind::Overfitting);  // about another metric: kept
    EXPECT_EQ(all[3].metric, "other_val");
}

TEST(Diagnosis, BrokenRunDropsItsSymptoms) {
    auto f = [](FindingKind kind, Severity s, std::string metric) {
        Finding x;
        x.kind = kind;
        x.severity = s;
        x.metric = std::move(metric);
        return x;
    };
    // A loss that is NaN to the end: its noisy validation and plateau are symptoms.
    std::vector<Finding> all{f(FindingKind::NanInf, Severity::Error, "train_loss"),
                             f(FindingKind::NoisyValidation, Severity::Warning, "val_acc"),
                             f(FindingKind::Plateau, Severity::Info, "train_loss"),
                             f(FindingKind::Oscillation, Severity::Warning, "train_loss")};
    consolidateFindings(all, core::Run{});
    ASSERT_EQ(all.size(), 2u) << describe(all);
    EXPECT_EQ(all[0].kind, FindingKind::NanInf);
    EXPECT_EQ(all[1].kind, FindingKind::Oscillation);
    // A NaN grad_norm (not a loss) breaks nothing.
    std::vector<Finding> mild{f(FindingKind::NanInf, Severity::Error, "grad_norm"),
                              f(FindingKind::NoisyValidation, Severity::Warning, "val_acc")};
    consolidateFindings(mild, core::Run{});
    EXPECT_EQ(mild.size(), 2u);
}

// Issue #15: a run that learns nothing that generalises (not_learning on its validation loss:
// shuffled labels memorised) has no slow start on its training loss, whose flat start before
// memorising is part of not learning; without not_learning the slow start stays.
TEST(Diagnosis, NotLearningOnAnyLossExplainsASlowStart) {
    auto f = [](FindingKind kind, std::string metric) {
        Finding x;
        x.kind = kind;
        x.severity = Severity::Warning;
        x.metric = std::move(metric);
        return x;
    };
    std::vector<Finding> all{f(FindingKind::SlowStartPlateau, "loss"),
                             f(FindingKind::NotLearning, "eval_loss")};
    consolidateFindings(all, core::Run{});
    ASSERT_EQ(all.size(), 1u) << describe(all);
    EXPECT_EQ(all[0].kind, FindingKind::NotLearning);
    std::vector<Finding> alone{f(FindingKind::SlowStartPlateau, "loss"),
                               f(FindingKind::Overfitting, "eval_loss")};
    consolidateFindings(alone, core::Run{});
    EXPECT_EQ(alone.size(), 2u) << describe(alone);
}

// Issue #15 (doctor15): under not_learning, noisy validation (a zig-zag that hides no trend)
// and a warning-level divergence (a climb back short of the start: a loss wandering about its
// untrained level, not_learning_shuffled_lstm2_mlflow in tests/data/corpus2) are symptoms; a
// divergence past the start (an error) stays, and without not_learning both stay.
TEST(Diagnosis, NotLearningExplainsNoisyValidationAndAClimbShortOfTheStart) {
    auto f = [](FindingKind kind, std::string metric, Severity s = Severity::Warning) {
        Finding x;
        x.kind = kind;
        x.severity = s;
        x.metric = std::move(metric);
        return x;
    };
    std::vector<Finding> all{f(FindingKind::NoisyValidation, "val_loss"),
                             f(FindingKind::Divergence, "train_loss"),
                             f(FindingKind::NotLearning, "val_loss")};
    consolidateFindings(all, core::Run{});
    ASSERT_EQ(all.size(), 1u) << describe(all);
    EXPECT_EQ(all[0].kind, FindingKind::NotLearning);
    std::vector<Finding> pastStart{f(FindingKind::Divergence, "train_loss", Severity::Error),
                                   f(FindingKind::NotLearning, "val_loss")};
    consolidateFindings(pastStart, core::Run{});
    ASSERT_FALSE(pastStart.empty());
    EXPECT_EQ(pastStart[0].kind, FindingKind::Divergence) << describe(pastStart);
    std::vector<Finding> alone{f(FindingKind::NoisyValidation, "val_loss"),
                               f(FindingKind::Divergence, "train_loss")};
    consolidateFindings(alone, core::Run{});
    EXPECT_EQ(alone.size(), 2u) << describe(alone);
}

TEST(Diagnosis, GroupOfOneOrTwoRunsIsSilent) {
    const core::Run a = healthyRun(1);
    const core::Run b = healthyRun(2);
    EXPECT_TRUE(diagnoseGroup({&a}).empty());
    EXPECT_TRUE(diagnoseGroup({&a, &b}).empty());
}

TEST(Diagnosis, ACourseFindingOnAShortMetricIsTooEarlyToJudgeAnEventNever) {
    const core::Run run =
        runOf({{"loss", seriesOf(15, [](std::size_t) { return 2.3; })},
               {"val_loss", seriesOf(kMinPointsToJudgeACourse, [](std::size_t) { return 2.3; })}});
    Finding course;
    course.kind = FindingKind::NotLearning;
    course.metric = "loss";
    EXPECT_TRUE(tooEarlyToJudge(run, course));
    course.metric = "val_loss";  // has kMinPointsToJudgeACourse points: judged
    EXPECT_FALSE(tooEarlyToJudge(run, course));
    Finding event;
    event.kind = FindingKind::NanInf;
    event.metric = "loss";
    EXPECT_FALSE(tooEarlyToJudge(run, event));
}

}  // namespace
}  // namespace curvedoctor::core
