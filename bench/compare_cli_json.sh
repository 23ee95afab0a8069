#!/bin/sh
# Compares two curvedoctor binaries' `inspect --json` and `diagnose --json` output (and exit
# status) on every log under a folder, byte for byte: run it after a change that must keep the
# command line's behaviour identical (a refactoring), with the old and the new binary.
#
#   bench/compare_cli_json.sh OLD_BINARY NEW_BINARY [FOLDER]
#
# FOLDER defaults to ../shared/realworld beside the checkout. Each entry of FOLDER is checked
# on its own, then the whole folder at once (with --group for diagnose). Prints one line per
# difference and a summary; exits 1 when anything differs.
set -u
old=$1
new=$2
here=$(cd "$(dirname "$0")/.." && pwd)
folder=${3:-$here/../shared/realworld}
[ -d "$folder" ] || folder=$here/../../shared/realworld
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
checked=0
differ=0
compare() {
    # $1: label; the rest: the command's words after the binary.
    label=$1
    shift
    "$old" "$@" >"$tmp/old.out" 2>"$tmp/old.err"
    echo "$?" >>"$tmp/old.out"
    "$new" "$@" >"$tmp/new.out" 2>"$tmp/new.err"
    echo "$?" >>"$tmp/new.out"
    checked=$((checked + 1))
    if ! cmp -s "$tmp/old.out" "$tmp/new.out" || ! cmp -s "$tmp/old.err" "$tmp/new.err"; then
        differ=$((differ + 1))
        echo "DIFFERS: $label"
    fi
}
for entry in "$folder"/*; do
    [ "$(basename "$entry")" = SOURCES.md ] && continue
    compare "inspect $entry" inspect --json "$entry"
    compare "diagnose $entry" diagnose --json "$entry"
done
compare "inspect (all)" inspect --json "$folder"
compare "diagnose --group (all)" diagnose --json --group "$folder"
echo "$checked outputs compared, $differ differ"
[ "$differ" -eq 0 ]
