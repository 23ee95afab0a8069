#!/usr/bin/env python3
"""Writes the CSV fixtures of the timm and pandas dialects (issue #16) into tests/data/csv/.

- timm_summary/summary.csv: what timm's train.py writes through utils/summary.py
  update_summary(): a csv.DictWriter row per epoch of OrderedDict(epoch=epoch), then
  ('train_' + k, v) for the train metrics, ('eval_' + k, v) for the eval metrics, then 'lr';
  values are Python floats (repr). Beside it args.yaml, as train.py writes it.
- pandas_history.csv: pd.DataFrame(history.history).to_csv(path): the index as a first column
  without a name, then one column per Keras history key.
- pandas_unnamed.csv: that file read back with pd.read_csv(path) and written again with
  to_csv(path, index=False): the old index is now a column named 'Unnamed: 0'.

Deterministic; no pandas or timm needed (the writers are re-enacted with csv and repr).
Run: python3 tests/data/scripts/make_csv_dialect_fixtures.py
"""
import csv
import math
import os
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "csv")


def timm_summary():
    folder = os.path.join(OUT, "timm_summary")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "summary.csv")
    if os.path.exists(path):
        os.remove(path)
    for epoch in range(12):
        train = OrderedDict(loss=2.3 * math.exp(-epoch / 5.0) + 0.1)
        ev = OrderedDict(loss=2.2 * math.exp(-epoch / 6.0) + 0.3,
                         top1=90.0 - 80.0 * math.exp(-epoch / 4.0),
                         top5=99.0 - 60.0 * math.exp(-epoch / 3.0))
        rowd = OrderedDict(epoch=epoch)
        rowd.update([("train_" + k, v) for k, v in train.items()])
        rowd.update([("eval_" + k, v) for k, v in ev.items()])
        rowd["lr"] = 0.05 * 0.5 * (1 + math.cos(math.pi * epoch / 12))
        with open(path, mode="a") as cf:
            dw = csv.DictWriter(cf, fieldnames=rowd.keys())
            if epoch == 0:
                dw.writeheader()
            dw.writerow(rowd)
    with open(os.path.join(folder, "args.yaml"), "w") as f:
        f.write("batch_size: 128\nepochs: 12\nlr: 0.05\nmodel: resnet18\n")


def history():
    keys = ["loss", "accuracy", "val_loss", "val_accuracy"]
    rows = []
    for e in range(8):
        rows.append([0.9 * 0.7 ** e + 0.05, 0.5 + 0.06 * e, 0.95 * 0.75 ** e + 0.12,
                     0.48 + 0.055 * e])
    with open(os.path.join(OUT, "pandas_history.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([""] + keys)
        for i, r in enumerate(rows):
            w.writerow([i] + [repr(x) for x in r])
    with open(os.path.join(OUT, "pandas_unnamed.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Unnamed: 0"] + keys)
        for i, r in enumerate(rows):
            w.writerow([i] + [repr(x) for x in r])


if __name__ == "__main__":
    timm_summary()
    history()
