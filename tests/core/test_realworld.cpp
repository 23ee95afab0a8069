// Every folder in ../shared/realworld (real logs from public repositories, see its SOURCES.md)
// loads through loadPaths, as a user opening that folder would, with the expected format and
// metrics. Each expectation was computed independently of this program; the comment above each
// entry says how. The test skips, saying so, when the folder is missing (a plain clone).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/loader_registry.h"
#include "tests/core/realworld_dir.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

struct MetricExpect {
    std::string name;
    std::size_t count;
    std::int64_t firstStep;
    std::int64_t lastStep;
};

struct FolderExpect {
    std::string folder;  ///< under realworld/.
    std::string format;  ///< loader id.
    std::size_t metricCount;
    std::vector<MetricExpect> metrics;  ///< a subset of the metrics, checked in full.
};

// Folders whose loaders have not reached this branch yet: they must not crash, nothing more.
// (Shrinks as the CSV, JSON, TensorBoard and MLflow loaders land.)
const std::set<std::string> kPending{
    "detectron2_01",  "hf_trainer_01",  "hf_trainer_02",   "hf_trainer_03",  "hf_trainer_04",
    "hf_trainer_05",  "hf_trainer_06",  "llamafactory_01", "mlflow_01",      "mmdet_01",
    "mmdet_02",       "mmdet_03",       "mmdet_04",        "tensorboard_01", "tensorboard_02",
    "tensorboard_03", "tensorboard_04", "ultralytics_01",  "ultralytics_02", "yolov5_01"};

const std::vector<FolderExpect>& expectations() {
    static const std::vector<FolderExpect> all{
        // python csv.DictReader: non-empty cells per column, step = the epoch column (0-based).
        {"keras_01",
         "keras_csv",
         6,
         {{"categorical_accuracy", 20, 0, 19},
          {"loss", 20, 0, 19},
          {"mean_absolute_error", 20, 0, 19},
          {"val_categorical_accuracy", 20, 0, 19},
          {"val_loss", 20, 0, 19},
          {"val_mean_absolute_error", 20, 0, 19}}},
        // python csv.DictReader: non-empty cells per column, step = the epoch column (0-based).
        {"keras_02",
         "keras_csv",
         4,
         {{"acc", 10, 0, 9}, {"loss", 10, 0, 9}, {"val_acc", 10, 0, 9}, {"val_loss", 10, 0, 9}}},
        // python csv.DictReader: non-empty cells per column, step = the step column of those rows.
        {"lightning_01",
         "lightning_csv",
         6,
         {{"train_acc_epoch", 30, 0, 29},
          {"train_acc_step", 30, 0, 29},
          {"train_loss_epoch", 30, 0, 29},
          {"train_loss_step", 30, 0, 29},
          {"val_acc", 30, 0, 29},
          {"val_loss", 30, 0, 29}}},
        // python csv.DictReader: non-empty cells per column, step = the step column of those rows.
        {"lightning_02",
         "lightning_csv",
         16,
         {{"class_0_acc", 1, 95116, 95116},
          {"class_1_acc", 1, 95116, 95116},
          {"class_2_acc", 1, 95116, 95116},
          {"class_3_acc", 1, 95116, 95116},
          {"class_4_acc", 1, 95116, 95116},
          {"class_5_acc", 1, 95116, 95116},
          {"class_6_acc", 1, 95116, 95116},
          {"class_7_acc", 1, 95116, 95116},
          {"class_8_acc", 1, 95116, 95116},
          {"class_9_acc", 1, 95116, 95116},
          {"test_acc", 1, 95116, 95116},
          {"test_loss", 1, 95116, 95116},
          {"train_acc_epoch", 23780, 3, 95115},
          {"train_loss_epoch", 23780, 3, 95115},
          {"val_acc", 23780, 3, 95116},
          {"val_loss", 23780, 3, 95116}}},
        // python csv.DictReader: non-empty cells per column, step = the step column of those rows.
        {"lightning_03",
         "lightning_csv",
         6,
         {{"train_acc_epoch", 13, 0, 12},
          {"train_acc_step", 13, 0, 12},
          {"train_loss_epoch", 13, 0, 12},
          {"train_loss_step", 13, 0, 12},
          {"val_acc", 13, 0, 12},
          {"val_loss", 13, 0, 12}}},
        // python csv.DictReader: non-empty cells per column, step = the step column of those rows.
        {"lightning_04",
         "lightning_csv",
         6,
         {{"train_acc_epoch", 374, 1, 745},
          {"train_acc_step", 746, 0, 745},
          {"train_loss_epoch", 374, 1, 745},
          {"train_loss_step", 746, 0, 745},
          {"val_acc", 374, 1, 746},
          {"val_loss", 374, 1, 746}}},
        // python csv.DictReader: non-empty cells per column, step = the step column of those rows.
        {"lightning_05",
         "lightning_csv",
         4,
         {{"train_acc_epoch", 831, 1, 1661},
          {"train_loss_epoch", 831, 1, 1661},
          {"val_acc", 831, 1, 1661},
          {"val_loss", 831, 1, 1661}}},
        // python csv.DictReader: 23 rows, step column 0.0 .. 1100520.0.
        {"plain_01", "csv", 1, {{"episode_reward", 23, 0, 1100520}}},
        // python: re '^\[\s*(\d+) Epoch:\[\s*(\d+)/\s*(\d+)\] \[\s*(\d+)/\s*(\d+)\] time: ..,
        // d_loss: .., g_loss: ..$' matches 32,622 lines of nohup.out, counters 1..32622.
        {"textlog_01",
         "text_kv",
         3,
         {{"d_loss", 32622, 1, 32622}, {"g_loss", 32622, 1, 32622}, {"time", 32622, 1, 32622}}},
        // python: 750 'Epoch [e][i/3750]\t' lines, step (e-1)*3750+i = 50..37500, 10 numeric
        // keys besides eta; 5 'Epoch(val)' lines with values at e*3750 = 3750..18750, 6 bbox_mAP*
        // numbers each (bbox_mAP_copypaste is a list); the 4 later Epoch(val) lines are empty.
        {"textlog_02",
         "mmdet_text",
         16,
         {{"loss", 750, 50, 37500},
          {"lr", 750, 50, 37500},
          {"acc", 750, 50, 37500},
          {"loss_rpn_cls", 750, 50, 37500},
          {"memory", 750, 50, 37500},
          {"val/bbox_mAP", 5, 3750, 18750},
          {"val/bbox_mAP_s", 5, 3750, 18750}}},
        // python: strip '\x1b\[[0-9;]*m', then '^(train|eval)\s+E: .. I: .. R: .. S: ..' gives
        // 23 eval lines (I 0..1,100,520) and 3,464 train lines (I 53..1,140,466).
        {"textlog_03",
         "text_kv",
         4,
         {{"eval/episode_reward", 23, 0, 1100520},
          {"eval/episode_success", 23, 0, 1100520},
          {"train/episode_reward", 3464, 53, 1140466},
          {"train/episode_success", 3464, 53, 1140466}}},
    };
    return all;
}

