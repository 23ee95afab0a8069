// Keras CSVLogger loader. Fixture values read off tests/data/csv/keras_*.csv.
#include <gtest/gtest.h>

#include <cmath>

#include "csv_test_support.h"

namespace curvedoctor::core {
namespace {

using test::csvFixture;
using test::loadOne;

TEST(CsvKerasLoader, NaCellsAreGapsAndNanCellsValues) {
    const RunPtr run = loadOne(csvFixture("keras_na.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->format, "keras_csv");
    const Series* val = run->find("val_loss");
    ASSERT_NE(val, nullptr);
    EXPECT_EQ(val->steps, (std::vector<std::int64_t>{1, 3}));  // NA at epochs 0 and 2.
    EXPECT_EQ(val->epochs, (std::vector<double>{1, 3}));
    const Series* loss = run->find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{0, 1, 2, 3}));  // epochs count from 0.
    EXPECT_TRUE(std::isnan(loss->values[2]));
    EXPECT_EQ(run->find("epoch"), nullptr);
}

TEST(CsvKerasLoader, MisnamedTxtIsSniffedByContent) {
    const RunPtr run = loadOne(csvFixture("keras_misnamed.txt"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->format, "keras_csv");
    EXPECT_EQ(run->metrics.size(), 4U);
}

TEST(CsvKerasLoader, RealworldLogs) {
    if (!test::haveRealworld()) GTEST_SKIP() << "shared/realworld not found";
    // Expected counts from python's csv.DictReader over the same files (non-empty cells per
    // column; step = epoch): keras_01 has 20 epochs (0..19) of 6 metrics, keras_02 10 (0..9) of 4.
    const RunPtr a = loadOne(test::realworldFile("keras_01/model_history_log.csv"));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->format, "keras_csv");
    EXPECT_EQ(a->metrics.size(), 6U);
    for (const char* m : {"categorical_accuracy", "loss", "mean_absolute_error",
                          "val_categorical_accuracy", "val_loss", "val_mean_absolute_error"}) {
        ASSERT_NE(a->find(m), nullptr) << m;
        EXPECT_EQ(a->find(m)->size(), 20U) << m;
        EXPECT_EQ(a->find(m)->steps.front(), 0);
        EXPECT_EQ(a->find(m)->steps.back(), 19);
    }
    // keras_02 ends its lines with "\r\r\n".
    const RunPtr b = loadOne(test::realworldFile("keras_02/model_history_log.csv"));
    ASSERT_TRUE(b);
    EXPECT_EQ(b->format, "keras_csv");
    EXPECT_EQ(b->metrics.size(), 4U);
    EXPECT_EQ(b->find("val_loss")->size(), 10U);
    EXPECT_EQ(b->find("val_loss")->steps.back(), 9);
    EXPECT_NEAR(b->find("val_loss")->values[0], 0.24378247073700293, 1e-15);
    EXPECT_TRUE(b->warnings.empty());
}

}  // namespace
}  // namespace curvedoctor::core
