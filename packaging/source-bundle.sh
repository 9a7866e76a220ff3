# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by packaging/training-module-bundle.sh and packaging/trainer-bundle.sh (bash): packs some of NoteForge's
# sources with Debian's copies of the header-only libraries they need, for a machine that builds them without a
# package manager.
#   bundle_sources NAME OUT "PACKAGE..." "INCLUDE_DIR..." PATH...
# writes OUT (atomically, reproducibly: the same sources give the same bytes) holding NAME/PATH... (a clone's tracked
# files and new ones git does not ignore, so no build folders; outside a clone the paths as they are), NAME/deps/
# include/INCLUDE_DIR... copied from /usr/include, and NAME/deps/copyright/PACKAGE from each package's copyright file.
# Run from the source tree's root. Exits naming the packages when a header folder is missing.

bundle_sources() {
  local name=$1 out=$2 packages=$3 includes=$4 d p stage
  shift 4
  for d in $includes; do
    [ -d "/usr/include/$d" ] || { echo "$(basename "$0"): /usr/include/$d missing: apt-get install $packages" >&2; exit 1; }
  done
  stage=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "rm -rf '$stage'" EXIT
  mkdir -p "$stage/$name/deps/include" "$stage/$name/deps/copyright"
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard -- "$@" | tar --null -T - -cf - | tar -xf - -C "$stage/$name"
  else
    tar --ignore-failed-read -cf - "$@" 2>/dev/null | tar -xf - -C "$stage/$name"
  fi
  for d in $includes; do cp -r "/usr/include/$d" "$stage/$name/deps/include/"; done
  for p in $packages; do
    [ -f "/usr/share/doc/$p/copyright" ] && cp "/usr/share/doc/$p/copyright" "$stage/$name/deps/copyright/$p"
  done
  tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' -cf - "$name" |
    gzip -n >"$out.tmp"
  mv -f "$out.tmp" "$out"
}
