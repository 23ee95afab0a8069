// Role inference on the metric names found in ../shared/realworld and the names DESIGN.md lists.
#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "core/metric_role.h"

namespace curvedoctor::core {
namespace {

struct Case {
    const char* name;
    MetricRole role;
    Direction direction;
    const char* family;
};

class MetricRoleTest : public ::testing::TestWithParam<Case> {};

TEST_P(MetricRoleTest, InfersRoleDirectionAndFamily) {
    const Case& c = GetParam();
    const MetricInfo info = inferMetricInfo(c.name);
    EXPECT_EQ(toString(info.role), toString(c.role)) << c.name;
    EXPECT_EQ(toString(info.direction), toString(c.direction)) << c.name;
    EXPECT_EQ(info.family, c.family) << c.name;
}

using R = MetricRole;
using D = Direction;
constexpr D kLow = D::LowerIsBetter;
constexpr D kHigh = D::HigherIsBetter;
constexpr D kUnk = D::Unknown;

INSTANTIATE_TEST_SUITE_P(
    Names, MetricRoleTest,
    ::testing::Values(
        // DESIGN.md section 2.
        Case{"loss", R::TrainLoss, kLow, "loss"}, Case{"train_loss", R::TrainLoss, kLow, "loss"},
        Case{"train/loss", R::TrainLoss, kLow, "loss"},
        Case{"loss_step", R::TrainLoss, kLow, "loss"},
        Case{"loss_epoch", R::TrainLoss, kLow, "loss"},
        Case{"total_loss", R::TrainLoss, kLow, "total_loss"},
        Case{"val_loss", R::ValLoss, kLow, "loss"}, Case{"eval_loss", R::ValLoss, kLow, "loss"},
        Case{"valid_loss", R::ValLoss, kLow, "loss"}, Case{"val/loss", R::ValLoss, kLow, "loss"},
        Case{"test_loss", R::ValLoss, kLow, "loss"}, Case{"lr", R::LearningRate, kUnk, "lr"},
        Case{"learning_rate", R::LearningRate, kUnk, "learning_rate"},
        // lightning_01 .. 05
        Case{"train_acc_epoch", R::TrainMetric, kHigh, "acc"},
        Case{"train_loss_step", R::TrainLoss, kLow, "loss"},
        Case{"val_acc", R::ValMetric, kHigh, "acc"},
        // keras_01
        Case{"categorical_accuracy", R::TrainMetric, kHigh, "categorical_accuracy"},
        Case{"val_categorical_accuracy", R::ValMetric, kHigh, "categorical_accuracy"},
        Case{"mean_absolute_error", R::TrainMetric, kLow, "mean_absolute_error"},
        Case{"val_mean_absolute_error", R::ValMetric, kLow, "mean_absolute_error"},
        // ultralytics_01/02 (padded names are trimmed)
        Case{"  train/box_loss", R::TrainLoss, kLow, "box_loss"},
        Case{"val/dfl_loss", R::ValLoss, kLow, "dfl_loss"},
        Case{"metrics/mAP50(B)", R::ValMetric, kHigh, "map50(b)"},
        Case{"metrics/precision(B)", R::ValMetric, kHigh, "precision(b)"},
        Case{"lr/pg0", R::LearningRate, kUnk, "lr/pg0"},
        // hf_trainer_*, llamafactory_01
        Case{"grad_norm", R::Other, kUnk, "grad_norm"},
        Case{"eval_accuracy", R::ValMetric, kHigh, "accuracy"},
        Case{"eval_runtime", R::Other, kUnk, "runtime"}, Case{"eval_f1", R::ValMetric, kHigh, "f1"},
        Case{"epoch", R::Other, kUnk, "epoch"},
        // TF2 Keras TensorBoard folders, detectron2, mmdet
        Case{"validation/epoch_loss", R::ValLoss, kLow, "loss"},
        Case{"train/epoch_accuracy", R::TrainMetric, kHigh, "accuracy"},
        Case{"loss_cls", R::TrainLoss, kLow, "loss_cls"},
        Case{"bbox_mAP", R::TrainMetric, kHigh, "bbox_map"},
        Case{"fast_rcnn/cls_accuracy", R::TrainMetric, kHigh, "fast_rcnn/cls_accuracy"},
        Case{"data_time", R::Other, kUnk, "data_time"},
        // plain_01, and a name that only looks like AP.
        Case{"episode_reward", R::TrainMetric, kHigh, "episode_reward"},
        Case{"apple", R::Other, kUnk, "apple"},
        Case{"eval_perplexity", R::ValMetric, kLow, "perplexity"},
        Case{"top1_err", R::TrainMetric, kLow, "top1_err"},
        Case{"val_error", R::ValMetric, kLow, "error"},
        // Issue #16: console logs name metrics in words (textlog_05, textlog_06, wandb_01..03,
        // jsontxt_01); a split word before the name decides the split as a prefix would.
        Case{"Test accuracy", R::ValMetric, kHigh, "accuracy"},
        Case{"Valid Loss", R::ValLoss, kLow, "loss"},
        Case{"Train Loss", R::TrainLoss, kLow, "loss"}, Case{"val loss", R::ValLoss, kLow, "loss"},
        Case{"Val Acc", R::ValMetric, kHigh, "acc"},
        Case{"Train Perplexity", R::TrainMetric, kLow, "perplexity"},
        Case{"Valid Perplexity", R::ValMetric, kLow, "perplexity"},
        Case{"test_acc1", R::ValMetric, kHigh, "acc1"},
        Case{"val/Acc@1", R::ValMetric, kHigh, "acc@1"},
        Case{"accuracy_test", R::ValMetric, kHigh, "accuracy"},
        // Lower is better: bits per character, word and character error rates.
        Case{"bpc", R::TrainMetric, kLow, "bpc"}, Case{"val_bpc", R::ValMetric, kLow, "bpc"},
        Case{"wer", R::TrainMetric, kLow, "wer"}, Case{"val_cer", R::ValMetric, kLow, "cer"},
        // Higher is better: reward, mAP, Dice, IoU, ROUGE, BLEU.
        Case{"episode_reward", R::TrainMetric, kHigh, "episode_reward"},
        Case{"coco/bbox_mAP", R::TrainMetric, kHigh, "coco/bbox_map"},
        Case{"val/bbox_mAP", R::ValMetric, kHigh, "bbox_map"},
        Case{"val_dice", R::ValMetric, kHigh, "dice"}, Case{"val_iou", R::ValMetric, kHigh, "iou"},
        Case{"eval_rouge1", R::ValMetric, kHigh, "rouge1"},
        Case{"eval_bleu", R::ValMetric, kHigh, "bleu"}),
    [](const ::testing::TestParamInfo<Case>& info) {
        std::string n;
        for (const char* p = info.param.name; *p; ++p)
            n += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
        return n + "_" + std::to_string(info.index);
    });

}  // namespace
}  // namespace curvedoctor::core
