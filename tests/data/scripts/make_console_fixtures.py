#!/usr/bin/env python3
"""Writes the fixtures of the issue #16 readers: console logs in the formats of common trainers
(tests/data/console/*.log), a DeiT/MAE `log.txt` and a Keras `history.history` JSON.

The console line formats are copied from each trainer's logging code, as documented there:
  - MMEngine (MMDetection 3.x) LogProcessor: `Epoch(train)  [e][ i/N]  lr: ..  eta: ..  loss: ..`,
    counters padded to the width of N, after a long environment and config dump.
  - Detectron2 CommonMetricPrinter: `[mm/dd hh:mm:ss d2.utils.events]:  eta: 0:10:00  iter: 19
    total_loss: 1.2  loss_cls: 0.5  ...  lr: 0.0002  max_mem: 2500M`.
  - YOLOX (loguru): `2021-07-20 12:00:00 | INFO     | yolox.core.trainer:259 - epoch: 1/300,
    iter: 10/100, mem: 3000Mb, iter_time: 0.500s, data_time: 0.010s, total_loss: 15.2, ...`.
  - fairseq progress_bar (simple/json off): `2021-03-05 10:00:00 | INFO | train_inner | epoch 001:
    100 / 1000 loss=9.5, nll_loss=8.9, ppl=478.2, ..., num_updates=100, lr=1.25e-05, ...` and
    `... | INFO | valid | epoch 001 | valid on 'valid' subset | loss 8.7 | ... | num_updates 1000`.
  - Swin/timm-style (Swin-Transformer main.py) and nanoGPT, as in ../shared/realworld wandb_01
    and textlog_06, with ANSI colours.
Every value is a formula of its step so tests can recompute it: loss(s) = 2 * 0.99**s,
rounded as printed. Run from the repository root; the output is deterministic.
"""
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "console")


def loss(s):
    return 2.0 * 0.99 ** s


