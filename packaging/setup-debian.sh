#!/bin/sh
# Installs every build, test and run dependency of NoteForge on Debian 12 (bookworm).
# Idempotent: when everything is present it only runs dpkg-query and exits in about a second.
# Must run as root (or through sudo); never asks a question.
set -eu

PACKAGES="
build-essential cmake ninja-build ccache pkg-config git file
qt6-base-dev qt6-base-dev-tools libgl-dev
qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
libtorch-dev libopenblas0-openmp
librtmidi-dev libfluidsynth-dev fluidsynth
libqcustomplot-dev libqcustomplot2.1-qt6
libcli11-dev nlohmann-json3-dev libfmt-dev libspdlog-dev libsndfile1-dev
libgtest-dev libgmock-dev googletest libbenchmark-dev
jackd2 abcmidi python3 python3-mido sox
python3-torch gnuplot-nox
timgm6mb-soundfont
xvfb xauth
clang-14 libclang-rt-14-dev
lintian appstream desktop-file-utils help2man dpkg-dev man-db
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  echo "setup: all dependencies present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages:$missing" >&2
  echo "setup: run this script as root (sudo $0) to install them" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# jackd2 asks whether to enable realtime scheduling; answer "no" ahead of time.
echo "jackd2 jackd/tweak_rt_limits boolean false" | debconf-set-selections 2>/dev/null || true
echo "setup: installing:$missing"
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
echo "setup: done"
