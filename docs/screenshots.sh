#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the studio's screenshots for the README and docs/ under a private Xvfb display:
#   docs/screenshots.sh [BUILD_DIR]        (default: build)
# Each picture shows one main state of the window on the bundled demo data; settings go to a throw-away folder so
# the pictures do not depend on (or change) the user's layout.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
app="$root/$build/app/noteforge"
out="$root/docs/images"
[ -x "$app" ] || { echo "screenshots: $app not built" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "screenshots: Xvfb not installed (apt-get install xvfb)" >&2; exit 1; }
mkdir -p "$out"
tmp=$(mktemp -d)
display=:$((90 + $$ % 100))
Xvfb "$display" -screen 0 1920x1200x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
sleep 1
shoot() {  # NAME STATE [extra options]
    name=$1 state=$2
    shift 2
    rm -rf "$tmp/config"
    DISPLAY=$display XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
        "$app" --screenshot "$out/$name.png" --state "$state" --size 1600x1000 "$@"
}
shoot welcome welcome --piece 96
shoot dataset dataset --piece 96
cp "$out/dataset.png" "$out/studio.png"  # the README's name for the main picture
shoot editing edit --piece 96
shoot export export --piece 96
if [ "${NF_SCREENSHOT_TRAINING:-1}" = 1 ]; then  # the engine states fail clearly in builds without LibTorch
    shoot training training --epochs 6 || echo "screenshots: no training picture (build without LibTorch?)" >&2
    shoot generation generation --epochs 6 || echo "screenshots: no generation picture (build without LibTorch?)" >&2
fi
ls -l "$out"
