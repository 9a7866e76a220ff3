#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/corpora/build-corpus.sh on a fake source made here (ctest corpus_build_script):
#   tests/tools/build_corpus_test.sh SOURCE_DIR [NOTEFORGE_CLI]
# A temporary git repository with MIDI and MusicXML files, other files and a LICENSE is laid out as a
# mirror (owner+name/repo, a bare snapshot) and as a remote for the clone path. Checks: the chosen
# files and nothing else, in OUT_DIR/<source>/<path>; SOURCES.tsv and FAILED.tsv; the licence copied; MANIFEST.sha256;
# a second run gives the same bytes; the mirror is not modified; the clone path gives the same corpus; MusicXML goes
# through the converter (a stand-in for musescore3 here) and a failed conversion is listed; wrong use is refused.
set -euo pipefail
export LC_ALL=C
src_dir=${1:?usage: build_corpus_test.sh SOURCE_DIR [NOTEFORGE_CLI]}
cli=${2:-}
script="$src_dir/bench/corpora/build-corpus.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-corpus-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_AUTHOR_DATE='2026-01-01T00:00:00Z' GIT_COMMITTER_DATE='2026-01-01T00:00:00Z'

# One-note type-0 MIDI files (different pitches).
midi() { printf 'MThd\0\0\0\6\0\0\0\1\0\140MTrk\0\0\0\14\0\220%b\100\140\200%b\0\0\377\57\0' "$1" "$1"; }
repo="$tmp/work/fake"
mkdir -p "$repo/music/deep" "$repo/other"
midi '\x3c' > "$repo/music/b tune.mid"
midi '\x3e' > "$repo/music/a-tune.mid"
midi '\x40' > "$repo/music/deep/nested.mid"      # not taken: music/*.mid stays in one folder
midi '\x41' > "$repo/other/c.mid"                # not taken
echo 'not music' > "$repo/music/notes.txt"      # not taken
echo '<score-partwise/>' > "$repo/music/song.mxl"
echo '<score-partwise/>' > "$repo/music/song2.mxl"
echo '<bad/>' > "$repo/music/broken.mxl"
printf 'Fake licence: do what you like.\n' > "$repo/LICENSE"
git -C "$repo" init -q
git -C "$repo" add -A
git -C "$repo" commit -q -m fake
commit=$(git -C "$repo" rev-parse HEAD)
# A later commit that must not be what the corpus takes.
midi '\x42' > "$repo/music/later.mid"
git -C "$repo" add -A && git -C "$repo" commit -q -m later

mkdir -p "$tmp/mirror/test+fake" "$tmp/remote/test"
git clone -q --bare "$repo" "$tmp/mirror/test+fake/repo"
git clone -q --bare "$repo" "$tmp/remote/test/fake"
printf '# test sources\nfake\ttest/fake\t%s\tMIT-ish\tLICENSE\tmusic/*.mid\tnone\n' "$commit" > "$tmp/midi.sources"
printf 'xml\ttest/fake\t%s\tMIT-ish\tLICENSE\tmusic/[bs]*.mxl\tmusescore\n' "$commit" > "$tmp/xml.sources"
mirror_state() { (cd "$tmp/mirror" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(mirror_state)

NF_CORPUS_MIRROR="$tmp/mirror" "$script" "$tmp/midi.sources" "$tmp/out" 2> "$tmp/log" || { cat "$tmp/log"; exit 1; }
files=$(cd "$tmp/out" && find . -type f | sort | tr '\n' ' ')
check "the chosen files, the licence and the lists, nothing else" \
  test "$files" = "./FAILED.tsv ./LICENSES/fake/LICENSE ./MANIFEST.sha256 ./SOURCES.tsv ./fake/music/a-tune.mid ./fake/music/b tune.mid "
check "files copied byte for byte at the pinned commit" cmp "$tmp/out/fake/music/b tune.mid" <(midi '\x3c')
check "licence text copied" cmp "$tmp/out/LICENSES/fake/LICENSE" "$repo/LICENSE"
expected_sources=$(printf 'source\trepository\tcommit\tpath\tlicence\tfiles\tfailed\ttool\nfake\ttest/fake\t%s\tmusic/*.mid\tMIT-ish\t2\t0\t-' "$commit")
check "SOURCES.tsv" test "$(cat "$tmp/out/SOURCES.tsv")" = "$expected_sources"
check "FAILED.tsv has only its header" test "$(cat "$tmp/out/FAILED.tsv")" = "$(printf 'source\tpath\treason')"
check "MANIFEST.sha256 verifies" bash -c "cd '$tmp/out' && sha256sum --quiet -c MANIFEST.sha256"
check "MANIFEST.sha256 lists every other file" test "$(wc -l < "$tmp/out/MANIFEST.sha256")" -eq 5

NF_CORPUS_MIRROR="$tmp/mirror" "$script" "$tmp/midi.sources" "$tmp/out2" 2> /dev/null
check "a second run gives the same bytes" diff -r "$tmp/out" "$tmp/out2"
check "the mirror is not modified" test "$(mirror_state)" = "$before"

NF_CORPUS_GIT_URL="file://$tmp/remote" NF_CORPUS_CACHE="$tmp/cache" "$script" "$tmp/midi.sources" "$tmp/out3" 2> /dev/null
check "the clone path gives the same corpus" diff -r "$tmp/out" "$tmp/out3"

# MusicXML through the converter: a stand-in that, like mscore3, converts one file (-o OUT IN) or a job file
# (-j JOB, stopping at the first file it cannot convert); it writes a MIDI file for <score-partwise/> and fails
# otherwise, and counts its job files.
cat > "$tmp/fake-mscore" <<EOF
#!/bin/bash
one() {
  grep -q score-partwise "\$2" || { echo 'Cannot read file: bad format'; return 1; }
  printf 'MThd\0\0\0\6\0\0\0\1\0\140MTrk\0\0\0\14\0\220\103\100\140\200\103\0\0\377\57\0' > "\$1"
}
case \$1 in
  -v) echo 'FakeScore 1.0' ;;
  -o) one "\$2" "\$3" ;;
  -j) echo job >> "$tmp/jobs"
      sed -n 's/.*{"in":"\([^"]*\)","out":"\([^"]*\)"}.*/\1\t\2/p' "\$2" | while IFS=\$'\t' read -r in out; do
        one "\$out" "\$in" || exit 1
      done ;;
  *) exit 3 ;;
