#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the studio's screenshots for the README and docs/ under a private Xvfb display:
#   docs/screenshots.sh [BUILD_DIR]        (default: build)
# Each picture shows one main state of the window on the bundled demo data, at 1920x1080 (the docs' pictures) and
# at 1280x720 (NAME-1280x720.png: the smallest screen the layout is made for); settings, data, logs and projects go
# to a throw-away folder so the pictures do not depend on (or change) the user's layout.
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
# The studio speaks the language of its locale: English for the docs' pictures whatever the caller's session speaks,
# unless shot_locale names another (studio-de.png).
shot_locale=C.UTF-8
shoot() {  # NAME STATE SIZE [extra options]
    name=$1 state=$2 size=$3
    shift 3
    rm -rf "$tmp/config" "$tmp/state"
    mkdir -p "$tmp/config"
    echo "XDG_MUSIC_DIR=\"$tmp/music\"" >"$tmp/config/user-dirs.dirs"
    DISPLAY=$display XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" \
        LANGUAGE= LC_ALL=$shot_locale LANG=$shot_locale \
        "$app" --screenshot "$out/$name.png" --state "$state" --size "$size" "$@"
}
for size in 1920x1080 1280x720; do
    suffix=$([ "$size" = 1920x1080 ] && echo "" || echo "-$size")
    shoot "welcome$suffix" welcome "$size" --piece 96
    shoot "dataset$suffix" dataset "$size" --piece 96
    shoot "editing$suffix" edit "$size" --piece 96
    shoot "export$suffix" export "$size" --piece 96
    if [ "${NF_SCREENSHOT_TRAINING:-1}" = 1 ]; then  # the engine states fail clearly in builds without LibTorch
        shoot "training$suffix" training "$size" --epochs 6 ||
            echo "screenshots: no training picture (build without LibTorch?)" >&2
        shoot "generation$suffix" generation "$size" --epochs 6 ||
            echo "screenshots: no generation picture (build without LibTorch?)" >&2
        shoot "steering$suffix" steering "$size" --piece 60 ||
            echo "screenshots: no steering picture (build without LibTorch?)" >&2
        shoot "addpart$suffix" addpart "$size" --piece 60 ||
            echo "screenshots: no Add Part picture (build without LibTorch?)" >&2
        shoot "generation-bars$suffix" generation-bars "$size" --piece 96 --epochs 4 ||
            echo "screenshots: no bars picture (build without LibTorch?)" >&2
    fi
done
# The German translation (docs/studio.md, Languages): the File menu open over the studio, as a German session shows it.
shot_locale=de_DE.UTF-8
shoot studio-de export 1920x1080 --piece 96
shot_locale=C.UTF-8
cp "$out/dataset.png" "$out/studio.png"  # the README's name for the main picture
ls -l "$out"
