#!/usr/bin/python3
"""Companion of report_vs_matplotlib.sh.

  report_vs_matplotlib.py gen DIR [RUNS] [STEPS]  writes RUNS generic CSV logs of STEPS steps
  report_vs_matplotlib.py plot OUT.png CSV...     draws the report's four charts with pandas +
                                                  matplotlib, as a user would script them

The four charts are the ones `curvedoctor report --metric grad_norm` draws: loss (training
raw and smoothed, validation dashed), accuracy, learning rate and gradient norm, one colour
per run, smoothed with TensorBoard's debiased EMA (pandas ewm(adjust=True) is that formula).
"""
import math
import os
import random
import sys


def generate(folder, runs=10, steps=100_000):
    os.makedirs(folder, exist_ok=True)
    for r in range(runs):
        rnd = random.Random(r)
        tau = steps / (4 + r * 0.3)
        floor = 0.05 + 0.02 * r
        path = os.path.join(folder, f"run_{r:02d}.csv")
        with open(path, "w") as f:
            f.write("step,train_loss,val_loss,val_accuracy,lr,grad_norm\n")
            for s in range(steps):
                base = 2.3 * math.exp(-s / tau) + floor
                train = base + rnd.gauss(0, 0.05)
                lr = 0.1 * 0.5 * (1 + math.cos(math.pi * s / steps))
                gn = 1.0 + 4.0 * math.exp(-s / tau) + abs(rnd.gauss(0, 0.3))
                if s % 1000 == 999:
                    over = max(0.0, (s - 0.6 * steps) / steps) * (r % 3) * 0.8
                    val = base + 0.08 + over + rnd.gauss(0, 0.01)
                    acc = 0.97 - 0.87 * math.exp(-s / tau) - over * 0.1
                    f.write(f"{s},{train:.6f},{val:.6f},{acc:.6f},{lr:.6g},{gn:.5f}\n")
                else:
                    f.write(f"{s},{train:.6f},,,{lr:.6g},{gn:.5f}\n")


def plot(out, paths, smoothing=0.6, width_px=3200):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    colors = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7",
              "#56B4E9", "#F0E442", "#3D4B5C", "#332288", "#88CCEE"]
    dpi = 200
    fig, axes = plt.subplots(2, 2, figsize=(width_px / dpi, width_px * 0.62 / dpi), dpi=dpi)
    (ax_loss, ax_acc), (ax_lr, ax_gn) = axes
    for i, path in enumerate(paths):
        df = pd.read_csv(path)
        c = colors[i % len(colors)]
        name = os.path.splitext(os.path.basename(path))[0]
        train = df[["step", "train_loss"]].dropna()
        ax_loss.plot(train.step, train.train_loss, color=c, alpha=0.2, lw=0.5)
        ax_loss.plot(train.step, train.train_loss.ewm(alpha=1 - smoothing, adjust=True).mean(),
                     color=c, lw=1.2, label=name)
        val = df[["step", "val_loss"]].dropna()
        ax_loss.plot(val.step, val.val_loss.ewm(alpha=1 - smoothing, adjust=True).mean(),
                     color=c, lw=1.2, ls="--")
        acc = df[["step", "val_accuracy"]].dropna()
        ax_acc.plot(acc.step, acc.val_accuracy.ewm(alpha=1 - smoothing, adjust=True).mean(),
                    color=c, lw=1.2, ls="--")
        ax_lr.plot(df.step, df.lr, color=c, lw=1.2)
        gn = df[["step", "grad_norm"]].dropna()
        ax_gn.plot(gn.step, gn.grad_norm, color=c, alpha=0.2, lw=0.5)
        ax_gn.plot(gn.step, gn.grad_norm.ewm(alpha=1 - smoothing, adjust=True).mean(), color=c, lw=1.2)
    for ax, title in ((ax_loss, "loss"), (ax_acc, "accuracy"), (ax_lr, "lr"), (ax_gn, "grad_norm")):
        ax.set_title(title)
        ax.set_xlabel("step")
        ax.grid(alpha=0.3)
    ax_loss.legend(fontsize=6, ncol=2)
    fig.tight_layout()
    fig.savefig(out)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "gen":
        generate(sys.argv[2], *(int(a) for a in sys.argv[3:5]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "plot":
        plot(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
