// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "music/Score.h"

namespace nf {

// Music inside a project's JSON: Standard MIDI bytes in base64 (tracks, instruments, tempo, controllers).
QString midiBase64(const Score& score);
// Reads it back with ids given as the editor gives them (assignMissingIds, normalize). Throws std::runtime_error
// naming `where` for missing or unreadable bytes.
Score scoreFromMidiBase64(const QString& text, const std::string& where);

}  // namespace nf
