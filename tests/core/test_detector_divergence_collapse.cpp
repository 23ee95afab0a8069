// Issue #15 (doctor26): divergence as a collapse back to chance after the network had learnt.
#include <gtest/gtest.h>

#include <cmath>

#include "core/detectors/divergence.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectDivergence(v);
}

// Two classes, 400 steps, an evaluation every 20 (divergence_collapse_circles_sgd_tf in
// tests/data/corpus2, its shape): the batch loss falls 0.69 -> 0.15 by step 150, then climbs back
// to `lateLoss` by step 260 and stays there, each value times a seeded log-normal batch noise
// (a factor e^N(0, 0.6): the batch loss of a far too high rate jumps by several times); the
// validation accuracy is 0.95 (its best `bestAccuracy`) to step 240, then 0.5 from step 260 to
// the end (7 of 20 evaluations, one of them 0.58).
core::Run collapse(double lateLoss, double bestAccuracy = 0.95) {
    Noise noise(11);
    Series train = seriesOf(400, [&](std::size_t i) {
        const double s = double(i);
        const double level = s <= 150   ? 0.69 - 0.54 * s / 150.0
                             : s <= 260 ? 0.15 + (lateLoss - 0.15) * (s - 150.0) / 110.0
                                        : lateLoss;
        return level * std::exp(noise(0.6));
    });
    Series acc = seriesOf(
        20,
        [&](std::size_t e) {
            if (e == 15) return 0.58;
            return e >= 13 ? 0.5 : (e == 3 ? bestAccuracy : bestAccuracy - 0.03);
        },
        0, 20);
    Series val = seriesOf(
        20, [](std::size_t e) { return e >= 13 ? 0.7 : 0.2; }, 0, 20);
    return runOf({{"train/loss", std::move(train)},
                  {"val/loss", std::move(val)},
                  {"val/accuracy", std::move(acc)}});
}

TEST(DetectDivergence, ACollapseBackToChanceAfterLearningIsDivergence) {
    const auto f = detect(collapse(0.65));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Divergence);
    EXPECT_EQ(f[0].severity, Severity::Error);
    EXPECT_EQ(f[0].metric, "train/loss");
    EXPECT_EQ(f[0].beginStep, 260);  // the first evaluation of the last stretch at chance
    EXPECT_EQ(f[0].endStep, 399);
    EXPECT_NE(f[0].message.find("collapses to chance"), std::string::npos) << f[0].message;
    EXPECT_EQ(f[0].evidence.at("chance_level"), 0.5);
    EXPECT_NEAR(f[0].evidence.at("uniform_loss"), std::log(2.0), 1e-12);
    EXPECT_NEAR(f[0].evidence.at("best_accuracy"), 0.95, 1e-12);
    // The median of the batch loss from step 260: 0.65 times the median of e^N(0, 0.6), 1.
    EXPECT_NEAR(f[0].evidence.at("late_train_median"), 0.65, 0.65 * 0.15);
}

TEST(DetectDivergence, AtChanceOnlyWithTheLossOfAUniformGuess) {
    // The batch loss back at only 0.4, under ln 2 / 1.25 = 0.55: the accuracy alone says chance.
    EXPECT_TRUE(detect(collapse(0.4)).empty());
    // Up at 1.0, beyond ln 2 * 1.25 = 0.87: not the loss of a uniform guess either.
    for (const Finding& f : detect(collapse(1.0)))
        EXPECT_EQ(f.message.find("collapses to chance"), std::string::npos) << f.message;
}

TEST(DetectDivergence, NoCollapseWithoutHavingLearnt) {
    // Best 0.70: an error of 0.30, not below half of chance's 0.5; it never learnt enough to
    // collapse from.
    EXPECT_TRUE(detect(collapse(0.65, 0.70)).empty());
}

}  // namespace
}  // namespace curvedoctor::core
