// oscillation read raw, issue #15 (doctor27): one overshoot that rings and fades. A full-batch
// loss (one value per epoch) climbs for several epochs with its validation loss, comes back
// and climbs again, smaller (oscillation_fading_fullbatch_friedman_nesterov_tf and
// oscillation_fading_fullbatch_linreg_sgd_tf in tests/data/corpus2), against a spike, a bump
// of training alone, and a swing with nothing after it.
#include <gtest/gtest.h>

#include <cmath>

#include "core/detectors/oscillation.h"
#include "core/detectors/oscillation_waves.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

// A smooth fall 1.0 -> 0.1 (time constant 3 epochs) with a hump of `height` centred at epoch
// `centre`, `width` epochs wide (a Gaussian: it climbs for about `width` + 1 epochs).
double hump(double t, double height, double centre, double width) {
    return height * std::exp(-((t - centre) / width) * ((t - centre) / width));
}
double fall(double t) {
    return 0.1 + 0.9 * std::exp(-t / 3.0);
}

struct Shape {
    double swing = 0.25;      ///< the first swing's height (the fall is 0.9)
    double swingWidth = 2.0;  ///< its width in epochs
    double echo = 0.02;       ///< the echo's height, at epoch 20
    double valSwing = 0.25;   ///< the validation loss's swing, at the same epoch
};

core::Run run(const Shape& s) {
    std::vector<double> train;
    std::vector<double> val;
    for (std::size_t i = 0; i < 100; ++i) {
        const double t = double(i);
        train.push_back(fall(t) + hump(t, s.swing, 10.0, s.swingWidth) +
                        hump(t, s.echo, 20.0, 2.0));
        val.push_back(1.2 * fall(t) + hump(t, s.valSwing, 10.0, 2.0));
    }
    return runOf({{"loss", seriesOf(train, 1, 1)}, {"val_loss", seriesOf(val, 1, 1)}});
}

std::vector<Finding> detect(const core::Run& r, const OscillationConfig& c = {}) {
    return detectOscillation(makeRunView(r), c);
}

TEST(DetectOscillationOvershoot, ASwingWithValidationThatRingsIsAWarning) {
    const auto f = detect(run({}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Oscillation);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    // Climbs 0.214 -> 0.382 over epochs 8-11 (steps 8 to 11): +79% of its level, 19% of its
    // range, at least three evaluations in a row.
    EXPECT_GE(f[0].evidence.at("climb_points"), f[0].evidence.at("min_climb_points"));
    EXPECT_NEAR(f[0].evidence.at("rise"), 0.79, 0.05);
    EXPECT_GE(f[0].evidence.at("rise_share_of_range"), f[0].evidence.at("min_share_of_range"));
    EXPECT_GE(f[0].evidence.at("rise_over_roughness"), f[0].evidence.at("min_rise_over_roughness"));
    EXPECT_GE(f[0].evidence.at("val_rise"), 0.12);
    EXPECT_GT(f[0].evidence.at("echo_rise"), 0.0);
    EXPECT_LE(f[0].beginStep, 9);
    EXPECT_GE(f[0].endStep, 20);
    EXPECT_NE(f[0].message.find("rings and fades"), std::string::npos) << f[0].message;
}

// The same smooth fall without a swing, a swing with nothing after it (a spike that recovers,
// spike_recovers_fullbatch_friedman3_nesterov_hf), and a bump of the training loss alone
// (validation falling smoothly through it: a model memorising, not a step overshooting).
TEST(DetectOscillationOvershoot, NoSwingNoEchoOrNoValidationSwingIsQuiet) {
    EXPECT_TRUE(detect(run({.swing = 0.0, .valSwing = 0.0})).empty());
    const auto noEcho = detect(run({.echo = 0.0}));
    EXPECT_TRUE(noEcho.empty()) << noEcho[0].message;
    const auto trainOnly = detect(run({.valSwing = 0.0}));
    EXPECT_TRUE(trainOnly.empty()) << trainOnly[0].message;
}

// A swing must last: a hump that climbs for two epochs (a two-point spike) is quiet, and found
// when two evaluations in a row would do.
TEST(DetectOscillationOvershoot, ATwoEpochClimbIsNoSwing) {
    const Shape narrow{.swingWidth = 0.9};
    EXPECT_TRUE(detect(run(narrow)).empty());
    OscillationConfig c;
    c.minSwingClimb = 2;
    EXPECT_EQ(detect(run(narrow), c).size(), 1u);
}

// A climb no larger than the curve's noise is no overshoot: with the noise ratio asked up to
// a level the swing does not reach, quiet.
TEST(DetectOscillationOvershoot, TheClimbMustStandAboveTheRoughness) {
    const auto f = detect(run({}));
    ASSERT_EQ(f.size(), 1u);
    OscillationConfig c;
    c.swingNoiseRatio = f[0].evidence.at("rise_over_roughness") * 1.01;
    EXPECT_TRUE(detect(run({}), c).empty());
}

}  // namespace
}  // namespace curvedoctor::core
