// not_learning: a flat loss from the start (near ln(classes)), at the edge of its threshold.
#include <gtest/gtest.h>

#include <cmath>

#include "core/detectors/not_learning.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

const double kLn10 = std::log(10.0);  // cross-entropy of a uniform guess over 10 classes

// Loss falling linearly by `drop` (a share of ln 10) over 200 steps, with tiny batch noise.
core::Run flat(double drop, std::int64_t firstStep = 0) {
    Noise n(5);
    return runOf(
        {{"loss",
          seriesOf(
              200,
              [&](std::size_t i) { return kLn10 * (1.0 - drop * double(i) / 199.0) + n(0.001); },
              firstStep)},
         {"val_acc", seriesOf(
                         10, [&](std::size_t) { return 0.1 + n(0.005); }, firstStep + 19, 20)}});
}

std::vector<Finding> detect(const core::Run& r) {
    const RunView v = makeRunView(r);
    return detectNotLearning(v);
}

TEST(DetectNotLearning, FlatAtLnClassesIsAnError) {
    const auto f = detect(flat(0.0));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::NotLearning);
    EXPECT_EQ(f[0].severity, Severity::Error);
    EXPECT_EQ(f[0].beginStep, 0);
    EXPECT_EQ(f[0].endStep, 199);
    EXPECT_NE(f[0].message.find("2.30"), std::string::npos) << f[0].message;
    EXPECT_NE(f[0].message.find("val_acc"), std::string::npos) << f[0].message;
}

TEST(DetectNotLearning, ThresholdEdges) {
    const NotLearningConfig c;
    // The trend's ends are medians of a few points, so stay 20% away from the edge.
    EXPECT_EQ(detect(flat(c.maxRelativeDrop * 0.8)).size(), 1u);
    EXPECT_TRUE(detect(flat(c.maxRelativeDrop * 1.2)).empty());
}

TEST(DetectNotLearning, ResumedRunIsNotFlatFromTheStart) {
    // Logged from step 5000 to 5199: the start of training is not in the log.
    EXPECT_TRUE(detect(flat(0.0, 5000)).empty());
}

TEST(DetectNotLearning, HealthyRunIsSilent) {
    EXPECT_TRUE(detect(healthyRun()).empty());
}

}  // namespace
}  // namespace curvedoctor::core
