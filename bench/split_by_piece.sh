#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Splits music by piece for the fine-tuning benchmarks (bench/fine_tuning.sh, bench/adapters.sh): every fifth piece
# held out (pieces counted from 0 in order: n % 5 == 4), the others to train on.
#   - an ABC tunebook: tunes in X: order; the file header (every line before the first X:) goes to both halves;
#   - a folder of MIDI files: the files (*.mid, *.midi, any depth) in sorted path order, linked, not copied.
#
#   bench/split_by_piece.sh TUNEBOOK.abc|MIDI_DIR OUT      -> OUT/train/, OUT/heldout/
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: split_by_piece.sh TUNEBOOK.abc|MIDI_DIR OUT" >&2; exit 2; }
src=$1 out=$2
mkdir -p "$out/train" "$out/heldout"
if [ -d "$src" ]; then
    n=0
    while IFS= read -r f; do
        half=train
        [ $((n % 5)) -eq 4 ] && half=heldout
        ln -sf "$(realpath "$f")" "$out/$half/$(printf '%03d' "$n")-$(basename "$f")"
        n=$((n + 1))
    done < <(find "$src" -type f \( -iname '*.mid' -o -iname '*.midi' \) | LC_ALL=C sort)
    [ "$n" -gt 0 ] || { echo "split_by_piece.sh: no MIDI files in $src" >&2; exit 2; }
    echo "train: $(ls "$out/train" | wc -l) files, held out: $(ls "$out/heldout" | wc -l) files"
    exit 0
fi
[ -f "$src" ] || { echo "split_by_piece.sh: no tunebook or folder $src" >&2; exit 2; }
awk -v tr="$out/train/tunes.abc" -v ho="$out/heldout/tunes.abc" '
  /^X:/ { n++ }
  n == 0 { print > tr; print > ho; next }
  { if ((n - 1) % 5 == 4) print > ho; else print > tr }' "$src"
echo "train: $(grep -c '^X:' "$out/train/tunes.abc") tunes, held out: $(grep -c '^X:' "$out/heldout/tunes.abc") tunes"
