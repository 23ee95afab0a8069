#!/usr/bin/env python3
"""Expectations for tests/core/test_realworld.cpp, computed without CurveDoctor.

Reads the real logs in ../shared/realworld (never copies them) with the Python standard library
only, and prints one C++ table entry per folder: the loader id, the metric count and, for a
representative subset of the metrics, the point count and the first and last step in file order.

    python3 tests/data/scripts/realworld_expectations.py [REALWORLD_DIR] [FOLDER...]

Each reader below states the format's rule in a few lines, from the writing tool's documentation
or source, not from CurveDoctor's loaders:
  - CSV tables (Keras CSVLogger, Lightning CSVLogger, Ultralytics): a point per non-empty cell
    (Keras writes 'NA' for an epoch a metric was not logged), step = the step/epoch column.
  - YOLOv5 results.txt: 15 whitespace columns, epoch 'e/N'; GPU memory, label count and image
    size are not curves.
  - HF trainer_state.json: numbers of each log_history entry by its 'step'; the entry with
    'train_runtime' is the end-of-training summary, not a point.
  - JSON lines: Detectron2 by 'iteration'; LLaMA-Factory by 'current_steps' (total_steps,
    percentage, total_tokens and epoch are progress); MMDetection 2.x .log.json train lines at
    (epoch-1)*N+iter and val lines as val/<key> at epoch*N, N = the val lines' iter; MMEngine
    scalars by 'step', validation lines (neither epoch nor iter) as val/<key> at the last train
    step of the epoch they follow.
  - DeiT/MAE log.txt: a JSON object per epoch, numbers by 'epoch'; Keras history JSON: element
    i of each list at epoch i.
  - Console logs, one regular expression per trainer's print statement (quoted below): MMEngine
    'Epoch(train) [e][i/N]' at (e-1)*N+i and 'Epoch(val)' as val/<key> at e*N; 'Epoch: e/N' blocks;
    nanoGPT 'iter'/'step' lines; Swin-style 'Train: [e/N]' blocks; big_vision '[step] k=v'.
  - MLflow file store: every file under metrics/ is a metric of '<ms> <value> <step>' lines.
  - TensorBoard event files: a TFRecord + protobuf reader written here (simple_value, and
    float/double tensors of one element, as TF2 writes scalars).
"""
import csv
import json
import os
import re
import struct
import sys

ROOT = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/realworld"))


class Run:
    def __init__(self):
        self.series = {}  # name -> list of steps, in file order

    def add(self, name, step):
        self.series.setdefault(name, []).append(int(step))


def only_file(folder):
    files = sorted(f for f in os.listdir(folder) if os.path.isfile(os.path.join(folder, f)))
    assert len(files) == 1, files
    return os.path.join(folder, files[0])


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ---- CSV tables -------------------------------------------------------------------------------

def csv_table(path, step_column, skip=(), missing=("",)):
    run = Run()
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header = [h.strip() for h in rows[0]]
    at = header.index(step_column)
    for row in rows[1:]:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        step = int(float(cells[at]))
        for name, cell in zip(header, cells):
            if name in skip or name == step_column or cell in missing:
                continue
            float(cell)  # every kept cell is a number (nan included)
            run.add(name, step)
    return run


def keras_csv(folder):
    return csv_table(only_file(folder), "epoch", missing=("", "NA"))


def lightning_csv(folder):
    return csv_table(os.path.join(folder, "metrics.csv"), "step", skip=("epoch",))


def ultralytics_csv(folder):
    return csv_table(os.path.join(folder, "results.csv"), "epoch")


YOLOV5_COLUMNS = ["epoch", "", "train/box_loss", "train/obj_loss", "train/cls_loss",
                  "train/total_loss", "", "", "metrics/precision", "metrics/recall",
                  "metrics/mAP_0.5", "metrics/mAP_0.5:0.95", "val/box_loss", "val/obj_loss",
                  "val/cls_loss"]


def yolov5_txt(folder):
    run = Run()
    for line in open(os.path.join(folder, "results.txt")):
        fields = line.split()
        if not fields:
            continue
        assert len(fields) == 15, line
        step = int(fields[0].split("/")[0])
        for name, cell in zip(YOLOV5_COLUMNS[1:], fields[1:]):
            if name:
                float(cell)
                run.add(name, step)
    return run


# ---- JSON -------------------------------------------------------------------------------------

