#!/usr/bin/env bash
# Fills a seed folder for the libFuzzer targets with every fixture under tests/data (each target
# gets all of them: a CSV seed teaches the JSON loader about bad input too), plus the small
# real-world logs from ../shared/realworld when that folder exists (copied into the build tree
# only, never into the repository). Usage: tests/fuzz/make_corpus.sh OUT_DIR
set -euo pipefail
OUT=${1:?usage: make_corpus.sh OUT_DIR}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REALWORLD=${CURVEDOCTOR_REALWORLD_DIR:-$ROOT/../shared/realworld}
# A git worktree under /work/wt/<name> sits one level deeper than the main checkout.
[ -d "$REALWORLD" ] || REALWORLD=$ROOT/../../shared/realworld
MAX_SEED_BYTES=262144
mkdir -p "$OUT"

copy_tree() {
  local base=$1 prefix=$2
  [ -d "$base" ] || return 0
  find "$base" -type f -size -$((MAX_SEED_BYTES / 1024))k \
      ! -name '*.py' ! -name '*.sh' ! -name '*.md' -print0 |
    while IFS= read -r -d '' f; do
      rel=${f#"$base"/}
      cp "$f" "$OUT/${prefix}_${rel//\//_}"
    done
}

copy_tree "$ROOT/tests/data" data
copy_tree "$REALWORLD" realworld
echo "$(find "$OUT" -type f | wc -l) seeds in $OUT"
