#!/usr/bin/python3
"""Issue #14's loading targets: `curvedoctor inspect` against the Python readers, same run.

Three cases, each timed REPS times per side, alternating: min and median of wall time, median of
CPU time (user + system; on a shared machine the fairer measure), and the ratios of the medians:
  tfevents   a TensorBoard logdir of 1,000 runs x 2,000 steps (torch SummaryWriter shape) against
             a Python reader that frames the TFRecords and parses every Event with the protobuf
             library (TensorBoard's path without TensorFlow; the CRC is not checked, which only
             flatters Python), keeping (step, value) per tag                       target >= 100x
  lightning  the same sweep as Lightning metrics.csv files against pandas.read_csv of every file
                                                                                   target >= 5x
  single     one Lightning metrics.csv of 2M steps against pandas.read_csv        target >= 5x
`inspect` is the whole process (start, folder walk, sniffing, parsing, output to /dev/null); its
peak RSS (the largest of the repetitions, from wait4) is printed too. The Python readers are timed
inside the interpreter (no interpreter start, no import), which flatters them.

usage: /usr/bin/python3 bench/compare_sweep_loading.py [--build build-bench] [--reps 5]
           [--cases tfevents,lightning,single] [--data /tmp]
The data is made by bench/make_tfevents_sweep.py below --data when missing (minutes, once).
Needs Debian's python3-protobuf and python3-pandas (`apt-get install python3-protobuf
python3-pandas`; .ci/install-deps does not install them: CI does not run this script).
"""
import argparse
import os
import statistics
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def ensure(path, *gen_args):
    if not os.path.isdir(path):
        print("making %s ..." % path, file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(HERE, "make_tfevents_sweep.py"), path,
                        *gen_args], check=True)
    return path


def files_named(root, pred):
    out = []
    for d, _, names in os.walk(root):
        out.extend(os.path.join(d, n) for n in names if pred(n))
    return sorted(out)


def inspect_once(exe, path):
    """Wall seconds, CPU seconds and peak RSS (KiB) of one `curvedoctor inspect PATH` process."""
    t0 = time.perf_counter()
    p = subprocess.Popen([exe, "inspect", path], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in (0, 1):  # 1: a load warning somewhere; still a full load
        raise SystemExit("inspect %s exited %d" % (path, p.returncode))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def event_class():
    """tensorboard's Event / Summary / Summary.Value (the fields the sweep uses), built at run
    time so that neither TensorFlow nor TensorBoard is needed."""
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
    F = descriptor_pb2.FieldDescriptorProto
    fdp = descriptor_pb2.FileDescriptorProto(name="cd_event.proto", package="cdbench",
                                             syntax="proto3")
    summary = fdp.message_type.add(name="Summary")
    value = summary.nested_type.add(name="Value")
    value.field.add(name="tag", number=1, type=F.TYPE_STRING, label=F.LABEL_OPTIONAL)
    value.field.add(name="simple_value", number=2, type=F.TYPE_FLOAT, label=F.LABEL_OPTIONAL)
    summary.field.add(name="value", number=1, type=F.TYPE_MESSAGE, label=F.LABEL_REPEATED,
                      type_name=".cdbench.Summary.Value")
    event = fdp.message_type.add(name="Event")
    event.field.add(name="wall_time", number=1, type=F.TYPE_DOUBLE, label=F.LABEL_OPTIONAL)
    event.field.add(name="step", number=2, type=F.TYPE_INT64, label=F.LABEL_OPTIONAL)
    event.field.add(name="file_version", number=3, type=F.TYPE_STRING, label=F.LABEL_OPTIONAL,
                    oneof_index=0)
    event.field.add(name="summary", number=5, type=F.TYPE_MESSAGE, label=F.LABEL_OPTIONAL,
                    type_name=".cdbench.Summary", oneof_index=0)
    event.oneof_decl.add(name="what")
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    desc = pool.FindMessageTypeByName("cdbench.Event")
    if hasattr(message_factory, "GetMessageClass"):
        return message_factory.GetMessageClass(desc)
    return message_factory.MessageFactory(pool).GetPrototype(desc)


def python_tfevents(paths, Event):
    """Per file: {tag: [(step, value), ...]}; returns the point count."""
    points = 0
    unpack = struct.Struct("<Q").unpack_from
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        series = {}
        pos, n = 0, len(data)
        while pos + 12 <= n:
            (length,) = unpack(data, pos)
            start = pos + 12
            if start + length + 4 > n:
                break
            ev = Event.FromString(data[start:start + length])
            pos = start + length + 4
            if ev.HasField("summary"):
                for v in ev.summary.value:
                    series.setdefault(v.tag, []).append((ev.step, v.simple_value))
                    points += 1
    return points


def python_pandas(paths):
    import pandas as pd
    cells = 0
    for path in paths:
        cells += int(pd.read_csv(path).count().sum())
    return cells


def measure(name, exe, path, python_side, reps, target):
    ours, theirs, ours_cpu, theirs_cpu, rss = [], [], [], [], 0
    size = sum(os.path.getsize(p) for p in files_named(path, lambda n: True)) \
        if os.path.isdir(path) else os.path.getsize(path)
    count = None
    for _ in range(reps):
        wall, cpu, peak = inspect_once(exe, path)
        ours.append(wall)
        ours_cpu.append(cpu)
        rss = max(rss, peak)
        t0, c0 = time.perf_counter(), time.process_time()
        count = python_side()
        theirs.append(time.perf_counter() - t0)
        theirs_cpu.append(time.process_time() - c0)
    o, t = statistics.median(ours), statistics.median(theirs)
    oc, tc = statistics.median(ours_cpu), statistics.median(theirs_cpu)
    print("%-9s %6.1f MB  inspect wall min %.3f median %.3f s, CPU %.3f s, peak RSS %.0f MB | "
          "python wall min %.2f median %.2f s, CPU %.2f s (%d values) | ratio wall %.1fx "
          "(of the mins %.1fx), CPU %.1fx; target %gx"
          % (name, size / 1e6, min(ours), o, oc, rss / 1024, min(theirs), t, tc, count, t / o,
             min(theirs) / min(ours), tc / oc, target), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(HERE, "..", "build-bench"))
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--cases", default="tfevents,lightning,single")
    ap.add_argument("--data", default="/tmp")
    args = ap.parse_args()
    exe = os.path.join(args.build, "app", "curvedoctor")
    if not os.path.exists(exe):
        exe = os.path.join(args.build, "curvedoctor")
    cases = args.cases.split(",")
    from google.protobuf.internal import api_implementation
    print("load average %.1f; %s; median of %d; protobuf %s backend" % (
        os.getloadavg()[0], exe, args.reps, api_implementation.Type()))
    if "tfevents" in cases:
        d = ensure(os.path.join(args.data, "curvedoctor_sweep_tfevents"))
        paths = files_named(d, lambda n: "tfevents" in n)
        Event = event_class()
        measure("tfevents", exe, d, lambda: python_tfevents(paths, Event), args.reps, 100)
    if "lightning" in cases:
        d = ensure(os.path.join(args.data, "curvedoctor_sweep_lightning"), "--lightning")
        paths = files_named(d, lambda n: n == "metrics.csv")
        measure("lightning", exe, d, lambda: python_pandas(paths), args.reps, 5)
    if "single" in cases:
        d = ensure(os.path.join(args.data, "curvedoctor_lightning_2M"), "--lightning", "--runs",
                   "1", "--steps", "2000000")
        (path,) = files_named(d, lambda n: n == "metrics.csv")
        measure("single", exe, path, lambda: python_pandas([path]), args.reps, 5)


if __name__ == "__main__":
    main()
