// lr_drop: step-like drops of the learning rate (schedule boundaries), not smooth decays.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/detectors/lr_drop.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectLrDrop(v);
}

TEST(DetectLrDrop, StepScheduleGivesOneInfoPerBoundary) {
    // MultiStepLR(milestones=[30, 45], gamma=0.1), one value per epoch, 10 steps per epoch.
    const core::Run r =
        runOf({{"lr", seriesOf(
                          60, [](std::size_t e) { return e < 30   ? 0.1
                                                         : e < 45 ? 0.01
                                                                  : 0.001; }, 0,
                          10, 10.0)},
               {"loss", seriesOf(
                            600, [](std::size_t i) { return i < 300 ? 1.0 : 0.6; }, 0, 1, 10.0)}});
    const auto f = detect(r);
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].kind, FindingKind::LrDrop);
    EXPECT_EQ(f[0].severity, Severity::Info);
    EXPECT_EQ(f[0].beginStep, 290);
    EXPECT_EQ(f[0].endStep, 300);
    EXPECT_NE(f[0].message.find("epoch 30"), std::string::npos) << f[0].message;
    EXPECT_NE(f[0].message.find("loss went from 1 to 0.6"), std::string::npos) << f[0].message;
    EXPECT_EQ(f[1].endStep, 450);
}

TEST(DetectLrDrop, RatioEdge) {
    const LrDropConfig c;
    auto at = [](double ratio) {
        return runOf({{"lr", seriesOf({0.1, 0.1, 0.1, 0.1 * ratio, 0.1 * ratio})}});
    };
    EXPECT_EQ(detect(at(c.maxRatio * 0.98)).size(), 1u);
    EXPECT_TRUE(detect(at(c.maxRatio * 1.02)).empty());
}

TEST(DetectLrDrop, SmoothCosineLoggedSparselyIsSilent) {
    // Cosine decay to zero logged every 10% of the run: the last intervals fall by > 30%.
    EXPECT_TRUE(detect(runOf({{"learning_rate", seriesOf(11,
                                                         [](std::size_t i) {
                                                             return 0.05 *
                                                                    (1.0 +
                                                                     std::cos(std::numbers::pi *
                                                                              double(i) / 10.0));
                                                         })}}))
                    .empty());
}

TEST(DetectLrDrop, ManyDropsAreSummarised) {
    const LrDropConfig c;
    // Halved every 3 epochs, 30 times.
    const auto f = detect(
        runOf({{"lr", seriesOf(90, [](std::size_t e) { return std::pow(0.5, double(e / 3)); })}}));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_GT(f[0].evidence.at("drops"), double(c.maxFindings));
}

TEST(DetectLrDrop, AFlatPointIsADropWhenMaxRatioAllowsIt) {
    // With maxRatio 1 a value equal to the one before is "at most maxRatio of it": every point
    // of a flat schedule from the third on is a drop, not only where the schedule changes.
    const core::Run r = runOf({{"lr", seriesOf(std::vector<double>(12, 0.1))}});
    LrDropConfig config;
    config.maxRatio = 1.0;
    const auto f = detectLrDrop(makeRunView(r), config);
    ASSERT_EQ(f.size(), 1u);  // more than maxFindings: one summary
    EXPECT_EQ(f[0].evidence.at("drops"), 10.0);
    EXPECT_TRUE(detectLrDrop(makeRunView(r)).empty());
}

}  // namespace
}  // namespace curvedoctor::core
