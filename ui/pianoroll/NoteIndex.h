// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <vector>

#include "music/Score.h"

namespace nf {

// Finds the notes of a track that overlap a tick range without scanning the whole track: notes are sorted by
// onset, so a binary search from (range start - longest note) bounds the scan. Rebuilt when the score changes;
// this is what keeps painting 20,000 notes cheap when only a screenful is visible.
class NoteIndex {
public:
    void rebuild(const Score& score);
    void forEachInRange(const Score& score, std::size_t track, Tick from, Tick to,
                        const std::function<void(const Note&)>& visit) const;

private:
    std::vector<Tick> longest_;  // per track
};

}  // namespace nf
