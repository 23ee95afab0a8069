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
        Expectation{"ultralytics_01", nullptr, W,
                    "YOLO, losses falling, one inf in epoch 1 (info)"},
        Expectation{"ultralytics_02", nullptr, W, "YOLO, close-mosaic bump at epoch 15, recovers"},
        Expectation{"tensorboard_04", nullptr, W, "the same YOLO run as event file"},
        Expectation{"yolov5_01", nullptr, W, "YOLOv5, 400 epochs, mAP rising then flat"},
        Expectation{"mmdet_04", nullptr, W, "Faster R-CNN, step lr at epochs 8 and 11 (info)"},
        Expectation{"mmdet_03", nullptr, W,
                    "training loss fine; val mAP near 0 throughout, never "
                    "learnt: not called overfitting"},
        Expectation{"mlflow_01", nullptr, W, "10 points of a falling loss"},
        Expectation{"plain_01", nullptr, W, "RL episode reward only: nothing to diagnose"},
        Expectation{"textlog_01", nullptr, W,
                    "DCGAN d_loss/g_loss: adversarial, not converging by design"},
        Expectation{"textlog_03", nullptr, W, "TD-MPC2 RL: eval reward collapse is no overfitting"},
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
        Expectation{"tensorboard_03", "nan_inf", E, "every validation loss value is NaN"}),
    [](const ::testing::TestParamInfo<Expectation>& i) { return std::string(i.param.folder); });

}  // namespace
}  // namespace curvedoctor::core
