#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A base model on its own (issue 18; docs/benchmarks/fine-tuning.md):
#
#   bench/base_model_quality.sh CLI BASE CORPUS HELDOUT OUT
#
# 1. what it writes at default sampling against the corpus it learned from: key fit, mean polyphony and the
#    longest passage copied from that corpus (`evaluate --compare`, 10 pieces of 500 tokens, seeds 1-10), beside
#    the corpus's own figures (the report's training-data column);
# 2. bar infill on pieces it never saw (HELDOUT) against the repeat-before and random-bars baselines
#    (`evaluate-infill --data HELDOUT`: the random bars are drawn from HELDOUT itself, since the base's corpus is
#    not beside the model file).
# OUT/evaluation.txt and OUT/infill.txt are the reports. Measures only.
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: base_model_quality.sh CLI BASE CORPUS HELDOUT OUT" >&2; exit 2; }
cli=$1 base=$2 corpus=$3 heldout=$4 out=$5
mkdir -p "$out"
echo "machine: $(nproc) cores, $(uptime)" | tee "$out/machine.txt"
"$cli" evaluate --compare "$base" --against "$corpus" --pieces 10 --length 500 --seed 1 --no-primer | tee "$out/evaluation.txt"
"$cli" evaluate-infill --model "$base" --data "$heldout" --mode bars --threads 2 | tee "$out/infill.txt"
uptime | tee -a "$out/machine.txt"
