// oscillation: strong swings without a trend, not batch noise and not a converging curve.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/detectors/oscillation.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectOscillation(v);
}

// 2000 steps of 1 + amp * sin(2 pi i / period) + drift * i / 2000, with batch noise.
core::Run wave(double amp, double period, double drift) {
    Noise n(11);
    return runOf({{"loss", seriesOf(2000, [&](std::size_t i) {
                       return 1.0 + amp * std::sin(2.0 * std::numbers::pi * double(i) / period) -
                              drift * double(i) / 2000.0 + n(0.05);
                   })}});
}

TEST(DetectOscillation, SwingsWithoutTrendAreAWarning) {
    const auto f = detect(wave(0.5, 250.0, 0.0));  // 8 periods: 15 swings
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Oscillation);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_GE(f[0].evidence.at("swings"), 12.0);
    EXPECT_LE(f[0].evidence.at("efficiency"), 0.1);
}

TEST(DetectOscillation, SwingCountEdge) {
    const OscillationConfig c;
    // One period = 2 swings after the first extreme; 1.5 periods give 2-3, 3 periods 5-6.
    EXPECT_TRUE(detect(wave(0.5, 2000.0 / 1.5, 0.0)).empty());
    EXPECT_GE(detect(wave(0.5, 2000.0 / 3.0, 0.0)).size(), 1u);
    EXPECT_GE(c.minSwings, 4u);
}

TEST(DetectOscillation, StrongTrendWithSmallWigglesIsSilent) {
    EXPECT_TRUE(detect(wave(0.05, 250.0, 1.5)).empty());
    EXPECT_TRUE(detect(healthyRun()).empty());
}

TEST(DetectOscillation, BatchNoiseAloneIsSilent) {
    EXPECT_TRUE(detect(wave(0.0, 250.0, 0.0)).empty());
}

}  // namespace
}  // namespace curvedoctor::core
