// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "music/Note.h"

namespace nf {

// Text form of copied notes for the system clipboard: a header line, then one "pitch velocity offset duration"
// line per note, offsets counted from the earliest copied onset so a paste can put them anywhere. Ids are not
// kept: pasted notes get fresh ones.
namespace NoteClipboard {
constexpr const char* kMimeType = "application/x-noteforge-notes";
std::string serialize(const std::vector<Note>& notes, int ppq);
// Notes rescaled to `ppq` (start = offset), or empty when the text is not ours or malformed.
std::vector<Note> parse(const std::string& text, int ppq);
}  // namespace NoteClipboard

}  // namespace nf
