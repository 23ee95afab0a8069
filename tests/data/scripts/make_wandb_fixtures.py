#!/usr/bin/python3
"""Writes the W&B run-folder fixtures in tests/data/wandb/.

A real tiny training (a small MLP on sklearn's digits, torch, CPU, seeded) whose learning rate is
raised 40-fold at epoch 12 (the planted fault: the loss diverges and turns NaN), logged the way
an offline `wandb.init(mode="offline")` run leaves it on disk:

  offline-run-20261203_231500-cdfix001/   the binary run-cdfix001.wandb, files/config.yaml,
                                          files/wandb-summary.json, files/output.log,
                                          files/wandb-metadata.json
  run-20200101_000000-oldclnt1/           an older client's folder: files/wandb-history.jsonl,
                                          files/config.yaml, files/wandb-summary.json
  expected/cdfix001.json                  the same history, config and summary as plain JSON
                                          (the tests compare what they read to this)

The wandb package is not used (nor installed): the framing, CRCs and protobuf bytes are written
here by hand from wandb/sdk/internal/datastore.py (a 7-byte header ':W&B', 0xBEE1, 0; LevelDB
log-format blocks of 32 KiB; records FULL=1 FIRST=2 MIDDLE=3 LAST=4 with a 7-byte header
<crc32 u32 LE><length u16 LE><type u8>; crc = zlib.crc32(data, zlib.crc32(bytes([type])))) and
wandb/proto/wandb_internal.proto (field numbers below). One history record carries a histogram
of about 70 KB, so it is written as FIRST, MIDDLE and LAST fragments across three blocks.

Run from the repository root:  /usr/bin/python3 tests/data/scripts/make_wandb_fixtures.py
"""
import json
import math
import os
import shutil
import struct
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "wandb")
RUN_ID = "cdfix001"
RUN_DIR = "offline-run-20261203_231500-" + RUN_ID
OLD_DIR = "run-20200101_000000-oldclnt1"
START = 1796339700.0  # 2026-12-03 23:15:00 UTC

BLOCK = 32768
HEADER = 7
FULL, FIRST, MIDDLE, LAST = 1, 2, 3, 4


# ---- protobuf by hand ----------------------------------------------------------------------
def varint(n):
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field_varint(field, n):
    return varint(field << 3) + varint(n)


