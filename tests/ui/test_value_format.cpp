// How tables and reports print numbers: epochs of a Lightning run count in the tens of thousands
// (lightning_02 ends at epoch 23,780) and were printed "2.378e+04", elided to "1…" in the report.
#include <gtest/gtest.h>

#include <limits>

#include "ui/report/value_format.h"

namespace curvedoctor::ui {
namespace {

const QChar kThin(0x2009);

TEST(ValueFormat, WholeEpochsAreIntegersGroupedAsSteps) {
    EXPECT_EQ(formatEpoch(23780.0), QStringLiteral("23") + kThin + QStringLiteral("780"));
    EXPECT_EQ(formatEpoch(11890.0), QStringLiteral("11") + kThin + QStringLiteral("890"));
    EXPECT_EQ(formatEpoch(7.0), QStringLiteral("7"));
    EXPECT_EQ(formatEpoch(0.0), QStringLiteral("0"));
}

TEST(ValueFormat, FractionalEpochsKeepTwoDecimalsAtMost) {
    EXPECT_EQ(formatEpoch(2.5), QStringLiteral("2.5"));
    EXPECT_EQ(formatEpoch(1.0 / 3.0), QStringLiteral("0.33"));
    EXPECT_EQ(formatEpoch(12.75), QStringLiteral("12.75"));
}

TEST(ValueFormat, MissingAndNonFiniteEpochsAreSaidAsValuesAre) {
    EXPECT_EQ(formatEpoch(std::nullopt), QStringLiteral("–"));
    EXPECT_EQ(formatEpoch(std::numeric_limits<double>::quiet_NaN()), QStringLiteral("NaN"));
    EXPECT_EQ(formatEpoch(std::numeric_limits<double>::infinity()), QStringLiteral("inf"));
}

}  // namespace
}  // namespace curvedoctor::ui