esac
EOF
chmod +x "$tmp/fake-mscore"
NF_CORPUS_MIRROR="$tmp/mirror" NF_CORPUS_MUSESCORE="$tmp/fake-mscore" NF_CORPUS_JOBS=2 \
  "$script" "$tmp/xml.sources" "$tmp/xml" 2> /dev/null
check "the converter was given a job file" test -s "$tmp/jobs"
NF_CORPUS_MIRROR="$tmp/mirror" NF_CORPUS_MUSESCORE="$tmp/fake-mscore" NF_CORPUS_BATCH=1 \
  "$script" "$tmp/xml.sources" "$tmp/xml1" 2> /dev/null
check "batches of one give the same corpus" diff -r "$tmp/xml" "$tmp/xml1"
check "MusicXML converted to <path>.mid, also after a failed file in a batch" \
  test -s "$tmp/xml/xml/music/song.mid" -a -s "$tmp/xml/xml/music/song2.mid"
check "a failed conversion is not in the corpus" test ! -e "$tmp/xml/xml/music/broken.mid"
check "a failed conversion is listed with its reason" \
  grep -q "^xml	music/broken.mxl	musescore3 conversion failed: Cannot read file: bad format" "$tmp/xml/FAILED.tsv"
check "SOURCES.tsv counts the conversion and names the tool" \
  grep -q "^xml	test/fake	$commit	music/\[bs\]\*.mxl	MIT-ish	2	1	FakeScore 1.0\$" "$tmp/xml/SOURCES.tsv"
NF_CORPUS_MIRROR="$tmp/mirror" NF_CORPUS_SKIP_CONVERT=1 "$script" "$tmp/xml.sources" "$tmp/xml-skip" 2> /dev/null
check "NF_CORPUS_SKIP_CONVERT leaves MusicXML sources out" grep -q "	0	0	skipped\$" "$tmp/xml-skip/SOURCES.tsv"

set +e
NF_CORPUS_MIRROR="$tmp/mirror" "$script" "$tmp/midi.sources" "$tmp/out" 2> /dev/null
check "a non-empty OUT_DIR is refused (exit 1)" test $? -eq 1
"$script" folk 2> /dev/null
check "a missing OUT_DIR is a usage error (exit 2)" test $? -eq 2
sed "s/$commit/0000000000000000000000000000000000000001/" "$tmp/midi.sources" > "$tmp/bad.sources"
NF_CORPUS_MIRROR="$tmp/mirror" "$script" "$tmp/bad.sources" "$tmp/bad" 2> /dev/null
check "a commit the mirror lacks is an error" test $? -eq 1
set -e

if [ -n "$cli" ]; then
  report=$("$cli" inspect --json "$tmp/out/fake")
  check "noteforge-cli reads both files" grep -q '"files_read": *2' <<< "$report"
  check "noteforge-cli finds two notes" grep -q '"notes": *2' <<< "$report"
fi

if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all checks passed"
