#!/usr/bin/env bash
# CurveDoctor's CSV loader against pandas.read_csv on the same file, in the same run (issue #2:
# >= 800 MB/s single-threaded and >= 3x pandas). Prints MB/s for both, by wall clock and by CPU
# time (on a shared machine the CPU time is the fairer measure), and the loader's bytes per point.
#
# usage: bench/compare_csv_pandas.sh [--repr] [CSV_FILE]
#   CSV_FILE defaults to the 100 MB, 2-million-row, 6-column file bench_csv generates in /tmp.
#   --repr: the 1-million-row file of full-precision floats instead (as Python's csv module and
#   pandas write them; about 100 MB too).
#   BUILD=dir picks the Release build folder (default build-release; configured if missing).
#   REPS=n sets the repetitions per tool (default 5; the median is reported).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${BUILD:-$ROOT/build-release}"
REPR=()
DEFAULT=/tmp/curvedoctor_bench_2M_x6.csv
if [ "${1:-}" = "--repr" ]; then
  REPR=(--csv-repr)
  DEFAULT=/tmp/curvedoctor_bench_1M_x6_repr.csv
  shift
fi
FILE="${1:-$DEFAULT}"
REPS="${REPS:-5}"
# Debian's interpreter carries python3-pandas; a pyenv or venv python3 earlier on PATH may not.
PY=python3
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import pandas" 2>/dev/null; then PY=/usr/bin/python3; fi

if [ ! -x "$BUILD/bench/bench_csv" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCURVEDOCTOR_BUILD_BENCH=ON
  cmake --build "$BUILD" --target bench_csv -j2
fi

OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT
# Generates FILE if missing, then loads it REPS times through the registry.
"$BUILD/bench/bench_csv" "${REPR[@]}" --csv-file "$FILE" --benchmark_filter=BM_LoadCsvFile \
  --benchmark_repetitions="$REPS" --benchmark_format=json > "$OUT"

"$PY" - "$FILE" "$OUT" "$REPS" <<'PYEOF'
import json, os, statistics, sys, time
import pandas as pd

path, result_json, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
size_mb = os.path.getsize(path) / 1e6
runs = [b for b in json.load(open(result_json))["benchmarks"] if b.get("run_type") == "iteration"]
ours_wall = statistics.median(b["real_time"] for b in runs) / 1e3  # ms -> s
ours_cpu = statistics.median(b["cpu_time"] for b in runs) / 1e3
bytes_per_point = runs[0]["bytes_per_point"]
points = runs[0]["points"]

walls, cpus = [], []
rows = cols = 0
for _ in range(reps):
    w0, c0 = time.perf_counter(), time.process_time()
    df = pd.read_csv(path)
    walls.append(time.perf_counter() - w0)
    cpus.append(time.process_time() - c0)
    rows, cols = df.shape
    del df
pd_wall, pd_cpu = statistics.median(walls), statistics.median(cpus)

print(f"file: {path}  {size_mb:.1f} MB, {rows} rows x {cols} columns  (median of {reps})")
print(f"{'':24}{'wall MB/s':>12}{'CPU MB/s':>12}{'wall s':>10}{'CPU s':>10}")
print(f"{'curvedoctor (csv)':24}{size_mb/ours_wall:12.0f}{size_mb/ours_cpu:12.0f}{ours_wall:10.3f}{ours_cpu:10.3f}")
print(f"{'pandas ' + pd.__version__:24}{size_mb/pd_wall:12.0f}{size_mb/pd_cpu:12.0f}{pd_wall:10.3f}{pd_cpu:10.3f}")
print(f"speed-up over pandas: {pd_wall/ours_wall:.1f}x wall, {pd_cpu/ours_cpu:.1f}x CPU")
print(f"curvedoctor memory: {bytes_per_point:.1f} bytes per loaded point ({points:.0f} points; target <= 24)")
PYEOF