def field_bytes(field, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return varint((field << 3) | 2) + varint(len(data)) + data


def item(key, value_json):  # HistoryItem / SummaryItem / ConfigItem: key=1, value_json=16
    return field_bytes(1, key) + field_bytes(16, value_json)


def record(num, field, body):  # Record: num=1; history=2 summary=3 output=4 config=5 ...
    return field_varint(1, num) + field_bytes(field, body)


def history(step, items):  # HistoryRecord: item=1, step=2 (HistoryStep: num=1)
    body = b"".join(field_bytes(1, item(k, v)) for k, v in items)
    return body + field_bytes(2, field_varint(1, step))


# ---- the transaction log framing (datastore.py) --------------------------------------------
class Writer:
    def __init__(self):
        self.out = bytearray(b":W&B" + struct.pack("<HB", 0xBEE1, 0))
        self.types = []  # (offset, type) of every physical record

    def _physical(self, data, rtype):
        crc = zlib.crc32(data, zlib.crc32(bytes([rtype]))) & 0xFFFFFFFF
        self.types.append((len(self.out), rtype))
        self.out += struct.pack("<IHB", crc, len(data), rtype) + data

    def write(self, data):
        left = BLOCK - len(self.out) % BLOCK
        if left < HEADER:
            self.out += b"\0" * left
            left = BLOCK
        if len(data) + HEADER <= left:
            self._physical(data, FULL)
            return
        room = left - HEADER
        self._physical(data[:room], FIRST)
        data = data[room:]
        while len(data) > BLOCK - HEADER:
            self._physical(data[: BLOCK - HEADER], MIDDLE)
            data = data[BLOCK - HEADER :]
        self._physical(data, LAST)


# ---- the training ---------------------------------------------------------------------------
def train():
    import torch
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    torch.manual_seed(0)
    x, y = load_digits(return_X_y=True)
    x = x / 16.0
    xtr, xva, ytr, yva = train_test_split(x, y, test_size=0.25, random_state=0)
    xtr, xva = torch.tensor(xtr, dtype=torch.float32), torch.tensor(xva, dtype=torch.float32)
    ytr, yva = torch.tensor(ytr), torch.tensor(yva)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    rows = []
    for epoch in range(24):
        if epoch == 12:  # the planted fault: a schedule that multiplies instead of divides
            for g in opt.param_groups:
                g["lr"] *= 40
        model.train()
        total, n = 0.0, 0
        for i in range(0, len(xtr), 64):
            opt.zero_grad()
            loss = loss_fn(model(xtr[i : i + 64]), ytr[i : i + 64])
            loss.backward()
            opt.step()
            total += loss.item() * len(xtr[i : i + 64])
            n += len(xtr[i : i + 64])
        model.eval()
        with torch.no_grad():
            out = model(xva)
            val_loss = loss_fn(out, yva).item()
            val_acc = (out.argmax(1) == yva).float().mean().item()
        weights = model[0].weight.detach().flatten().tolist()
        rows.append(
            {
                "epoch": epoch,
                "train/loss": total / n,
                "val/loss": val_loss,
                "val/acc": val_acc,
                "lr": opt.param_groups[0]["lr"],
                "weights": weights,
            }
        )
    return rows


def histogram(values):  # shaped like a logged wandb.Histogram: a dict, not a number
    return {"_type": "histogram", "bins": sorted(values), "values": [1] * len(values)}


def main():
    rows = train()
    shutil.rmtree(ROOT, ignore_errors=True)
    files = os.path.join(ROOT, RUN_DIR, "files")
    os.makedirs(files)
    os.makedirs(os.path.join(ROOT, OLD_DIR, "files"))
    os.makedirs(os.path.join(ROOT, "expected"))

    config = {"lr": 0.05, "batch_size": 64, "epochs": 24, "optimizer": "SGD", "hidden": 32}
    w = Writer()
    num = 0

    def put(field, body):
        nonlocal num
        num += 1
        w.write(record(num, field, body))

    put(21, b"")  # HeaderRecord
    config_record = b"".join(field_bytes(1, item(k, json.dumps(v))) for k, v in config.items())
    config_record += field_bytes(1, item("_wandb", json.dumps({"cli_version": "0.16.0"})))
    # RunRecord: run_id=1, project=3, config=4, display_name=8
    put(17, field_bytes(1, RUN_ID) + field_bytes(3, "curvedoctor") + field_bytes(4, config_record)
        + field_bytes(8, "diverging-digits-1"))
    put(11, field_bytes(3, "unknown telemetry bytes"))  # TelemetryRecord: skipped by readers
    history_out = []
    console = []
    for step, row in enumerate(rows):
        ts = START + 2.0 * step + 0.5
        metrics = {k: row[k] for k in ("epoch", "train/loss", "val/loss", "val/acc", "lr")}
        items = [("_step", json.dumps(step)), ("_runtime", json.dumps(2.0 * step + 0.5)),
                 ("_timestamp", json.dumps(ts))]
        items += [(k, json.dumps(v)) for k, v in metrics.items()]
        if step == 10:  # ~70 KB: spans blocks (FIRST/MIDDLE/LAST); the value is skipped
            big = histogram(row["weights"] * 2)
            items.append(("weights", json.dumps(big)))
        put(2, history(step, items))
        history_out.append({"step": step, "wall_time": ts, "metrics": metrics})
        line = "epoch %d/%d train_loss=%.4f val_loss=%.4f val_acc=%.4f" % (
            step + 1, len(rows), row["train/loss"], row["val/loss"], row["val/acc"])
        console.append(line)
        put(4, field_varint(1, 1) + field_bytes(3, line + "\n"))  # OutputRecord: line=3
    last = history_out[-1]
    summary = dict(last["metrics"], _step=last["step"], _runtime=2.0 * last["step"] + 0.5,
                   _timestamp=last["wall_time"])
    put(3, b"".join(field_bytes(1, item(k, json.dumps(v))) for k, v in summary.items()))
    put(18, field_varint(1, 0) + field_varint(2, 48))  # RunExitRecord: exit_code=1, runtime=2
    put(20, b"")  # FinalRecord

    with open(os.path.join(ROOT, RUN_DIR, "run-%s.wandb" % RUN_ID), "wb") as f:
        f.write(w.out)

    def write_config(path):
        with open(path, "w") as f:
            f.write("wandb_version: 1\n\n_wandb:\n  desc: null\n  value:\n"
                    "    cli_version: 0.16.0\n    python_version: 3.11.2\n")
            for k, v in config.items():
                f.write("%s:\n  desc: null\n  value: %s\n" % (k, v))

    write_config(os.path.join(files, "config.yaml"))
    with open(os.path.join(files, "wandb-summary.json"), "w") as f:
        json.dump(summary, f)
    with open(os.path.join(files, "output.log"), "w") as f:
        f.write("\n".join(console) + "\n")
    with open(os.path.join(files, "wandb-metadata.json"), "w") as f:
        json.dump({"os": "Linux", "python": "3.11.2", "startedAt": "2026-12-03T23:15:00.000000",
                   "program": "train.py"}, f, indent=4)

    old = os.path.join(ROOT, OLD_DIR, "files")
    with open(os.path.join(old, "wandb-history.jsonl"), "w") as f:
        for h in history_out:
            f.write(json.dumps(dict(h["metrics"], _step=h["step"], _timestamp=h["wall_time"],
                                    _runtime=h["wall_time"] - START)) + "\n")
    write_config(os.path.join(old, "config.yaml"))
    with open(os.path.join(old, "wandb-summary.json"), "w") as f:
        json.dump(summary, f)

    spanning = [t for _, t in w.types if t != FULL]
    with open(os.path.join(ROOT, "expected", RUN_ID + ".json"), "w") as f:
        json.dump({"run_id": RUN_ID, "display_name": "diverging-digits-1", "config": config,
                   "history": history_out, "fragment_types": spanning,
                   "bytes": len(w.out)}, f, indent=1)
    print("wrote %s (%d bytes, fragments %s)" % (RUN_DIR, len(w.out), spanning))


if __name__ == "__main__":
    main()
