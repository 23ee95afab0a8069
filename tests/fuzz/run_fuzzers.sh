#!/usr/bin/env bash
# Builds every libFuzzer target (tests/fuzz/fuzz_*.cpp) and runs each for SECONDS (default 600),
# all at once under `nice -n 19` so they only take idle CPU. Fails when any target crashes,
# hangs (-timeout), runs out of memory (-rss_limit_mb) or trips ASan/UBSan; the reproducer is
# left in build-fuzz/fuzz-artifacts/<target>/. Prints runs, executions/s and coverage per target.
# Inputs are capped at FUZZ_MAX_LEN bytes (default 256 KiB, four times the 64 KiB sniff window:
# with a 16 KiB cap no input ever crossed the window, and issue #12's use-after-free on duplicate
# column names stayed hidden). Each target runs with the dictionary of its format (dict/*.dict,
# see dict_for below; the registry target gets all of them), and the seeds are the fixtures plus
# the real-world logs cut to FUZZ_MAX_LEN (make_corpus.sh).
# Usage: tests/fuzz/run_fuzzers.sh [SECONDS] [TARGET...]
# Environment: FUZZ_MAX_LEN (bytes), CURVEDOCTOR_FUZZ_BUILD (build folder, default build-fuzz).
set -euo pipefail
DURATION=${1:-600}
shift || true
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${CURVEDOCTOR_FUZZ_BUILD:-$ROOT/build-fuzz}

CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCURVEDOCTOR_FUZZ=ON -DCURVEDOCTOR_BUILD_UI=OFF -DCURVEDOCTOR_BUILD_TESTS=OFF > /dev/null
cmake --build "$BUILD" -j2

MAX_LEN=${FUZZ_MAX_LEN:-262144}
SEEDS="$BUILD/fuzz-seeds"
rm -rf "$SEEDS"
"$ROOT/tests/fuzz/make_corpus.sh" "$SEEDS" "$MAX_LEN"

# The dictionaries a target uses: the format it loads (plus the YAML of hyperparameters the
# CSV-family runs keep beside them). libFuzzer takes one -dict file, so they are concatenated.
DICTS="$ROOT/tests/fuzz/dict"
dict_for() {
  case "$1" in
    fuzz_csv_lightning | fuzz_csv_ultralytics | fuzz_yolov5_results) echo csv yaml ;;
    fuzz_csv*) echo csv ;;
    fuzz_hf_trainer | fuzz_json_*) echo json ;;
    fuzz_jsonl_*) echo jsonl ;;
    fuzz_text_*) echo text ;;
    fuzz_tfevents) echo tfevents ;;
    fuzz_wandb) echo wandb json ;;
    fuzz_mlflow_*) echo mlflow yaml ;;
    *) echo csv yaml jsonl json tfevents text mlflow wandb ;;  # the registry, and any new target
  esac
}

if [ "$#" -gt 0 ]; then
  TARGETS=("$@")
else
  TARGETS=()
  for exe in "$BUILD"/tests/fuzz/fuzz_*; do
    [ -x "$exe" ] && [ -f "$exe" ] && TARGETS+=("$(basename "$exe")")
  done
fi

LOGS="$BUILD/fuzz-logs"
mkdir -p "$LOGS"
declare -A PIDS
for t in "${TARGETS[@]}"; do
  corpus="$BUILD/fuzz-corpus/$t"
  artifacts="$BUILD/fuzz-artifacts/$t"
  dict="$BUILD/fuzz-dicts/$t.dict"
  mkdir -p "$corpus" "$artifacts" "$BUILD/fuzz-dicts"
  for d in $(dict_for "$t"); do cat "$DICTS/$d.dict"; done > "$dict"
  nice -n 19 "$BUILD/tests/fuzz/$t" -max_total_time="$DURATION" -timeout=25 -rss_limit_mb=2048 \
    -max_len="$MAX_LEN" -dict="$dict" -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$corpus" "$SEEDS" > "$LOGS/$t.log" 2>&1 &
  PIDS[$t]=$!
done

status=0
printf '%-24s %-6s %12s %8s %8s %8s %8s\n' target result runs exec/s cov ft corpus
for t in "${TARGETS[@]}"; do
  if wait "${PIDS[$t]}"; then result=ok; else result=FAIL; status=1; fi
  log="$LOGS/$t.log"
  # (|| true: a crashed target's log lacks some lines, and pipefail must not end the report.)
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}' | tail -1 || true)
  eps=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | awk '{print $2}' | tail -1 || true)
  last=$(grep -E '#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' <<< "$last" | awk '{print $2}' || true)
  ft=$(grep -o 'ft: [0-9]*' <<< "$last" | awk '{print $2}' || true)
  corp=$(grep -o 'corp: [0-9]*' <<< "$last" | awk '{print $2}' || true)
  printf '%-24s %-6s %12s %8s %8s %8s %8s\n' "$t" "$result" "${runs:-?}" "${eps:-?}" \
    "${cov:-?}" "${ft:-?}" "${corp:-?}"
  if [ "$result" = FAIL ]; then
    grep -m3 -E 'ERROR|runtime error|invariant broken|timeout|out-of-memory' "$log" |
      sed 's/^/    /' || true
    echo "    log: $log"
  fi
done
exit "$status"
