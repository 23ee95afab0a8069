// Ultralytics results.csv loader.
#include <gtest/gtest.h>

#include <cmath>

#include "csv_test_support.h"

namespace curvedoctor::core {
namespace {

using test::csvFixture;
using test::loadOne;

TEST(CsvUltralyticsLoader, PaddedNamesAndCellsAreStripped) {
    const RunPtr run = loadOne(csvFixture("ultralytics_padded/results.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->format, "ultralytics_csv");
    // Six metric columns in the fixture header besides epoch.
    EXPECT_EQ(run->metrics.size(), 6U);
    const Series* map50 = run->find("metrics/mAP50(B)");
    ASSERT_NE(map50, nullptr);
    EXPECT_EQ(map50->steps, (std::vector<std::int64_t>{0, 1, 2}));  // 0-based epochs as written.
    EXPECT_EQ(map50->values, (std::vector<double>{0.15826, 0.25946, 0.3}));
    EXPECT_EQ(run->hyperparameters.at("epochs"), "3");
    EXPECT_EQ(run->hyperparameters.at("names.0"), "fire");
    EXPECT_TRUE(run->warnings.empty());
}

TEST(CsvUltralyticsLoader, RealworldLogs) {
    if (!test::haveRealworld()) GTEST_SKIP() << "shared/realworld not found";
    // Independent check (python csv module, cells stripped): ultralytics_01 has 30 rows, epochs
    // 1..30, 14 columns after epoch (time included), one 'inf' in val/cls_loss; args.yaml has
    // 106 top-level keys (grep -c '^[a-z_0-9]*:'). ultralytics_02 has 25 rows, epochs 0..24,
    // 13 columns after epoch, 91 keys in args.yaml.
    const RunPtr a = loadOne(test::realworldFile("ultralytics_01/results.csv"));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->format, "ultralytics_csv");
    EXPECT_EQ(a->metrics.size(), 14U);
    for (const auto& [name, s] : a->metrics) {
        EXPECT_EQ(s.size(), 30U) << name;
        EXPECT_EQ(s.steps.front(), 1) << name;
        EXPECT_EQ(s.steps.back(), 30) << name;
    }
    ASSERT_NE(a->find("val/cls_loss"), nullptr);
    EXPECT_EQ(a->find("val/cls_loss")->values[0], INFINITY);
    EXPECT_EQ(a->find("val/cls_loss")->nonFiniteCount(), 1U);
    EXPECT_EQ(a->hyperparameters.size(), 106U);

    const RunPtr b = loadOne(test::realworldFile("ultralytics_02/results.csv"));
    ASSERT_TRUE(b);
    EXPECT_EQ(b->metrics.size(), 13U);
    ASSERT_NE(b->find("metrics/mAP50(B)"), nullptr);  // the padded name, stripped.
    EXPECT_EQ(b->find("metrics/mAP50(B)")->size(), 25U);
    EXPECT_EQ(b->find("metrics/mAP50(B)")->steps.front(), 0);
    EXPECT_EQ(b->find("metrics/mAP50(B)")->steps.back(), 24);
    EXPECT_DOUBLE_EQ(b->find("train/box_loss")->values[0], 1.6878);
    EXPECT_EQ(b->hyperparameters.size(), 91U);
}

}  // namespace
}  // namespace curvedoctor::core
