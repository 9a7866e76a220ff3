// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "music/TempoMap.h"
#include "music/Track.h"

namespace nf {

struct TimeSignature {
    Tick tick = 0;
    int numerator = 4;
    int denominator = 4;  // a power of two
    bool operator==(const TimeSignature&) const = default;
};

struct KeySignature {
    Tick tick = 0;
    int sharps = 0;  // -7 (seven flats) .. 7 (seven sharps)
    bool minor = false;
    bool operator==(const KeySignature&) const = default;
};

// A piece of music: the in-memory form every codec reads into and writes from, the tokenizers encode,
// the synthesizer plays and the piano roll draws. It knows nothing of files, widgets or models.
class Score {
public:
    explicit Score(int ppq = 480);

    int ppq() const { return tempoMap_.ppq(); }
    // Changes the resolution, rescaling every tick in the score (rounding to nearest).
    void rescale(int ppq);

    std::string title;
    std::vector<Track> tracks;
    std::vector<TimeSignature> timeSignatures;  // sorted by tick; empty means 4/4
    std::vector<KeySignature> keySignatures;    // sorted by tick; empty means C major

    const TempoMap& tempoMap() const { return tempoMap_; }
    void setTempoChanges(std::vector<TempoChange> changes) { tempoMap_.setChanges(std::move(changes)); }

    // A fresh id for a note added to this score; ids are never reused within one score.
    NoteId newNoteId() { return nextNoteId_++; }
    // Gives every note without an id (id 0) a fresh one.
    void assignMissingIds();
    // Adds a note to a track with a fresh id and returns the id.
    NoteId addNote(std::size_t trackIndex, Note note);

    // Sorts notes (start, pitch, id), controls and texts by tick, and meter/key lists; idempotent.
    void normalize();

    // Tick just after the last note, control or text ends (0 for an empty score).
    Tick endTick() const;
    double durationSeconds() const { return tempoMap_.secondsAt(endTick()); }
    std::size_t noteCount() const;

    TimeSignature timeSignatureAt(Tick tick) const;
    KeySignature keySignatureAt(Tick tick) const;
    // Ticks per bar of the meter in force at `tick`.
    Tick ticksPerBar(Tick tick) const;

    bool operator==(const Score& o) const;

private:
    TempoMap tempoMap_;
    NoteId nextNoteId_ = 1;
};

}  // namespace nf
