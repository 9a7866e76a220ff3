#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the man page of noteforge-cli or noteforge from the program's own help, so the page never drifts from it:
# help2man for the name, synopsis, options and version; for noteforge-cli one subsection per subcommand with that
# subcommand's complete --help (the list of subcommands is read from the top-level help, so a new one is covered
# without editing this script); for the studio the hand-written sections of noteforge.h2m.
# Usage: make-manpage.sh EXE OUT.1
set -eu
cli=$1
out=$2
here=$(dirname "$0")

if [ "$(basename "$cli")" = noteforge ]; then
  # The studio parses its options once QApplication runs: the offscreen platform needs no display.
  QT_QPA_PLATFORM=offscreen help2man --no-info --section=1 --source="NoteForge" --manual="NoteForge manual" \
    --name="music-generation studio" --include="$here/noteforge.h2m" --output="$out" "$cli" 2>/dev/null
  # Its --version says "NoteForge 0.1.0"; the page's NAME must be the command.
  sed -i 's/^NoteForge \\- /noteforge \\- /' "$out"
  exit 0
fi

include=$(mktemp)
trap 'rm -f "$include"' EXIT

# Preformatted roff: escape backslashes, protect leading dots/quotes, mark minus signs.
say() { printf '%s\n' "$*"; }  # dash's echo would interpret the roff escapes
roff_pre() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

subcommands=$("$cli" --help | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z][a-z0-9-]*\) .*/\1/p')
[ -n "$subcommands" ] || { echo "make-manpage.sh: no subcommands found in '$cli --help'" >&2; exit 1; }

{
  say '[DESCRIPTION]'
  say '.B noteforge-cli'
  say 'is the command-line front end of NoteForge: it summarises folders of MIDI files and ABC tunes, converts'
  say 'between the two, trains LSTM models on them (on the CPU or a CUDA GPU), generates new pieces, evaluates'
  say 'them against the training data, and renders or plays them through FluidSynth. The studio'
  say '.BR noteforge (1)'
  say 'opens the same files and models.'
  say '.PP'
  say 'Exactly one subcommand is given; each is described below with its own options.'
  say "Run \\fBnoteforge\\-cli help\\fR \\fISUBCOMMAND\\fR for the same text."
  say '[SUBCOMMANDS]'
  for sub in $subcommands; do
    [ "$sub" = help ] && continue
    say ".SS $sub"
    say '.nf'
    "$cli" "$sub" --help | roff_pre
    say '.fi'
  done
  say ".SS help"
  say 'Lists every subcommand, or shows one subcommand'"'"'s options: \fBnoteforge\-cli help\fR [\fISUBCOMMAND\fR].'
  say '[FILES]'
  say '.TP'
  say '.I /usr/share/noteforge/demo'
  say 'The bundled demo dataset (60 ABC tunes, 40 MIDI files), used when no dataset is named.'
  say '.TP'
  say '.I /usr/share/noteforge/soundfonts/noteforge\-chip.sf2'
  say 'The bundled chip soundfont, used when no General MIDI soundfont is installed.'
  say '.PP'
  say 'Both are looked up beside the executable first (\fIBIN\fR/../share/noteforge), so an unpacked or moved'
  say 'installation uses its own copies.'
  say '[ENVIRONMENT]'
  say '.TP'
  say '.B NOTEFORGE_DEMO_DIR'
  say 'Folder to use as the demo dataset instead of the bundled one.'
  say '.TP'
  say '.B NOTEFORGE_SOUNDFONT_DIR'
  say 'Folder holding the bundled soundfont, searched before the installed one.'
  say '[EXIT STATUS]'
  say '0 on success; non\-zero when a file cannot be read or written, or the command line is wrong'
  say '(each error is one line on standard error naming the file and the place).'
  say '[SEE ALSO]'
  say '.BR noteforge (1),'
  say '.BR fluidsynth (1),'
  say '.BR abc2midi (1)'
  say '.PP'
  say 'The command\-line reference and the guides: \fI/usr/share/doc/noteforge/\fR (cli.md, training.md, gpu.md).'
} > "$include"

help2man --no-info --section=1 --source="NoteForge" --manual="NoteForge manual" \
  --name="train LSTMs on MIDI/ABC music, generate, evaluate and render it" \
  --include="$include" --output="$out" "$cli"
