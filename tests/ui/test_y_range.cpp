// The robust y fit (ui/chart/y_range.h): spikes inside a curve and a run whose whole scale is
// far off the others' do not set the range; one or two runs are always shown whole. Also the
// run colours by name and the wall-time labels (issue #14).
#include <gtest/gtest.h>

#include <QList>
#include <cmath>
#include <vector>

#include <QDateTime>

#include "ui/chart/chart_axes.h"
#include "ui/chart/palette.h"
#include "ui/chart/y_range.h"
#include "ui/run_store.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

// 500 values falling from 2 to about 0.5 (a loss), plus optional spikes.
std::vector<double> lossCurve(double scale = 1.0) {
    std::vector<double> v;
    for (int i = 0; i < 500; ++i) v.push_back(scale * (0.5 + 1.5 / (1.0 + 0.05 * i)));
    return v;
}

TEST(YRange, ASpikeOfAFewPointsDoesNotSetTheRange) {
    std::vector<double> c = lossCurve();
    c[100] = 1e6;  // one diverged step, 0.2% of the curve
    c[101] = 5e5;
    const YFit fit = fitYRange({c}, {});
    ASSERT_TRUE(fit.valid);
    EXPECT_LT(fit.hi, 2.1);  // the curve's own maximum is 2.0
    EXPECT_GT(fit.lo, 0.49);
    EXPECT_FALSE(fit.outlier[0]);
}

TEST(YRange, ARunWhoseScaleIsFarOffIsFittedOutAndNamed) {
    // Like lightning_07 (train loss about 2.7e8) beside ordinary losses.
    const std::vector<std::vector<double>> curves{lossCurve(), lossCurve(1.2), lossCurve(0.8),
                                                  lossCurve(2.7e8)};
    const YFit fit = fitYRange(curves, {});
    ASSERT_TRUE(fit.valid);
    EXPECT_TRUE(fit.outlier[3]);
    EXPECT_FALSE(fit.outlier[0] || fit.outlier[1] || fit.outlier[2]);
    EXPECT_LT(fit.hi, 2.0 * 1.2 + 0.01);
}

TEST(YRange, OneOrTwoRunsAreNeverFittedOut) {
    const YFit two = fitYRange({lossCurve(), lossCurve(2.7e8)}, {});
    EXPECT_FALSE(two.outlier[0] || two.outlier[1]);
    EXPECT_GT(two.hi, 2.7e8);
    // Nor on a log axis (allowOutliers off), where every scale fits.
    YFitConfig log;
    log.allowOutliers = false;
    const YFit many = fitYRange({lossCurve(), lossCurve(), lossCurve(), lossCurve(2.7e8)}, log);
    EXPECT_FALSE(many.outlier[3]);
    EXPECT_GT(many.hi, 2.7e8);
}

TEST(YRange, NonFiniteValuesAreIgnoredAndIncludeZeroReachesZero) {
    std::vector<double> c = lossCurve();
    c[3] = std::nan("");
    c[4] = INFINITY;
    YFitConfig zero;
    zero.includeZero = true;
    const YFit fit = fitYRange({c}, zero);
    ASSERT_TRUE(fit.valid);
    EXPECT_EQ(fit.lo, 0.0);
    EXPECT_TRUE(std::isfinite(fit.hi));
    EXPECT_FALSE(fitYRange({{std::nan("")}, {}}, {}).valid);
}

TEST(RunColours, AColourFollowsTheNameNotTheOrderOfLoading) {
    const std::vector<std::string> names{"resnet_lr0.1", "resnet_lr0.01", "vit_base"};
    QList<QColor> alone;
    for (const auto& n : names) alone << runColorForName(QString::fromStdString(n), {});
    // Precondition of the comparison: the three names hash to three palette colours.
    ASSERT_NE(alone[0], alone[1]);
    ASSERT_NE(alone[1], alone[2]);
    ASSERT_NE(alone[0], alone[2]);
    RunStore forward, backward;
    for (const auto& n : names) forward.add(testing::makeRun(n, 3), {});
    for (auto it = names.rbegin(); it != names.rend(); ++it)
        backward.add(testing::makeRun(*it, 3), {});
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(forward.at(i).color, alone[i]);
        EXPECT_EQ(backward.at(2 - i).color, alone[i]);
    }
    // Two runs never share a colour while the palette has free ones, even when names collide.
    RunStore many;
    for (int i = 0; i < runColorCount(); ++i)
        many.add(testing::makeRun("run" + std::to_string(i), 3), {});
    QList<QColor> seen;
    for (const RunEntry& e : many.entries()) {
        EXPECT_FALSE(seen.contains(e.color)) << e.name.toStdString();
        seen << e.color;
    }
}

// Wall-time labels name the date once the range passes a day, and the year once it passes
// New Year (runs logged months apart); within a day they are clock times only.
TEST(WallTimeLabels, CarryTheDateAndTheYearWhenTheRangeNeedsThem) {
    const double noon =
        static_cast<double>(QDateTime(QDate(2025, 12, 30), QTime(12, 0)).toSecsSinceEpoch());
    for (const Tick& t : niceTicks(noon, noon + 3600, 6, TickFormat::DateTime))
        EXPECT_FALSE(t.label.contains(QStringLiteral("Dec"))) << t.label.toStdString();
    const double mid = noon - 20 * 86400.0;  // December 10: the days stay in December
    const auto days = niceTicks(mid, mid + 1.5 * 86400, 6, TickFormat::DateTime);
    ASSERT_FALSE(days.isEmpty());
    for (const Tick& t : days)
        EXPECT_TRUE(t.label.contains(QStringLiteral("Dec"))) << t.label.toStdString();
    const auto years = niceTicks(noon, noon + 5 * 86400, 6, TickFormat::DateTime);
    ASSERT_FALSE(years.isEmpty());
    for (const Tick& t : years)
        EXPECT_TRUE(t.label.startsWith(QStringLiteral("2025")) ||
                    t.label.startsWith(QStringLiteral("2026")))
            << t.label.toStdString();
}

}  // namespace
}  // namespace curvedoctor::ui
