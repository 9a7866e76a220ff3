// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace nf {

struct PieceSplit {
    std::vector<std::size_t> train;       // indices into the corpus's pieces, ascending
    std::vector<std::size_t> validation;  // ascending; disjoint from train
};

// Held-out validation by whole pieces (whole MIDI files, whole ABC tunes), chosen at random but reproducibly
// from `seed`. With share > 0 at least one piece is held out, and at least one is always left for training;
// a corpus of a single piece therefore has no validation set.
PieceSplit splitByPiece(std::size_t pieceCount, double share, std::uint64_t seed);

}  // namespace nf
