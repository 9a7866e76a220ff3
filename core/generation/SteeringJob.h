// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "generation/SamplingSettings.h"
#include "generation/SteeringControls.h"
#include "music/Score.h"

namespace nf {

// What a musician asked the model to write into the piece in the editor, as data: the piece as it was when asked,
// where, and with which controls. The studio keeps a job's candidates with it (and in the project) so Keep applies
// exactly what was heard, whatever was edited since.
struct SteeringJob {
    enum class Kind {
        Regenerate,  // rewrite whole bars [spanStart, spanEnd) of `tracks`
        AddPart,     // a new track (`program`, -1 = drums) for the whole piece, given all the others
        Continue,    // `bars` new bars from the bar line at spanStart (the piece after it is replaced)
    };
    Kind kind = Kind::Regenerate;
    Score base;
    Tick spanStart = 0;
    Tick spanEnd = 0;
    std::vector<std::size_t> tracks;  // indices into base.tracks
    int program = 0;
    // AddPart with program -1: a `drums` model file that writes the part instead of the piece's model (it follows
    // the piece's bars and meter only: drums/DrumPart.h). Empty: the piece's model writes the drums.
    std::string drumModelPath;
    int bars = 4;
    SteeringControls controls;
    SamplingSettings sampling;
    int candidates = 3;
    // Samples drawn for each candidate of a rewrite (Regenerate): the one that fits the music around it best
    // (evaluation/ContextFit.h's jobContextFit) is the candidate. Add Part and Continue draw once.
    int tries = 1;
};

// The seed index of try j of candidate k (variationSeed(sampling.seed, ...)): k for the first try, as before tries
// existed, and far from every first try for the others, so that More with another number of tries never draws a
// sample of an earlier candidate again.
inline constexpr int kTrySeedStride = 1 << 20;
inline int trySeedIndex(int candidate, int attempt) { return candidate + attempt * kTrySeedStride; }

}  // namespace nf
