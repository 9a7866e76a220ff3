// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <map>
#include <optional>

#include "music/Score.h"

namespace nf {

// Which token produced each note of a decoded piece, for any representation: a note belongs to the first token
// prefix whose decoding already holds a note of the same track, pitch and onset. Prefixes are decoded by
// bisection, so a piece of n tokens and m notes costs about min(n, m log n) decodings instead of n.
//
// decodePrefix(k) decodes the first k tokens (nullopt when they do not decode). Notes of `score` (the decoding of
// all `tokenCount` tokens) already present in the first `firstToken` tokens map to -1 (the primer's); a note no
// prefix explains is left out.
std::map<NoteId, int> attributeNotes(const Score& score, int firstToken, int tokenCount,
                                     const std::function<std::optional<Score>(int)>& decodePrefix);

}  // namespace nf
