#!/bin/bash
# Sets up, builds and runs every NoteForge test: unit, oracle, round-trip, bad-input, audio (JACK dummy),
# GUI (offscreen), the codecs under ASan+UBSan, a bounded libFuzzer run of each reader, and the Debian package
# (cpack, lintian, AppStream/desktop validation, a smoke job from the extracted package: packaging/package-check.sh),
# the build without LibTorch (build-lean: no training module) with the tests that concern it, and the training module
# built on its own from the bundle a GPU machine gets (build-training-module/, as packaging/build-training-module.sh
# builds it there) against Debian's LibTorch, then used through the boundary by build/'s noteforge-cli.
# Usage: packaging/test-all.sh        (as root, or through sudo, on Debian 12)
# Installs everything the tests and benchmarks need beyond the demo (packaging/setup-debian.sh test) and configures
# build/ (shared with demo.sh) with the tests and benchmarks on. Under sudo the packages are installed as root and
# the builds and tests run as the invoking user (packaging/as-invoking-user.sh).
# Env:   NF_FUZZ_SECONDS (default 90 per fuzzer), NF_JOBS (default: number of cores),
#        NF_SETUP_DONE=1 to skip the set-up, NF_PACKAGE_INSTALL=1 to have package-check.sh install the package
#        (dpkg -i; then everything runs as root, also under sudo)
set -uo pipefail
cd "$(dirname "$0")/.."
# Compile-cache hits across clones in different folders (ccache is used when installed).
export CCACHE_BASEDIR="$PWD"
JOBS=${NF_JOBS:-$(nproc)}
FUZZ_SECONDS=${NF_FUZZ_SECONDS:-90}
declare -a PHASES=()
status=0

phase() {  # phase NAME COMMAND...: runs a phase, records its duration, remembers failure
  local name=$1; shift
  local start=$SECONDS
  echo "=== phase: $name"
  if "$@"; then
    PHASES+=("$name: $((SECONDS - start)) s")
  else
    PHASES+=("$name: $((SECONDS - start)) s (FAILED)")
    status=1
  fi
}

setup() { ./packaging/setup-debian.sh test; }
# Tests and benchmarks on explicitly: build/ may come from demo.sh, which configures it without them.
build() {
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DNF_BUILD_TESTS=ON -DNF_BUILD_BENCH=ON >/dev/null &&
  cmake --build build -j "$JOBS" &&
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNF_SANITIZE=ON -DNF_BUILD_TESTS=ON >/dev/null &&
  cmake --build build-asan -j "$JOBS" &&
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNF_FUZZ=ON -DNF_BUILD_TESTS=ON \
        -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null && cmake --build build-fuzz -j "$JOBS"
}
fuzz() {
  local corpus ok=0 fz
  corpus=$(mktemp -d)
  # Seeds: every music file the project ships or tests with.
  find resources tests -type f \( -name '*.mid' -o -name '*.midi' -o -name '*.kar' -o -name '*.abc' \) \
    -exec cp --backup=numbered -t "$corpus" {} + 2>/dev/null
  for fz in build-fuzz/tests/fuzz/fuzz_*; do
    [ -x "$fz" ] || continue
    local work; work=$(mktemp -d)
    cp -r "$corpus"/. "$work"/
    echo "--- $(basename "$fz") for ${FUZZ_SECONDS}s on $(ls "$work" | wc -l) seeds"
    if ! "$fz" -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
         -artifact_prefix="$work/" "$work" 2>"$work.log"; then
      tail -40 "$work.log"; echo "FUZZ FAILURE in $(basename "$fz")"; ok=1
      # The input that failed, kept and printed (base64, when small) so that a CI log alone reproduces it.
      for art in "$work"/crash-* "$work"/timeout-* "$work"/oom-* "$work"/leak-*; do
        [ -f "$art" ] || continue
        mkdir -p fuzz-artifacts && cp "$art" fuzz-artifacts/ && echo "kept fuzz-artifacts/$(basename "$art")"
        [ "$(stat -c %s "$art")" -le 65536 ] && { echo "base64 of $(basename "$art"):"; base64 "$art"; }
      done
    else
      grep -E 'stat::number_of_executed_units|Done' "$work.log" | tail -2
    fi
    rm -rf "$work" "$work.log"
  done
  rm -rf "$corpus"
  return $ok
}
asan_tests() { ctest --test-dir build-asan -j "$JOBS" --output-on-failure --timeout 900; }
CTEST_LOG=$(mktemp)
tests() { ctest --test-dir build -j "$JOBS" --output-on-failure --timeout 900 2>&1 | tee "$CTEST_LOG"; return "${PIPESTATUS[0]}"; }
package() { ./packaging/package-check.sh build; }
# The configuration without LibTorch (no training module): it must build, generate, infill, play and export from
# models trained elsewhere, say clearly that training is not installed, and link no LibTorch. Its objects are the
# full build's (same flags), so with ccache this is mostly linking.
lean() {
  cmake -S . -B build-lean -G Ninja -DCMAKE_BUILD_TYPE=Release -DNF_WITH_TORCH=OFF -DNF_BUILD_TESTS=ON \
        -DNF_BUILD_BENCH=OFF >/dev/null && cmake --build build-lean -j "$JOBS" &&
  ctest --test-dir build-lean -j "$JOBS" --output-on-failure --timeout 900 -L 'cli|remi|core' &&
  ctest --test-dir build-lean -j "$JOBS" --output-on-failure --timeout 900 -R 'TrainingPanel|Welcome'
}
# The configuration without sound (NF_WITH_AUDIO=OFF, for servers and builds without FluidSynth/RtMidi): the studio
# and CLI pick their stand-ins (ui/nosound, app/cli/noaudio) here and only here, so this is where they compile and
# are tested.
noaudio() {
  cmake -S . -B build-noaudio -G Ninja -DCMAKE_BUILD_TYPE=Release -DNF_WITH_AUDIO=OFF -DNF_WITH_TORCH=OFF \
        -DNF_BUILD_TESTS=ON -DNF_BUILD_BENCH=OFF >/dev/null && cmake --build build-noaudio -j "$JOBS" &&
  ctest --test-dir build-noaudio -j "$JOBS" --output-on-failure --timeout 900 -L 'ui|cli' -LE jack
}

