#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from a finished build folder and checks it as a user would meet it:
#   packaging/package-check.sh [BUILD_DIR]        (default: build; test-all.sh's "package" phase)
# 1. cpack -G DEB (two packages: noteforge, and noteforge-training with the training module); lintian on both
#    (fails on errors), appstreamcli validate --no-net, desktop-file-validate, the MIME XML.
# 2. The paths `dpkg -i` would create (/usr/bin, /usr/share/noteforge/...), Depends satisfied on this machine, and
#    no LibTorch among noteforge's.
# 3. dpkg -x noteforge alone into a temporary root, then from there: noteforge-cli --version, inspect the installed
#    demo data, convert a tune, render it with the installed chip soundfont and check the sound is not silence, read
#    both man pages (every subcommand documented), generate from a model written by the previous release, see
#    `train` refuse with one line naming noteforge-training, and start the installed studio (Xvfb, else offscreen)
#    for a screenshot. Then dpkg -x noteforge-training into the same root: train a small model there and generate
#    from it.
# 4. Only with NF_PACKAGE_INSTALL=1 (as root): dpkg -i both packages, run from /usr (a training step too), dpkg -r.
# The extracted programs must find their data beside themselves, never in this source tree.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
src=$PWD
build=$(cd "${1:-build}" && pwd) || { echo "package: no build folder ${1:-build}" >&2; exit 1; }
tmp=$(mktemp -d)
xvfb_pid=
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...: runs one check, prints ok/FAILED, counts failures
  local what=$1; shift
  if "$@"; then echo "  ok      $what"; else echo "  FAILED  $what"; failures=$((failures + 1)); fi
}
# The extracted binaries must not be steered by a developer's environment.
unset NOTEFORGE_DEMO_DIR NOTEFORGE_SOUNDFONT_DIR NF_BASE_MODELS

echo "--- cpack"
(cd "$build" && cpack -G DEB -B "$tmp/deb" >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; exit 1; }
deb=$(find "$tmp/deb" -maxdepth 1 -name "noteforge_*.deb" | head -1)
[ -f "$deb" ] || { cat "$tmp/cpack.log"; echo "package: cpack made no .deb" >&2; exit 1; }
cp "$deb" "$build/"
deb="$build/$(basename "$deb")"
echo "$deb ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb -f "$deb" Package Version Depends Recommends Suggests
# The training module's package exists when the build has the module (NF_WITH_TORCH=ON).
deb_training=$(find "$tmp/deb" -maxdepth 1 -name "noteforge-training_*.deb" | head -1)
if [ -n "$deb_training" ]; then
  cp "$deb_training" "$build/"
  deb_training="$build/$(basename "$deb_training")"
  echo "$deb_training ($(du -k "$deb_training" | cut -f1) KiB)"
  dpkg-deb -f "$deb_training" Package Version Depends Recommends
fi

