#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Assembles a training corpus for NoteForge's base models from pinned public sources (docs/data-sources.md):
#
#   bench/corpora/build-corpus.sh folk|multitrack|FILE.sources OUT_DIR
#
# The sources are listed in bench/corpora/<corpus>.sources (repository, pinned commit, licence, which files).
# Each repository is read at its pinned commit from
#   - a local mirror when NF_CORPUS_MIRROR is set: a folder holding owner+name/repo, owner+name.git or owner+name
#     (a bare or non-bare git repository, e.g. a folder of bare snapshots laid out as owner+name/repo), or else
#   - a shallow clone of that one commit into NF_CORPUS_CACHE (default ~/.cache/noteforge/corpus-git) from
#     NF_CORPUS_GIT_URL (default https://github.com), kept for the next run.
# Files are read with `git ls-tree` / `git cat-file` only: the sources are never modified, and no work tree is
# checked out. OUT_DIR (new or empty) receives
#   <source>/<path in the repository>     every chosen file (MusicXML converted to <path>.mid, see below)
#   LICENSES/<source>/<path>              the licence files named in the sources list
#   SOURCES.tsv                           source, repository, commit, path, licence, files, failed, tool
#   FAILED.tsv                            source, path, reason: files that could not be taken
#   MANIFEST.sha256                       sha256 of every file above, in byte order of the path
# Files are taken in byte order of their paths; nothing is random, so two runs give the same bytes.
#
# MusicXML sources (convert = musescore) are converted to MIDI with Debian's musescore3 command line
# (NF_CORPUS_MUSESCORE, default mscore3), headless (QT_QPA_PLATFORM=offscreen) with a fresh HOME so that no
# user setting changes the export, NF_CORPUS_BATCH files (default 25) to one converter process; NF_CORPUS_JOBS
# processes run at once (default 1; the result depends on neither); NF_CORPUS_CONVERT_TIMEOUT seconds per file
# (default 600). NF_CORPUS_SKIP_CONVERT=1 leaves those sources out (listed in SOURCES.tsv with 0 files and tool
# "skipped").
set -euo pipefail
export LC_ALL=C

usage() { echo "usage: build-corpus.sh folk|multitrack|FILE.sources OUT_DIR" >&2; exit 2; }
die() { echo "build-corpus: $*" >&2; exit 1; }
[ $# -eq 2 ] || usage
here=$(cd "$(dirname "$0")" && pwd)
case $1 in
  folk|multitrack) list="$here/$1.sources" ;;
  *.sources) list=$1 ;;
  *) usage ;;
esac
[ -f "$list" ] || die "no sources list $list"
out=$2
if [ -e "$out" ]; then
  [ -d "$out" ] || die "$out exists and is not a folder"
  [ -z "$(ls -A "$out")" ] || die "$out is not empty (the corpus is built into a new or empty folder)"
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/nf-corpus.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'jobs -p | xargs -r kill 2> /dev/null; exit 143' INT TERM HUP

