// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tokenize/Tokenizer.h"

namespace nf {

// A performance-style event stream, beyond the paper: it keeps rhythm, rests, durations, dynamics and every
// track (drums stay drums, with their real key numbers).
//
//   BPM_120                 initial tempo (rounded to 2 BPM)
//   INST_0 INST_DRUMS ...   one per track, in order: GM program or drum kit
//   TRK_k                   following events belong to track k (written only when the track changes)
//   VEL_b                   velocity bin for the following note-ons of the current track (only when it changes)
//   ON_p / OFF_p            note on / off, MIDI key p
//   SHIFT_n                 advance n time steps (1..maxShiftSteps) of 1/stepsPerBeat beat each
//   END                     end of the piece
//
// Time is counted in beats, not seconds, so tempo changes do not disturb the grid; within one step note-offs come
// before note-ons so a repeated key is re-struck.
// "PREFIX_123" -> 123 when `token` starts with `prefix` and the rest is a whole number; otherwise nothing. Used by
// everything that follows an events stream (decoding, the generation clock, the held-note guard).
std::optional<int> eventTokenNumber(const std::string& token, std::string_view prefix);

class EventTokenizer final : public Tokenizer {
public:
    explicit EventTokenizer(TokenizerSettings settings) : Tokenizer(std::move(settings)) {}

    using Tokenizer::encode;
    std::vector<std::string> encode(const Piece& piece) const override;
    Score decode(const std::vector<std::string>& tokens) const override;
    std::optional<std::string> endToken() const override { return std::string("END"); }

    // Velocity <-> bin, exposed for tests: a decoded velocity is within one bin width of the original.
    int velocityBin(int velocity) const;
    int binVelocity(int bin) const;
};

}  // namespace nf
