// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "audio/SoundfontInfo.h"

namespace nf {

// Reads the name, version and preset list of an SF2/SF3 file by walking its RIFF chunks, without loading samples,
// so discovery of many large soundfonts stays fast. Also the first check of a file the user picks: a missing,
// truncated or non-soundfont file throws MusicError with a one-line "FILE:@BYTE: msg" before FluidSynth sees it.
SoundfontInfo readSoundfontInfo(const std::string& path);

}  // namespace nf
