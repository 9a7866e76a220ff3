#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Rebuilds a base model of resources/models from its named sources (issue 18; docs/benchmarks/fine-tuning.md):
#
#   bench/base-models/build.sh folk|multitrack OUT [CLI]
#
# 1. assembles the corpus at its pinned commits (bench/corpora/build-corpus.sh; NF_CORPUS_MIRROR as there);
#    multitrack takes freedoom, groove and openscore-lieder (the quartets are not in the shipped model);
# 2. trains a remi `transformer small` with the shipped model's settings and seed: through noteforge-cli (CLI,
#    default build/app/noteforge-cli) or, where only the training module was built (a GPU server:
#    packaging/build-training-module.sh), through build-training-module/bin/noteforge-training-host;
#    NF_BASE_DEVICE (default auto), NF_BASE_EPOCHS (folk 40, multitrack 9), NF_BASE_MINUTES (0 = no limit);
# 3. writes bench/base-models/NAME.card.json into the model (`noteforge-cli models --write-card`). The card holds
#    the shipped run's figures; update its held-out loss, time and hardware from this run's log before shipping.
# Seeds and corpora are fixed; GPU kernels are not bit-reproducible, so a rebuild matches in its figures, not bytes.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: build.sh folk|multitrack OUT [CLI]" >&2; exit 2; }
name=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd) root=$(cd "$here/../.." && pwd)
cli=${3:-$root/build/app/noteforge-cli}
case $name in
  folk) epochs=${NF_BASE_EPOCHS:-40} ;;
  multitrack) epochs=${NF_BASE_EPOCHS:-9} ;;
  *) echo "build.sh: no base model '$name' (folk or multitrack)" >&2; exit 2 ;;
esac
mkdir -p "$out"
out=$(cd "$out" && pwd)
sources=$out/$name.sources
grep -v '^openscore-quartets' "$root/bench/corpora/$name.sources" > "$sources"
[ -d "$out/corpus" ] || "$root/bench/corpora/build-corpus.sh" "$sources" "$out/corpus"
data=("$out/corpus")
settings=(--model transformer --preset small --repr remi --batch 64 --lr 0.001 --seed 20261204 --epochs "$epochs"
          --device "${NF_BASE_DEVICE:-auto}" --max-minutes "${NF_BASE_MINUTES:-0}")
if [ -x "$cli" ]; then
  "$cli" train "${settings[@]}" --data "${data[0]}" --out "$out/$name.nfm" --metrics "$out/$name.csv" | tee "$out/train.log"
else
  host=$root/build-training-module/bin/noteforge-training-host
  [ -x "$host" ] || { echo "build.sh: neither $cli nor $host: build one first" >&2; exit 1; }
  "$host" "${settings[@]}" --steps 0 --data "${data[0]}" --out "$out/host" --json "$out/$name.json" | tee "$out/train.log"
  mv "$out/host/transformer.nfm" "$out/$name.nfm"
fi
if [ -x "$cli" ]; then
  "$cli" models --write-card "$here/$name.card.json" --model "$out/$name.nfm"
else
  echo "build.sh: write the card on a machine with noteforge-cli: noteforge-cli models --write-card $here/$name.card.json --model $out/$name.nfm"
fi
echo "built $out/$name.nfm; copy it to resources/models/ once its card says this run's figures"
