// undertrained: still clearly falling at the end, confirmed by validation when it exists.
#include <gtest/gtest.h>

#include <cmath>

#include "core/detectors/undertrained.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectUndertrained(v);
}

Series linearDrop(std::size_t n, std::int64_t first, std::int64_t stride) {
    return seriesOf(
        n, [](std::size_t i) { return 2.0 - double(i) * 0.001; }, first, stride);
}

TEST(DetectUndertrained, StraightLineDescentWithoutValidation) {
    const auto f = detect(runOf({{"loss", linearDrop(1000, 0, 1)}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::Undertrained);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].endStep, 999);
    EXPECT_NEAR(static_cast<double>(f[0].beginStep), 800.0, 5.0);  // the last 20%
}

TEST(DetectUndertrained, TailShareEdgeWithoutValidation) {
    // Loss = 2 - [(1 - c) x + c (2x - x^2)] on x in [0, 1]: the tail [0.8, 1] makes
    // (1 - c) 0.2 + c 0.04 = 0.2 - 0.16c of the improvement; the threshold is
    // 0.75 * 0.2 = 0.15, reached at c = 0.3125.
    auto run = [](double c) {
        return runOf({{"loss", seriesOf(1000, [&](std::size_t i) {
                           const double x = double(i) / 999.0;
                           return 2.0 - ((1.0 - c) * x + c * (2.0 * x - x * x));
                       })}});
    };
    const UndertrainedConfig cfg;
    ASSERT_DOUBLE_EQ(cfg.trainSlopeRatio * cfg.tailShare, 0.15);
    EXPECT_EQ(detect(run(0.25)).size(), 1u);
    EXPECT_TRUE(detect(run(0.38)).empty());
}

TEST(DetectUndertrained, ConvergedRunIsSilent) {
    EXPECT_TRUE(detect(healthyRun()).empty());
}

TEST(DetectUndertrained, ValidationStillImprovingConfirms) {
    const auto f = detect(runOf(
        {{"loss", linearDrop(1000, 0, 1)},
         {"val_loss", seriesOf(
                          10, [](std::size_t e) { return 2.0 - 0.1 * double(e); }, 99, 100)}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].message.find("val_loss is still improving"), std::string::npos) << f[0].message;
}

TEST(DetectUndertrained, ValidationAlreadyWorseningVetoes) {
    const auto f = detect(runOf(
        {{"loss", linearDrop(1000, 0, 1)},
         {"val_loss", seriesOf({2.0, 1.8, 1.6, 1.5, 1.5, 1.5, 1.6, 1.7, 1.8, 1.9}, 99, 100)}}));
    EXPECT_TRUE(f.empty()) << describe(f);
}

}  // namespace
}  // namespace curvedoctor::core
