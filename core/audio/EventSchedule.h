// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

#include "audio/MidiEvent.h"
#include "audio/TrackMix.h"
#include "music/Score.h"

namespace nf {

// A score flattened into one time-ordered list of channel messages, built off the audio thread and then only read.
// At equal times program changes come first, then controllers, note-offs and note-ons, so a repeated key is
// released before it strikes again and an instrument change precedes its first note.
class EventSchedule {
public:
    EventSchedule() = default;
    // Each track sends on its channel (drum tracks on channel 10, index 9): first its bank/program/volume/pan
    // (the mix overrides the track's values), then its controls and notes. `dropInaudible` leaves out the notes of
    // muted/non-soloed tracks (offline render); live playback keeps them and filters as it plays.
    EventSchedule(const Score& score, const Mix& mix = {}, bool dropInaudible = false);

    const std::vector<TimedEvent>& events() const { return events_; }
    std::size_t size() const { return events_.size(); }
    // Time of the last event (the last note-off): where the music ends before any release tail.
    double endSeconds() const { return endSeconds_; }
    std::size_t trackCount() const { return trackCount_; }

    // Realtime-safe (binary search): index of the first event at or after `seconds`.
    std::size_t indexAt(double seconds) const noexcept;
    // Realtime-safe: indices of the non-note events, in time order, so a seek can replay the controller and
    // program state in force at its target without scanning every note.
    const std::vector<std::size_t>& stateEvents() const { return stateEvents_; }

    // The channel a track plays on.
    static int channelOf(const Track& track);

private:
    std::vector<TimedEvent> events_;
    std::vector<std::size_t> stateEvents_;
    double endSeconds_ = 0;
    std::size_t trackCount_ = 0;
};

}  // namespace nf
