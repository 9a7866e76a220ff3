// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "drums/DrumPattern.h"
#include "tokenize/TokenizerSettings.h"
#include "tokenize/Vocabulary.h"

namespace nf {

// What a drummer hears of the band, step by step: how many notes of the piece's other (pitched) tracks start on
// each step of the drum grid, and whether one of them is low (a bass note). A drums model trained with
// TokenizerSettings::bandOnsets reads it before each step's hits (drums/DrumTokenizer.h), so it learns to put the
// kick under the bass and the hits where the band plays; Add Part gives it the piece's own (drums/DrumPart.h).
struct BandStep {
    std::uint8_t onsets = 0;  // notes starting on the step (counted up to 255)
    bool low = false;         // one of them is below kBandLowPitch
    bool operator==(const BandStep&) const = default;
};

// A bass note: below C3 (MIDI 48), where bass lines and the left hand's roots lie.
inline constexpr int kBandLowPitch = 48;

// One entry per bar, one BandStep per step of that bar.
using BandOnsets = std::vector<std::vector<BandStep>>;

// Whether the piece has a band to listen to: a track with notes that is not a drum part.
bool hasBand(const Score& score);

// The band's onsets on the bars `lines` with `steps` steps each (drumStepsIn), snapped as drum hits are
// (drumStepAt). Drum tracks are not the band.
BandOnsets bandOnsetsOf(const Score& score, const std::vector<BarLine>& lines, const std::vector<int>& steps,
                        int stepsPerQuarter);
// The band's onsets on the bars of a pattern read from `score` (drumPatternOf): its first bars.size() bar lines.
BandOnsets bandOnsetsOf(const Score& score, const DrumPattern& pattern);

// The tokens that say a step's band onsets, in the order they are written before its hits: none for a silent step,
// else B_1 (one note), B_2 (two or three) or B_3 (four or more), then BL when one is low.
std::vector<std::string> bandStepTokens(const BandStep& step);
// Whether a token is one of those (or BAND, the header saying the piece has a band): the band's, given to a drums
// model, not written by it.
bool isBandToken(std::string_view token);

// One flag per id of `vocabulary`: the tokens a model of these settings is given, never asked to write (the band's
// in a drums model that follows the band; none otherwise). Training does not score them as targets and the
// held-out loss does not count them, so the loss is the drums' alone.
std::vector<bool> givenTokenMask(const TokenizerSettings& settings, const Vocabulary& vocabulary);

}  // namespace nf
