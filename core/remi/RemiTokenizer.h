// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "music/BarGrid.h"
#include "remi/GridNote.h"
#include "tokenize/Tokenizer.h"

namespace nf {

// `remi`: bar-structured, multi-track tokens with attribute controls (docs/representations.md).
//
//   BOS                                   a piece starts
//   BAR [TS_n/d] [TEMPO_b] KEY_..         each bar: meter and tempo where they change, the key of the bar
//   INST_p | INST_DRUMS                   a track's part in this bar (the n-th INST_p of a bar is the n-th track
//                                         with program p), followed by its controls:
//   DENS_b POLY_b LOW_b HIGH_b LEN_b      notes, polyphony, lowest/highest octave, mean length (BarControls)
//   POS_u (PITCH_k VEL_b DUR_u)...        notes at position u (1/12 beat units) of the bar
//   EOS                                   the piece ends
//
// Tracks silent in a bar are left out of it. The vocabulary is fixed (remi/RemiVocabulary.h).
class RemiTokenizer final : public Tokenizer {
public:
    explicit RemiTokenizer(TokenizerSettings settings) : Tokenizer(std::move(settings)) {}

    using Tokenizer::encode;
    std::vector<std::string> encode(const Piece& piece) const override;
    Score decode(const std::vector<std::string>& tokens) const override;
    std::optional<std::string> endToken() const override { return std::string("EOS"); }
    std::optional<std::string> startToken() const override { return std::string("BOS"); }
    std::optional<std::vector<std::string>> fixedVocabulary() const override;

    // The tokens of a score whose bars run at least to `until` (empty bars written as BAR and their head), without
    // EOS when `closed` is false: what infill and continuation prompts are made from.
    std::vector<std::string> encodeBars(const Score& score, Tick until, bool closed) const;

    // The notes of one track that start in each bar, on the grid (positions snapped as the settings say): what the
    // encoder writes and what the controls are measured on. A note whose snapped onset reaches the next bar line
    // belongs to the next bar.
    std::vector<std::vector<remi::GridNote>> gridNotes(const Score& score, const Track& track,
                                                       const std::vector<BarLine>& bars) const;
    // Units of a bar (rounded from its ticks).
    static int barUnits(const Score& score, const BarLine& bar);
    // The nearest onset position the grid allows (sixteenths, plus eighth triplets when settings().triplets).
    int snapPosition(int units) const;
};

}  // namespace nf
