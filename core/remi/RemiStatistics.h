// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>

#include "dataset/Dataset.h"

namespace nf::remi {

// How large a data set is in the remi representation (inspect --json "remi"): what decides how many bars fit in
// one training example of 1,024 tokens.
struct RemiStatistics {
    std::size_t pieces = 0;
    std::size_t tokens = 0;
    std::size_t bars = 0;
    std::size_t trackBars = 0;    // (bar, track) blocks written: tracks silent in a bar are not
    std::size_t blockTokens = 0;  // tokens inside those blocks (INST, controls, notes)
    std::size_t failedPieces = 0; // pieces the tokenizer could not write (not counted above)
    std::string firstFailure;     // the first of them: "FILE: why"
    double tokensPerBar() const { return bars ? static_cast<double>(tokens) / static_cast<double>(bars) : 0; }
    double tokensPerBarPerTrack() const {
        return trackBars ? static_cast<double>(blockTokens) / static_cast<double>(trackBars) : 0;
    }
};

RemiStatistics remiStatistics(const Dataset& dataset);

}  // namespace nf::remi
