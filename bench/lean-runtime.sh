#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Lean runtime (issue 14): what the player pays for the trainer. Measures only; the targets are printed beside the
# figures and never fail the script. Report: docs/benchmarks/lean-runtime.md.
#
# Usage: bench/lean-runtime.sh [BUILD_DIR] [PACKAGE.deb]
#   BUILD_DIR     a build folder: its app/noteforge-cli and app/noteforge are measured (default: build, when it has them)
#   PACKAGE.deb   the noteforge package whose installed size is measured (default: the newest BUILD_DIR/noteforge_*.deb;
#                 `packaging/package-check.sh build` or `(cd build && cpack -G DEB)` makes one). Given without a
#                 BUILD_DIR, the programs measured are the package's own, extracted with dpkg -x into a temporary folder.
# Env:   NF_BENCH_RUNS (default 20)
#
# Method
# (a) Start-up: wall time of `noteforge-cli --version` and of `noteforge-cli inspect FILE` on one demo MIDI file
#     (resources/demo/midi/abc2midi-nottingham/jigs100.mid), output to /dev/null, timed with bash's EPOCHREALTIME
#     around each run; 2 warm-up runs (page cache warm), then the median of NF_BENCH_RUNS runs, in ms.
#     Target: <= 50 ms each. Printed for comparison: the studio's `noteforge --version` and `fluidsynth --version`.
# (b) Shared libraries: the number of libraries `ldd` resolves for each binary (every line naming a file: the
#     dynamic loader included, linux-vdso not), and whether LibTorch (libtorch*.so, libc10.so) is among them.
# (c) Installed size that the package adds beyond a Qt 6 Widgets desktop, from apt's simulated install
#     (apt-get -s, nothing is installed, no root needed) on a fake dpkg status file standing for a minimal Debian 12
#     with libqt6widgets6 present:
#       1. BASE = what apt would install on an empty system for every package of Priority required or important
#          plus libqt6widgets6 (apt-get -s --no-install-recommends against an empty status file), at the versions
#          of this machine's apt cache (apt-cache dumpavail: candidate versions; run apt-get update first for
#          current ones). That is debootstrap's default set plus the dependency closure of libqt6widgets6.
#       2. FAKE = the apt-cache records of BASE at those versions, each marked "Status: install ok installed".
#       3. apt-get -s -o Dir::State::status=FAKE install ./PACKAGE.deb, once as apt installs by default (with
#          Recommends) and once with --no-install-recommends; the figure is the sum of the Installed-Size of every
#          package apt would install (apt-cache show PKG=VERSION) plus the package's own Installed-Size, in MiB.
#     Also printed: the share of LibTorch (the same simulation for the package's libtorch dependency alone on BASE)
#     and the largest packages. Target: <= 200 MiB added.
set -uo pipefail
export LC_ALL=C
src=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${NF_BENCH_RUNS:-20}
TARGET_START_MS=50
TARGET_ADDED_MIB=200

build='' deb=''
for a in "$@"; do
  case $a in
    -h | --help) sed -n '3,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *.deb) [ -f "$a" ] || { echo "lean-runtime: no file $a" >&2; exit 2; }; deb=$(realpath "$a") ;;
    *) [ -d "$a" ] || { echo "lean-runtime: no build folder $a" >&2; exit 2; }; build=$(realpath "$a") ;;
  esac
done
if [ -z "$build" ] && [ -z "$deb" ] && [ -x "$src/build/app/noteforge-cli" ]; then build="$src/build"; fi
if [ -z "$deb" ] && [ -n "$build" ]; then
  deb=$(ls -t "$build"/noteforge_*.deb 2>/dev/null | head -1)
  [ -z "$deb" ] || deb=$(realpath "$deb")
fi
if [ -z "$build" ] && [ -z "$deb" ]; then
  echo "lean-runtime: give a build folder or a noteforge .deb (no build/app/noteforge-cli here)" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "$build" ]; then
  bindir="$build/app"
  where="build folder $build"
else
  dpkg-deb -x "$deb" "$tmp/root" || exit 1
  bindir="$tmp/root/usr/bin"
  where="programs of $(basename "$deb"), extracted (dpkg -x)"
fi
cli="$bindir/noteforge-cli"
studio="$bindir/noteforge"
[ -x "$cli" ] || { echo "lean-runtime: no $cli" >&2; exit 1; }
file="$src/resources/demo/midi/abc2midi-nottingham/jigs100.mid"