mirror=${NF_CORPUS_MIRROR:-}
cache=${NF_CORPUS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/noteforge/corpus-git}
url_base=${NF_CORPUS_GIT_URL:-https://github.com}
jobs=${NF_CORPUS_JOBS:-1}
convert_timeout=${NF_CORPUS_CONVERT_TIMEOUT:-600}
batch_size=${NF_CORPUS_BATCH:-25}
musescore=${NF_CORPUS_MUSESCORE:-mscore3}

# The git directory holding COMMIT of REPO (owner/name): the mirror's, or a shallow clone in the cache.
git_dir_for() {
  local repo=$1 commit=$2 flat=${1/\//+} d
  if [ -n "$mirror" ]; then
    for d in "$mirror/$flat/repo" "$mirror/$flat.git" "$mirror/$flat"; do
      if [ -d "$d" ] && d=$(git -C "$d" rev-parse --absolute-git-dir 2>/dev/null) &&
         git --git-dir="$d" cat-file -e "$commit^{commit}" 2>/dev/null; then
        echo "$d"; return 0
      fi
    done
    die "$repo: commit $commit not found under NF_CORPUS_MIRROR=$mirror ($flat/repo, $flat.git or $flat)"
  fi
  d="$cache/$flat.git"
  if ! git --git-dir="$d" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "build-corpus: fetching $repo at $commit from $url_base" >&2
    [ -d "$d" ] || git init -q --bare "$d"
    git --git-dir="$d" fetch -q --depth 1 "$url_base/$repo" "$commit" 2>/dev/null ||
      git --git-dir="$d" fetch -q "$url_base/$repo" '+refs/heads/*:refs/heads/*' '+refs/tags/*:refs/tags/*' ||
      die "$repo: could not fetch from $url_base/$repo"
    git --git-dir="$d" cat-file -e "$commit^{commit}" 2>/dev/null || die "$repo: no commit $commit at $url_base/$repo"
  fi
  echo "$d"
}

# A path pattern as an extended regular expression: **/ spans folders, * and ? stay inside one, [...] is a class.
pattern_regex() {
  local p=$1 r='' c i
  for ((i = 0; i < ${#p}; i++)); do
    c=${p:i:1}
    if [ "${p:i:3}" = '**/' ]; then r+='(.*/)?'; i=$((i + 2))
    elif [ "${p:i:2}" = '**' ]; then r+='.*'; i=$((i + 1))
    elif [ "$c" = '*' ]; then r+='[^/]*'
    elif [ "$c" = '?' ]; then r+='[^/]'
    elif [ "$c" = '[' ] && [[ ${p:i} =~ ^\[[^]/]+\] ]]; then r+=${BASH_REMATCH[0]}; i=$((i + ${#BASH_REMATCH[0]} - 1))
    else case $c in [].[\\^\$\|\(\)+\{\}]) r+="\\$c" ;; *) r+=$c ;; esac
    fi
  done
  printf '^%s$' "$r"
}

fail() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$out/FAILED.tsv"; }

# musescore ARGS...: the converter, headless, with settings from a fresh HOME (no user preference changes the export).
musescore() {
  local home status=0
  home=$(mktemp -d "$work/home.XXXXXX")
  # In the background and waited for, so that an interrupted run stops the converter too.
  HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share XDG_RUNTIME_DIR=$home \
    QT_QPA_PLATFORM=offscreen "$@" &
  converter=$!
  trap 'kill "$converter" 2> /dev/null; exit 143' INT TERM HUP
  wait "$converter" || status=$?
  trap - INT TERM HUP
  rm -rf "$home"
  return $status
}

# convert_one N: $work/in.N.mxl to $work/out.N.mid; on failure no output and the converter's words in $work/err.N.
convert_one() {
  local i=$1
  if musescore timeout "$convert_timeout" "$musescore" -o "$work/out.$i.mid" "$work/in.$i.mxl" > "$work/err.$i" 2>&1 &&
     [ -s "$work/out.$i.mid" ]; then
    rm -f "$work/err.$i"
  else
    rm -f "$work/out.$i.mid"
  fi
}

# convert_batch N...: one converter process for several files (its job file, -j), which saves its start-up per file
# and writes the same bytes; it stops at the first file it cannot convert, so what it left undone is converted one by
# one after it.
convert_batch() {
  local i sep='' job="$work/job.$1.json"
  { printf '['; for i; do printf '%s{"in":"%s","out":"%s"}\n' "$sep" "$work/in.$i.mxl" "$work/out.$i.mid"; sep=,; done
    printf ']\n'; } > "$job"
  musescore timeout $((convert_timeout * $#)) "$musescore" -j "$job" > /dev/null 2>&1 || true
  rm -f "$job"
  for i; do
    if [ ! -s "$work/out.$i.mid" ]; then convert_one "$i"; fi
  done
}

printf 'source\trepository\tcommit\tpath\tlicence\tfiles\tfailed\ttool\n' > "$out/SOURCES.tsv"
printf 'source\tpath\treason\n' > "$out/FAILED.tsv"

while IFS=$'\t' read -r source repo commit licence licence_files pattern convert rest; do
  case $source in ''|'#'*) continue ;; esac
  if [ -z "$convert" ] || [ -n "$rest" ]; then die "$list: a line needs 7 tab-separated fields: $source"; fi
  case $source in *[!A-Za-z0-9._-]*|.*) die "$list: bad source name '$source'" ;; esac
  tool=-
  if [ "$convert" = musescore ]; then
    if [ "${NF_CORPUS_SKIP_CONVERT:-0}" = 1 ]; then
      printf '%s\t%s\t%s\t%s\t%s\t0\t0\tskipped\n' "$source" "$repo" "$commit" "$pattern" "$licence" >> "$out/SOURCES.tsv"
      continue
    fi
    command -v "$musescore" > /dev/null ||
      die "$source needs $musescore to convert MusicXML (Debian package musescore3), or NF_CORPUS_SKIP_CONVERT=1"
    tool=$(musescore "$musescore" -v 2> /dev/null | tail -n 1)
  elif [ "$convert" != none ]; then
    die "$list: $source: convert must be none or musescore, not $convert"
  fi
  gd=$(git_dir_for "$repo" "$commit")
  g() { git --git-dir="$gd" "$@"; }
  echo "build-corpus: $source: $repo@$commit $pattern" >&2

  IFS=, read -r -a lic <<< "$licence_files"
  for f in "${lic[@]}"; do
    mkdir -p "$(dirname "$out/LICENSES/$source/$f")"
    g cat-file blob "$commit:$f" > "$out/LICENSES/$source/$f" || die "$source: no licence file $f at $commit"
  done

  regex=$(pattern_regex "$pattern")
  : > "$work/list"
  g ls-tree -r -z "$commit" | while IFS= read -r -d '' entry; do
    meta=${entry%%$'\t'*} path=${entry#*$'\t'}
    [[ $path =~ $regex ]] || continue
    [[ $path == *$'\n'* || $path == *$'\t'* ]] && continue
    printf '%s\t%s\n' "$path" "$meta" >> "$work/list"
  done
  sort -t $'\t' -k1,1 -o "$work/list" "$work/list"

  taken=0 failed=0 n=0
  : > "$work/pending"
  while IFS=$'\t' read -r path meta; do
    read -r mode type object <<< "$meta"
    if [ "$type" != blob ] || [ "$mode" = 120000 ]; then
      fail "$source" "$path" "not a regular file (mode $mode)"; failed=$((failed + 1)); continue
    fi
    if ! g cat-file blob "$object" > "$work/blob" 2>/dev/null; then
      fail "$source" "$path" "content missing from the repository copy (object $object)"; failed=$((failed + 1)); continue
    fi
    first=
    IFS= read -r -n 40 first < "$work/blob" || true
    if [[ $first == 'version https://git-lfs'* ]]; then
      fail "$source" "$path" "a Git LFS pointer, not the file"; failed=$((failed + 1)); continue
    fi
    if [ "$convert" = musescore ]; then
      n=$((n + 1))
      mv "$work/blob" "$work/in.$n.mxl"
      printf '%s\t%s\n' "$n" "$path" >> "$work/pending"
    else
      dir="$out/$source/$path"; dir=${dir%/*}
      [ -d "$dir" ] || mkdir -p "$dir"
      mv "$work/blob" "$out/$source/$path"
      taken=$((taken + 1))
    fi
  done < "$work/list"

  if [ "$convert" = musescore ] && [ -s "$work/pending" ]; then
    running=0 batch=()
    while IFS=$'\t' read -r i path; do
      batch+=("$i")
      if [ "${#batch[@]}" -ge "$batch_size" ] || [ "$i" -eq "$n" ]; then
        if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
        convert_batch "${batch[@]}" &
        running=$((running + 1)) batch=()
      fi
    done < "$work/pending"
    wait
    while IFS=$'\t' read -r i path; do
      dst="$out/$source/${path%.*}.mid"
      if [ -s "$work/out.$i.mid" ]; then
        mkdir -p "$(dirname "$dst")"
        mv "$work/out.$i.mid" "$dst"
        taken=$((taken + 1))
      else
        reason=$(grep -v -e '^QStandardPaths' -e '^convert <' "$work/err.$i" 2>/dev/null | tr '\t\n' '  ' | cut -c1-200)
        fail "$source" "$path" "musescore3 conversion failed: ${reason:-no output}"
        failed=$((failed + 1))
      fi
      rm -f "$work/in.$i.mxl" "$work/err.$i"
    done < "$work/pending"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$source" "$repo" "$commit" "$pattern" "$licence" "$taken" "$failed" \
    "$tool" >> "$out/SOURCES.tsv"
  echo "build-corpus: $source: $taken files, $failed failed" >&2
done < "$list"

(cd "$out" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum > "$work/manifest")
mv "$work/manifest" "$out/MANIFEST.sha256"
echo "build-corpus: wrote $out" >&2
