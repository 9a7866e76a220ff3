// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "generation/SteeringControls.h"
#include "music/Score.h"

namespace nf {

// What the music in a span of bars is like, as steering controls: where the studio's controls strip starts when a
// musician selects bars to regenerate ("more of the same" is the first thing asked; they then move one control).
struct SpanControlValues {
    int density = 0;           // notes starting per bar, rounded (the span's mean)
    int polyphony = 1;         // the most notes sounding at once
    int lowest = 60, highest = 72;
    double noteBeats = 1.0;    // mean note length in beats
    std::optional<Scale> key;  // the piece's key (Krumhansl-Schmuckler over every pitched note) as a major or
                               // natural-minor scale; none for a piece without pitched notes
    int notes = 0;             // pitched notes measured (0: the span is empty, the values are neutral defaults)
    std::optional<Scale> pieceNotes;  // the notes the piece plays on these tracks, as a lock (pieceNotesScale)
};

// Measures the pitched notes of `tracks` (indices) that start in [start, end); `bars` is the span's bar count
// (at least 1). Drum tracks are skipped for pitch range and key. An empty span gives the defaults above, with the
// key taken from the whole piece when it has pitched notes (`pieceNotes` too).
SpanControlValues measureSpan(const Score& score, Tick start, Tick end, int bars, const std::vector<std::size_t>& tracks);

// The piece's key as a scale ("D minor" is D aeolian); none when it has no pitched notes.
std::optional<Scale> estimateScale(const Score& score);

// The piece's own notes as a scale lock: the pitch classes that make up at least `minShare` of the notes of
// `tracks` (of every pitched track when those have fewer than 8 notes), with the key's tonic and third for the
// bars' key tokens. Folk tunes are often modal (mixolydian, dorian) and songs borrow chords: a major or minor key
// lock forbids notes they use, and this does not. None without pitched notes.
std::optional<Scale> pieceNotesScale(const Score& score, const std::vector<std::size_t>& tracks, double minShare = 0.02);

// A pitch range widened to an octave at least, a semitone each side at a time within 0..127: a passage of one
// repeated note must not lock the model to that note.
std::pair<int, int> widenToOctave(int lowest, int highest);

// "More of the same" as controls: the measured density, polyphony, range (widened to an octave), note length and,
// when `lockKey`, the key as a scale lock. Without pitched notes (a drum part, silent bars) only the density, when
// there were notes, and the key lock are asked for.
SteeringControls controlsLike(const SpanControlValues& values, bool lockKey);

}  // namespace nf
