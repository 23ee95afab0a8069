#!/bin/sh
# Times `curvedoctor report` against a pandas + matplotlib script drawing the same four charts
# (loss, accuracy, lr, grad_norm) from the same 10 logs of 100 000 steps, in the same run.
# Both are timed as whole processes (load + draw + write PNG), best of 3 after one warm-up.
#   bench/report_vs_matplotlib.sh [path/to/curvedoctor]   (default: build-release/curvedoctor)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build-release/curvedoctor}
py=/usr/bin/python3   # Debian's python3 with python3-pandas and python3-matplotlib
runs=${RUNS:-10}
steps=${STEPS:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "generating $runs runs x $steps steps in $work"
"$py" "$here/report_vs_matplotlib.py" gen "$work/logs" "$runs" "$steps"

now() { date +%s.%N; }
best_of_3() {  # prints the best wall time in seconds of 3 runs of "$@"
    "$@" >/dev/null 2>&1  # warm-up: page cache, font cache
    best=
    for _ in 1 2 3; do
        t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
        t=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    printf '%.3f' "$best"
}

cd_t=$(best_of_3 "$bin" report "$work"/logs/*.csv -o "$work/curvedoctor.png" --metric grad_norm --width 1600)
mpl_t=$(best_of_3 "$py" "$here/report_vs_matplotlib.py" plot "$work/matplotlib.png" "$work"/logs/*.csv)
echo "curvedoctor report (full report: 4 charts + findings + tables): ${cd_t} s"
echo "pandas + matplotlib (4 charts only):                          ${mpl_t} s"
ls -l "$work/curvedoctor.png" "$work/matplotlib.png" | awk '{print $5, $9}'
if [ -n "${KEEP:-}" ]; then cp "$work/curvedoctor.png" "$work/matplotlib.png" "$KEEP"/; fi
