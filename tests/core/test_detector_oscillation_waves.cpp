// oscillation read raw, issue #15 (doctor21): smooth waves of a full-batch loss, waves before a
// blow-up, long ringing at every evaluation, and bumps while the model memorises.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>

#include "core/detectors/oscillation.h"
#include "core/detectors/oscillation_waves.h"
#include "core/diagnosis.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

std::vector<Finding> detect(const core::Run& r) {
    return detectOscillation(makeRunView(r));
}

// A training loss and a validation loss, one value per epoch (epochs 1..n).
core::Run perEpoch(const std::vector<double>& loss, const std::vector<double>& val) {
    return runOf({{"loss", seriesOf(loss, 1, 1)}, {"val_loss", seriesOf(val, 1, 1)}});
}

std::vector<double> flat(std::size_t n, double v) {
    return std::vector<double>(n, v);
}

// Full-batch SGD overshooting every 8 epochs while the loss falls 1.0 -> 0.06, the swings
// fading over 40 epochs (oscillation_fading_friedman_tf in tests/data/corpus2, half m:
// 0.35 -> 0.54 -> 0.36 -> 0.48 -> 0.29 -> 0.34 -> 0.22 -> 0.28). Each wave climbs for 3-4
// epochs in a row by 15-50%, far more than the curve bends from one epoch to the next.
std::vector<double> fadingWaves(double amp) {
    std::vector<double> loss;
    for (std::size_t i = 0; i < 100; ++i) {
        const double t = double(i);
        loss.push_back(
            (0.06 + 0.9 * std::exp(-t / 20.0)) *
            (1.0 + amp * std::exp(-t / 50.0) * std::sin(2.0 * std::numbers::pi * t / 8.0)));
    }
    return loss;
}

TEST(DetectOscillationWaves, FadingWavesOfAFullBatchLossAreAWarning) {
    const auto f = detect(perEpoch(fadingWaves(0.3), flat(100, 0.3)));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Oscillation);
    EXPECT_GE(f[0].evidence.at("waves"), f[0].evidence.at("min_waves"));
    EXPECT_GE(f[0].evidence.at("smallest_rise"), f[0].evidence.at("min_rise"));
    EXPECT_NE(f[0].message.find("rises against its course"), std::string::npos) << f[0].message;
    // The same fall without the waves, and with waves of 4% of the level, is silent.
    EXPECT_TRUE(detect(perEpoch(fadingWaves(0.0), flat(100, 0.3))).empty());
    const auto small = detect(perEpoch(fadingWaves(0.04), flat(100, 0.3)));
    EXPECT_TRUE(small.empty()) << small[0].message;
}

// A rise must last: a loss falling with a one-epoch bump of 40% every 8 epochs (as large as the
// waves above) has no wave, however many bumps.
TEST(DetectOscillationWaves, OneEpochBumpsAreNoWaves) {
    std::vector<double> loss;
    for (std::size_t i = 0; i < 100; ++i) {
        const double level = 0.06 + 0.9 * std::exp(-double(i) / 10.0);
        loss.push_back(level * (i % 8 == 3 ? 1.4 : 1.0));
    }
    OscillationConfig c;
    const Waves w = findWaves(loss, c);
    EXPECT_EQ(w.count, 0u);
    c.minWavePoints = 1;  // counted as waves when a one-point rise would do
    EXPECT_GE(findWaves(loss, c).count, c.minWaves);
}

// A per-epoch loss with noise of 20% of its level, independent from epoch to epoch: it turns at
// every other point, so a rise seldom lasts two evaluations; no waves. (The raw zig-zag read
// of epochOscillation, older than the waves, does call noise this large early in a run
// swings; only the waves are asserted here.)
TEST(DetectOscillationWaves, NoiseOfAPerEpochLossIsNoWave) {
    const OscillationConfig c;
    for (unsigned seed = 1; seed <= 5; ++seed) {
        Noise n(seed);
        std::vector<double> loss;
        for (std::size_t i = 0; i < 100; ++i)
            loss.push_back((0.1 + 0.9 * std::exp(-double(i) / 20.0)) * std::exp(n(0.2)));
        EXPECT_LT(findWaves(loss, c).count, c.minWaves) << seed;
    }
}