def hf_trainer(folder):
    run = Run()
    state = json.load(open(os.path.join(folder, "trainer_state.json")))
    last = 0
    for entry in state["log_history"]:
        if "train_runtime" in entry:
            continue
        step = entry.get("step", last)
        last = step
        for k, v in entry.items():
            if k not in ("step", "epoch") and is_number(v):
                run.add(k, step)
    return run


def json_lines(path):
    for line in open(path):
        if line.strip():
            yield json.loads(line)


def detectron2_json(folder):
    run = Run()
    for d in json_lines(os.path.join(folder, "metrics.json")):
        if "iteration" not in d:
            continue
        for k, v in d.items():
            if k != "iteration" and is_number(v):
                run.add(k, d["iteration"])
    return run


def llamafactory_jsonl(folder):
    run = Run()
    progress = {"current_steps", "total_steps", "percentage", "total_tokens", "epoch"}
    for d in json_lines(os.path.join(folder, "trainer_log.jsonl")):
        for k, v in d.items():
            if k not in progress and is_number(v):
                run.add(k, d["current_steps"])
    return run


def mmdet_json(folder):
    run = Run()
    lines = list(json_lines(only_file(folder)))
    per_epoch = max(d["iter"] for d in lines if d.get("mode") == "val")
    for d in lines:
        mode = d.get("mode")
        if mode == "train":
            step, prefix = (d["epoch"] - 1) * per_epoch + d["iter"], ""
        elif mode == "val":
            step, prefix = d["epoch"] * per_epoch, "val/"
        else:
            continue
        for k, v in d.items():
            if k in ("mode", "epoch", "iter") or not is_number(v):
                continue
            if mode == "val" and k == "lr":
                continue
            run.add(prefix + k, step)
    return run


def mmengine_scalars(folder):
    run = Run()
    last_step_of_epoch = {}
    for d in json_lines(only_file(folder)):
        val = "epoch" not in d and "iter" not in d
        if not val:
            last_step_of_epoch[d["epoch"]] = d["step"]
            step = d["step"]
        else:
            step = last_step_of_epoch[d["step"]]  # 'step' of a val line is the epoch
        for k, v in d.items():
            if k in ("step", "epoch", "iter") or not is_number(v):
                continue
            run.add("val/" + k if val else k, step)
    return run


def deit_log_txt(folder):
    """DeiT/MAE main.py appends json.dumps(log_stats) per epoch: numbers by 'epoch';
    n_parameters is the model size, not a curve."""
    run = Run()
    for d in json_lines(only_file(folder)):
        for k, v in d.items():
            if k not in ("epoch", "n_parameters") and is_number(v):
                run.add(k, d["epoch"])
    return run


def keras_history_json(folder):
    """json.dump(history.history): a list per metric, element i = epoch i (from 0)."""
    run = Run()
    with open(only_file(folder)) as f:
        for k, values in json.load(f).items():
            for i, v in enumerate(values):
                if is_number(v):
                    run.add(k, i)
    return run


# ---- console logs -----------------------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def text_lines(folder):
    with open(only_file(folder), encoding="utf-8", errors="replace") as f:
        for line in f:
            yield ANSI.sub("", line.rstrip("\n"))


def is_text_number(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


def mmengine_text(folder):
    """MMEngine LogProcessor: 'Epoch(train)  [e][ i/N]  k: v  ...'; val lines as val/<key> at
    e*N (N of the train lines); eta is a time estimate, not a value."""
    run, n = Run(), 0
    head = re.compile(r"Epoch\((train|val)\)\s*\[(\d+)\]\[\s*(\d+)/(\d+)\](.*)")
    for line in text_lines(folder):
        m = head.search(line)
        if not m:
            continue
        mode, e, i, total, rest = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4)), m.group(5)
        if mode == "train":
            n = total
        step = (e - 1) * total + i if mode == "train" else e * n
        for k, v in re.findall(r"(\S+): (\S+)", rest):
            if k != "eta" and is_text_number(v):
                run.add(k if mode == "train" else "val/" + k, step)
    return run


def epoch_blocks(folder):
    """'Epoch: e/N' then 'Time Taken: ..s - LR: ..', 'Train Loss: .. - Train Perplexity: ..'."""
    run, epoch = Run(), None
    for line in text_lines(folder):
        m = re.match(r"Epoch: (\d+)/\d+$", line)
        if m:
            epoch = int(m.group(1))
            continue
        if epoch is None:
            continue
        for k, v in re.findall(r"([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)?): ([\d.e+-]+)s?(?: -|$)", line):
            run.add(k, epoch)
    return run


