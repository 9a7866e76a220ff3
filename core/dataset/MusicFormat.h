// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

#include "dataset/Dataset.h"

namespace nf {

// Format from the first bytes of a file alone: MThd or RIFF....RMID is MIDI, text that starts like an ABC tune
// (an X: line, "%abc", or several header fields such as T: M: L: K:) is ABC. Unknown otherwise.
MusicFormat detectFormatFromContent(std::string_view head);

// Format from the file name alone (.mid .midi .kar .smf .rmi -> MIDI, .abc -> ABC), case-insensitive.
MusicFormat detectFormatFromExtension(const std::string& path);

// "MIDI", "ABC" or "unknown", for reports.
const char* musicFormatName(MusicFormat format);

}  // namespace nf
