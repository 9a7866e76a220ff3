// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace nf::remi {

// How a `remi` model is trained: shares of the three tasks among the examples, and their sizes.
struct TaskMix {
    double continuation = 0.5;  // bars of a piece, left to right
    double barInfill = 0.3;     // 1..maxSpanBars bars of some tracks written from both sides
    double trackInfill = 0.2;   // a whole track written given all the others (accompaniment)
    int maxTokens = 1024;       // longest example
    int contextBars = 4;        // bars of context either side of an infill span, at most
    int maxSpanBars = 4;
    int trackSpanBars = 8;      // bars of a track infill example, at most

    bool operator==(const TaskMix&) const = default;
};

// The training examples of one epoch, decided by (seed, epoch) alone so that a resumed run replays them. Each
// piece gives about one example per maxTokens/2 of its tokens (at least one), each of a task drawn by the shares.
// `pieces` are plain remi sequences in the fixed vocabulary's numbering.
std::vector<std::vector<std::int32_t>> buildExamples(const std::vector<const std::vector<std::int32_t>*>& pieces,
                                                     const TaskMix& mix, std::uint64_t seed, int epoch);

}  // namespace nf::remi
