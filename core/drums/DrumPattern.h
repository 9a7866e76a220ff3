// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "drums/DrumClass.h"
#include "music/BarGrid.h"
#include "music/Score.h"

namespace nf {

// One step of a drum pattern: for each drum class, 0 for no hit or 1 + the hit's velocity bin.
using DrumStep = std::array<std::uint8_t, kDrumClassCount>;

// One bar: its meter and its steps on the pattern's grid.
struct DrumBar {
    int numerator = 4;
    int denominator = 4;
    std::vector<DrumStep> steps;
    bool operator==(const DrumBar&) const = default;
};

// The drums of a piece on a grid of steps per quarter note: 4 (sixteenths: straight feels, and 3/4, 6/8 or
// 12/8 bars fit whole) or 3 (eighth-note triplets: shuffles and swung grooves). Meters come from the piece's
// own bar lines, so a 6/8 bar has 12 sixteenth steps and a pickup bar its few.
struct DrumPattern {
    int stepsPerQuarter = 4;
    std::vector<DrumBar> bars;

    std::size_t hitCount() const;
    bool operator==(const DrumPattern&) const = default;
};

// Steps of a whole bar of a meter on the grid, rounded (9/8 in triplets: 13.5 -> 14): the one rule the tokens,
// the generators and the decoder share.
int drumStepsInMeter(int stepsPerQuarter, int numerator, int denominator);

// Steps of a bar as it stands in a piece (its real length: a pickup is short, a bar cut by a meter change too).
int drumStepsIn(const BarLine& bar, int ppq, int stepsPerQuarter);

// Whether a track is a drum part: marked as drums or on MIDI channel 10.
bool isDrumTrack(const Track& track);

// Whether a piece has a drum part with notes: a track marked as drums or on channel 10.
bool hasDrumPart(const Score& score);

// How the grid is chosen: the one whose steps lie nearest the played onsets (triplets only when they fit
// clearly better), or one forced.
enum class DrumGrid { Automatic, Sixteenths, Triplets };

// The drum pattern of the piece's drum tracks (every track with isDrum or on channel 10), onsets snapped to the
// nearest step; notes no drum class takes (outside GM 35..81) are left out. Two hits of one class on a step keep
// the louder. A piece without drums gives its bars, empty.
DrumPattern drumPatternOf(const Score& score, DrumGrid grid = DrumGrid::Automatic);

// Where an onset at `tick` falls on a drum grid: the bar (index into `lines`, whose step counts are `steps`, one per
// bar, at least one bar) and the nearest step. An onset just before a bar line is the next bar's downbeat; past the
// last bar's steps, its last step. The one snapping rule of the drum hits and of the band's onsets (BandOnsets.h).
struct DrumStepIndex {
    std::size_t bar = 0, step = 0;
};
DrumStepIndex drumStepAt(const std::vector<BarLine>& lines, const std::vector<int>& steps, int ppq, int stepsPerQuarter,
                         Tick tick);

// A score with one drum track (channel 10, "Drums", GM notes of drumNoteOf, a step long), the pattern's meters
// as time signatures and the given tempo.
Score drumScoreOf(const DrumPattern& pattern, double bpm = 120.0, int ppq = 480);

}  // namespace nf
