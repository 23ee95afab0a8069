// hard_to_converge: most repeats of one configuration end far above the best one.
#include <gtest/gtest.h>

#include <cmath>

#include "core/detectors/hard_to_converge.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

// Loss from 2.3 towards `final` with a seed's noise.
core::Run seedRun(double final, unsigned seed) {
    Noise n(seed);
    return runOf({{"loss", seriesOf(500,
                                    [&](std::size_t i) {
                                        return final + (2.3 - final) * std::exp(-double(i) / 80.0) +
                                               n(0.02);
                                    })}},
                 "seed" + std::to_string(seed));
}

std::vector<Finding> detect(const std::vector<double>& finals) {
    std::vector<core::Run> runs;
    for (std::size_t i = 0; i < finals.size(); ++i)
        runs.push_back(seedRun(finals[i], unsigned(i + 1)));
    std::vector<RunView> views;
    for (const auto& r : runs) views.push_back(makeRunView(r));
    std::vector<const RunView*> ptrs;
    for (const auto& v : views) ptrs.push_back(&v);
    return detectHardToConverge(ptrs);
}

TEST(DetectHardToConverge, MostSeedsStuckIsAWarning) {
    // A ReLU before the softmax: 3 of 5 seeds stay near ln(10), 2 converge.
    const auto f = detect({0.1, 2.2, 0.12, 2.25, 1.9});
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, FindingKind::HardToConverge);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].evidence.at("poor_runs"), 3.0);
    EXPECT_EQ(f[0].beginStep, 0);
    EXPECT_EQ(f[0].endStep, 499);
    EXPECT_NE(f[0].message.find("seed2"), std::string::npos);
}

TEST(DetectHardToConverge, StableConfigurationIsSilent) {
    EXPECT_TRUE(detect({0.1, 0.11, 0.12, 0.1, 0.13}).empty());
}

TEST(DetectHardToConverge, PoorShareEdgeWithNegativeLosses) {
    const HardToConvergeConfig c;
    // Shift everything by -3 so the ratio rule cannot apply: gap from the typical start
    // (2.3 - 3) to the best final (0.1 - 3) is 2.2; poor means 30% of that (0.66) behind.
    auto shifted = [](std::vector<double> finals) {
        std::vector<core::Run> runs;
        for (std::size_t i = 0; i < finals.size(); ++i) {
            core::Run r = seedRun(finals[i], unsigned(i + 1));
            {
                core::ValueColumn& v = r.metrics["loss"].values;
                for (std::size_t k = 0; k < v.size(); ++k) v.set(k, v[k] - 3.0);
            }
            runs.push_back(std::move(r));
        }
        std::vector<RunView> views;
        for (const auto& r : runs) views.push_back(makeRunView(r));
        std::vector<const RunView*> ptrs;
        for (const auto& v : views) ptrs.push_back(&v);
        return detectHardToConverge(ptrs);
    };
    const double just = 2.2 * c.poorShare;
    EXPECT_TRUE(shifted({0.1, 0.1 + just * 0.9, 0.1 + just * 0.9, 0.1}).empty());
    EXPECT_EQ(shifted({0.1, 0.1 + just * 1.1, 0.1 + just * 1.1, 0.1}).size(), 1u);
}

TEST(DetectHardToConverge, RatioEdgeForNonNegativeLosses) {
    const HardToConvergeConfig c;
    // Best final 0.1; 0.1 * gap = 0.22. At 2.9x (0.29) the runs are not poor, at 3.5x (0.35,
    // 0.25 behind) they are.
    EXPECT_TRUE(detect({0.1, 0.1 * (c.poorRatio - 0.1), 0.1 * (c.poorRatio - 0.1), 0.1}).empty());
    EXPECT_EQ(detect({0.1, 0.1 * (c.poorRatio + 0.5), 0.1 * (c.poorRatio + 0.5), 0.1}).size(), 1u);
    // 5x of a tiny best final is not enough when the difference is under 10% of the gap.
    EXPECT_TRUE(detect({0.01, 0.05, 0.05, 0.01}).empty());
}

TEST(DetectHardToConverge, MinorityOrTooFewRunsIsSilent) {
    // One poor run out of four is not "most"; two runs are too few to judge.
    EXPECT_TRUE(detect({0.1, 2.2, 0.1, 0.1}).empty());
    EXPECT_TRUE(detect({0.1, 2.2}).empty());
}

}  // namespace
}  // namespace curvedoctor::core