def nanogpt(folder):
    """'iter N: loss X BPC, time Yms, mfu Z%' and 'step N: train loss X BPC, val loss Y BPC'."""
    run = Run()
    for line in text_lines(folder):
        m = re.match(r"iter (\d+): loss \S+ BPC, time \S+ms, mfu \S+%", line)
        if m:
            for k in ("loss", "time", "mfu"):
                run.add(k, int(m.group(1)))
        m = re.match(r"step (\d+): train loss \S+ BPC, val loss \S+ BPC", line)
        if m:
            for k in ("train loss", "val loss"):
                run.add(k, int(m.group(1)))
    return run


def swin_output(folder):
    """Swin main.py: 'Train: [e/N]\tlr v\ttime v (avg)\tloss v (avg)\tAcc@1 v (avg)\tMem vMB',
    then ' * Train Acc v Train Loss v', 'Validate: \tTime v (avg)\tLoss v (avg)\tAcc@1 ..\tMem ..',
    ' * Val Acc v Val Loss v', 'Max accuracy: v%', all at epoch e."""
    run, epoch = Run(), None
    for line in text_lines(folder):
        m = re.search(r"INFO Train: \[(\d+)/\d+\]\t(.*)", line)
        if m:
            epoch = int(m.group(1))
            for k, _ in re.findall(r"(\S+) ([\d.]+)(?:MB| \([\d.]+\))?(?:\t|$)", m.group(2)):
                run.add("train/" + k, epoch)
            continue
        if epoch is None:
            continue
        m = re.search(r"INFO Validate: \t(.*)", line)
        if m:
            for k, _ in re.findall(r"(\S+) ([\d.]+)(?:MB| \([\d.]+\))?(?:\t|$)", m.group(1)):
                run.add("val/" + k, epoch)
        m = re.search(r"\* (Train|Val) Acc \S+ (Train|Val) Loss \S+", line)
        if m:
            run.add(m.group(1) + " Acc", epoch)
            run.add(m.group(2) + " Loss", epoch)
        if re.search(r"INFO Max accuracy: [\d.]+%", line):
            run.add("Max accuracy", epoch)
    return run


def big_vision(folder):
    """vit_jax train.py via absl: '[step] k=v, k=v' (logging_writer), 'Step: s/N p%, img/sec/core:
    v, ETA: ..' and 'Step: s Learning rate: v, Test accuracy: v, img/sec/core: v'."""
    run = Run()
    for line in text_lines(folder):
        m = re.search(r"logging_writer\.py:\d+\] \[(\d+)\] (.*)", line)
        if m:
            for k, v in re.findall(r"(\w+)=(\S+?)(?:,|$)", m.group(2)):
                run.add(k, int(m.group(1)))
        m = re.search(r"\] Step: (\d+)/\d+ \S+%, img/sec/core: \S+,", line)
        if m:
            run.add("img/sec/core", int(m.group(1)))
        m = re.search(r"\] Step: (\d+) Learning rate: \S+, Test accuracy: \S+, img/sec/core: \S+$",
                      line)
        if m:
            for k in ("Learning rate", "Test accuracy", "img/sec/core"):
                run.add(k, int(m.group(1)))
    return run

# ---- MLflow -----------------------------------------------------------------------------------

def mlflow(folder):
    run = Run()
    runs = []
    for dirpath, dirnames, _ in os.walk(folder):
        if "metrics" in dirnames:
            runs.append(os.path.join(dirpath, "metrics"))
    assert len(runs) == 1, runs
    for dirpath, _, files in os.walk(runs[0]):
        for name in files:
            path = os.path.join(dirpath, name)
            metric = os.path.relpath(path, runs[0])
            for line in open(path):
                if line.strip():
                    _, value, step = line.split()
                    float(value)
                    run.add(metric, step)
    return run


# ---- TensorBoard event files ------------------------------------------------------------------

def varint(b, i):
    shift = result = 0
    while True:
        c = b[i]
        i += 1
        result |= (c & 0x7F) << shift
        shift += 7
        if c < 0x80:
            return result, i


