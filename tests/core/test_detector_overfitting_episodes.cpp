// Issue #15 (doctor26): overfitting as one episode of a run among others: read before a later
// blow-up of the training loss, and told apart from one more swing of a sustained oscillation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/detectors/overfitting.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectOverfitting(v);
}

// One value per epoch, 100 epochs (overfitting_then_blowup_fullbatch_diabetes_nesterov_deit in
// tests/data/corpus2, its shape): the training loss falls 1.0 -> 0.45 by epoch 14 and on to 0.2
// by epoch 79 (`trainFalls`), or, once at 0.45, wanders there by +-0.01 (seeded); from epoch 80
// it blows up, doubling each epoch. The validation loss falls 1.0 -> 0.5 by epoch 14, climbs
// 0.003 per epoch to 0.695 by epoch 79 (+39%), then blows up with training.
core::Run overfitThenBlowUp(bool trainFalls, bool blowUp = true) {
    Noise noise(7);
    std::vector<double> train;
    std::vector<double> val;
    for (int e = 0; e < 100; ++e) {
        const double x = double(e);
        double t = e <= 14 ? 1.0 - 0.55 * x / 14.0
                           : (trainFalls ? 0.45 - 0.25 * (x - 14.0) / 65.0 : 0.45 + noise(0.01));
        double v = e <= 14 ? 1.0 - 0.5 * x / 14.0 : 0.5 + 0.003 * (x - 14.0);
        if (blowUp && e >= 80) {
            t = 0.2 * std::pow(2.0, x - 79.0);
            v = 1.2 * t;
        }
        train.push_back(t);
        val.push_back(v);
    }
    return runOf({{"loss", seriesOf(train)}, {"val_loss", seriesOf(val)}});
}

TEST(DetectOverfitting, OverfittingBeforeABlowUpIsReadUpToWhereTheBlowUpStarts) {
    const auto f = detect(overfitThenBlowUp(/*trainFalls=*/true));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Overfitting);  // 0.5 -> 0.695, +39%
    EXPECT_EQ(f[0].metric, "val_loss");
    EXPECT_EQ(f[0].beginStep, 14);
    // The training loss's last low is epoch 79; it passes its untrained level (its smoothed first
    // value, 0.96 under a running median of 5) at epoch 82 (1.6).
    EXPECT_LE(f[0].endStep, 79);
    EXPECT_GE(f[0].endStep, 75);
    EXPECT_GT(f[0].evidence.at("blow_up_step"), 79.0);
    EXPECT_NEAR(f[0].evidence.at("untrained_level"), 1.0, 0.05);
    EXPECT_NE(f[0].message.find("before it blew up past its untrained level"), std::string::npos)
        << f[0].message;
}

TEST(DetectOverfitting, BeforeABlowUpTheTrainingLossMustHaveKeptFalling) {
    // Wandering at 0.45 while validation climbs, then the blow-up: unstable already (quiet).
    const auto wandering = detect(overfitThenBlowUp(/*trainFalls=*/false));
    EXPECT_TRUE(wandering.empty()) << wandering[0].message;
    // The same wandering without a blow-up is read as it always was: overfitting.
    const auto noBlowUp = detect(overfitThenBlowUp(/*trainFalls=*/false, /*blowUp=*/false));
    ASSERT_EQ(noBlowUp.size(), 1u);
    EXPECT_EQ(noBlowUp[0].evidence.count("blow_up_step"), 0u);
}

// A validation loss that swings (one value per evaluation, flat for 3 at each turn so the
// running median keeps them): 1.0 -> 0.5 over 10, flat; up to 0.8 over 5, flat; down to its
// best 0.45 over 6, flat; then up to `end` over `riseLength` evaluations and flat for 3. It came
// within half a rise to 0.6 of its best (0.525) at the end of its first fall (index 9), 17
// evaluations before its best (index 26), and climbed to 0.8 in between. Training falls
// throughout.
core::Run swingThenRise(int riseLength, double end = 0.6) {
    std::vector<double> v;
    v.reserve(33 + static_cast<std::size_t>(riseLength));
    for (int i = 0; i < 10; ++i) v.push_back(1.0 - 0.5 * i / 9.0);
    v.insert(v.end(), 3, 0.5);
    for (int i = 1; i <= 5; ++i) v.push_back(0.5 + 0.3 * i / 5.0);
    v.insert(v.end(), 3, 0.8);
    for (int i = 1; i <= 6; ++i) v.push_back(0.8 - 0.35 * i / 6.0);
    v.insert(v.end(), 3, 0.45);
    for (int i = 1; i <= riseLength; ++i) v.push_back(0.45 + (end - 0.45) * i / riseLength);
    v.insert(v.end(), 3, end);
    const double n = double(v.size());
    return runOf(
        {{"loss", seriesOf(v.size(), [n](std::size_t i) { return 1.0 - 0.5 * double(i) / n; })},
         {"val_loss", seriesOf(v)}});
}

TEST(DetectOverfitting, ARiseNoHigherNorLongerThanTheSwingBeforeItIsOneMoreSwing) {
    // 12 evaluations from its best to the end (3 flat, 6 rising, 3 flat), within the 17 of the
    // swing before: one more swing, quiet.
    const auto swing = detect(swingThenRise(6));
    EXPECT_TRUE(swing.empty()) << swing[0].message;
    // Rising over 30 it lasts 36, longer than the swing: overfitting (+33% of 0.45).
    const auto rise = detect(swingThenRise(30));
    ASSERT_EQ(rise.size(), 1u);
    EXPECT_EQ(rise[0].kind, FindingKind::Overfitting);
    EXPECT_NEAR(rise[0].evidence.at("relative_rise"), 0.15 / 0.45, 1e-9);
}

TEST(DetectOverfitting, ARiseAboveTheSwingBeforeItStandsOut) {
    // The same short rise, to 0.9, above the swing's 0.8: overfitting, severe (+100%).
    const auto f = detect(swingThenRise(6, 0.9));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::SevereOverfitting);
}

// diagnose: the overfitting before the blow-up survives the blow-up's divergence (an error that
// breaks the run), as its own episode; an overfitting that overlaps a break is its symptom.
TEST(DiagnoseOverfitting, OverfittingEndedBeforeABlowUpIsKeptBesideItsDivergence) {
    const core::Run r = overfitThenBlowUp(/*trainFalls=*/true);
    const RunDiagnosis d = diagnoseRun(r);
    const auto has = [&](FindingKind k) {
        return std::any_of(d.findings.begin(), d.findings.end(),
                           [k](const Finding& f) { return f.kind == k; });
    };
    EXPECT_TRUE(has(FindingKind::Divergence));
    EXPECT_TRUE(has(FindingKind::Overfitting));

    Finding breaking;
    breaking.kind = FindingKind::Divergence;
    breaking.severity = Severity::Error;
    breaking.metric = "loss";
    breaking.beginStep = 80;
    breaking.endStep = 99;
    Finding before;
    before.kind = FindingKind::Overfitting;
    before.severity = Severity::Warning;
    before.metric = "val_loss";
    before.beginStep = 14;
    before.endStep = 79;
    Finding overlapping = before;
    overlapping.endStep = 99;
    std::vector<Finding> findings{breaking, before, overlapping};
    consolidateFindings(findings, r);
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[1].kind, FindingKind::Overfitting);
    EXPECT_EQ(findings[1].endStep, 79);
}

}  // namespace
}  // namespace curvedoctor::core
