// The doctor on the real training logs in ../shared/realworld (never copied into the repo).
// Each folder's expectation is a reading of its curves, plotted and looked at by hand
// (matplotlib): healthy-looking runs get no warning or error; a real fault in a log (NaN, a loss
// stuck at 0.0, a flat loss at ln(classes), severe overfitting) is asserted as a finding.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/diagnosis.h"
#include "core/loader_registry.h"
#include "detector_test_support.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;

struct Expectation {
    const char* folder;
    /// Kind that must be found at `severity` or worse, or nullptr for "no warning or error".
    const char* kind;
    Severity severity;
    const char* why;
};

std::ostream& operator<<(std::ostream& os, const Expectation& e) {
    return os << e.folder;
}

class RealWorld : public ::testing::TestWithParam<Expectation> {};

TEST_P(RealWorld, DiagnosisMatchesTheCurves) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const Expectation& e = GetParam();
    const LoadBatch batch = loadPaths({rw + "/" + e.folder});
    if (batch.runs.empty()) GTEST_SKIP() << e.folder << ": no loader for it yet";
    for (const RunPtr& run : batch.runs) {
        const RunDiagnosis d = diagnoseRun(*run);
        if (e.kind == nullptr) {
            EXPECT_FALSE(hasWarningOrError(d.findings)) << e.folder << " (" << e.why << ")\n"
                                                        << describe(d.findings);
            continue;
        }
        const bool found = std::any_of(d.findings.begin(), d.findings.end(), [&](const Finding& f) {
            return toString(f.kind) == e.kind &&
                   static_cast<int>(f.severity) >= static_cast<int>(e.severity);
        });
        EXPECT_TRUE(found) << e.folder << ": expected " << e.kind << " (" << e.why << ")\n"
                           << describe(d.findings);
    }
}

constexpr Severity W = Severity::Warning;
constexpr Severity E = Severity::Error;

