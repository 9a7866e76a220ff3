// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drums/BandOnsets.h"
#include "drums/DrumPattern.h"
#include "tokenize/Tokenizer.h"

namespace nf {

// The `drums` representation: a piece's drum pattern (drums/DrumPattern.h) as tokens, for drum models trained by
// likelihood (`noteforge-cli train --model drums`: the lstm on these tokens) and, later, the drum GAN's data.
//
//   DRUMS                    start of a piece
//   GRID_4 | GRID_3          steps per quarter note: sixteenths or eighth-note triplets
//   BAR                      a bar begins
//   TS_6/8                   the bar's meter, right after BAR, where it changes (and in the first bar)
//   BAND                     (bandOnsets) right after DRUMS when the piece has other parts: the B tokens below
//                            then say where they play; without it the drums stand alone (the Groove takes)
//   B_1 | B_2 | B_3, BL      (bandOnsets) first in a step: one, two-three, four or more band notes start on it;
//                            BL: one of them is a bass note (drums/BandOnsets.h). Given, not written: Add Part
//                            lays the piece's own before the model's hits.
//   H_kick_2                 a hit of a drum class in the current step, velocity bin 0..3 (ghost .. accent)
//   S                        the step ends: the next hits are one step later
//   END                      end of the piece
//
// Every step of a bar is written, empty ones as a lone S, so a bar's length is its count of S and a model
// learns where in the bar it is by counting, as a drummer does. Only drum tracks are read; a piece without one
// is refused (a melody is no drum data). Decoding writes GM drum notes on channel 10 at 120 BPM.
class DrumTokenizer final : public Tokenizer {
public:
    explicit DrumTokenizer(TokenizerSettings settings) : Tokenizer(std::move(settings)) {}

    using Tokenizer::encode;
    std::vector<std::string> encode(const Piece& piece) const override;
    Score decode(const std::vector<std::string>& tokens) const override;
    std::optional<std::string> endToken() const override { return std::string("END"); }
    std::optional<std::string> startToken() const override { return std::string("DRUMS"); }
};

// A hit token ("H_kick_2") as its drum class and velocity bin; nothing for any other token or a malformed one.
// The one reader of hit tokens (decoding, the generation guard, Add Part).
std::optional<std::pair<DrumClass, int>> drumHitOf(std::string_view token);

// The tokens of a pattern (without DRUMS and END), and back: drumPatternFromTokens is what decode() writes out
// (band tokens are read past). With `band` (bandOnsetsOf the same pattern), each step's band tokens come first.
std::vector<std::string> drumPatternTokens(const DrumPattern& pattern, const BandOnsets* band = nullptr);
// `band`, when given, receives the band's onsets the tokens say, one entry per bar and step of the pattern
// returned (B_1 as one onset, B_2 as two, B_3 as four: the least each says), all silent without a BAND header.
DrumPattern drumPatternFromTokens(const std::vector<std::string>& tokens, BandOnsets* band = nullptr);

}  // namespace nf
