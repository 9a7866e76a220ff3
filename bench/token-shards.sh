#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A corpus larger than a small machine's patience, made of the demo's ABC tunes copied COPIES times (default 1200:
# about 2,400 files, 29 MB, 24 M abc-chars tokens): `noteforge-cli tokenize` with one and two threads, an
# interrupted build resumed, and training on the shards for 30 s read in groups of 1 M tokens against read whole,
# with each run's peak memory (GNU time's maximum resident set; the shards' mapped pages count in it while they are
# resident, so it is an upper bound of the process's own memory). docs/benchmarks/token-shards.md came from it.
#   bench/token-shards.sh [BUILD_DIR] [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
COPIES=${2:-1200}
CLI="$BUILD/app/noteforge-cli"
[ -x "$CLI" ] || { echo "token-shards: build $BUILD first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/music"
for i in $(seq -w 1 "$COPIES"); do
  for f in resources/demo/abc/*.abc; do cp "$f" "$work/music/$i-$(basename "$f")"; done
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $(find "$work/music" -type f | wc -l) files, $(du -sh "$work/music" | cut -f1)"
cat > "$work/config.json" <<'JSON'
{"model": {"kind": "lstm", "hiddenSize": 256, "embedDim": 64, "layers": 1}, "tokenizer": {"kind": "abc-chars"},
 "batchSize": 32, "seqLength": 64, "valShare": 0.01, "epochs": 1, "threads": 2, "maxMinutes": 0.5}
JSON
measure() {  # measure LABEL COMMAND...: wall seconds and peak resident memory
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>&1 || { tail -3 "$work/out"; }
  read -r secs kb < "$work/time"
  printf '| %s | %s s | %d MB |\n' "$label" "$secs" $((kb / 1024))
}
echo "| run | wall | peak resident memory |"
echo "|---|---|---|"
measure "tokenize, 1 thread" "$CLI" tokenize --data "$work/music" --out "$work/s1" --config "$work/config.json" --jobs 1
grep -o '[0-9]* pieces, [0-9]* tokens' "$work/out" | head -1 | sed 's/^/corpus: /' >&2
measure "tokenize, 2 threads" "$CLI" tokenize --data "$work/music" --out "$work/s2" --config "$work/config.json" --jobs 2
rm -f "$work/s2/manifest.json" "$work"/s2/shard-0000[0-4].nftok
measure "tokenize again after losing 5 shards and the manifest" "$CLI" tokenize --data "$work/music" --out "$work/s2" --config "$work/config.json" --jobs 2
grep -o '([0-9]* tokenized now, [0-9]* kept from before)' "$work/out" >&2
measure "train 30 s, groups of 1 M tokens" "$CLI" train --corpus "$work/s2" --config "$work/config.json" --chunk-tokens 1000000 --out "$work/g.nfm" --quiet
measure "train 30 s, read whole (one group)" "$CLI" train --corpus "$work/s2" --config "$work/config.json" --chunk-tokens 100000000 --out "$work/w.nfm" --quiet
measure "train 30 s, the folder itself (in memory)" "$CLI" train --data "$work/music" --config "$work/config.json" --no-cache --out "$work/f.nfm" --quiet
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
