// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/NoteIndex.h"

#include <algorithm>

namespace nf {

void NoteIndex::rebuild(const Score& score) {
    longest_.assign(score.tracks.size(), 0);
    for (std::size_t t = 0; t < score.tracks.size(); ++t)
        for (const Note& n : score.tracks[t].notes) longest_[t] = std::max(longest_[t], n.duration);
}

void NoteIndex::forEachInRange(const Score& score, std::size_t track, Tick from, Tick to,
                               const std::function<void(const Note&)>& visit) const {
    if (track >= score.tracks.size()) return;
    const auto& notes = score.tracks[track].notes;
    const Tick longest = track < longest_.size() ? longest_[track] : 0;
    auto it = std::lower_bound(notes.begin(), notes.end(), from - longest - 1,
                               [](const Note& n, Tick t) { return n.start < t; });
    for (; it != notes.end() && it->start < to; ++it)
        if (it->end() >= from) visit(*it);
}

}  // namespace nf
