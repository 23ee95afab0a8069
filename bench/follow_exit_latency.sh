#!/bin/sh
# `diagnose --follow --fail-on error` exit latency (issue #13: < 1 s): a Keras CSV log grows a
# row every 100 ms; a NaN row is appended; the time from that write to the command's exit is
# printed, RUNS times. Usage: bench/follow_exit_latency.sh BUILD_DIR [RUNS]
set -eu
bin="$1/curvedoctor"
runs="${2:-5}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
i=0
while [ "$i" -lt "$runs" ]; do
    log="$dir/training$i.log.csv"
    printf 'epoch,loss,val_loss\n' > "$log"
    e=0
    while [ "$e" -lt 10 ]; do printf '%d,%s,%s\n' "$e" "1.$((9 - e))" "1.$((9 - e))5" >> "$log"; e=$((e + 1)); done
    "$bin" diagnose --follow "$log" --fail-on error --json --timeout 30 > "$dir/out$i" 2>/dev/null &
    pid=$!
    while [ "$e" -lt 20 ]; do sleep 0.1; printf '%d,0.%d,0.%d5\n' "$e" "$((29 - e))" "$((29 - e))" >> "$log"; e=$((e + 1)); done
    t0=$(date +%s.%N)
    printf '%d,nan,nan\n' "$e" >> "$log"
    status=0
    wait "$pid" || status=$?
    t1=$(date +%s.%N)
    echo "run $i: exit $status after $(echo "$t1 - $t0" | bc) s; last finding: $(tail -1 "$dir/out$i" | grep -o "\"kind\":\"[a-z_]*\"")"
    i=$((i + 1))
done
