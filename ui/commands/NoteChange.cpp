// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/NoteChange.h"

#include <algorithm>
#include <set>

namespace nf {

namespace {

void setNoteState(Track& track, NoteId id, const std::optional<Note>& state) {
    auto it = std::find_if(track.notes.begin(), track.notes.end(), [id](const Note& n) { return n.id == id; });
    if (state) {
        if (it != track.notes.end())
            *it = *state;
        else
            track.notes.push_back(*state);
    } else if (it != track.notes.end()) {
        track.notes.erase(it);
    }
}

void sortNotes(Track& track) {
    // Same order as Score::normalize(), so an edited-and-undone score compares equal to the original.
    std::stable_sort(track.notes.begin(), track.notes.end(), [](const Note& a, const Note& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.pitch != b.pitch) return a.pitch < b.pitch;
        return a.id < b.id;
    });
}

}  // namespace

void applyNoteChanges(Score& score, const NoteChanges& changes, bool forward) {
    std::set<std::size_t> touched;
    auto apply = [&](const NoteChange& c) {
        if (c.track >= score.tracks.size()) return;
        setNoteState(score.tracks[c.track], c.id(), forward ? c.after : c.before);
        touched.insert(c.track);
    };
    if (forward)
        std::for_each(changes.begin(), changes.end(), apply);
    else
        std::for_each(changes.rbegin(), changes.rend(), apply);
    for (std::size_t t : touched) sortNotes(score.tracks[t]);
}

void mergeNoteChanges(NoteChanges& earlier, const NoteChanges& later) {
    for (const NoteChange& c : later) {
        auto it = std::find_if(earlier.begin(), earlier.end(),
                               [&](const NoteChange& e) { return e.track == c.track && e.id() == c.id(); });
        if (it == earlier.end())
            earlier.push_back(c);
        else
            it->after = c.after;
    }
    std::erase_if(earlier, [](const NoteChange& c) {
        return (!c.before && !c.after) || (c.before && c.after && *c.before == *c.after);
    });
}

}  // namespace nf
