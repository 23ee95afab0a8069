// MLflow file store. Fixture folders in tests/data/mlflow/ are hand-written in MLflow's layout
// (mlflow/store/tracking/file_store.py: "<timestamp> <value> <step>" lines, step optional in
// old stores); real-world expectations were read with a Python one-liner over mlflow_01.
#include <gtest/gtest.h>

#include <cmath>

#include "core/loaders/mlflow_loader.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

using testutil::testData;

LoadResult loadDir(const std::string& dir) {
    MlflowLoader loader;
    EXPECT_EQ(loader.sniff(SniffInput{dir, "", "", true}), confidence::kCertain) << dir;
    return loader.load(LoadInput{dir, {}, {}});
}

TEST(Mlflow, RunFolderWithParamsTagsAndNestedMetric) {
    const LoadResult r = loadDir(testData("mlflow/mlruns/0/abc123"));
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_EQ(r.runs.size(), 1U);
    const core::Run& run = r.runs[0];
    EXPECT_EQ(run.name, "bright-fox-7");  // tags/mlflow.runName wins over meta.yaml
    EXPECT_TRUE(r.consumed.empty());      // the whole folder is this run
    const Series* loss = run.find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{0, 1, 2, 3}));
    EXPECT_EQ(loss->values[0], 2.5);
    EXPECT_TRUE(std::isnan(loss->values[2]));
    EXPECT_EQ(loss->wallTimes[2], 1700000002.5);
    EXPECT_EQ(run.find("val/acc")->values, (std::vector<double>{0.5, 0.75}));
    EXPECT_EQ(run.hyperparameters.at("lr"), "0.001");
    EXPECT_EQ(run.hyperparameters.at("batch_size"), "32");
    EXPECT_TRUE(run.warnings.empty());
}

TEST(Mlflow, OldStoreWithoutStepsAndABadLine) {
    const LoadResult r = loadDir(testData("mlflow/mlruns/0/old456"));
    ASSERT_EQ(r.runs.size(), 1U);
    const core::Run& run = r.runs[0];
    EXPECT_EQ(run.name, "quiet-owl");  // meta.yaml run_name, quotes removed
    const Series* loss = run.find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{0, 1, 2}));
    EXPECT_TRUE(std::isinf(loss->values[1]));
    ASSERT_EQ(run.warnings.size(), 2U);  // no step column; line 3 unreadable
    EXPECT_EQ(run.warnings[1].line, 3);
}

TEST(Mlflow, NotARunFolder) {
    MlflowLoader loader;
    EXPECT_EQ(loader.sniff(SniffInput{testData("mlflow"), "mlflow", "", true}), confidence::kNone);
    EXPECT_EQ(loader.sniff(SniffInput{testData("mlflow/mlruns/0"), "0", "", true}),
              confidence::kNone);
}

TEST(Mlflow, SingleMetricFile) {
    MlflowLoader loader;
    const std::string path = testData("mlflow/mlruns/0/abc123/metrics/loss");
    const std::string head = "1700000000000 2.5 0\n";
    EXPECT_EQ(loader.sniff(SniffInput{path, "loss", head, false}), confidence::kLikely);
    EXPECT_EQ(loader.sniff(SniffInput{"/tmp/loss", "loss", head, false}), confidence::kNone);
    const LoadResult r =
        loader.load(LoadInput{path, "1700000000000 2.5 0\n1700000001000 2 1\n", {}});
    ASSERT_EQ(r.runs.size(), 1U);
    EXPECT_EQ(r.runs[0].find("loss")->size(), 2U);
}

TEST(MlflowRealworld, SwahiliSpeechRun) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const LoadResult r = loadDir(rw + "/mlflow_01/mlruns/1/ed05f9cd599442fe9a0c9222184710b8");
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* loss = r.runs[0].find("loss");
    ASSERT_NE(loss, nullptr);
    ASSERT_EQ(loss->size(), 10U);
    EXPECT_EQ(loss->steps.back(), 9);
    EXPECT_EQ(loss->values.front(), 332.6841735839844);
    EXPECT_EQ(loss->values.back(), 234.7978057861328);
    EXPECT_EQ(loss->wallTimes.front(), 1628697792.090);
}

}  // namespace
}  // namespace curvedoctor::core