verdict() {  # verdict VALUE TARGET: "met" or "MISSED" (VALUE <= TARGET), decimals allowed
  awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 <= t + 0) ? "met" : "MISSED" }'
}

echo "NoteForge lean runtime: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load:$(uptime | sed 's/.*load average://')"
echo "measuring the $where"
[ -z "$deb" ] || echo "package: $deb"
"$cli" --version

# --- (a) start-up
median_ms() {  # median_ms COMMAND...: median wall time of RUNS runs after 2 warm-up runs, "12.3" (ms), or "failed"
  local i t0 t1 times=()
  for i in 1 2; do
    "$@" >/dev/null 2>"$tmp/err" || { echo "failed: $(tail -1 "$tmp/err")"; return; }
  done
  for ((i = 0; i < RUNS; i++)); do
    t0=$EPOCHREALTIME
    "$@" >/dev/null 2>&1
    t1=$EPOCHREALTIME
    times+=($(( ${t1/./} - ${t0/./} )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f\n", m / 1000 }'
}
echo
echo "(a) start-up, median of $RUNS runs                         figure      target"
line_start() {  # line_start LABEL COMMAND...
  local label=$1 ms; shift
  ms=$(median_ms "$@")
  if [ "${ms#failed}" != "$ms" ]; then
    printf '  %-50s %s\n' "$label" "$ms"
  else
    printf '  %-50s %6s ms   <= %s ms  %s\n' "$label" "$ms" "$TARGET_START_MS" "$(verdict "$ms" "$TARGET_START_MS")"
  fi
}
line_start "noteforge-cli --version" "$cli" --version
line_start "noteforge-cli inspect $(basename "$file")" "$cli" inspect "$file"
if [ -x "$studio" ]; then
  ms=$(median_ms env QT_QPA_PLATFORM=offscreen "$studio" --version)
  printf '  %-50s %6s ms   (no target)\n' "noteforge --version (studio, for comparison)" "$ms"
fi
if command -v fluidsynth >/dev/null; then  # what a small C program linking libfluidsynth takes on this machine now
  printf '  %-50s %6s ms   (reference)\n' "fluidsynth --version" "$(median_ms fluidsynth --version)"
fi

# --- (b) shared libraries
echo
echo "(b) shared libraries (ldd)"
for bin in "$cli" "$studio"; do
  [ -x "$bin" ] || continue
  libs=$(ldd "$bin" 2>/dev/null | grep -E '(=> )?/' | grep -v 'not found')
  missing=$(ldd "$bin" 2>/dev/null | grep -c 'not found')
  torch=$(grep -oE '\b(libtorch[a-z_]*|libc10)\.so[.0-9]*' <<<"$libs" | sort -u | tr '\n' ' ')
  printf '  %-16s %4d libraries   LibTorch: %s%s\n' "$(basename "$bin")" "$(grep -c . <<<"$libs")" \
    "${torch:+yes ($torch)}" "$([ -z "$torch" ] && echo no)"
  [ "$missing" -eq 0 ] || echo "                   ($missing not found)"
done

# --- (c) installed size beyond a Qt 6 Widgets desktop
echo
if [ -z "$deb" ]; then
  echo "(c) installed size: no .deb (give one, or make one: packaging/package-check.sh build)"
  exit 0
fi
echo "(c) installed size added beyond a minimal Debian 12 with libqt6widgets6 (apt-get -s on a fake dpkg status)"
: >"$tmp/empty-status"
: >"$tmp/extended_states"
apt_sim() {  # apt_sim STATUS ARG...: apt-get's simulated install on STATUS; prints "package version" per Inst line
  local status=$1; shift
  apt-get -s -q -o Dir::State::status="$status" -o Dir::State::extended_states="$tmp/extended_states" \
    -o Debug::NoLocking=1 -o APT::Get::Show-Versions=0 install "$@" >"$tmp/apt.log" 2>&1 ||
    { sed 's/^/    apt: /' "$tmp/apt.log" | tail -15 >&2; return 1; }
  sed -n 's/^Inst \([^ ]*\) \(\[[^]]*\] \)\{0,1\}(\([^ ]*\) .*/\1 \3/p' "$tmp/apt.log" | sed 's/:[a-z0-9]* / /'
}
records() {  # records < "package version" lines: their apt-cache records (one per package and version)
  # shellcheck disable=SC2046
  apt-cache show $(awk '{ print $1 "=" $2 }') 2>/dev/null |
    awk 'BEGIN { RS = ""; ORS = "\n\n" } {
      p = ""; v = ""; n = split($0, l, "\n")
      for (i = 1; i <= n; i++) { if (l[i] ~ /^Package: /) p = substr(l[i], 10); if (l[i] ~ /^Version: /) v = substr(l[i], 10) }
      if (!seen[p " " v]++) print }'
}
kib_of() {  # kib_of < "package version" lines: "package version KiB" lines from the apt cache
  records | awk 'BEGIN { RS = ""; FS = "\n" } {
    p = v = ""; s = 0
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^Package: /) p = substr($i, 10); else if ($i ~ /^Version: /) v = substr($i, 10)
      else if ($i ~ /^Installed-Size: /) s = substr($i, 17) }
    print p, v, s }'
}

