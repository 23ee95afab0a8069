// Every folder in ../shared/realworld (real logs from public repositories, see its SOURCES.md)
// loads through loadPaths, as a user opening that folder would, with the expected format and
// metrics. Each expectation was computed independently of this program; the comment above each
// entry says how. The test skips, saying so, when the folder is missing (a plain clone).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
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
        // python json: every number but 'iteration' per line, step = iteration (16 lines, 19..299).
        {"detectron2_01",
         "detectron2_json",
         21,
         {{"data_time", 16, 19, 299},
          {"eta_seconds", 16, 19, 299},
          {"fast_rcnn/cls_accuracy", 16, 19, 299},
          {"fast_rcnn/false_negative", 16, 19, 299},
          {"fast_rcnn/fg_cls_accuracy", 16, 19, 299},
          {"loss_box_reg", 16, 19, 299},
          {"loss_cls", 16, 19, 299},
          {"loss_mask", 16, 19, 299},
          {"loss_rpn_cls", 16, 19, 299},
          {"loss_rpn_loc", 16, 19, 299},
          {"lr", 16, 19, 299},
          {"mask_rcnn/accuracy", 16, 19, 299},
          {"mask_rcnn/false_negative", 16, 19, 299},
          {"mask_rcnn/false_positive", 16, 19, 299},
          {"rank_data_time", 16, 19, 299},
          {"roi_head/num_bg_samples", 16, 19, 299},
          {"roi_head/num_fg_samples", 16, 19, 299},
          {"rpn/num_neg_anchors", 16, 19, 299},
          {"rpn/num_pos_anchors", 16, 19, 299},
          {"time", 16, 19, 299},
          {"total_loss", 16, 19, 299}}},
        // python json: log_history is [] (no metrics; the loader warns).
        {"hf_trainer_01", "hf_trainer", 0, {}},
        // python json: log_history entries by step; the final train_runtime summary entry and
        // total_flos are not curves.
        {"hf_trainer_02",
         "hf_trainer",
         3,
         {{"grad_norm", 866, 10, 8660}, {"learning_rate", 866, 10, 8660}, {"loss", 866, 10, 8660}}},
        // python json: log_history entries by step (750 train entries, 500..375000).
        {"hf_trainer_03",
         "hf_trainer",
         3,
         {{"grad_norm", 750, 500, 375000},
          {"learning_rate", 750, 500, 375000},
          {"loss", 750, 500, 375000}}},
        // python json: log_history entries by step (train and eval_* every 50 steps); summary entry
        // not a curve.
        {"hf_trainer_04",
         "hf_trainer",
         7,
         {{"eval_accuracy", 62, 50, 3100},
          {"eval_loss", 62, 50, 3100},
          {"eval_runtime", 62, 50, 3100},
          {"eval_samples_per_second", 62, 50, 3100},
          {"eval_steps_per_second", 62, 50, 3100},
          {"learning_rate", 62, 50, 3100},
          {"loss", 62, 50, 3100}}},
        // python json: log_history entries by step (train every 10, eval every 60).
        {"hf_trainer_05",
         "hf_trainer",
         7,
         {{"eval_loss", 8, 60, 480},
          {"eval_runtime", 8, 60, 480},
          {"eval_samples_per_second", 8, 60, 480},
          {"eval_steps_per_second", 8, 60, 480},
          {"grad_norm", 50, 10, 500},
          {"learning_rate", 50, 10, 500},
          {"loss", 50, 10, 500}}},
        // python json: log_history entries by step (train every 50, eval every 100).
        {"hf_trainer_06",
         "hf_trainer",
         7,
         {{"eval_loss", 5, 100, 500},
          {"eval_runtime", 5, 100, 500},
          {"eval_samples_per_second", 5, 100, 500},
          {"eval_steps_per_second", 5, 100, 500},
          {"grad_norm", 10, 50, 500},
          {"learning_rate", 10, 50, 500},
          {"loss", 10, 50, 500}}},
        // python json: loss/learning_rate by current_steps (the last line is a summary without
        // loss; total_tokens, percentage, times are not curves).
        {"llamafactory_01",
         "llamafactory_jsonl",
         2,
         {{"learning_rate", 866, 10, 8660}, {"loss", 866, 10, 8660}}},
        // python: the metrics/loss file holds 10 '<ms> <value> <step>' lines, steps 0..9.
        {"mlflow_01", "mlflow", 1, {{"loss", 10, 0, 9}}},
        // python json: train lines at (epoch-1)*N+iter, val lines as val/<key> at epoch*N with N
        // the val lines' iter; lr on val lines is not a val metric.
        {"mmdet_01",
         "mmdet_json",
         15,
         {{"data_time", 888, 50, 44975},
          {"grad_norm", 888, 50, 44975},
          {"loss", 888, 50, 44975},
          {"loss_bbox", 888, 50, 44975},
          {"loss_centerness", 888, 50, 44975},
          {"loss_cls", 888, 50, 44975},
          {"lr", 888, 50, 44975},
          {"memory", 888, 50, 44975},
          {"time", 888, 50, 44975},
          {"val/bbox_mAP", 9, 1875, 16875},
          {"val/bbox_mAP_50", 9, 1875, 16875},
          {"val/bbox_mAP_75", 9, 1875, 16875},
          {"val/bbox_mAP_l", 9, 1875, 16875},
          {"val/bbox_mAP_m", 9, 1875, 16875},
          {"val/bbox_mAP_s", 9, 1875, 16875}}},
        // python json: train lines at (epoch-1)*N+iter, val lines as val/<key> at epoch*N with N
        // the val lines' iter; lr on val lines is not a val metric.
        {"mmdet_02",
         "mmdet_json",
         16,
         {{"acc", 750, 50, 37500},
          {"data_time", 750, 50, 37500},
          {"loss", 750, 50, 37500},
          {"loss_bbox", 750, 50, 37500},
          {"loss_cls", 750, 50, 37500},
          {"loss_rpn_bbox", 750, 50, 37500},
          {"loss_rpn_cls", 750, 50, 37500},
          {"lr", 750, 50, 37500},
          {"memory", 750, 50, 37500},
          {"time", 750, 50, 37500},
          {"val/bbox_mAP", 5, 3750, 18750},
          {"val/bbox_mAP_50", 5, 3750, 18750},
          {"val/bbox_mAP_75", 5, 3750, 18750},
          {"val/bbox_mAP_l", 5, 3750, 18750},
          {"val/bbox_mAP_m", 5, 3750, 18750},
          {"val/bbox_mAP_s", 5, 3750, 18750}}},
        // python json: train lines at (epoch-1)*N+iter, val lines as val/<key> at epoch*N with N
        // the val lines' iter; lr on val lines is not a val metric.
        {"mmdet_03",
         "mmdet_json",
         11,
         {{"acc", 1488, 50, 74477},
          {"data_time", 1488, 50, 74477},
          {"loss", 1488, 50, 74477},
          {"loss_bbox", 1488, 50, 74477},
          {"loss_cls", 1488, 50, 74477},
          {"loss_rpn_bbox", 1488, 50, 74477},
          {"loss_rpn_cls", 1488, 50, 74477},
          {"lr", 1488, 50, 74477},
          {"memory", 1488, 50, 74477},
          {"time", 1488, 50, 74477},
          {"val/mAP", 12, 6207, 74484}}},
        // python json: train lines at (epoch-1)*N+iter, val lines as val/<key> at epoch*N with N
        // the val lines' iter; lr on val lines is not a val metric.
        {"mmdet_04",
         "mmdet_json",
         11,
         {{"acc", 1488, 50, 74477},
          {"data_time", 1488, 50, 74477},
          {"loss", 1488, 50, 74477},
          {"loss_bbox", 1488, 50, 74477},
          {"loss_cls", 1488, 50, 74477},
          {"loss_rpn_bbox", 1488, 50, 74477},
          {"loss_rpn_cls", 1488, 50, 74477},
          {"lr", 1488, 50, 74477},
          {"memory", 1488, 50, 74477},
          {"time", 1488, 50, 74477},
          {"val/mAP", 12, 6207, 74484}}},
        // independent Python TFRecord+protobuf reader (simple_value and rank-0 tensors) gives these
        // tags, counts and step ranges.
        {"tensorboard_01",
         "tfevents",
         21,
         {{"data_time", 15, 19, 299},
          {"eta_seconds", 15, 19, 299},
          {"fast_rcnn/cls_accuracy", 15, 19, 299},
          {"fast_rcnn/false_negative", 15, 19, 299},
          {"fast_rcnn/fg_cls_accuracy", 15, 19, 299},
          {"loss_box_reg", 15, 19, 299},
          {"loss_cls", 15, 19, 299},
          {"loss_mask", 15, 19, 299},
          {"loss_rpn_cls", 15, 19, 299},
          {"loss_rpn_loc", 15, 19, 299},
          {"lr", 15, 19, 299},
          {"mask_rcnn/accuracy", 15, 19, 299},
          {"mask_rcnn/false_negative", 15, 19, 299},
          {"mask_rcnn/false_positive", 15, 19, 299},
          {"rank_data_time", 15, 19, 299},
          {"roi_head/num_bg_samples", 15, 19, 299},
          {"roi_head/num_fg_samples", 15, 19, 299},
          {"rpn/num_neg_anchors", 15, 19, 299},
          {"rpn/num_pos_anchors", 15, 19, 299},
          {"time", 15, 19, 299},
          {"total_loss", 15, 19, 299}}},
        // independent Python TFRecord+protobuf reader: tags, counts and step ranges.
        {"tensorboard_02",
         "tfevents",
         9,
         {{"train/epoch", 751, 500, 375000},
          {"train/grad_norm", 750, 500, 375000},
          {"train/learning_rate", 750, 500, 375000},
          {"train/loss", 750, 500, 375000},
          {"train/total_flos", 1, 375000, 375000},
          {"train/train_loss", 1, 375000, 375000},
          {"train/train_runtime", 1, 375000, 375000},
          {"train/train_samples_per_second", 1, 375000, 375000},
          {"train/train_steps_per_second", 1, 375000, 375000}}},
        // independent Python TFRecord+protobuf reader over train/ and validation/ (5 files, name
        // order).
        {"tensorboard_03",
         "tfevents",
         6,
         {{"train/epoch_loss", 40, 0, 19},
          {"train/epoch_mae", 40, 0, 19},
          {"validation/epoch_loss", 40, 0, 19},
          {"validation/epoch_mae", 40, 0, 19},
          {"validation/evaluation_loss_vs_iterations", 40, 1, 40},
          {"validation/evaluation_mae_vs_iterations", 40, 1, 40}}},
        // independent Python TFRecord+protobuf reader: tags, counts and step ranges.
        {"tensorboard_04",
         "tfevents",
         10,
         {{"metrics/mAP50(B)", 27, 1, 25},
          {"metrics/mAP50-95(B)", 27, 1, 25},
          {"metrics/precision(B)", 27, 1, 25},
          {"metrics/recall(B)", 27, 1, 25},
          {"train/box_loss", 1375, 1, 25},
          {"train/cls_loss", 1375, 1, 25},
          {"train/dfl_loss", 1375, 1, 25},
          {"val/box_loss", 25, 1, 25},
          {"val/cls_loss", 25, 1, 25},
          {"val/dfl_loss", 25, 1, 25}}},
        // python csv: 30 rows, names stripped, step = the epoch column (1..30).
        {"ultralytics_01",
         "ultralytics_csv",
         14,
         {{"lr/pg0", 30, 1, 30},
          {"lr/pg1", 30, 1, 30},
          {"lr/pg2", 30, 1, 30},
          {"metrics/mAP50(B)", 30, 1, 30},
          {"metrics/mAP50-95(B)", 30, 1, 30},
          {"metrics/precision(B)", 30, 1, 30},
          {"metrics/recall(B)", 30, 1, 30},
          {"time", 30, 1, 30},
          {"train/box_loss", 30, 1, 30},
          {"train/cls_loss", 30, 1, 30},
          {"train/dfl_loss", 30, 1, 30},
          {"val/box_loss", 30, 1, 30},
          {"val/cls_loss", 30, 1, 30},
          {"val/dfl_loss", 30, 1, 30}}},
        // python csv: 25 rows, padded names stripped, step = the epoch column (0..24).
        {"ultralytics_02",
         "ultralytics_csv",
         13,
         {{"lr/pg0", 25, 0, 24},
          {"lr/pg1", 25, 0, 24},
          {"lr/pg2", 25, 0, 24},
          {"metrics/mAP50(B)", 25, 0, 24},
          {"metrics/mAP50-95(B)", 25, 0, 24},
          {"metrics/precision(B)", 25, 0, 24},
          {"metrics/recall(B)", 25, 0, 24},
          {"train/box_loss", 25, 0, 24},
          {"train/cls_loss", 25, 0, 24},
          {"train/dfl_loss", 25, 0, 24},
          {"val/box_loss", 25, 0, 24},
          {"val/cls_loss", 25, 0, 24},
          {"val/dfl_loss", 25, 0, 24}}},
        // awk: 400 rows of 15 fields, epoch '0/399'..'399/399'; 11 metric columns (mem, targets,
        // img_size are not curves).
        {"yolov5_01",
         "yolov5_txt",
         11,
         {{"metrics/mAP_0.5", 400, 0, 399},
          {"metrics/mAP_0.5:0.95", 400, 0, 399},
          {"metrics/precision", 400, 0, 399},
          {"metrics/recall", 400, 0, 399},
          {"train/box_loss", 400, 0, 399},
          {"train/cls_loss", 400, 0, 399},
          {"train/obj_loss", 400, 0, 399},
          {"train/total_loss", 400, 0, 399},
          {"val/box_loss", 400, 0, 399},
          {"val/cls_loss", 400, 0, 399},
          {"val/obj_loss", 400, 0, 399}}},
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
    std::set<std::string> known;
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

