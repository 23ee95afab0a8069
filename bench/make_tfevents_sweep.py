#!/usr/bin/python3
"""Writes a generated hyperparameter sweep shaped as torch's SummaryWriter writes it.

One folder per run, each with one event file: a file_version event, then one event per
add_scalar call (one Summary.Value with simple_value). Per run: train/loss, train/lr, train/acc
and train/grad_norm at every step, val/loss and val/acc every 50 steps. The default is the sweep
of issue #14 (1,000 runs x 2,000 steps, 8.08M points, about 400 MB):

    /usr/bin/python3 bench/make_tfevents_sweep.py /tmp/sweep [--runs 1000] [--steps 2000]

With --lightning the same values are written as Lightning CSVLogger `metrics.csv` files instead
(run_*/lightning_logs/version_0/metrics.csv; sparse rows, float32 values as Python prints them).

The curves differ per run so the doctor has something to find: most runs converge, some
diverge (loss grows without bound after a point), some plateau from early on, some overfit
(val/loss turns up), one logs a huge loss (about 2.5e8) at one step. Deterministic (seeded).

Records are framed as TFRecord with masked CRC32C by tests/data/scripts/make_tfevents_fixtures.py
(crcmod's C extension when present: Debian python3-crcmod, in /usr/bin/python3; else pure Python,
correct but about 50x slower). Writes only below the given folder.
"""
import argparse
import math
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "data", "scripts"))
from make_tfevents_fixtures import ld, record, varint  # noqa: E402  (TFRecord framing, CRC32C)


def scalar_event(step, wall, tag_bytes, x):
    # Summary.Value: tag (1), simple_value (2, fixed32); Summary: value (1); Event: wall_time
    # (1, double), step (2, varint), summary (5).
    v = b"\x0a" + varint(len(tag_bytes)) + tag_bytes + b"\x15" + struct.pack("<f", x)
    summary = b"\x0a" + varint(len(v)) + v
    return b"\x09" + struct.pack("<d", wall) + b"\x10" + varint(step) + ld(5, summary)


def run_curves(index, steps, rng):
    """The run's kind and its per-step values as functions of the step."""
    kinds = ["converge"] * 14 + ["diverge"] * 2 + ["plateau"] * 2 + ["overfit"] * 2
    kind = kinds[index % len(kinds)] if index != 7 else "huge"
    lr0 = 10 ** rng.uniform(-4.0, -1.5)
    floor = rng.uniform(0.05, 0.4)
    start = rng.uniform(2.0, 3.0)
    tau = steps * rng.uniform(0.08, 0.3)
    noise = rng.uniform(0.01, 0.05)
    diverge_at = int(steps * rng.uniform(0.3, 0.7))
    plateau_at = int(steps * rng.uniform(0.05, 0.15))
    warmup = max(1, steps // 50)

    def lr(s):
        w = min(1.0, (s + 1) / warmup)
        return lr0 * w * 0.5 * (1.0 + math.cos(math.pi * s / steps))

    def clean_loss(s):
        if kind == "plateau":
            s = min(s, plateau_at)
        base = floor + (start - floor) * math.exp(-s / tau)
        if kind == "diverge" and s > diverge_at:
            base *= math.exp(min(60.0, (s - diverge_at) / (steps * 0.05)))
        return base

    def val_loss(s):
        base = clean_loss(s) * 1.08
        if kind == "overfit":
            base += 0.6 * max(0.0, (s - steps * 0.4) / steps)
        return base

    return kind, lr, clean_loss, val_loss, noise


def run_rows(index, steps, seed):
    """The run's kind and its logged values: (step, wall, tag, value) in add_scalar order."""
    rng = random.Random(seed * 1000003 + index)
    kind, lr, clean_loss, val_loss, noise = run_curves(index, steps, rng)
    t0 = 1700000000.0 + index * 3600.0
    huge_step = steps // 2
    gauss = rng.gauss
    rows = []
    for s in range(steps):
        wall = t0 + 0.05 * s
        loss = clean_loss(s) * (1.0 + noise * gauss(0.0, 1.0))
        if kind == "huge" and s == huge_step:
            loss = 2.5e8
        grad = 0.5 + 2.0 * clean_loss(s) * abs(1.0 + 0.3 * gauss(0.0, 1.0))
        acc = max(0.0, min(1.0, 1.0 - clean_loss(s) / 3.0 + 0.02 * gauss(0.0, 1.0)))
        rows.append((s, wall, "train/loss", min(loss, 3e38)))
        rows.append((s, wall, "train/lr", lr(s)))
        rows.append((s, wall, "train/acc", acc))
        rows.append((s, wall, "train/grad_norm", min(grad, 3e38)))
        if (s + 1) % 50 == 0:
            v = val_loss(s) * (1.0 + 0.5 * noise * gauss(0.0, 1.0))
            va = max(0.0, min(1.0, 1.0 - val_loss(s) / 3.0))
            rows.append((s, wall + 0.01, "val/loss", min(v, 3e38)))
            rows.append((s, wall + 0.01, "val/acc", va))
    return kind, t0, rows


def write_run(root, index, steps, seed):
    kind, t0, rows = run_rows(index, steps, seed)
    folder = os.path.join(root, "run_%04d_%s" % (index, kind))
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "events.out.tfevents.%d.sweephost.%d.0" % (int(t0), 1000 + index))
    tags = {t: t.encode() for t in
            ("train/loss", "train/lr", "train/acc", "train/grad_norm", "val/loss", "val/acc")}
    parts = [record(b"\x09" + struct.pack("<d", t0) + ld(3, b"brain.Event:2"))]
    for s, wall, tag, x in rows:
        parts.append(record(scalar_event(s, wall, tags[tag], x)))
    with open(path, "wb") as f:
        f.write(b"".join(parts))
    return kind


