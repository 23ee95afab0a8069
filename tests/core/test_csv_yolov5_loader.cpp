// YOLOv5 results.txt loader. Column layout from YOLOv5 v5.0 train.py (see the loader header).
#include <gtest/gtest.h>

#include "csv_test_support.h"

namespace curvedoctor::core {
namespace {

using test::csvFixture;
using test::loadOne;

TEST(CsvYolov5Loader, FractionEpochsAndNamedColumns) {
    const RunPtr run = loadOne(csvFixture("yolov5_results.txt"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->format, "yolov5_txt");
    // 15 fields: epoch, gpu memory, 4 train losses, labels, image size, 4 metrics, 3 val losses.
    EXPECT_EQ(run->metrics.size(), 11U);
    const Series* box = run->find("train/box_loss");
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->steps, (std::vector<std::int64_t>{0, 1, 2}));
    EXPECT_EQ(box->values, (std::vector<double>{0.1069, 0.08963, 0.08818}));
    EXPECT_EQ(run->find("metrics/mAP_0.5:0.95")->values[2], 0.007869);
    EXPECT_EQ(run->find("val/cls_loss")->values[0], 0.02175);
    EXPECT_TRUE(run->warnings.empty());
}

TEST(CsvYolov5Loader, RealworldLog) {
    if (!test::haveRealworld()) GTEST_SKIP() << "shared/realworld not found";
    // awk over the file: 400 lines of 15 fields, epochs 0/399 .. 399/399; field 3 of the first
    // line 0.1069, field 15 of the last 0.007988.
    const RunPtr run = loadOne(test::realworldFile("yolov5_01/results.txt"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->format, "yolov5_txt");
    EXPECT_EQ(run->metrics.size(), 11U);
    for (const auto& [name, s] : run->metrics) {
        EXPECT_EQ(s.size(), 400U) << name;
        EXPECT_EQ(s.steps.front(), 0) << name;
        EXPECT_EQ(s.steps.back(), 399) << name;
    }
    EXPECT_DOUBLE_EQ(run->find("train/box_loss")->values.front(), 0.1069);
    EXPECT_DOUBLE_EQ(run->find("val/cls_loss")->values.back(), 0.007988);
    EXPECT_TRUE(run->warnings.empty());
}

}  // namespace
}  // namespace curvedoctor::core