# 1. BASE: required + important (candidate versions) + libqt6widgets6, as apt resolves them on an empty system.
apt-cache dumpavail | awk 'BEGIN { RS = ""; FS = "\n" } {
    p = ""; pr = ""
    for (i = 1; i <= NF; i++) { if ($i ~ /^Package: /) p = substr($i, 10); if ($i ~ /^Priority: /) pr = substr($i, 11) }
    if (pr == "required" || pr == "important") print p }' | sort -u >"$tmp/priority"
# shellcheck disable=SC2046
apt_sim "$tmp/empty-status" --no-install-recommends $(cat "$tmp/priority") libqt6widgets6 >"$tmp/base" || exit 1
# 2. FAKE: their records, installed.
records <"$tmp/base" | awk 'BEGIN { RS = ""; ORS = "\n\n" } {
    sub(/\nStatus: [^\n]*/, ""); sub(/^Package: [^\n]*/, "&\nStatus: install ok installed"); print }' >"$tmp/status"
echo "  base: $(wc -l <"$tmp/priority") packages of Priority required/important + libqt6widgets6 ->" \
     "$(wc -l <"$tmp/base") packages installed ($(kib_of <"$tmp/base" | awk '{ s += $3 } END { printf "%.0f", s / 1024 }') MiB)"
grep -q '^libqt6widgets6 ' "$tmp/base" || { echo "lean-runtime: libqt6widgets6 not in the base" >&2; exit 1; }

# 3. The package on FAKE.
own_kib=$(dpkg-deb -f "$deb" Installed-Size)
pkg=$(dpkg-deb -f "$deb" Package)
added() {  # added LABEL APT-ARGS...: one line with the added MiB; keeps the package list in $tmp/added
  local label=$1; shift
  apt_sim "$tmp/status" "$@" >"$tmp/inst" || return 1
  grep -v "^$pkg " "$tmp/inst" | kib_of | sort -k3,3nr >"$tmp/added"
  local n kib mib
  n=$(wc -l <"$tmp/added")
  kib=$(awk -v own="$own_kib" '{ s += $3 } END { print s + own }' "$tmp/added")
  mib=$(awk -v k="$kib" 'BEGIN { printf "%.0f", k / 1024 }')
  printf '    %-48s %6s MiB   <= %s MiB  %s  (%d packages + %s itself, %.1f MiB)\n' "$label" "$mib" \
    "$TARGET_ADDED_MIB" "$(verdict "$mib" "$TARGET_ADDED_MIB")" "$n" "$pkg" "$(awk -v k="$own_kib" 'BEGIN { print k / 1024 }')"
}
echo "  apt-get install ./$(basename "$deb"):"
added "with Recommends (apt's default)" "$deb" || exit 1
cp "$tmp/added" "$tmp/added-recommends"
added "--no-install-recommends" --no-install-recommends "$deb" || exit 1
echo "  largest packages added (with Recommends):"
awk '{ printf "    %-40s %-28s %7.1f MiB\n", $1, $2, $3 / 1024 }' "$tmp/added-recommends" | head -12
torch=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | grep -oE '^ *libtorch[^ ]*' | tr -d ' ' | head -1)
if [ -n "$torch" ]; then
  apt_sim "$tmp/status" --no-install-recommends "$torch" >"$tmp/torch" &&
    printf '  LibTorch alone: %s and what it pulls in, on the base, no Recommends: %.0f MiB (%d packages)\n' "$torch" \
      "$(kib_of <"$tmp/torch" | awk '{ s += $3 } END { print s / 1024 }')" "$(wc -l <"$tmp/torch")"
else
  echo "  $pkg does not depend on LibTorch"
fi
