// SPDX-License-Identifier: GPL-3.0-or-later
// Small hand-made scores for the evaluation tests: their figures can be worked out by hand.
#pragma once

#include <string>
#include <vector>

#include "dataset/Dataset.h"

namespace nf::evaltest {

constexpr int kPpq = 480;

// One track of one note per quarter (or per `step` ticks), each lasting the whole step.
inline Score melody(const std::vector<int>& pitches, Tick step = kPpq) {
    Score score(kPpq);
    score.tracks.emplace_back();
    Tick t = 0;
    for (int p : pitches) {
        score.addNote(0, Note{0, p, 80, t, step});
        t += step;
    }
    return score;
}

// One track of block chords, one per `step` ticks.
inline Score chords(const std::vector<std::vector<int>>& blocks, Tick step = kPpq) {
    Score score(kPpq);
    score.tracks.emplace_back();
    Tick t = 0;
    for (const auto& block : blocks) {
        for (int p : block) score.addNote(0, Note{0, p, 80, t, step});
        t += step;
    }
    return score;
}

inline Piece piece(std::string file, Score score) {
    Piece p;
    p.file = std::move(file);
    p.score = std::move(score);
    return p;
}

// A deterministic, non-repeating-looking melody in 60..83 (a linear congruential walk), so that crafted training
// pieces share few long runs by accident.
inline std::vector<int> walk(unsigned seed, std::size_t length) {
    std::vector<int> out;
    unsigned x = seed * 2654435761u + 12345u;
    for (std::size_t i = 0; i < length; ++i) {
        x = x * 1103515245u + 12345u;
        out.push_back(60 + static_cast<int>((x >> 16) % 24));
    }
    return out;
}

}  // namespace nf::evaltest