// A training loss memorising 80 samples (overfitting_diabetes_subset_radam_deit in tests/data/
// corpus2, half o): 0.88 -> 0.04 by epoch 34, then bumps 0.038 -> 0.077, 0.016 -> 0.060,
// 0.004 -> 0.047, 0.035 -> 0.088 that each climb for 3-11 epochs, by 100-1100% of the tiny
// level but 4-6% of the chart's range, down to 1e-4 at 150. Not waves one sees: the largest
// must climb a tenth of the range. The same bumps three times taller are.
std::vector<double> memorisingBumps(double scale) {
    std::vector<double> loss;
    for (std::size_t i = 0; i < 150; ++i)
        loss.push_back(0.0001 + 0.88 * std::exp(-double(i) / 10.0));
    const std::size_t starts[] = {34, 52, 74, 86};
    const double rises[] = {0.038, 0.044, 0.043, 0.053};
    const std::size_t lengths[] = {3, 6, 11, 2};
    for (std::size_t k = 0; k < 4; ++k) {
        for (std::size_t j = 1; j <= lengths[k]; ++j)
            loss[starts[k] + j] += scale * rises[k] * double(j) / double(lengths[k]);
    }
    return loss;
}

TEST(DetectOscillationWaves, BumpsOfALossNearZeroAreNoWaves) {
    const OscillationConfig c;
    const std::vector<double> val(150, 0.78);
    const std::vector<double> bumps = memorisingBumps(1.0);
    const Waves w = findWaves(bumps, c);
    EXPECT_GE(w.count, c.minWaves);                         // counted by the rises alone...
    EXPECT_LT(w.largestAbs, c.waveLargestShare * w.range);  // ...but none is tall on the chart
    const auto quiet = detect(perEpoch(bumps, val));
    EXPECT_TRUE(quiet.empty()) << quiet[0].message;
    // Three times taller, the same bumps are waves one sees (read alone: a loss this smooth
    // between them also rings to the zig-zag reading).
    const Waves tall = findWaves(memorisingBumps(3.0), c);
    EXPECT_GE(tall.count, c.minWaves);
    EXPECT_GE(tall.largestAbs, c.waveLargestShare * tall.range);
}

// Waves (0.44 <-> 0.80 every 7 epochs, as 0.51 <-> 0.88 every 4-6 epochs) and then a blow-up to
// 1e15 and Inf, the validation loss skipped (NaN) once more than the training loss
// (oscillation_then_nan_diabetes_deit in half m): the waves before the blow-up are found, ending
// before it; the blow-up is no wave.
TEST(DetectOscillationWaves, WavesBeforeABlowUpAreFound) {
    std::vector<double> loss;
    std::vector<double> val;
    const double inf = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < 50; ++i) {
        const double t = double(i);
        loss.push_back(i < 34 ? 0.62 + 0.18 * std::exp(-t / 30.0) *
                                           std::sin(2.0 * std::numbers::pi * t / 7.0)
                              : std::pow(10.0, double(i - 33)));
        val.push_back(i < 34 ? 0.7 : std::pow(10.0, double(i - 33)));
    }
    loss.back() = inf;
    val[48] = inf;
    val[49] = inf;
    const auto f = detect(perEpoch(loss, val));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_LE(f[0].endStep, 35);
    EXPECT_NE(f[0].message.find("before it blows up"), std::string::npos) << f[0].message;
    // Without the waves, the blow-up alone is no oscillation.
    for (std::size_t i = 0; i < 34; ++i) loss[i] = 0.62 - 0.001 * double(i);
    const auto quiet = detect(perEpoch(loss, val));
    EXPECT_TRUE(quiet.empty()) << quiet[0].message;
}

