// Tick values and labels. Expected labels are the conventional short forms (SI prefixes k/M/G,
// decades on log axes) written out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <utility>

#include "ui/chart/chart_axes.h"

namespace curvedoctor::ui {
namespace {

QStringList labels(const QList<Tick>& ticks) {
    QStringList out;
    for (const Tick& t : ticks) out << t.label;
    return out;
}

TEST(ChartAxes, NiceStepIsOneTwoOrFiveTimesAPowerOfTen) {
    EXPECT_DOUBLE_EQ(niceStep(1'000'000, 5), 200'000);
    EXPECT_DOUBLE_EQ(niceStep(9, 10), 1);
    EXPECT_DOUBLE_EQ(niceStep(0.03, 6), 0.005);
    EXPECT_EQ(niceStep(0, 5), 0.0);
}

TEST(ChartAxes, NumbersGetSiSuffixesAndNoSpareDecimals) {
    EXPECT_EQ(formatNumber(1'000'000, 200'000), "1M");
    EXPECT_EQ(formatNumber(1'500'000, 500'000), "1.5M");
    EXPECT_EQ(formatNumber(10'000, 5'000), "10k");
    EXPECT_EQ(formatNumber(2'500, 500), "2.5k");
    EXPECT_EQ(formatNumber(0.001, 0.001), "0.001");
    EXPECT_EQ(formatNumber(0.25, 0.05), "0.25");
    EXPECT_EQ(formatNumber(0, 0.05), "0");
    EXPECT_EQ(formatNumber(4e-4, 2e-4), "4e-4");
    EXPECT_EQ(formatNumber(1.5e-5, 5e-6), "1.5e-5");
    EXPECT_EQ(formatNumber(3e9, 1e9), "3G");
}

TEST(ChartAxes, HugeAndTinyMagnitudesStayShort) {
    // Issue #12 item 12: 1e308 was printed in full (309 digits followed by "T").
    EXPECT_EQ(formatNumber(1e308, 1e307), "1e308");
    EXPECT_EQ(formatNumber(-1.5e300, 5e299), "-1.5e300");
    EXPECT_EQ(formatNumber(2e15, 1e15), "2e15");
    EXPECT_EQ(formatNumber(1e-300, 1e-301), "1e-300");
    EXPECT_EQ(formatNumber(999e12, 1e12), "999T");  // the largest suffix still applies below 1e15
    for (const auto& [lo, hi] :
         {std::pair{0.0, 1.7e308}, std::pair{-1e308, 1e308}, std::pair{1e-308, 5e-308}})
        for (const Tick& t : niceTicks(lo, hi, 8, TickFormat::Number))
            EXPECT_LE(t.label.size(), 10) << t.label.toStdString();
}

TEST(ChartAxes, LinearTicksAreRoundAndReadable) {
    const QList<Tick> t = niceTicks(0, 1'000'000, 6, TickFormat::Number);
    EXPECT_EQ(labels(t), (QStringList{"0", "200k", "400k", "600k", "800k", "1M"}));
    for (const Tick& tick : t) EXPECT_FALSE(tick.label.contains(".0"));
    const QList<Tick> small = niceTicks(0.12, 0.48, 5, TickFormat::Number);
    EXPECT_EQ(labels(small), (QStringList{"0.2", "0.3", "0.4"}));
}

TEST(ChartAxes, LogTicksAreDecades) {
    const QList<Tick> t = niceTicks(-3.2, 1.1, 5, TickFormat::Log10);
    EXPECT_EQ(labels(t), (QStringList{"1e-3", "1e-2", "1e-1", "1", "10"}));
    EXPECT_EQ(labels(niceTicks(-2.2, 2.1, 5, TickFormat::Log10)),
              (QStringList{"0.01", "0.1", "1", "10", "100"}));
    EXPECT_DOUBLE_EQ(t.front().value, -3.0);
    // Many decades: every other one.
    EXPECT_EQ(niceTicks(-8, 2, 5, TickFormat::Log10).size(), 6);
    // One to three decades: 1, 2, 5 per decade.
    EXPECT_EQ(labels(niceTicks(-4.1, -2.9, 8, TickFormat::Log10)),
              (QStringList{"1e-4", "2e-4", "5e-4", "1e-3"}));
    // Less than a decade: linear values placed at their logarithm.
    const QList<Tick> narrow = niceTicks(std::log10(0.2), std::log10(0.9), 5, TickFormat::Log10);
    ASSERT_FALSE(narrow.isEmpty());
    EXPECT_NEAR(narrow.front().value, std::log10(0.2), 1e-9);
    EXPECT_EQ(narrow.front().label, "0.2");
}

TEST(ChartAxes, DurationsReadLikeAClock) {
    EXPECT_EQ(labels(niceTicks(0, 7200, 5, TickFormat::Duration)),
              (QStringList{"0", "30m", "1h", "1h 30m", "2h"}));
    EXPECT_EQ(labels(niceTicks(0, 100, 6, TickFormat::Duration)),
              (QStringList{"0", "30s", "1m", "1m 30s"}));
}

TEST(ChartAxes, EmptyOrBrokenRangesGiveNoTicks) {
    EXPECT_TRUE(niceTicks(1, 1, 5, TickFormat::Number).isEmpty());
    EXPECT_TRUE(niceTicks(0, NAN, 5, TickFormat::Number).isEmpty());
}

}  // namespace
}  // namespace curvedoctor::ui
