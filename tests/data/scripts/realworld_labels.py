#!/usr/bin/env python3
"""Hand labels of the 68 real logs in ../shared/realworld (issue #15), one line per log.

Each label was read from plots of every curve of the log (matplotlib over the loaded points),
not from CurveDoctor's findings. Writes tests/data/realworld_labels.json, which
tests/core/test_doctor_accuracy.cpp scores the doctor against:

    python3 tests/data/scripts/realworld_labels.py
"""
import json
import os
H = "healthy"
def e(kind, sev="warning", lo=None, hi=None, alt=()):
    d = {"kind": kind, "min_severity": sev}
    if alt: d["alt_kinds"] = list(alt)
    if lo is not None: d["begin_step"] = lo; d["end_step"] = hi
    return d
L = []
def lab(folder, expect, may, why, unsure=None, same_as=None):
    d = {"folder": folder, "expect": expect, "may_fire": sorted(may), "why": why}
    if unsure: d["unsure"] = unsure
    if same_as: d["same_run_as"] = same_as
    L.append(d)
OV = ("overfitting", "severe_overfitting")
lab("detectron2_01", [], ["plateau", "undertrained"], "300-iteration demo, losses falling, lr still warming up", "total_loss flattens only over the last 3 points: undertrained is arguable")
lab("detectron2_02", [], ["plateau"], "losses fall fast and flatten; AP over 3 evaluations; bbox/APl, APm and AP-Objects are NaN in all 3 evaluations: COCO writes NaN for an empty size class, not a training fault")
lab("detectron2_03", [], ["plateau"], "several restarts appended in one file, each falling to near 0; no fault in any")
lab("hf_trainer_01", [], [], "log_history is empty: nothing to diagnose")
lab("hf_trainer_02", [], ["plateau", "lr_drop"], "LLM fine-tune, cosine schedule, epoch staircase in the loss")
lab("hf_trainer_03", [e("nan_inf", "error", 1000, 375000)], ["plateau", "not_learning"], "loss exactly 0.0 from step ~1000 while grad_norm is NaN at every point")
lab("hf_trainer_04", [e("not_learning", "error")], ["no_shuffle_periodic", "oscillation", "plateau"], "loss and eval_loss at ln(4)=1.386 throughout, eval_accuracy ~0.27 (chance 0.25)", "the loss repeats a periodic pattern: possibly unshuffled data")
lab("hf_trainer_05", [e("divergence", "warning", 250, 500)], ["noisy_validation", "oscillation"], "loss 0.66 -> 0.31 at step ~250, back to 0.70 from step ~300 as warm-up raises lr", "eval_loss zig-zags over 8 evaluations")
lab("hf_trainer_06", [e("undertrained", "warning", 300, 500)], ["noisy_validation"], "checkpoint mid warm-up, loss 0.73 -> 0.41 still falling steeply", "eval_loss zig-zags over 5 evaluations")
lab("hf_trainer_07", [e("divergence", "warning", 1000, 3330)], ["oscillation"], "loss 0.028 -> 0.002 at step ~1000, then climbs to 0.03 by the end while lr decays; grad_norm climbs too")
lab("hf_trainer_08", [], ["plateau", "nan_inf"], "loss falls to ~0 and stays; one NaN grad_norm (fp16 skip)")
lab("hf_trainer_09", [], ["noisy_validation", "plateau", "undertrained"], "eval_loss 2.34 -> 2.19 over 11 evaluations, falling ever slower (last steps 0.004, 0.008, 0.002), train loss still creeping down, ROUGE rising", "still improving at the end: undertrained is a fair reading too")
lab("jsontxt_01", [e("overfitting", "warning", 0, 49, alt=("severe_overfitting", "metric_loss_disagreement"))], ["plateau", "undertrained"], "test_loss rises 3.8 -> 6.7 from the first epoch while train_loss falls 3.5 -> 1.5; test_acc1 still creeps up 8 -> 13")
lab("jsontxt_02", [], ["plateau", "noisy_validation"], "ViT fine-tune: losses fall and flatten, test_acc1 ~96")
lab("keras_01", [e("undertrained", "warning", 14, 19)], ["plateau"], "loss and val_loss still falling nearly linearly at epoch 19")
lab("keras_02", [], ["plateau"], "classic healthy curve, val_acc 0.998")
lab("keras_03", [e("noisy_validation", "warning")], ["plateau", "undertrained"], "val_loss 0.6,0.95,0.38,0.33,0.92,0.25,0.42,0.17,0.17,0.29 over 10 epochs: swings far larger than its trend while train loss falls smoothly")
lab("keras_04", [], ["plateau", "noisy_validation", "overfitting"], "loss falls to 0.07, val_loss flattens ~0.35-0.45 from epoch 10, val_accuracy ~0.89", "val_loss 0.30 at epoch 19 -> 0.42 at 28: mild overfitting or noise")
lab("keras_history_01", [], ["plateau", "overfitting"], "val_loss 0.84 -> 0.13 then flat ~0.14, val_acc 0.95", "val_loss 0.126 -> 0.142 at the end: mild")
lab("lightning_01", [e("not_learning", "error")], ["plateau"], "loss 1.79 = ln(6) throughout (1.792 -> 1.780), val_acc constant 0.32")
lab("lightning_02", [e("noisy_validation", "warning")], ["plateau", "undertrained"], "per-step val_loss spikes to 7 against a smooth train_loss_epoch", "the upper envelope of val_loss rises then falls")
lab("lightning_03", [e("not_learning", "error")], ["plateau"], "loss 1.79 = ln(6), val_acc at chance and constant, val_loss creeping up")
lab("lightning_04", [e("severe_overfitting", "error", 60, 746, alt=("overfitting",))], ["noisy_validation", "plateau"], "train loss -> 0.01 while val_loss 1.5 -> 5 (11 at the end)")
lab("lightning_05", [], ["plateau", "noisy_validation"], "EEGNet, slow steady convergence, val flattening")
lab("lightning_06", [e("no_shuffle_periodic", "warning"), e("slow_start_plateau", "warning", 0, 120)], ["plateau", "oscillation"], "train_loss_step repeats the same 4-step pattern every epoch (1e8, unnormalised MSE) and the loss is flat for ~100 epochs before it drops")
lab("lightning_07", [e("no_shuffle_periodic", "warning")], ["plateau", "not_learning", "oscillation"], "train_loss_step alternates 2.1e8/2.9e8 with the same 4-step pattern every epoch", "the epoch loss moves only 0.015% of its level: could be called not learning")
lab("lightning_08", [e("slow_start_plateau", "warning", 0, 7500)], ["plateau", "undertrained"], "train and val loss flat at 2.30 = ln(10) until step ~7500, then drop to 0.4")
lab("lightning_09", [e("not_learning", "error")], ["plateau", "noisy_validation"], "train_loss at 2.30 = ln(10) throughout, accuracy 0.10 (chance)")
lab("lightning_10", [e("severe_overfitting", "error", 30000, 400000, alt=("overfitting",))], ["plateau", "metric_loss_disagreement"], "val_loss 2.4 at step ~35k -> 5.2 while train loss -> 0; val_acc flat 0.38")
lab("lightning_11", [e("nan_inf", "error")], ["oscillation", "noisy_validation"], "train_loss_step and train_loss_epoch NaN at every point")
lab("lightning_12", [e("not_learning", "warning")], ["oscillation", "noisy_validation"], "28 points of train_loss between 2.4 and 4.0 that never trend down; train_acc ~0.1 (chance)")
lab("llamafactory_01", [], ["plateau", "lr_drop"], "the hf_trainer_02 fine-tune as trainer_log.jsonl", same_as="hf_trainer_02")
lab("llamafactory_02", [], ["plateau", "lr_drop"], "SFT, loss falls in an epoch staircase, cosine decay")
lab("mlflow_01", [], ["plateau"], "10 points of a falling loss that flattens")
lab("mlflow_02", [e("not_learning", "warning", alt=("gradient_ascent",))], ["plateau", "oscillation", "divergence"], "test_loss constant 3.355 over 10 evaluations; train_loss jumps between 3.2 and 3.4 and never improves")
lab("mmdet_01", [e("nan_inf", "error", 17000, 45000), e("divergence", "warning", 15000, 20000)], ["plateau", "lr_drop"], "loss NaN from step ~17.5k; loss_bbox jumps to -22 and loss_cls to 22 there: divergence behind the NaN")
lab("mmdet_02", [e("nan_inf", "error", 19000, 37000), e("divergence", "warning", 18000, 21000)], ["plateau", "lr_drop"], "loss NaN from step ~19.8k; loss_rpn_bbox and loss_rpn_cls spike to 1e25 just before")
lab("mmdet_03", [e("metric_loss_disagreement", "warning", alt=("not_learning",))], ["plateau", "lr_drop"], "training losses fall steadily but val mAP stays at 0.001-0.006 all run: the task metric never improves")
lab("mmdet_04", [], ["plateau", "lr_drop", "noisy_validation"], "Faster R-CNN, step lr at epochs 8 and 11, mAP 0.68 -> 0.78")
lab("mmdet_05", [], ["plateau", "lr_drop"], "Faster R-CNN, mAP 0.03 -> 0.36 and flat, losses falling")
lab("mmengine_01", [], ["plateau", "lr_drop", "noisy_validation"], "RTMDet: loss falls, mAP 0.1 -> 0.78; mAP_m/mAP_s are -1 (no such objects)")
lab("plain_01", [e("oscillation", "warning")], [], "RL eval episode_reward climbs to 900, collapses to 120, recovers to 900, collapses again")
lab("tbcsv_01", [], ["plateau", "lr_drop", "undertrained", "noisy_validation"], "multi-task age/gender: losses fall, lr steps down; val_loss still falling slowly")
lab("tensorboard_01", [], ["plateau", "undertrained"], "the detectron2_01 run as event file", same_as="detectron2_01")
lab("tensorboard_02", [e("nan_inf", "error")], ["plateau", "not_learning"], "the hf_trainer_03 run as event file", same_as="hf_trainer_03")
lab("tensorboard_03", [e("nan_inf", "error")], ["plateau", "not_learning"], "every validation loss value is NaN; two train runs overlap", "the train epoch_loss moves only 6.7 -> 6.4 and 4.6 -> 4.3")
lab("tensorboard_04", [], ["plateau", "noisy_validation", "lr_drop"], "the ultralytics_02 run as event file", same_as="ultralytics_02")
lab("tensorboard_05", [], ["plateau", "noisy_validation", "metric_loss_disagreement", "overfitting", "undertrained"], "YOLOv8: train losses fall, mAP50 0 -> 0.85; val/box_loss and val/dfl_loss rise and swing from epoch ~10", "val box loss up while mAP up: disagreement rather than overfitting")
lab("tensorboard_06", [e("overfitting", "warning", 150, 2400, alt=OV)], ["noisy_validation", "metric_loss_disagreement", "plateau"], "train_loss -> 1e-4 while val_loss doubles 0.045 -> 0.09 from step ~200; val_acc zig-zags 0.6-0.8")
lab("textlog_01", [], [], "DCGAN d_loss/g_loss: adversarial, not converging by design")
lab("textlog_02", [e("nan_inf", "error"), e("divergence", "warning")], ["plateau", "lr_drop"], "the mmdet_02 run as a text log", same_as="mmdet_02")
lab("textlog_03", [e("oscillation", "warning")], ["noisy_validation"], "TD-MPC2 RL: eval episode_reward keeps collapsing (900 -> 120) and recovering; no loss logged")
lab("textlog_04", [], ["plateau", "lr_drop", "noisy_validation"], "the mmengine_01 run as a text log", same_as="mmengine_01")
lab("textlog_05", [e("undertrained", "warning")], ["plateau"], "LM: train 9.2 -> 5.91 and valid 8.09 -> 5.97 still falling at epoch 12 (of 30 planned)")
lab("textlog_06", [e("undertrained", "warning")], ["plateau"], "nanoGPT: val loss 12.5 -> 1.56 BPC, still falling (1.64 -> 1.56 over the last third) at step 5000")
lab("ultralytics_01", [], ["plateau", "nan_inf", "lr_drop", "undertrained"], "YOLO, losses falling, one inf in epoch 1", "train losses still falling at epoch 30")
lab("ultralytics_02", [], ["plateau", "noisy_validation", "lr_drop"], "YOLO, close-mosaic bump at epoch 15, recovers; val losses noisy but trending down")
lab("ultralytics_03", [e("overfitting", "warning", 8, 50, alt=OV)], ["plateau", "metric_loss_disagreement", "noisy_validation"], "classify: val/loss min 0.85 at epoch 9, rises to 1.05-1.1 while train/loss falls to 0.1; top1 flat ~0.72")
lab("ultralytics_04", [], ["plateau", "overfitting", "metric_loss_disagreement", "noisy_validation"], "classify: val/loss flat ~0.6-0.7 from epoch 8, top1 still rising 0.75 -> 0.82", "val/loss 0.60 -> 0.68: mild overfitting or noise")
lab("ultralytics_05", [e("overfitting", "warning", 10, 100, alt=OV + ("metric_loss_disagreement",))], ["plateau", "noisy_validation"], "classify: val/loss min 0.35 at epoch ~12, rises to 0.37; top1 falls 0.965 -> 0.94 while train/loss keeps falling")
lab("ultralytics_06", [], ["plateau", "nan_inf", "undertrained", "lr_drop", "noisy_validation"], "1379 epochs, losses falling slowly, mAP rising; val losses NaN in the first ~15 epochs then finite")
lab("ultralytics_07", [], ["plateau", "noisy_validation", "metric_loss_disagreement", "overfitting", "undertrained"], "the tensorboard_05 run as results.csv", same_as="tensorboard_05")
lab("wandb_01", [e("not_learning", "error")], ["plateau"], "AlexNet on CIFAR-10: loss 2.303 = ln(10), accuracy 10% (chance) all 50 epochs")
lab("wandb_02", [e("slow_start_plateau", "warning")], ["plateau", "undertrained"], "LeNet: loss flat at 2.31 for ~6 epochs then drops. Relabelled (doctor5) from a new plot of Train/Val Loss and Acc per epoch: the old reason ('at epoch 50 still falling (1.74)') was wrong, train loss is 1.725 -> 1.723 and val loss 1.699 -> 1.697 over the last 10 epochs and val acc flat at 38.5-38.7, because the cosine lr decays to 0 (3e-4 at epoch 0, 7e-6 at 45): its end is flat, not falling", "undertrained is a fair reading too: LeNet at 38% on CIFAR-10 was still improving when the schedule ran out, so it may fire")
lab("wandb_03", [e("severe_overfitting", "warning", alt=("overfitting",))], ["plateau", "metric_loss_disagreement"], "AlexNet: val loss min 0.785 at epoch ~19, rises to 1.3+ while train loss -> 0.06; val acc flat ~76%")
lab("wandb_04", [], ["plateau"], "ViT fine-tune: test accuracy 0.65 -> 0.97 and flat; no loss curve is read from this log")
lab("yolov5_01", [], ["plateau", "noisy_validation", "undertrained"], "YOLOv5, 400 epochs, mAP rising then flat")
lab("yolov5_02", [], ["plateau", "lr_drop"], "YOLOv5 chess pawns, mAP -> 0.99, losses falling")
json.dump({"about": "Hand labels of ../shared/realworld (issue #15), read from plots of every curve of every log "
           "(/tmp plots made with matplotlib from the loaded points). expect: the faults truly present "
           "(kind, at least this severity, optionally a step range in the log's own steps; alt_kinds are "
           "other names a practitioner would accept for the same problem). A warning or error of a kind "
           "neither expected nor in may_fire is wrong. unsure: what a second reader could see differently.",
           "logs": L}, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "realworld_labels.json"), "w"), indent=1)
print(len(L))
