// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tokenize/Tokenizer.h"

namespace nf {

// The paper's MIDI encoding, kept faithful for comparison: one token per onset of the chosen part, either the
// pitch name as music21 spells it ("E-5", "C#4") or, when several notes start together, their pitch classes in
// music21's normal order joined by dots ("0.4.7"). Rhythm, rests, durations and dynamics are lost by design;
// decoding places tokens noteStepBeats apart (0.5 beat, as the paper did), chord notes in octave 4.
class PaperNotesTokenizer final : public Tokenizer {
public:
    explicit PaperNotesTokenizer(TokenizerSettings settings) : Tokenizer(std::move(settings)) {}

    using Tokenizer::encode;
    std::vector<std::string> encode(const Piece& piece) const override;
    Score decode(const std::vector<std::string>& tokens) const override;
};

}  // namespace nf
