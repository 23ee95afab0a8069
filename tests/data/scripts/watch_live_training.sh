#!/bin/sh
# Watch the window follow a real training (issue #13): live_training.py trains a tiny torch
# model writing a Lightning metrics.csv and an event file step by step (diverging at epoch 10);
# the window follows the run folder under Xvfb; `import -window root` (imagemagick) takes a
# screenshot every SHOT_SECONDS. Run inside xvfb-run:
#   xvfb-run -a -s "-screen 0 1600x1000x24" tests/data/scripts/watch_live_training.sh BUILD OUT
# Needs /usr/bin/python3 with torch and sklearn (Debian python3-torch, python3-sklearn).
set -eu
build="$1"
out="$2"
shots="${SHOT_SECONDS:-6}"
mkdir -p "$out"
run="$out/live_run"
rm -rf "$run"
here=$(dirname "$0")
/usr/bin/python3 "$here/live_training.py" "$run" --epochs 15 --diverge-at 10 \
    --step-seconds 0.12 > "$out/training.log" 2>&1 &
train=$!
# The window opens the run folder once the training has written its first rows.
while [ ! -s "$run/metrics.csv" ]; do sleep 0.2; done
sleep 1
"$build/curvedoctor" "$run" > "$out/window.log" 2>&1 &
window=$!
i=0
while kill -0 "$train" 2>/dev/null; do
    sleep "$shots"
    i=$((i + 1))
    import -window root "$out/shot$i.png"
done
sleep 3
import -window root "$out/shot_end.png"
kill "$window"
wait "$window" || true
