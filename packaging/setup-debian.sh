#!/bin/sh
# Installs the build, run and test dependencies of NoteForge on Debian 12 (bookworm), in two tiers:
#   packaging/setup-debian.sh demo   what packaging/demo.sh needs: the compilers, the libraries the studio and the CLI
#                                    build against (Qt 6 with its translation tools, LibTorch, FluidSynth, RtMidi, ...)
#                                    and what the demo job runs with (OpenBLAS, a General MIDI soundfont)
#   packaging/setup-debian.sh test   the demo tier plus what packaging/test-all.sh needs: GoogleTest and Google
#                                    Benchmark, the oracles (abc2midi, python3-mido), JACK, clang/libFuzzer, Xvfb,
#                                    the package checks (lintian, AppStream, help2man, man) and the bench tools
#   packaging/setup-debian.sh        the same as `test` (everything)
#   packaging/setup-debian.sh --list TIER   prints the packages of a tier, one a line, and exits
# Idempotent: when every package of the tier is present it only runs dpkg-query and exits in about a second.
# Must run as root (or through sudo) when something is missing; never asks a question.
set -eu

# The demo tier. Translation tools (qt6-l10n-tools, qt6-tools-dev) and Qt's own translations are here because the
# studio's build needs them.
DEMO_PACKAGES="
build-essential cmake ninja-build ccache pkg-config
qt6-base-dev qt6-base-dev-tools libgl-dev
qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
libtorch-dev libopenblas0-openmp libgloo-dev
librtmidi-dev libfluidsynth-dev libjack-jackd2-dev libsndfile1-dev
libqcustomplot-dev libqcustomplot2.1-qt6
libcli11-dev nlohmann-json3-dev libfmt-dev
timgm6mb-soundfont
"
# The test tier adds these to the demo tier.
#   unit tests and benchmarks: GoogleTest/GoogleMock, Google Benchmark (bench/), python3-torch and gnuplot (bench/)
#   oracles: abcmidi (abc2midi) and python3-mido (tests/abc_oracle, tests/midi_oracle, bench/compare.py)
#   sound: jackd2 (the private JACK dummy server of tests/audio and tests/ui), pulseaudio and pulseaudio-utils
#          (a private PulseAudio server with a null sink: the stream's name), fluidsynth's CLI
#          (RenderVsFluidsynth, bench/render_bench.sh), sox
#   remote training: openssh-client and openssh-server (a private sshd on the loopback address: tests/ui/sshd_fixture.sh)
#   fuzzing: clang-14 and libFuzzer (build-fuzz); GUI: xvfb, xauth (tests/ui, package-check's screenshot)
#   package: lintian, appstream, desktop-file-utils, help2man (man pages), dpkg-dev, man-db, file (package-check.sh)
TEST_PACKAGES="
git file
libgtest-dev libgmock-dev googletest libbenchmark-dev
jackd2 pulseaudio pulseaudio-utils fluidsynth abcmidi python3 python3-mido sox
openssh-client openssh-server
python3-torch gnuplot-nox
xvfb xauth
clang-14 libclang-rt-14-dev
lintian appstream desktop-file-utils help2man dpkg-dev man-db
"

usage() {
  echo "usage: $0 [demo|test] | --list demo|test" >&2
  exit 2
}
packages_of() {  # packages_of TIER
  case $1 in
    demo) echo "$DEMO_PACKAGES" ;;
    test | all) echo "$DEMO_PACKAGES $TEST_PACKAGES" ;;
    *) usage ;;
  esac
}

if [ "${1:-}" = --list ]; then
  [ $# -eq 2 ] || usage
  # shellcheck disable=SC2046
  printf '%s\n' $(packages_of "$2")
  exit 0
fi
[ $# -le 1 ] || usage
TIER=${1:-test}
PACKAGES=$(packages_of "$TIER")

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  echo "setup ($TIER): all dependencies present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup ($TIER): missing packages:$missing" >&2
  echo "setup ($TIER): run this script as root (sudo $0 $TIER) to install them" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# jackd2 asks whether to enable realtime scheduling; answer "no" ahead of time.
echo "jackd2 jackd/tweak_rt_limits boolean false" | debconf-set-selections 2>/dev/null || true
echo "setup ($TIER): installing:$missing"
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
# openssh-server is here for its sshd program (the tests start their own, on the loopback address, with keys made
# for them), not for a login service: one installed now is disabled and stopped again where systemd runs it. An
# sshd the machine had before is left as it was.
case " $missing " in
  *" openssh-server "*)
    if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
      systemctl disable --now ssh.service ssh.socket >/dev/null 2>&1 || true
      echo "setup ($TIER): openssh-server installed for the tests' own sshd; its login service is disabled"
    fi
    ;;
esac
echo "setup ($TIER): done"
