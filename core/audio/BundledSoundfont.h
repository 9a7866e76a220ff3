// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

constexpr const char* kBundledSoundfontFile = "noteforge-chip.sf2";

// Path of the chip soundfont NoteForge generates and ships, or "" when none is found. Looks in
// $NOTEFORGE_SOUNDFONT_DIR, next to the executable (../share/noteforge/soundfonts, for relocatable installs),
// the configured install data dir, and finally the build tree (a build run before installing).
std::string bundledSoundfontPath();

}  // namespace nf
