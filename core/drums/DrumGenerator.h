// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "drums/DrumPattern.h"
#include "generation/SamplingSettings.h"

namespace nf {

class GenerationModel;

// A new drum part from a `drums` model: `bars` bars of one meter on the model's grid, whole bars only (DrumGuard);
// or from a drum GAN (paper-drums-gan): bars of its one meter, variations of one groove (DrumGanNet::sampleBars).
struct DrumRequest {
    int bars = 8;
    int numerator = 4;
    int denominator = 4;
    double bpm = 120.0;
    int variations = 1;
    int threads = 0;
    SamplingSettings sampling;
    // A bar to continue (a drum GAN trained to continue a bar, DrumGanSettings::primer, only): the part starts
    // with it, then `bars` bars written after it.
    std::optional<DrumBar> primer;
};

struct GeneratedDrums {
    std::uint64_t seed = 0;
    DrumPattern pattern;
    Score score;  // one drum track on channel 10
};

// Throws std::invalid_argument for a model of another representation, or a meter or bar count out of range (for
// a GAN: a meter other than its own), or a primer the model cannot continue.
std::vector<GeneratedDrums> generateDrums(const GenerationModel& model, const DrumRequest& request,
                                         const std::atomic<bool>* cancel = nullptr);

}  // namespace nf
