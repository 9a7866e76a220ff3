// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

constexpr const char* kBundledSoundfontFile = "noteforge-chip.sf2";

// Path of the chip soundfont NoteForge generates and ships, or "" when none is found. Looks in
// $NOTEFORGE_SOUNDFONT_DIR, then the installed tree beside the executable (EXE/../share/noteforge/soundfonts, so a
// relocated or extracted install uses its own copy) or, only for an executable that is not installed, the build
// tree's generated copy (a build run before installing), then the configured install data dir.
std::string bundledSoundfontPath();

}  // namespace nf
