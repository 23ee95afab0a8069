// Issue #16, "Done when": every folder of ../shared/realworld (real logs from public
// repositories, see its SOURCES.md) loads as a user opening it would, as the runs it holds (one
// per folder: none of these holds several on purpose), with the metric names a person reading
// the file expects. Each row's names were read off the file itself: the CSV header, the JSON
// keys, the console lines (quoted in the comment), or for event files the tags listed by
// tests/data/scripts/realworld_expectations.py, or for tbcsv_01 the tags in the names of its
// TensorBoard "Download CSV" files (run-.-tag-<tag>.csv). Skips when the folder is missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/loader_registry.h"
#include "tests/core/realworld_dir.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

struct Expect {
    std::string folder;
    std::string format;  ///< empty: not checked here (test_realworld.cpp does).
    std::vector<std::string> names;
    std::vector<std::string> absent = {};  ///< names that must not be metrics.
};

const std::vector<Expect>& expectations() {
    static const std::vector<Expect> all{
        {"detectron2_01", "detectron2_json", {"total_loss", "lr", "mask_rcnn/accuracy"}},
        {"detectron2_02", "detectron2_json", {"total_loss", "lr", "bbox/AP", "bbox/AP50"}},
        {"detectron2_03", "detectron2_json", {"total_loss", "loss_mask", "mask_rcnn/accuracy"}},
        {"hf_trainer_01", "hf_trainer", {}},  // log_history is empty.
        {"hf_trainer_02", "hf_trainer", {"loss", "learning_rate"}},
        {"hf_trainer_03", "hf_trainer", {"loss", "learning_rate"}},
        {"hf_trainer_04", "hf_trainer", {"eval_loss", "eval_accuracy", "loss"}},
        {"hf_trainer_05", "hf_trainer", {"eval_loss", "loss", "learning_rate"}},
        {"hf_trainer_06", "hf_trainer", {"eval_loss", "loss", "learning_rate"}},
        {"hf_trainer_07", "hf_trainer", {"loss", "learning_rate"}},
        {"hf_trainer_08", "hf_trainer", {"loss", "learning_rate"}},
        {"hf_trainer_09", "hf_trainer", {"loss", "eval_loss", "eval_rouge1"}},
        // {"train_lr": .., "train_loss": .., "test_loss": .., "test_acc1": .., "epoch": 0, ...}
        {"jsontxt_01",
         "epoch_log_json",
         {"train_loss", "train_lr", "test_loss", "test_acc1", "test_acc5"},
         {"epoch", "n_parameters"}},
        {"jsontxt_02",
         "epoch_log_json",
         {"train_loss", "train_lr", "test_loss", "test_acc1", "test_acc5"},
         {"epoch", "n_parameters"}},
        {"keras_01",
         "keras_csv",
         {"loss", "val_loss", "categorical_accuracy", "val_categorical_accuracy"}},
        {"keras_02", "keras_csv", {"acc", "loss", "val_acc", "val_loss"}},
        {"keras_03", "keras_csv", {"accuracy", "learning_rate", "loss", "val_loss"}},
        {"keras_04", "keras_csv", {"accuracy", "loss", "val_accuracy", "val_loss"}},
        // {"train_loss": [..50..], "val_loss": [..], "train_acc": [..], "val_acc": [..], "lr":
        // [..]}
        {"keras_history_01",
         "keras_history_json",
         {"train_loss", "val_loss", "train_acc", "val_acc", "lr"}},
        {"lightning_01",
         "lightning_csv",
         {"train_loss_step", "train_loss_epoch", "val_loss", "val_acc"}},
        {"lightning_02",
         "lightning_csv",
         {"class_0_acc", "test_acc", "train_loss_epoch", "val_loss"}},
        {"lightning_03",
         "lightning_csv",
         {"train_loss_step", "train_loss_epoch", "val_loss", "val_acc"}},
        {"lightning_04",
         "lightning_csv",
         {"train_loss_step", "train_loss_epoch", "val_loss", "val_acc"}},
        {"lightning_05", "lightning_csv", {"train_loss_epoch", "val_loss", "val_acc"}},
        {"lightning_06", "lightning_csv", {"train_loss_step", "val_loss_epoch", "test_loss_epoch"}},
        {"lightning_07", "lightning_csv", {"train_loss_step", "val_loss_epoch", "test_loss_epoch"}},
        {"lightning_08", "lightning_csv", {"train_loss", "val_loss", "test_loss", "accuracy"}},
        {"lightning_09", "lightning_csv", {"train_loss", "val_loss", "test_loss", "accuracy"}},
        {"lightning_10", "lightning_csv", {"loss", "val_loss", "acc", "val_acc"}},
        {"lightning_11", "lightning_csv", {"train_loss_step", "pesq_epoch", "si_sdr_epoch"}},
        {"lightning_12", "lightning_csv", {"train_loss", "train_acc"}},
        {"llamafactory_01", "llamafactory_jsonl", {"loss", "learning_rate"}},
        {"llamafactory_02", "llamafactory_jsonl", {"loss", "lr"}},
        {"mlflow_01", "mlflow", {"loss"}},
        {"mlflow_02", "mlflow", {"train_loss", "test_loss"}},
        {"mmdet_01", "mmdet_json", {"loss", "loss_cls", "loss_centerness", "val/bbox_mAP"}},
        {"mmdet_02", "mmdet_json", {"loss", "acc", "loss_rpn_cls", "val/bbox_mAP"}},
        {"mmdet_03", "mmdet_json", {"loss", "acc", "loss_cls"}},
        {"mmdet_04", "mmdet_json", {"loss", "acc", "loss_cls"}},
        {"mmdet_05", "mmdet_json", {"loss", "acc", "loss_cls"}},
        {"mmengine_01", "mmengine_scalars", {"loss", "loss_cls", "loss_bbox", "lr"}},
        {"plain_01", "csv", {"episode_reward"}},
        {"tensorboard_01", "tfevents", {"total_loss", "lr", "fast_rcnn/cls_accuracy"}},
        {"tensorboard_02", "tfevents", {"train/loss", "train/learning_rate"}},
        {"tensorboard_03", "tfevents", {"train/epoch_loss", "validation/epoch_loss"}},
        {"tensorboard_04", "tfevents", {"train/box_loss", "metrics/mAP50(B)"}},
        {"tensorboard_05", "tfevents", {"lr/pg0", "metrics/mAP50(B)"}},
        {"tensorboard_06", "tfevents", {"train_loss", "val_acc", "f1"}},
        // "[   2784 Epoch:[ 0/25] [2783/20018] time: 12602.2949, d_loss: 1.30959320, g_loss: .."
        {"textlog_01", "text_kv", {"d_loss", "g_loss"}},
        // "Epoch [1][50/3750]\tlr: 2.000e-03, ..., loss: 1.0929"; "Epoch(val) [1][..] bbox_mAP: .."
        {"textlog_02", "mmdet_text", {"loss", "lr", "acc", "val/bbox_mAP"}},
        // "train   E: 0   I: 53   R: 2.5   S: 0.0   T: 0:00:09" (TD-MPC2, ANSI colours)
        {"textlog_03", "text_kv", {"train/episode_reward", "eval/episode_reward"}},
        // "Epoch(train)   [1][ 1/21]  lr: 4.0000e-08  eta: ..  loss: 0.1485  loss_cls: 0.0686",
        // after 80 kB of environment and config; "Epoch(val) [5][11/11]  coco/bbox_mAP: 0.0940"
        {"textlog_04",
         "mmdet_text",
         {"loss", "loss_cls", "loss_bbox", "lr", "val/coco/bbox_mAP"},
         {"eta"}},
        // "Epoch: 1/30", "Time Taken: 147.88s - LR: 9.98e-05", "Train Loss: 9.2183 - Train
        // Perplexity: 10079.66", "Valid Loss: 8.0900 - Valid Perplexity: 3261.73"; the config
        // printed before ("lr: 0.0001", "batch_size: 128") is not a metric.
        {"textlog_05",
         "text_kv",
         {"Train Loss", "Train Perplexity", "Valid Loss", "Valid Perplexity", "LR"},
         {"lr", "batch_size", "num_epochs", "Model Parameter Count"}},
        // "iter 10: loss 10.0507 BPC, time 263.86ms, mfu 9.31%", "step 0: train loss 12.5201
        // BPC, val loss 12.5218 BPC"
        {"textlog_06", "text_kv", {"loss", "time", "mfu", "train loss", "val loss"}, {"BPC"}},
        {"ultralytics_01",
         "ultralytics_csv",
         {"train/box_loss", "val/box_loss", "metrics/mAP50(B)"}},
        {"ultralytics_02",
         "ultralytics_csv",
         {"train/box_loss", "val/box_loss", "metrics/mAP50(B)"}},
        {"ultralytics_03", "ultralytics_csv", {"train/loss", "val/loss", "metrics/accuracy_top1"}},
        {"ultralytics_04", "ultralytics_csv", {"train/loss", "val/loss", "metrics/accuracy_top1"}},
        {"ultralytics_05", "ultralytics_csv", {"train/loss", "val/loss", "metrics/accuracy_top1"}},
        {"ultralytics_06",
         "ultralytics_csv",
         {"train/box_loss", "val/box_loss", "metrics/mAP50(B)"}},
        {"ultralytics_07",
         "ultralytics_csv",
         {"train/box_loss", "val/box_loss", "metrics/mAP50(B)"}},
        // "Train: [0/50]\tlr 0.003000\ttime 0.0132 (0.0180)\tloss 2.3114 (2.4464)\tAcc@1 7.500
        // (9.924)\tMem 285MB", " * Train Acc 9.924 Train Loss 2.446", "Validate: \tTime 0.007
        // (0.031)\tLoss 2.3356 (2.3048)\tAcc@1 6.250 (10.000)", " * Val Acc 10.000 Val Loss 2.305"
        {"wandb_01",
         "text_kv",
         {"train/loss", "train/Acc@1", "train/lr", "Train Acc", "Train Loss", "Val Acc", "Val Loss",
          "val/Loss", "val/Acc@1"},
         {"main.py", "val images", "train images"}},
        {"wandb_02",
         "text_kv",
         {"train/loss", "train/Acc@1", "Train Acc", "Train Loss", "Val Acc", "Val Loss"},
         {"main.py"}},
        {"wandb_03",
         "text_kv",
         {"train/loss", "train/Acc@1", "Train Acc", "Train Loss", "Val Acc", "Val Loss"},
         {"main.py"}},
        // "I0103 20:09:51.218508 1399.. logging_writer.py:35] [10] img_sec_core_train=178.36,
        // train_loss=0.668317"; "[100] accuracy_test=0.6527, img_sec_core_test=14.47, lr=0.0075";
        // the config printed first ("batch_eval: 512", "crop: 384") is not a metric.
        {"wandb_04",
         "text_kv",
         {"train_loss", "accuracy_test", "lr", "steps_per_sec", "img_sec_core_train"},
         {"checkpoints.py", "checkpoint.py", "crop", "batch_eval", "batch", "xla_bridge.py",
          "main.py"}},
        // run-.-tag-loss.csv, run-.-tag-val_loss.csv, ...: one run ".", one metric per tag.
        {"tbcsv_01",
         "tensorboard_csv",
         {"loss", "val_loss", "lr", "pred_age_acc", "val_pred_age_acc", "pred_gender_loss",
          "val_pred_gender_loss"}},
        {"yolov5_01", "yolov5_txt", {"train/box_loss", "val/box_loss", "metrics/mAP_0.5"}},
        {"yolov5_02", "yolov5_txt", {"train/box_loss", "val/box_loss", "metrics/mAP_0.5"}},
    };
    return all;
}