// mmdet_02 (*.log.json) and textlog_02 (the same run's text log) must agree: same metrics at
// the same steps, values equal to the text log's rounding (4 decimals, "time" 3).
TEST_F(Realworld, MmdetJsonAndTextTwinsAgree) {
    const LoadBatch json = loadPaths({m_dir + "/mmdet_02"});
    const LoadBatch text = loadPaths({m_dir + "/textlog_02"});
    ASSERT_EQ(json.runs.size(), 1u);
    ASSERT_EQ(text.runs.size(), 1u);
    const core::Run& a = *json.runs[0];
    const core::Run& b = *text.runs[0];
    EXPECT_EQ(a.format, "mmdet_json");
    EXPECT_EQ(b.format, "mmdet_text");
    ASSERT_EQ(a.metrics.size(), b.metrics.size());
    for (const auto& [name, fromText] : b.metrics) {
        SCOPED_TRACE(name);
        const Series* fromJson = a.find(name);
        ASSERT_NE(fromJson, nullptr);
        ASSERT_EQ(fromJson->steps, fromText.steps);
        for (std::size_t i = 0; i < fromText.size(); ++i) {
            const double x = fromJson->values[i];
            const double y = fromText.values[i];
            if (std::isnan(x) || std::isnan(y)) {
                EXPECT_TRUE(std::isnan(x) && std::isnan(y)) << "step " << fromText.steps[i];
                continue;
            }
            EXPECT_NEAR(x, y, 5e-4 + 1e-4 * std::fabs(x)) << "step " << fromText.steps[i];
        }
    }
}

}  // namespace
}  // namespace curvedoctor::core
