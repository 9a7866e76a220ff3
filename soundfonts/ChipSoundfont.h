// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audio/Sf2Bank.h"

namespace nf {

// NoteForge's own retro chip soundfont, in the spirit of LMMS's "Freeboy" that the seed paper used: square and pulse
// leads, a stepped triangle bass, LFSR noise and a noise-based drum kit. Every General MIDI program of bank 0 maps to
// the chip voice closest to its family, so any GM file sounds; bank 128 program 0 is the drum kit.
// Pure function of nothing: the same bytes on every build.
Sf2Bank buildChipSoundfont();

}  // namespace nf
