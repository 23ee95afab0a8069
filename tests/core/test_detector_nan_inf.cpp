// nan_inf: first non-finite step per metric, severities, and the "loss exactly 0.0 while
// grad_norm is NaN" pattern of hf_trainer_03 in ../shared/realworld.
#include <gtest/gtest.h>

#include <cmath>

#include "core/detectors/nan_inf.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

const double kNaN = std::nan("");

std::vector<Finding> run(const core::Run& r, const NanInfConfig& c = {}) {
    const RunView v = makeRunView(r);
    return detectNanInf(v, c);
}

TEST(DetectNanInf, FiniteRunIsSilent) {
    EXPECT_TRUE(run(healthyRun()).empty());
}

TEST(DetectNanInf, LossThatStaysNaNIsAnErrorAtItsFirstBadStep) {
    const core::Run r = runOf(
        {{"loss", seriesOf(
                      100, [](std::size_t i) { return i < 60 ? 1.0 : kNaN; }, 0, 10, 100.0)}});
    const auto f = run(r);
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].kind, FindingKind::NanInf);
    EXPECT_EQ(f[0].severity, Severity::Error);
    EXPECT_EQ(f[0].beginStep, 600);
    EXPECT_EQ(f[0].endStep, 990);
    ASSERT_TRUE(f[0].beginEpoch.has_value());
    EXPECT_DOUBLE_EQ(*f[0].beginEpoch, 6.0);
    EXPECT_NE(f[0].message.find("NaN at step 600 (epoch 6)"), std::string::npos) << f[0].message;
    EXPECT_NE(f[0].message.find("40 of 100"), std::string::npos) << f[0].message;
}

TEST(DetectNanInf, OneRecoveredInfIsInfoTwoAreAWarning) {
    const core::Run one = runOf({{"val/cls_loss", seriesOf({HUGE_VAL, 7.0, 3.0, 2.0})}});
    auto f = run(one);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Info);
    EXPECT_NE(f[0].message.find("+Inf"), std::string::npos);
    const core::Run two = runOf({{"val/cls_loss", seriesOf({HUGE_VAL, 7.0, -HUGE_VAL, 2.0})}});
    f = run(two);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].endStep, 2);  // the last non-finite one
}

TEST(DetectNanInf, BookkeepingMetricIsMilder) {
    const core::Run always = runOf({{"grad_norm", seriesOf(10, [](std::size_t) { return kNaN; })}});
    auto f = run(always);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    const core::Run sometimes = runOf(
        {{"grad_norm", seriesOf(10, [](std::size_t i) { return i % 4 == 1 ? HUGE_VAL : 1.0; })}});
    f = run(sometimes);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Info);
}

core::Run zeroLossRun(std::size_t zeros) {
    // loss 0.25 then `zeros` exact zeros then 0.2; grad_norm NaN throughout.
    std::vector<double> loss{0.25};
    for (std::size_t i = 0; i < zeros; ++i) loss.push_back(0.0);
    loss.push_back(0.2);
    return runOf({{"loss", seriesOf(loss, 500, 500)},
                  {"grad_norm", seriesOf(
                                    loss.size(), [](std::size_t) { return kNaN; }, 500, 500)}});
}

TEST(DetectNanInf, LossStuckAtZeroWhileGradNormIsNaN) {
    const NanInfConfig c;
    auto f = findingsOfKind(run(zeroLossRun(c.minZeroRun)), "nan_inf");
    ASSERT_EQ(f.size(), 2u) << describe(f);  // grad_norm itself, and the masked loss
    const auto masked =
        std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.metric == "loss"; });
    ASSERT_NE(masked, f.end());
    EXPECT_EQ(masked->severity, Severity::Error);
    EXPECT_EQ(masked->beginStep, 1000);
    EXPECT_EQ(masked->endStep, 500 * static_cast<std::int64_t>(c.minZeroRun + 1));
    EXPECT_NE(masked->message.find("exactly 0.0"), std::string::npos);
    EXPECT_NE(masked->message.find("grad_norm"), std::string::npos);
    // One zero fewer than the threshold: only grad_norm's own finding.
    f = run(zeroLossRun(c.minZeroRun - 1));
    ASSERT_EQ(f.size(), 1u) << describe(f);
    EXPECT_EQ(f[0].metric, "grad_norm");
}

TEST(DetectNanInf, ZeroLossWithoutAnyNaNIsNotFlagged) {
    const core::Run r = runOf({{"loss", seriesOf({0.3, 0.0, 0.0, 0.0, 0.0})}});
    EXPECT_TRUE(run(r).empty());
}

}  // namespace
}  // namespace curvedoctor::core
