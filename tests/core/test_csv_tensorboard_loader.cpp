// TensorBoard scalar CSV export loader.
#include <gtest/gtest.h>

#include "csv_test_support.h"

namespace curvedoctor::core {
namespace {

using test::csvFixture;
using test::loadOne;

TEST(CsvTensorboardLoader, MetricNamedAfterTheTag) {
    const RunPtr run = loadOne(csvFixture("run-foo-tag-train_loss.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->format, "tensorboard_csv");
    EXPECT_EQ(run->name, "foo");
    ASSERT_EQ(run->metrics.size(), 1U);
    const Series* s = run->find("train_loss");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->steps, (std::vector<std::int64_t>{0, 100, 200}));
    EXPECT_EQ(s->values, (std::vector<double>{2.5, 1.25, 0.625}));
    EXPECT_EQ(s->wallTimes, (std::vector<double>{1700000000.123, 1700000010.456, 1700000020.789}));
}

TEST(CsvTensorboardLoader, OtherFileNamesUseTheStem) {
    const RunPtr run = loadOne(csvFixture("tb_export_unnamed.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->format, "tensorboard_csv");
    ASSERT_NE(run->find("tb_export_unnamed"), nullptr);
    EXPECT_EQ(run->find("tb_export_unnamed")->steps, (std::vector<std::int64_t>{5}));
}

}  // namespace
}  // namespace curvedoctor::core