echo "--- static checks"
lintian_ok() {
  # Errors fail; warnings and the overridden tags are listed (their reasons: packaging/debian/*.lintian-overrides).
  lintian --fail-on error --display-info --show-overrides "$1" 2>&1 | grep -v '^N:\|running with root privileges'
  return "${PIPESTATUS[0]}"
}
check "lintian noteforge: no errors" lintian_ok "$deb"
if [ -n "$deb_training" ]; then check "lintian noteforge-training: no errors" lintian_ok "$deb_training"; fi
rootdir="$tmp/root"
mkdir -p "$rootdir" && dpkg -x "$deb" "$rootdir"
usr="$rootdir/usr"
app_id=io.noteforge.NoteForge
check "appstreamcli validate --no-net" appstreamcli validate --no-net "$usr/share/metainfo/$app_id.metainfo.xml"
check "desktop-file-validate" desktop-file-validate "$usr/share/applications/$app_id.desktop"
mime_ok() {  # the MIME XML compiles with the system's, and gives both NoteForge types
  mkdir -p "$tmp/mime/packages" && cp /usr/share/mime/packages/freedesktop.org.xml "$usr/share/mime/packages/$app_id.xml" "$tmp/mime/packages/" &&
  update-mime-database "$tmp/mime" >/dev/null && [ -f "$tmp/mime/application/x-noteforge-project.xml" ] &&
  [ -f "$tmp/mime/application/x-noteforge-model.xml" ]
}
check "MIME types compile (project, model)" mime_ok
paths_ok() {  # where dpkg -i puts things: the places the programs and the docs name
  local listing p
  listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
  for p in ./usr/bin/noteforge ./usr/bin/noteforge-cli ./usr/share/noteforge/demo/MANIFEST.md \
           ./usr/share/noteforge/models/folk.nfm ./usr/share/noteforge/models/multitrack.nfm \
           ./usr/share/noteforge/soundfonts/noteforge-chip.sf2 ./usr/share/noteforge/noteforge-trainer-src.tar.gz \
           ./usr/share/man/man1/noteforge-cli.1.gz \
           ./usr/share/man/man1/noteforge.1.gz ./usr/share/doc/noteforge/copyright \
           "./usr/share/applications/$app_id.desktop" "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
           "./usr/share/metainfo/$app_id.metainfo.xml" "./usr/share/mime/packages/$app_id.xml"; do
    grep -qxF "$p" <<<"$listing" || { echo "    missing from the package: $p"; return 1; }
  done
}
check "dpkg -i paths (/usr/bin, /usr/share/noteforge, ...)" paths_ok
deps_ok() {  # every Depends (from dpkg-shlibdeps and ours) is installed here, so dpkg -i would configure
  printf 'Source: noteforge\n\nPackage: noteforge\nArchitecture: any\n' >"$tmp/control"
  dpkg-checkbuilddeps -d "$(dpkg-deb -f "$deb" Depends)" "$tmp/control"
}
check "Depends satisfiable on this machine" deps_ok
no_torch_ok() {  # the player does not pay for the trainer: no LibTorch in noteforge's dependencies or files
  ! dpkg-deb -f "$deb" Depends | grep -qi torch && ! dpkg-deb -c "$deb" | grep -q 'libnoteforge-training'
}
check "noteforge depends on no LibTorch" no_torch_ok
training_paths_ok() {  # the module where the programs look for it (EXE/../lib/noteforge), made for this noteforge
  dpkg-deb -c "$deb_training" | awk '{print $6}' | grep -qx './usr/lib/noteforge/libnoteforge-training.so' &&
  dpkg-deb -f "$deb_training" Depends | grep -q "noteforge (= $(dpkg-deb -f "$deb" Version))" &&
  dpkg-deb -f "$deb_training" Depends | grep -qi torch
}
if [ -n "$deb_training" ]; then check "noteforge-training: module path, Depends" training_paths_ok; fi