INSTANTIATE_TEST_SUITE_P(
    Logs, RealWorld,
    ::testing::Values(
        // Healthy-looking: loss drops fast then flattens, validation follows.
        Expectation{"detectron2_01", nullptr, W, "300-iteration demo, losses falling steadily"},
        Expectation{"tensorboard_01", nullptr, W, "the same detectron2 run as event file"},
        Expectation{"hf_trainer_02", nullptr, W, "LLM fine-tune, cosine schedule, epoch staircase"},
        Expectation{"llamafactory_01", nullptr, W, "the same fine-tune as trainer_log.jsonl"},
        Expectation{"keras_02", nullptr, W, "classic healthy curve, val_acc 0.998"},
        Expectation{"lightning_05", nullptr, W, "EEGNet, slow steady convergence, val flattening"},
        Expectation{"ultralytics_01", "undertrained", W,
                    "YOLO, 30 epochs: train/box_loss 1.57 -> 1.45 and val/box_loss 1.66 -> 1.53 "
                    "over the last 8, mAP50-95 still rising 0.48 -> 0.52"},
        Expectation{"ultralytics_02", nullptr, W, "YOLO, close-mosaic bump at epoch 15, recovers"},
        Expectation{"tensorboard_04", nullptr, W, "the same YOLO run as event file"},
        Expectation{"yolov5_01", nullptr, W, "YOLOv5, 400 epochs, mAP rising then flat"},
        Expectation{"mmdet_04", nullptr, W, "Faster R-CNN, step lr at epochs 8 and 11 (info)"},

        Expectation{"mlflow_01", nullptr, W, "10 points of a falling loss"},
        Expectation{"detectron2_02", nullptr, W,
                    "losses flatten; APl/APm NaN in every evaluation (empty size class: info)"},
        Expectation{"jsontxt_02", nullptr, W, "ViT fine-tune, losses fall and flatten"},
        Expectation{"mmdet_05", nullptr, W, "Faster R-CNN, mAP 0.03 -> 0.36 and flat"},
        Expectation{"mmengine_01", nullptr, W, "RTMDet, mAP 0.1 -> 0.78; mAP_s is -1 throughout"},
        Expectation{"llamafactory_02", nullptr, W, "SFT, epoch staircase, cosine decay"},
        Expectation{"hf_trainer_08", nullptr, W, "loss to ~0, one NaN grad_norm (info)"},
        Expectation{"yolov5_02", nullptr, W, "YOLOv5, mAP -> 0.99"},

        Expectation{"textlog_01", nullptr, W,
                    "DCGAN d_loss/g_loss: adversarial, not converging by design"},

        // Real faults in the logs.
        Expectation{"hf_trainer_03", "nan_inf", E,
                    "loss exactly 0.0 from step 1000 while grad_norm is NaN"},
        Expectation{"tensorboard_02", "nan_inf", E, "the same run as event file"},
        Expectation{"hf_trainer_04", "not_learning", E,
                    "loss and eval_loss at ln(4) = 1.386, eval_accuracy ~0.27"},
        Expectation{"hf_trainer_05", "divergence", W,
                    "loss 0.66 -> 0.31 -> back to 0.70 as warm-up raises lr"},
        Expectation{"hf_trainer_06", "undertrained", W,
                    "checkpoint mid warm-up, loss still falling steeply"},
        Expectation{"keras_01", "undertrained", W,
                    "val_loss still falling nearly linearly at epoch 19"},
        Expectation{"lightning_01", "not_learning", E,
                    "loss 1.79 = ln(6) throughout, val_acc constant"},
        Expectation{"lightning_03", "not_learning", E, "loss 1.79 = ln(6), val_acc at chance"},
        Expectation{"lightning_02", "noisy_validation", W,
                    "val_loss spikes to 7 against a smooth train loss"},
        Expectation{"lightning_04", "severe_overfitting", E,
                    "train loss -> 0.01, val_loss 1.5 -> 5"},
        Expectation{"mmdet_01", "nan_inf", E, "loss NaN from epoch 10"},
        Expectation{"mmdet_02", "nan_inf", E, "loss NaN from epoch 6"},
        Expectation{"textlog_02", "nan_inf", E, "the mmdet_02 run as a text log"},
        Expectation{"tensorboard_03", "nan_inf", E, "every validation loss value is NaN"},
        Expectation{"mmdet_01", "divergence", E, "loss_bbox 0.5 -> -22 as the loss turns NaN"},
        Expectation{"mmdet_02", "divergence", E, "loss_rpn_bbox spikes to 1e25 before the NaN"},
        Expectation{"mmdet_03", "metric_loss_disagreement", W,
                    "training loss falls steadily; val mAP stays at 0.001-0.0066"},
        Expectation{"plain_01", "oscillation", W, "RL reward 900 -> 120 -> 900 -> 110"},
        Expectation{"textlog_03", "oscillation", W, "the same eval reward in TD-MPC2's stdout"},
        Expectation{"lightning_06", "slow_start_plateau", W, "loss flat ~100 epochs, then drops"},
        Expectation{"lightning_06", "no_shuffle_periodic", W,
                    "the same 4-step pattern in every epoch of the flat start"},
        Expectation{"lightning_07", "no_shuffle_periodic", W,
                    "the same 4-step pattern in every epoch (1e8 MSE)"},
        Expectation{"lightning_09", "not_learning", E, "loss 2.30 = ln(10), accuracy 0.10"},
        Expectation{"lightning_10", "severe_overfitting", E, "val_loss 2.4 -> 5.2, train -> 0"},
        Expectation{"lightning_12", "not_learning", W, "28 noisy points that never trend down"},
        Expectation{"wandb_01", "not_learning", E,
                    "Swin trainer's output.log: loss 2.303 = ln(10), Val Acc 10.000 all 50 epochs"},
        Expectation{"textlog_05", "undertrained", W,
                    "LM: valid loss 8.09 -> 5.97, each of 12 epochs lower (30 planned)"},
        Expectation{"ultralytics_03", "overfitting", W, "val/loss 0.85 -> 1.1, top1 flat"},
        Expectation{"jsontxt_01", "metric_loss_disagreement", W,
                    "test_loss 3.8 -> 6.7 while test_acc1 creeps up 8 -> 13"}),
    [](const ::testing::TestParamInfo<Expectation>& i) {
        return std::string(i.param.folder) + "_" + (i.param.kind ? i.param.kind : "quiet");
    });

// YOLOv8 (ultralytics_07, and the same run as tensorboard_05): val/box_loss rises from epoch
// ~10 while mAP50-95 climbs 0 -> 0.45. The model is not getting worse at the task: no
// overfitting of either strength; the disagreement is what is reported.
TEST(RealWorldForbidden, RisingValBoxLossWithRisingMapIsNoOverfitting) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    for (const char* folder : {"ultralytics_07", "tensorboard_05"}) {
        const LoadBatch batch = loadPaths({rw + "/" + folder});
        ASSERT_EQ(batch.runs.size(), 1u) << folder;
        const RunDiagnosis d = diagnoseRun(*batch.runs.front());
        EXPECT_TRUE(findingsOfKind(d.findings, "overfitting").empty()) << describe(d.findings);
        EXPECT_TRUE(findingsOfKind(d.findings, "severe_overfitting").empty())
            << describe(d.findings);
        EXPECT_EQ(findingsOfKind(d.findings, "metric_loss_disagreement").size(), 1u)
            << describe(d.findings);
    }
}

}  // namespace
}  // namespace curvedoctor::core