class Realworld : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = testing_support::realworldDir();
        if (!fs::is_directory(m_dir))
            GTEST_SKIP() << "real-world logs not found at " << m_dir
                         << " (set CURVEDOCTOR_REALWORLD_DIR); skipped";
    }
    std::string m_dir;
};

TEST_F(Realworld, EveryFolderHasAnExpectation) {
    std::set<std::string> known(kPending);
    for (const auto& e : expectations()) known.insert(e.folder);
    for (const auto& entry : fs::directory_iterator(m_dir)) {
        if (!entry.is_directory()) continue;
        EXPECT_TRUE(known.count(entry.path().filename().string()))
            << "no expectation for realworld/" << entry.path().filename().string();
    }
}

TEST_F(Realworld, EachFolderLoadsWithItsFormatAndMetrics) {
    for (const auto& expect : expectations()) {
        SCOPED_TRACE(expect.folder);
        const LoadBatch batch = loadPaths({m_dir + "/" + expect.folder});
        for (const auto& e : batch.errors) ADD_FAILURE() << e.source << ": " << e.message;
        ASSERT_EQ(batch.runs.size(), 1u);
        const core::Run& run = *batch.runs[0];
        EXPECT_EQ(run.format, expect.format);
        EXPECT_EQ(run.metrics.size(), expect.metricCount);
        for (const auto& m : expect.metrics) {
            SCOPED_TRACE(m.name);
            const Series* s = run.find(m.name);
            ASSERT_NE(s, nullptr);
            EXPECT_EQ(s->size(), m.count);
            ASSERT_FALSE(s->empty());
            EXPECT_EQ(s->steps.front(), m.firstStep);
            EXPECT_EQ(s->steps.back(), m.lastStep);
        }
    }
}

TEST_F(Realworld, PendingFoldersDoNotCrash) {
    for (const auto& folder : kPending) {
        SCOPED_TRACE(folder);
        const LoadBatch batch = loadPaths({m_dir + "/" + folder});
        EXPECT_FALSE(batch.runs.empty() && batch.errors.empty());
    }
}

}  // namespace
}  // namespace curvedoctor::core
