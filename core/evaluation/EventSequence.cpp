// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/EventSequence.h"

#include <algorithm>

namespace nf {

std::vector<EventSequence> eventSequences(const Score& score) {
    std::vector<EventSequence> out;
    for (std::size_t t = 0; t < score.tracks.size(); ++t) {
        const Track& track = score.tracks[t];
        if (track.isDrum || track.notes.empty()) continue;
        std::vector<std::pair<Tick, int>> starts;
        starts.reserve(track.notes.size());
        for (const Note& n : track.notes) starts.emplace_back(n.start, n.pitch);
        std::sort(starts.begin(), starts.end());
        EventSequence seq;
        seq.trackIndex = static_cast<int>(t);
        for (const auto& [tick, pitch] : starts) {
            if (seq.events.empty() || seq.events.back().start != tick) {
                seq.events.push_back(ChordEvent{tick, {pitch}});
            } else if (seq.events.back().pitches.back() != pitch) {  // sorted, so duplicates are adjacent
                seq.events.back().pitches.push_back(pitch);
            }
        }
        out.push_back(std::move(seq));
    }
    return out;
}

std::vector<int> melodyTokens(const EventSequence& seq) {
    std::vector<int> tokens;
    tokens.reserve(seq.events.size());
    for (const ChordEvent& e : seq.events) tokens.push_back(e.top());
    return tokens;
}

std::vector<int> pitchClassTokens(const EventSequence& seq) {
    std::vector<int> tokens;
    tokens.reserve(seq.events.size());
    for (const ChordEvent& e : seq.events) tokens.push_back(((e.top() % 12) + 12) % 12);
    return tokens;
}

std::vector<Tick> mergedOnsets(const Score& score) {
    std::vector<Tick> onsets;
    for (const Track& track : score.tracks) {
        if (track.isDrum) continue;
        for (const Note& n : track.notes) onsets.push_back(n.start);
    }
    std::sort(onsets.begin(), onsets.end());
    onsets.erase(std::unique(onsets.begin(), onsets.end()), onsets.end());
    return onsets;
}

std::vector<Note> pitchedNotes(const Score& score) {
    std::vector<Note> notes;
    for (const Track& track : score.tracks) {
        if (track.isDrum) continue;
        notes.insert(notes.end(), track.notes.begin(), track.notes.end());
    }
    return notes;
}

}  // namespace nf
