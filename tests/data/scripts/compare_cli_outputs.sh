#!/usr/bin/env bash
# Compares two curvedoctor binaries' `diagnose --json` and `inspect --json` over every real log
# folder (../shared/realworld/*/) and every fixture folder (tests/data/fixtures/*/), to show
# that a refactoring leaves the findings alone (issue #11: "same findings before and after").
#
# usage: tests/data/scripts/compare_cli_outputs.sh OLD_BINARY NEW_BINARY [OUT_DIR]
#   e.g. tests/data/scripts/compare_cli_outputs.sh ../main/build-debug/curvedoctor \
#            build-debug/curvedoctor /tmp/compare
# Prints one line per folder and command ("same" or "DIFFERS"), then the diffs. The outputs
# are kept in OUT_DIR (default: a fresh temporary folder). Exit status 1 when any differ.
# REALWORLD_DIR overrides where the real logs are. IGNORE_KEYS="code file" also says, for each
# differing JSON output, whether it is the same once those object keys are dropped (keys one
# side adds on purpose, e.g. the load-warning code of issue #11).
set -u
if [ $# -lt 2 ]; then
    sed -n '2,14p' "$0"
    exit 64
fi
old=$(realpath "$1")
new=$(realpath "$2")
here=$(cd "$(dirname "$0")/../../.." && pwd)
realworld=${REALWORLD_DIR:-}
if [ -z "$realworld" ]; then
    for d in "$here/../shared/realworld" "$here/../../shared/realworld"; do
        [ -d "$d" ] && realworld=$(realpath "$d") && break
    done
fi
out=${3:-$(mktemp -d)}
mkdir -p "$out/old" "$out/new"
export QT_QPA_PLATFORM=offscreen

folders=()
[ -n "$realworld" ] && for d in "$realworld"/*/; do folders+=("${d%/}"); done
for d in "$here"/tests/data/fixtures/*/; do folders+=("${d%/}"); done

differ=0
diffs="$out/diffs.txt"
: >"$diffs"
for folder in "${folders[@]}"; do
    tag=$(basename "$(dirname "$folder")")_$(basename "$folder")
    for command in diagnose inspect; do
        "$old" "$command" --json "$folder" >"$out/old/$tag.$command.json" 2>"$out/old/$tag.$command.err"
        echo "exit $?" >>"$out/old/$tag.$command.err"
        "$new" "$command" --json "$folder" >"$out/new/$tag.$command.json" 2>"$out/new/$tag.$command.err"
        echo "exit $?" >>"$out/new/$tag.$command.err"
        if cmp -s "$out/old/$tag.$command.json" "$out/new/$tag.$command.json" &&
            cmp -s "$out/old/$tag.$command.err" "$out/new/$tag.$command.err"; then
            printf '%-8s %-40s same\n' "$command" "$tag"
        elif [ -n "${IGNORE_KEYS:-}" ] &&
            cmp -s "$out/old/$tag.$command.err" "$out/new/$tag.$command.err" &&
            python3 - "$out/old/$tag.$command.json" "$out/new/$tag.$command.json" $IGNORE_KEYS <<'PY'
import json, sys
ignore = set(sys.argv[3:])
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in ignore}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
old, new = (strip(json.load(open(p))) for p in sys.argv[1:3])
sys.exit(0 if old == new else 1)
PY
        then
            printf '%-8s %-40s same apart from keys: %s\n' "$command" "$tag" "$IGNORE_KEYS"
        else
            printf '%-8s %-40s DIFFERS\n' "$command" "$tag"
            differ=1
            {
                echo "=== $command $folder"
                diff "$out/old/$tag.$command.json" "$out/new/$tag.$command.json"
                diff "$out/old/$tag.$command.err" "$out/new/$tag.$command.err"
            } >>"$diffs"
        fi
    done
done
echo
echo "outputs in $out; differences:"
cat "$diffs"
exit $differ