def fields(b):
    """Yields (field number, wire type, value) of one protobuf message."""
    i = 0
    while i < len(b):
        key, i = varint(b, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            v, i = varint(b, i)
        elif wire == 1:
            v, i = b[i:i + 8], i + 8
        elif wire == 2:
            n, i = varint(b, i)
            v, i = b[i:i + n], i + n
        elif wire == 5:
            v, i = b[i:i + 4], i + 4
        else:
            raise ValueError("wire type %d" % wire)
        yield number, wire, v


DT_FLOAT, DT_DOUBLE = 1, 2


def tensor_scalar(b):
    """The value of a float/double TensorProto holding one element, else None."""
    dtype, elements, content, floats, doubles = 0, 1, b"", [], []
    for n, w, v in fields(b):
        if n == 1 and w == 0:
            dtype = v
        elif n == 2 and w == 2:  # TensorShapeProto: dim = 2 {size = 1}
            elements = 1
            for dn, dw, dv in fields(v):
                if dn == 2 and dw == 2:
                    elements *= dict((fn, fv) for fn, _, fv in fields(dv)).get(1, 0)
        elif n == 4 and w == 2:
            content = v
        elif n == 5:
            floats += struct.unpack("<%df" % (len(v) // 4), v)
        elif n == 6:
            doubles += struct.unpack("<%dd" % (len(v) // 8), v)
    if elements != 1:
        return None
    if dtype == DT_FLOAT:
        if len(content) == 4:
            return struct.unpack("<f", content)[0]
        return floats[0] if not content and len(floats) == 1 else None
    if dtype == DT_DOUBLE:
        if len(content) == 8:
            return struct.unpack("<d", content)[0]
        return doubles[0] if not content and len(doubles) == 1 else None
    return None


def tfrecords(path):
    data = open(path, "rb").read()
    i = 0
    while i + 12 <= len(data):
        (length,) = struct.unpack("<Q", data[i:i + 8])
        if i + 12 + length + 4 > len(data):
            break  # a cut last record
        yield data[i + 12:i + 12 + length]
        i += 12 + length + 4


def tfevents(folder):
    run = Run()
    skipped = set()
    known = set()
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs
                   if "tfevents" in f)
    for path in paths:
        prefix = os.path.relpath(os.path.dirname(path), folder)
        prefix = "" if prefix == "." else prefix + "/"
        for record in tfrecords(path):
            step, summary = 0, None
            for n, w, v in fields(record):
                if n == 2 and w == 0:
                    step = v
                elif n == 5 and w == 2:
                    summary = v
            if summary is None:
                continue
            for n, w, v in fields(summary):
                if n != 1 or w != 2:
                    continue
                tag, value, plugin = "", None, ""
                for vn, vw, vv in fields(v):
                    if vn == 1:
                        tag = vv.decode()
                    elif vn == 2 and vw == 5:
                        value = struct.unpack("<f", vv)[0]
                    elif vn == 8 and vw == 2:
                        value = tensor_scalar(vv)
                    elif vn == 9 and vw == 2:  # SummaryMetadata.plugin_data.plugin_name
                        for mn, _, mv in fields(vv):
                            if mn == 1:
                                plugin = dict((pn, pv) for pn, _, pv in fields(mv)).get(1, b"")
                                plugin = plugin.decode()
                name = prefix + tag
                if not tag or name in skipped:
                    continue
                if name not in known and plugin not in ("", "scalars"):
                    skipped.add(name)
                    continue
                if value is None:
                    continue
                known.add(name)
                if step >= 1 << 63:
                    step -= 1 << 64
                run.add(name, step)
    return run


# ---- folders ----------------------------------------------------------------------------------

# folder -> (loader id, reader, one-line comment for the C++ entry)
FOLDERS = {
    "detectron2_02": ("detectron2_json", detectron2_json,
                      "python json: every number but 'iteration' per line, step = iteration."),
    "detectron2_03": ("detectron2_json", detectron2_json,
                      "python json: every number but 'iteration' per line, step = iteration."),
    "hf_trainer_07": ("hf_trainer", hf_trainer,
                      "python json: log_history numbers by step; the train_runtime summary entry "
                      "is not a curve."),
    "hf_trainer_08": ("hf_trainer", hf_trainer,
                      "python json: log_history numbers by step; the train_runtime summary entry "
                      "is not a curve."),
    "hf_trainer_09": ("hf_trainer", hf_trainer,
                      "python json: log_history numbers by step (train and eval_* entries)."),
    "keras_03": ("keras_csv", keras_csv,
                 "python csv: non-empty, non-NA cells per column, step = the epoch column."),
    "keras_04": ("keras_csv", keras_csv,
                 "python csv: non-empty, non-NA cells per column, step = the epoch column."),
    "llamafactory_02": ("llamafactory_jsonl", llamafactory_jsonl,
                        "python json: numbers by current_steps (progress keys and epoch are not "
                        "curves; the last lines have no loss)."),
    "mlflow_02": ("mlflow", mlflow,
                  "python: each metrics/ file's '<ms> <value> <step>' lines."),
    "mmdet_05": ("mmdet_json", mmdet_json,
                 "python json: train lines at (epoch-1)*N+iter, val lines as val/<key> at "
                 "epoch*N, N the val lines' iter; lr on val lines is not a val metric."),
    "mmengine_01": ("mmengine_scalars", mmengine_scalars,
                    "python json: lines by step; val lines (no epoch/iter, step = epoch) as "
                    "val/<key> at the last train step of that epoch."),
    "tensorboard_05": ("tfevents", tfevents,
                       "independent Python TFRecord+protobuf reader: tags, counts and step "
                       "ranges."),
    "tensorboard_06": ("tfevents", tfevents,
                       "independent Python TFRecord+protobuf reader: tags, counts and step "
                       "ranges."),
    "yolov5_02": ("yolov5_txt", yolov5_txt,
                  "python: 15 whitespace fields per row, step from 'e/N'; mem, targets and "
                  "img_size are not curves."),
}
FOLDERS["textlog_04"] = ("mmdet_text", mmengine_text,
                         "python: MMEngine 'Epoch(train) [e][i/N]' at (e-1)*N+i, 'Epoch(val)' lines "
                         "as val/<key> at e*N; eta is not a value.")
FOLDERS["textlog_05"] = ("text_kv", epoch_blocks,
                         "python: 'Epoch: e/N' blocks; 'Name: value[s] - Name: value' by epoch.")
FOLDERS["textlog_06"] = ("text_kv", nanogpt,
                         "python: nanoGPT 'iter N: loss ..' and 'step N: train loss .., val loss ..'.")
for _n in (1, 2, 3):
    FOLDERS["wandb_%02d" % _n] = (
        "text_kv", swin_output,
        "python: Swin 'Train: [e/N]' lines and the Validate/summary lines after them, by epoch.")
FOLDERS["wandb_04"] = ("text_kv", big_vision,
                       "python: vit_jax '[step] k=v' and 'Step: ..' lines; the config printed first "
                       "is not a curve.")
FOLDERS["keras_history_01"] = (
    "keras_history_json", keras_history_json,
    "python json: each list of the history dict, element i at epoch i.")
for _n in (1, 2):
    FOLDERS["jsontxt_%02d" % _n] = (
        "epoch_log_json", deit_log_txt,
        "python json: a JSON object per line, every number but 'epoch' and 'n_parameters' by "
        "epoch.")
for _n in range(6, 13):
    FOLDERS["lightning_%02d" % _n] = (
        "lightning_csv", lightning_csv,
        "python csv.DictReader: non-empty cells per column, step = the step column of those rows.")
for _n in range(3, 8):
    FOLDERS["ultralytics_%02d" % _n] = (
        "ultralytics_csv", ultralytics_csv,
        "python csv: names and cells stripped, non-empty cells per column, step = the epoch column.")

MAX_LISTED = 16


def representative(names):
    """All metrics when few, else an even spread over the sorted names."""
    names = sorted(names)
    if len(names) <= MAX_LISTED:
        return names
    picks = {names[round(i * (len(names) - 1) / (MAX_LISTED - 1))] for i in range(MAX_LISTED)}
    return sorted(picks)


def cpp_entry(folder, fmt, run, comment):
    out = ["// %s" % comment, '{"%s",' % folder, ' "%s",' % fmt, " %d," % len(run.series)]
    items = ['{"%s", %d, %d, %d}' % (n, len(run.series[n]), run.series[n][0], run.series[n][-1])
             for n in representative(run.series)]
    out.append(" {" + ",\n  ".join(items) + "}},")
    return "\n".join(out)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 and os.path.isdir(sys.argv[1]) else ROOT
    wanted = [a for a in sys.argv[1:] if a != root] or sorted(FOLDERS)
    for folder in wanted:
        fmt, reader, comment = FOLDERS[folder]
        run = reader(os.path.join(root, folder))
        print(cpp_entry(folder, fmt, run, comment))


if __name__ == "__main__":
    main()
