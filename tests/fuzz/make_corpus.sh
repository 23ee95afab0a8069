#!/usr/bin/env bash
# Fills a seed folder for the libFuzzer targets with every fixture under tests/data (each target
# gets all of them: a CSV seed teaches the JSON loader about bad input too), plus every real-world
# log from ../shared/realworld when that folder exists. A file longer than the cap is cut to its
# first MAX_SEED_BYTES bytes: the fuzzers take no longer input, and a cut log is a log being
# written. Seeds are copied into OUT_DIR (the build tree) only, never into the repository.
# Usage: tests/fuzz/make_corpus.sh OUT_DIR [MAX_SEED_BYTES (default 262144)]
set -euo pipefail
OUT=${1:?usage: make_corpus.sh OUT_DIR [MAX_SEED_BYTES]}
MAX_SEED_BYTES=${2:-262144}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REALWORLD=${CURVEDOCTOR_REALWORLD_DIR:-$ROOT/../shared/realworld}
# A git worktree under /work/wt/<name> sits one level deeper than the main checkout.
[ -d "$REALWORLD" ] || REALWORLD=$ROOT/../../shared/realworld
mkdir -p "$OUT"

copy_tree() {
  local base=$1 prefix=$2
  [ -d "$base" ] || return 0
  find "$base" -type f ! -name '*.py' ! -name '*.sh' ! -name '*.md' -print0 |
    while IFS= read -r -d '' f; do
      rel=${f#"$base"/}
      head -c "$MAX_SEED_BYTES" "$f" > "$OUT/${prefix}_${rel//\//_}"
    done
}

copy_tree "$ROOT/tests/data" data
copy_tree "$REALWORLD" realworld
echo "$(find "$OUT" -type f | wc -l) seeds in $OUT (each at most $MAX_SEED_BYTES bytes)"