LIGHTNING_COLUMNS = ("train/acc", "train/grad_norm", "train/loss", "train/lr", "val/acc", "val/loss")


def write_lightning_run(root, index, steps, seed):
    """The same values as Lightning's CSVLogger writes them: one row per log call (the train
    metrics at every step, the val metrics in a row of their own), columns sorted, each value the
    float32 tensor's .item() printed by Python (repr: up to 17 significant digits)."""
    kind, _, rows = run_rows(index, steps, seed)
    folder = os.path.join(root, "run_%04d_%s" % (index, kind), "lightning_logs", "version_0")
    os.makedirs(folder, exist_ok=True)
    col = {name: i for i, name in enumerate(LIGHTNING_COLUMNS)}
    per_epoch = max(1, steps // 20)
    lines = ["epoch,step," + ",".join(LIGHTNING_COLUMNS)]
    cur_key, cur = None, None

    def flush():
        if cur is not None:
            lines.append("%d,%d," % (cur_key[1] // per_epoch, cur_key[1]) +
                         ",".join("" if c is None else repr(c) for c in cur))

    for s, _, tag, x in rows:
        key = (tag.split("/")[0], s)
        if key != cur_key:
            flush()
            cur_key, cur = key, [None] * len(LIGHTNING_COLUMNS)
        cur[col[tag]] = struct.unpack("<f", struct.pack("<f", x))[0]
    flush()
    with open(os.path.join(folder, "metrics.csv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return kind


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="folder to create the run folders in (e.g. /tmp/sweep)")
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--lightning", action="store_true",
                    help="write Lightning CSVLogger metrics.csv files instead of event files")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    counts = {}
    for i in range(args.runs):
        writer = write_lightning_run if args.lightning else write_run
        kind = writer(args.out, i, args.steps, args.seed)
        counts[kind] = counts.get(kind, 0) + 1
    per_run = 4 * args.steps + 2 * (args.steps // 50)
    print("%d runs x %d steps, %d points in %s; kinds: %s" % (
        args.runs, args.steps, per_run * args.runs, args.out,
        ", ".join("%s %d" % kv for kv in sorted(counts.items()))), file=sys.stderr)


if __name__ == "__main__":
    main()