// Ringing at every epoch for 16 epochs by 35% of the level, then jitter of 25% of it
// (oscillation_ringing_circles_hf, half i: 3.5 times the later jitter): found with the long
// ringing's lower ratio; the same swings for 6 epochs need the short ringing's ratio: silent.
core::Run ringingThenJitter(std::size_t ringing) {
    Noise n(9);
    std::vector<double> loss;
    for (std::size_t i = 0; i < 100; ++i) {
        const double level = 0.1 + 0.6 * std::exp(-double(i) / 3.0);
        const double swing = i >= 6 && i < 6 + ringing ? 0.35 * (i % 2 == 0 ? 1.0 : -1.0) : 0.0;
        loss.push_back(level * (1.0 + swing + (i >= 6 + ringing ? n(0.25) : 0.0)));
    }
    return perEpoch(loss, flat(100, 0.1));
}

TEST(DetectOscillationWaves, LongRingingNeedsLessAgainstTheFloor) {
    const OscillationConfig c;
    const auto f = detect(ringingThenJitter(16));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_GE(f[0].evidence.at("swings"), double(c.minLongAlternations));
    EXPECT_EQ(f[0].evidence.at("min_floor_ratio"), c.longFloorRatio);
    EXPECT_LT(f[0].evidence.at("swing_size"), c.minFloorRatio * f[0].evidence.at("noise_floor"));
    const auto shortRing = detect(ringingThenJitter(6));
    EXPECT_TRUE(shortRing.empty()) << shortRing[0].message;
}

// Bumps of a training loss falling fast while the validation loss climbs to 2.5 times its best
// (a model memorising flipped labels, overfitting_early_best_noisycls_deep_deit in half l):
// no ringing. The same training loss with a validation loss that stays near its best is one.
core::Run bumpsWhileValClimbs(double valClimb) {
    std::vector<double> loss;
    std::vector<double> val;
    for (std::size_t i = 0; i < 40; ++i) {
        const double level = 0.002 + 0.6 * std::exp(-double(i) / 6.0);
        const double ring = i >= 6 && i < 16 ? 0.4 * ((i / 2) % 2 == 0 ? 1.0 : -1.0) : 0.0;
        loss.push_back(level * (1.0 + ring));
        val.push_back(0.5 * (1.0 + valClimb * std::min(1.0, double(i) / 16.0)));
    }
    return perEpoch(loss, val);
}

TEST(DetectOscillationWaves, BumpsWhileMemorisingAreNoRinging) {
    const auto memorising = detect(bumpsWhileValClimbs(2.0));
    EXPECT_TRUE(memorising.empty()) << memorising[0].message;
    const auto f = detect(bumpsWhileValClimbs(0.0));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_LE(f[0].evidence.at("val_over_best"), f[0].evidence.at("max_val_over_best"));
}

// Divergence supersedes an oscillation of the same loss that is part of its blow-up, not the
// swings that ended before it began (the waves of WavesBeforeABlowUpAreFound, then the
// blow-up); swings that run into the climb are the climb's.
TEST(DetectOscillationWaves, SwingsBeforeABlowUpOutliveItsDivergence) {
    auto f = [](FindingKind kind, std::int64_t begin, std::int64_t end) {
        Finding x;
        x.kind = kind;
        x.severity = Severity::Warning;
        x.metric = "loss";
        x.beginStep = begin;
        x.endStep = end;
        return x;
    };
    std::vector<Finding> before{f(FindingKind::Oscillation, 2, 28),
                                f(FindingKind::Divergence, 29, 50)};
    consolidateFindings(before, core::Run{});
    EXPECT_EQ(before.size(), 2u);
    std::vector<Finding> during{f(FindingKind::Oscillation, 8, 45),
                                f(FindingKind::Divergence, 29, 50)};
    consolidateFindings(during, core::Run{});
    ASSERT_EQ(during.size(), 1u);
    EXPECT_EQ(during[0].kind, FindingKind::Divergence);
}

}  // namespace
}  // namespace curvedoctor::core
