#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The composers of a song corpus with their dates, as the corpus itself records them (docs/data-sources.md):
#
#   bench/corpora/composer-dates.sh GIT_DIR COMMIT [FOLDER]
#
# OpenScore's Lieder keep one folder per composer under FOLDER (default scores), each with a README.md whose
# first `__...__` line says who they were and when, "(1874–1951)", taken from Wikidata. Prints one line per folder
# (folder, death year or "?", that line), then the latest death year and the folders whose README gives none, so
# that the public-domain check of a pinned revision is a command, not a memory. Reads with git only.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: composer-dates.sh GIT_DIR COMMIT [FOLDER]" >&2; exit 2; }
git_dir=$1 commit=$2 folder=${3:-scores}
folder=${folder%/}/
git --git-dir="$git_dir" rev-parse -q --verify "$commit^{tree}" > /dev/null ||
  { echo "composer-dates.sh: $git_dir: no commit $commit" >&2; exit 1; }
listing=$(mktemp)
trap 'rm -f "$listing"' EXIT
git --git-dir="$git_dir" ls-tree -z -d --name-only "$commit" "$folder" > "$listing"
[ -s "$listing" ] || { echo "composer-dates.sh: no folders under $folder at $commit" >&2; exit 1; }
latest=0 undated=()
while IFS= read -r -d '' path; do
  name=${path#"$folder"}
  line=$(git --git-dir="$git_dir" show "$commit:$path/README.md" 2>/dev/null | grep -m1 '^__' || true)
  died=$(printf '%s' "$line" | grep -o -E '–[0-9]{4}\)__' | tr -dc '0-9' || true)
  printf '%s\t%s\t%s\n' "$name" "${died:-?}" "$line"
  if [ -n "$died" ]; then
    [ "$died" -gt "$latest" ] && latest=$died
  else
    undated+=("$name")
  fi
done < "$listing"
echo "latest death year: $latest"
list=$(printf '%s; ' "${undated[@]}")
echo "folders without a death year: ${#undated[@]}${undated:+ (${list%; })}"
