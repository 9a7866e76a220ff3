// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "music/Score.h"

namespace nf {

// What the evaluation counts as "the music" of a score. Chosen so that a generated one-track piece and a multi-track
// training file (melody + accompaniment, as abc2midi writes) are measured the same way:
//
// - Drum tracks (Track::isDrum) are left out of every figure: their key numbers are instruments, not pitches.
// - Each non-drum track with notes gives one EventSequence: its notes grouped by start tick into events. An event is
//   the set of distinct pitches starting at that tick (one note or a chord), ascending.
// - The melody token of an event is its highest pitch (the top line of a chord). Novelty n-grams are taken over the
//   melody tokens of one track at a time (never across tracks): per track rather than all tracks merged, because
//   merging lets an accompaniment chord that starts with the melody decide the token.
// - Repetition compares consecutive events of one track as whole pitch sets (a repeated chord is a repeat).
// - Rhythm (onsets, inter-onset intervals, density) merges the onsets of all non-drum tracks; pitch statistics
//   (key, range, histograms) use every non-drum note; zero-length notes count as onsets but never sound.
struct ChordEvent {
    Tick start = 0;
    std::vector<int> pitches;  // distinct, ascending, never empty
    int top() const { return pitches.back(); }
    bool operator==(const ChordEvent& o) const { return pitches == o.pitches; }  // same notes, any time
};

struct EventSequence {
    int trackIndex = 0;  // index into Score::tracks
    std::vector<ChordEvent> events;
};

// One sequence per non-drum track that has notes, in track order. Does not need the score normalized.
std::vector<EventSequence> eventSequences(const Score& score);

// The melody tokens (highest pitch per event) of a sequence, or their pitch classes (0..11).
std::vector<int> melodyTokens(const EventSequence& seq);
std::vector<int> pitchClassTokens(const EventSequence& seq);

// The distinct start ticks of all non-drum notes, ascending.
std::vector<Tick> mergedOnsets(const Score& score);

// Every note of the non-drum tracks.
std::vector<Note> pitchedNotes(const Score& score);

}  // namespace nf