echo "--- smoke job from the extracted root $rootdir"
cli="$usr/bin/noteforge-cli"
work="$tmp/work"
mkdir -p "$work"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data" XDG_CACHE_HOME="$tmp/home/cache"
export XDG_STATE_HOME="$tmp/home/state"
export XDG_RUNTIME_DIR="$tmp/home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
version_ok() { "$cli" --version | tee "$work/version" && grep -qx "noteforge-cli $(dpkg-deb -f "$deb" Version)" "$work/version"; }
check "noteforge-cli --version" version_ok
inspect_ok() {  # no path given: the installed demo data beside the binary, all 100 pieces readable
  "$cli" inspect >"$work/inspect" || return 1
  head -3 "$work/inspect"
  grep -qE "^dataset: +$usr/share/noteforge/demo\$" "$work/inspect" &&
  grep -qE '^pieces: +100 .*0 tunes failed' "$work/inspect" && grep -qE '^files: .* 0 failed' "$work/inspect"
}
check "inspect finds the installed demo data" inspect_ok
convert_ok() {
  "$cli" convert "$usr/share/noteforge/demo/abc/nottingham-waltzes-X1-30.abc" "$work/tune.mid" --tune 1 &&
  "$cli" inspect "$work/tune.mid" >"$work/tune.inspect" && grep -qE '^pieces: +1 ' "$work/tune.inspect" &&
  ! grep -qE '^notes: +0$' "$work/tune.inspect"
}
check "convert an ABC tune to MIDI" convert_ok
sf="$usr/share/noteforge/soundfonts/noteforge-chip.sf2"
bundled_ok() {  # the extracted binary's own soundfont is its bundled one
  "$cli" soundfonts >"$work/soundfonts" && grep -A1 -xF "$sf" "$work/soundfonts" | grep -q bundled
}
check "soundfonts lists the installed chip soundfont as bundled" bundled_ok
render_ok() {  # a WAV from the installed soundfont, with a peak well above silence
  "$cli" render "$work/tune.mid" -o "$work/tune.wav" --soundfont "$sf" || return 1
  /usr/bin/python3 - "$work/tune.wav" <<'EOF'
import array, sys, wave
with wave.open(sys.argv[1]) as w:
    assert w.getsampwidth() == 2, "expected 16-bit WAV"
    frames = array.array("h", w.readframes(w.getnframes()))
peak = max(abs(s) for s in frames) / 32768
seconds = len(frames) / 2 / 44100
print(f"    {seconds:.1f} s, peak {peak:.4f}")
sys.exit(0 if seconds > 1 and peak > 0.001 else 1)
EOF
}
check "render a WAV with the installed soundfont (not silent)" render_ok
man_ok() {  # both pages format; the CLI page has a section for every subcommand its --help lists
  local sub
  MANWIDTH=100 man -l "$usr/share/man/man1/noteforge.1.gz" >"$work/noteforge.man" 2>&1 || return 1
  MANWIDTH=100 man -l "$usr/share/man/man1/noteforge-cli.1.gz" >"$work/cli.man" 2>&1 || return 1
  grep -q SUBCOMMANDS "$work/cli.man" || return 1
  for sub in $("$cli" --help | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z][a-z0-9-]*\) .*/\1/p'); do
    grep -qE "^   $sub\$" "$work/cli.man" || { echo "    man page lacks subcommand $sub"; return 1; }
  done
}
check "man -l the man pages (every subcommand)" man_ok
old_model_ok() {  # a model written by the previous release generates from the installed CLI, without the module
  "$cli" generate --model "$src/tests/data/models/remi-lstm-0.1.0.nfm" --bars 4 --seed 1 --out "$work/old.mid" &&
  "$cli" inspect "$work/old.mid" | grep -qE '^pieces: +1 '
}
check "generate from a model of the previous release (no training module)" old_model_ok
base_models_ok() {  # the shipped base models are found in the installed tree, carry their cards and generate
  "$cli" models --json >"$work/models.json" || return 1
  python3 - "$work/models.json" "$usr/share/noteforge/models" <<'PY' || return 1
import json, sys
models = {m["name"]: m for m in json.load(open(sys.argv[1]))}
for name in ("folk", "multitrack"):
    m = models[name]
    assert m["path"].startswith(sys.argv[2]), m["path"]
    assert m["card"] and m["card"]["sources"], name + " has no data card"
print("    base models:", ", ".join(sorted(models)))
PY
  "$cli" generate --model folk --bars 4 --seed 1 --out "$work/folk.mid" >/dev/null &&
  "$cli" inspect "$work/folk.mid" | grep -qE '^pieces: +1 '
}
check "the base models are installed, with data cards, and generate without the module" base_models_ok
no_module_ok() {  # without noteforge-training, train says so in one line, at once
  local err
  err=$("$cli" train --data "$usr/share/noteforge/demo" --out "$work/m.nfm" --epochs 1 2>&1 >/dev/null)
  [ $? -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && grep -q noteforge-training <<<"$err" && echo "    $err"
}
check "train without noteforge-training: one line naming the package" no_module_ok

gui_ok() {  # the installed studio starts on the installed demo data and saves a screenshot
  local png="$work/dataset.png" env_display=()
  if command -v Xvfb >/dev/null; then
    local display=":$((200 + $$ % 100))"
    Xvfb "$display" -screen 0 1920x1200x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    sleep 1
    if kill -0 "$xvfb_pid" 2>/dev/null; then env_display=(DISPLAY="$display" QT_QPA_PLATFORM=xcb); fi
  fi
  [ ${#env_display[@]} -gt 0 ] || env_display=(QT_QPA_PLATFORM=offscreen)
  echo "    studio on ${env_display[*]}"
  env "${env_display[@]}" timeout 120 "$usr/bin/noteforge" --screenshot "$png" --state dataset \
    >"$work/gui.log" 2>&1 || { tail -20 "$work/gui.log"; return 1; }
  file "$png" | grep -q 'PNG image data' || return 1
  # The studio's log (in the XDG state folder) names the dataset it opened: the extracted demo, not the source tree's.
  grep -rqF "Loading $usr/share/noteforge/demo" "$XDG_STATE_HOME" || { echo "    studio did not open $usr/share/noteforge/demo"; return 1; }
  ! grep -rqF "$src/resources" "$XDG_STATE_HOME"
}
check "installed studio starts and saves a screenshot" gui_ok

if [ -n "$deb_training" ]; then
  echo "--- with noteforge-training extracted into the same root"
  dpkg -x "$deb_training" "$rootdir"
  train_ok() {  # a small model on ten installed tunes, trained by the extracted module, then generated from
    mkdir -p "$work/tunes" && head -c 4000 "$usr/share/noteforge/demo/abc/nottingham-waltzes-X1-30.abc" >"$work/tunes/w.abc" &&
    "$cli" train --data "$work/tunes" --out "$work/small.nfm" --model lstm --hidden 32 --layers 1 --embed 16 \
      --epochs 2 --threads 1 --no-cache >"$work/train.log" 2>&1 || { tail -5 "$work/train.log"; return 1; }
    grep -q "LibTorch" "$work/train.log" && "$cli" generate --model "$work/small.nfm" --seed 1 --out "$work/small.mid" \
      >/dev/null && [ -s "$work/small.mid" ]
  }
  check "train with the extracted module, generate from the model" train_ok
  fine_tune_ok() {  # the installed folk base fine-tuned by the extracted module on the same tunes
    "$cli" train --init folk --data "$work/tunes" --out "$work/tuned.nfm" --epochs 1 --threads 1 --no-cache \
      >"$work/tune.log" 2>&1 || { tail -5 "$work/tune.log"; return 1; }
    grep -q "fine-tuning $usr/share/noteforge/models/folk.nfm" "$work/tune.log" &&
      "$cli" generate --model "$work/tuned.nfm" --bars 4 --seed 1 --out "$work/tuned.mid" >/dev/null && [ -s "$work/tuned.mid" ]
  }
  check "fine-tune the installed folk base with the extracted module" fine_tune_ok
fi

# Opt-in (it changes the system): NF_PACKAGE_INSTALL=1 really installs the package with dpkg -i, runs the CLI from
# /usr/bin on /usr/share/noteforge, and removes the package again.
installed_ok() {  # both packages when there are two; the module is then found in /usr/lib/noteforge
  dpkg -i "$deb" ${deb_training:+"$deb_training"} >"$work/dpkg.log" 2>&1 ||
    { cat "$work/dpkg.log"; dpkg -r noteforge-training noteforge >/dev/null 2>&1; return 1; }
  local ok=0
  /usr/bin/noteforge-cli inspect >"$work/inspect.usr" && head -1 "$work/inspect.usr" &&
    grep -qE '^dataset: +/usr/share/noteforge/demo$' "$work/inspect.usr" || ok=1
  /usr/bin/noteforge-cli soundfonts | grep -qxF /usr/share/noteforge/soundfonts/noteforge-chip.sf2 || ok=1
  if [ -n "$deb_training" ]; then
    /usr/bin/noteforge-cli benchmark train --model lstm --steps 1 --warmup 0 --threads 1 | grep -q LibTorch || ok=1
  fi
  dpkg -r ${deb_training:+noteforge-training} noteforge >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; ok=1; }
  return $ok
}
if [ "${NF_PACKAGE_INSTALL:-0}" = 1 ]; then check "dpkg -i, run from /usr, dpkg -r" installed_ok; fi

if [ "$failures" -ne 0 ]; then echo "package: $failures check(s) FAILED"; exit 1; fi
echo "package: all checks passed ($deb)"