def write(name, lines):
    with open(os.path.join(OUT, name), "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def mmengine():
    lines = ["2023/06/04 00:43:21 - mmengine - INFO - ", "-" * 60, "System environment:"]
    # 90 kB of environment and config, more than the old 64 KiB sniff head.
    for i in range(1500):
        lines.append(f"    option_{i}: dict(type='Something', value={i}, lr=0.01)")
    n = 20
    for e in range(1, 4):
        for i in range(5, n + 1, 5):
            s = (e - 1) * n + i
            lines.append(
                f"2023/06/04 00:43:34 - mmengine - INFO - Epoch(train)   [{e}][{i:>2}/{n}]  "
                f"lr: {1e-3:.4e}  eta: 0:01:00  time: 0.5000  data_time: 0.0100  memory: 2525  "
                f"loss: {loss(s):.4f}  loss_cls: {loss(s) / 2:.4f}")
        lines.append(
            f"2023/06/04 00:45:29 - mmengine - INFO - Epoch(val) [{e}][11/11]    "
            f"coco/bbox_mAP: {0.1 * e:.4f}  coco/bbox_mAP_50: {0.2 * e:.4f}  data_time: 0.3599  "
            "time: 0.4133")
    write("mmengine_train.log", lines)


def detectron2():
    lines = ["[01/20 12:00:00 d2.engine.train_loop]: Starting training from iteration 0"]
    for it in range(19, 200, 20):
        lines.append(
            f"[01/20 12:00:{it % 60:02d} d2.utils.events]:  eta: 0:10:00  iter: {it}  "
            f"total_loss: {loss(it):.3f}  loss_cls: {loss(it) / 4:.3f}  loss_box_reg: 0.3  "
            f"time: 0.4000  data_time: 0.0100  lr: 0.0002  max_mem: 2500M")
    write("detectron2_console.log", lines)


def yolox():
    lines = ["2021-07-20 12:00:00 | INFO     | yolox.core.trainer:130 - args: Namespace(batch_size=64)"]
    n = 100
    for e in range(1, 3):
        for i in range(10, n + 1, 10):
            s = (e - 1) * n + i
            lines.append(
                f"2021-07-20 12:00:00 | INFO     | yolox.core.trainer:259 - epoch: {e}/300, "
                f"iter: {i}/{n}, mem: 3000Mb, iter_time: 0.500s, data_time: 0.010s, "
                f"total_loss: {loss(s):.1f}, iou_loss: 3.1, l1_loss: 0.0, conf_loss: 8.0, "
                f"cls_loss: 4.1, lr: 1.000e-05, size: 640, ETA: 1 day, 2:00:00")
    write("yolox_train.log", lines)


def fairseq():
    lines = ["2021-03-05 10:00:00 | INFO | fairseq_cli.train | task: TranslationTask"]
    for e in range(1, 3):
        for u in range(100, 1001, 100):
            s = (e - 1) * 1000 + u
            lines.append(
                f"2021-03-05 10:00:00 | INFO | train_inner | epoch {e:03d}:    {u} / 1000 "
                f"loss={loss(s / 100):.3f}, nll_loss=8.9, ppl=478.2, wps=12000, ups=3.1, "
                f"wpb=4000, bsz=128, num_updates={s}, lr=1.25e-05, gnorm=2.1, train_wall=30, "
                f"wall={s // 10}")
        lines.append(
            f"2021-03-05 10:00:00 | INFO | valid | epoch {e:03d} | valid on 'valid' subset | "
            f"loss {loss(e * 10):.3f} | nll_loss 8.1 | ppl 274.3 | wps 30000 | wpb 4000 | "
            f"bsz 128 | num_updates {e * 1000}")
    write("fairseq_train.log", lines)


def swin_and_nanogpt():
    g, y, z = "\x1b[32m", "\x1b[33m", "\x1b[0m"
    lines = [f"{g}[2025-10-20 21:19:13 swin]{z}{y}(main.py 107){z}: INFO Start training"]
    for e in range(5):
        p = f"{g}[2025-10-20 21:19:16 swin]{z}{y}(main.py 186){z}: INFO "
        lines.append(p + f"Train: [{e}/5]\tlr 0.003000\ttime 0.0132 (0.0180)\tloss {loss(e):.4f} "
                     f"(2.4464)\tAcc@1 {10 * e + 5:.3f} (9.924)\tMem 285MB")
        lines.append(p + f"EPOCH {e} training takes 0:00:03")
        lines.append(p + f" * Train Acc {10 * e + 4:.3f} Train Loss {loss(e) + 0.1:.3f}")
        lines.append(p + f"Accuracy of the network on the 50000 train images: {10 * e + 4:.1f}%")
        lines.append(p + f"Validate: \tTime 0.007 (0.031)\tLoss {loss(e) + 0.2:.4f} (2.3048)")
        lines.append(p + f" * Val Acc {10 * e + 3:.3f} Val Loss {loss(e) + 0.3:.3f}")
    write("swin_output.log", lines)
    lines = ["Overriding config with config/train_shakespeare_char.py:", "batch_size = 64"]
    for it in range(0, 101, 10):
        if it % 50 == 0:
            lines.append(f"step {it}: train loss {loss(it):.4f} BPC, val loss {loss(it) + 0.01:.4f} BPC")
        lines.append(f"iter {it}: loss {loss(it):.4f} BPC, time 263.86ms, mfu 9.31%")
    write("nanogpt_output.log", lines)


def blocks():
    lines = ["lr: 0.0001", "num_epochs: 3", "-" * 80]
    for e in range(1, 4):
        lines += [f"Epoch: {e}/3", f"Time Taken: 24.77s - LR: {1e-4 * (4 - e):.2e}",
                  f"Train Loss: {loss(e):.4f} - Train Perplexity: 1802.10",
                  f"Valid Loss: {loss(e) + 0.5:.4f} - Valid Perplexity: 1170.34", "-" * 80]
    write("epoch_blocks.log", lines)


def deit_and_keras():
    with open(os.path.join(OUT, "deit_log.txt"), "w", newline="\n") as f:
        for e in range(4):
            f.write(json.dumps({"train_lr": 5e-4, "train_loss": loss(e), "test_loss": loss(e) + 1,
                                "test_acc1": 10.0 * e, "epoch": e, "n_parameters": 38450}) + "\n")
    with open(os.path.join(OUT, "keras_history.json"), "w", newline="\n") as f:
        json.dump({"loss": [loss(e) for e in range(5)],
                   "accuracy": [0.1 * e for e in range(5)],
                   "val_loss": [loss(e) + 0.5 for e in range(5)],
                   "val_accuracy": [0.1 * e - 0.05 for e in range(5)]}, f, indent=4)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    mmengine()
    detectron2()
    yolox()
    fairseq()
    swin_and_nanogpt()
    blocks()
    deit_and_keras()
