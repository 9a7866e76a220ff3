// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// How music becomes tokens (tokenize/, remi/): the paper's note names, ABC characters, NoteForge's performance
// events, REMI bars with infill tasks, or drum patterns (drums/DrumTokenizer.h). Stored in every model file
// (TokenizerSettings), so a word never changes.
enum class TokenizerKind { PaperNotes, AbcChars, Events, Remi, Drums };
NF_ENUM_WORDS(TokenizerKind, "representation",
              {TokenizerKind::PaperNotes, "paper-notes"}, {TokenizerKind::AbcChars, "abc-chars"},
              {TokenizerKind::Events, "events"}, {TokenizerKind::Remi, "remi"},
              {TokenizerKind::Drums, "drums"})

}  // namespace nf