class RealworldNames : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = testing_support::realworldDir();
        if (!fs::is_directory(m_dir))
            GTEST_SKIP() << "real-world logs not found at " << m_dir
                         << " (set CURVEDOCTOR_REALWORLD_DIR); skipped";
    }
    std::string m_dir;
};

TEST_F(RealworldNames, EveryFolderIsListed) {
    std::vector<std::string> listed;
    for (const auto& e : expectations()) listed.push_back(e.folder);
    int folders = 0;
    for (const auto& entry : fs::directory_iterator(m_dir)) {
        if (!entry.is_directory()) continue;
        const std::string name = entry.path().filename().string();
        ++folders;
        EXPECT_NE(std::find(listed.begin(), listed.end(), name), listed.end()) << name;
    }
    EXPECT_EQ(folders, 68);
}

TEST_F(RealworldNames, EachFolderIsOneRunWithTheNamesAPersonExpects) {
    for (const auto& e : expectations()) {
        SCOPED_TRACE(e.folder);
        const LoadBatch batch = loadPaths({m_dir + "/" + e.folder});
        for (const auto& error : batch.errors)
            ADD_FAILURE() << error.source << ": " << error.message;
        ASSERT_EQ(batch.runs.size(), 1U);
        const core::Run& run = *batch.runs[0];
        if (!e.format.empty()) {
            EXPECT_EQ(run.format, e.format);
        }
        for (const auto& name : e.names) {
            const Series* s = run.find(name);
            EXPECT_NE(s, nullptr) << "no metric '" << name << "'";
            // A curve, not one stray number (the readers of issue #16; a Lightning test_loss
            // is one point on purpose).
            if (s != nullptr && e.format.find("csv") == std::string::npos) {
                EXPECT_GE(s->size(), 2U) << name;
            }
        }
        for (const auto& name : e.absent) EXPECT_EQ(run.find(name), nullptr) << name;
    }
}

}  // namespace
}  // namespace curvedoctor::core
