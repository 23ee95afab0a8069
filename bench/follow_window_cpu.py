#!/usr/bin/env python3
"""The window's CPU while it follows 100 growing runs (issue #13: under 5% of one core; idle: 0).

Starts `curvedoctor FOLDER` on the offscreen platform over a logdir of RUNS Lightning-style
metrics.csv files (200 rows each to start), waits until it has loaded them, then appends
LINES_PER_S rows a second to every file for SECONDS and reads the window process's utime + stime
from /proc/PID/stat before and after; then measures SECONDS with nothing changing. The writer
is this script, a separate process, so its own CPU is not counted.

Usage: bench/follow_window_cpu.py BUILD_DIR [--runs 100] [--rate 10] [--seconds 30] [--threads]
       [--perf FILE]   (--threads: the busy CPU by thread; --perf: perf record the busy phase)
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HEADER = "epoch,step,train_loss,val_loss,val_acc\n"


def row(step):
    loss = 2.0 / (1.0 + step * 0.01)
    if step % 50 == 49:
        return "%d,%d,,%.6f,%.6f\n" % (step // 50, step, loss * 1.1, 0.5 + step * 1e-4)
    return "%d,%d,%.6f,,\n" % (step // 50, step, loss)


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime


def thread_cpu(pid):
    """CPU seconds by thread: "gui" (the main thread), else the thread's name and id."""
    out = {}
    ticks = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                text = f.read()
        except OSError:
            continue
        name = "gui" if int(tid) == pid else "%s/%s" % (text[text.index("(") + 1:text.rindex(")")], tid)
        fields = text.rsplit(")", 1)[1].split()
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / ticks
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--rate", type=float, default=10.0)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--settle", type=float, default=15.0, help="seconds to let the window load")
    ap.add_argument("--threads", action="store_true", help="also the busy CPU by thread")
    ap.add_argument("--perf", metavar="FILE", help="perf record the busy phase into FILE")
    a = ap.parse_args()
    root = tempfile.mkdtemp(prefix="curvedoctor-follow-cpu-")
    config = tempfile.mkdtemp(prefix="curvedoctor-follow-cpu-config-")
    try:
        paths = []
        for r in range(a.runs):
            d = os.path.join(root, "run%03d" % r)
            os.makedirs(d)
            p = os.path.join(d, "metrics.csv")
            with open(p, "w") as f:
                f.write(HEADER + "".join(row(s) for s in range(200)))
            paths.append(p)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=config)
        proc = subprocess.Popen([os.path.join(a.build, "curvedoctor"), root], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(a.settle)
            step = 200
            perf = None
            if a.perf:
                perf = subprocess.Popen(["perf", "record", "-g", "-o", a.perf, "-p",
                                         str(proc.pid)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
            start_threads = thread_cpu(proc.pid)
            start_cpu, start = cpu_seconds(proc.pid), time.monotonic()
            period = 1.0 / a.rate
            next_write = start
            while time.monotonic() - start < a.seconds:
                for p in paths:
                    with open(p, "a") as f:
                        f.write(row(step))
                step += 1
                next_write += period
                time.sleep(max(0.0, next_write - time.monotonic()))
            busy = (cpu_seconds(proc.pid) - start_cpu) / (time.monotonic() - start)
            threads = thread_cpu(proc.pid)
            busy_wall = time.monotonic() - start
            if perf:
                perf.send_signal(2)
                perf.wait(30)
            time.sleep(3)  # the last diagnoses
            idle_cpu, idle_start = cpu_seconds(proc.pid), time.monotonic()
            time.sleep(a.seconds)
            idle = (cpu_seconds(proc.pid) - idle_cpu) / (time.monotonic() - idle_start)
            print("%d runs x %g lines/s for %gs: window CPU %.2f%% of one core"
                  % (a.runs, a.rate, a.seconds, 100 * busy))
            if a.threads:
                for name, cpu in sorted(threads.items(), key=lambda kv: -kv[1]):
                    share = (cpu - start_threads.get(name, 0.0)) / busy_wall
                    if share >= 0.001:
                        print("  thread %-16s %.2f%%" % (name, 100 * share))
            print("idle for %gs: window CPU %.2f%% of one core" % (a.seconds, 100 * idle))
        finally:
            proc.terminate()
            proc.wait(10)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(config, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