# The training module as a GPU machine builds it (docs/gpu.md, section A): from the bundle of
# packaging/training-module-bundle.sh (its own fmt and nlohmann headers, no git, no Qt), against Debian's LibTorch,
# installed into a private XDG data folder; build/'s noteforge-cli must then pick that module over its packaged one
# and train through it, and noteforge-training-host must drive it. Proves the boundary holds between two builds.
module_build() {
  local work xdg out
  work=$(mktemp -d) && xdg="$work/xdg" &&
  ./packaging/training-module-bundle.sh "$work/bundle.tar.gz" && tar -C "$work" -xzf "$work/bundle.tar.gz" &&
  (cd "$work/noteforge-training-module-src" && CCACHE_BASEDIR="$PWD" XDG_DATA_HOME="$xdg" \
     packaging/build-training-module.sh --torch system --jobs "$JOBS" --check) || { rm -rf "$work"; return 1; }
  out=$(XDG_DATA_HOME="$xdg" build/app/noteforge-cli benchmark train --model lstm --batch 4 --seq 16 --steps 2 2>&1)
  echo "$out"
  rm -rf "$work"
  if ! grep -q "^training module $xdg/noteforge/training/libnoteforge-training.so" <<<"$out"; then
    echo "noteforge-cli did not train through the separately built module in $xdg"
    return 1
  fi
}

if [ -z "${NF_SETUP_DONE:-}" ]; then
  phase setup setup || true
  if [ $status -ne 0 ]; then echo "set-up failed"; exit 1; fi
  # Under sudo: the rest as the invoking user, told how long the set-up took (for the phase list). Not when the
  # package phase is to install the package (NF_PACKAGE_INSTALL=1: dpkg -i needs root).
  if [ "${NF_PACKAGE_INSTALL:-0}" != 1 ]; then
    # shellcheck source=packaging/as-invoking-user.sh
    . packaging/as-invoking-user.sh
    nf_continue_as_invoking_user build build-asan build-fuzz build-lean build-noaudio -- NF_SETUP_DONE="${PHASES[0]}" "$PWD/packaging/test-all.sh" "$@"
  fi
elif [ "${NF_SETUP_DONE#setup: }" != "$NF_SETUP_DONE" ]; then
  PHASES+=("$NF_SETUP_DONE (as root)")
fi
phase build build
if [ $status -ne 0 ]; then printf '%s\n' "${PHASES[@]}"; echo "build failed"; exit 1; fi
phase fuzz fuzz
phase asan-tests asan_tests
phase tests tests
phase package package
phase lean lean
phase noaudio noaudio
phase module module_build
echo "=== phase durations"
printf '  %s\n' "${PHASES[@]}"
if [ $status -eq 0 ]; then echo "all phases passed"; else echo "some phase FAILED"; fi
# Repeat ctest's summary as the last lines, so it is what a reader (and CI) sees last.
echo "=== ctest summary"
sed -n '/tests passed, /,$p' "$CTEST_LOG"
rm -f "$CTEST_LOG"
exit $status
