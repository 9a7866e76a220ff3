// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "generation/DrumGuard.h"
#include "generation/Generator.h"
#include "generation/SamplingSettings.h"

namespace nf {

class GenerationModel;

// What a new drum part (DrumGenerator) and Add Part (DrumPart) share: the drums model's grid, and token sequences
// of whole bars written after the primer DRUMS [BAND] GRID_g BAR TS_first, DrumGuard keeping each bar to its steps.

// The model's grid in steps per quarter (sixteenths when its vocabulary has them, else triplets). Throws
// std::invalid_argument for a model of another representation.
int drumModelGrid(const GenerationModel& model);
// The TS token of a meter in the model's vocabulary; -1 when it never saw that meter.
int drumMeterToken(const Vocabulary& vocabulary, int numerator, int denominator);

// Whether a drums model follows the band (trained with TokenizerSettings::bandOnsets on pieces that had one), so
// Add Part gives it the piece's onsets (DrumGuard::Bar::band; a drum GAN's generator: DrumGanSettings::band); an
// unconditioned one hears only the bar lines.
bool drumModelFollowsBand(const GenerationModel& model);

struct DrumBarsRequest {
    std::vector<DrumGuard::Bar> bars;
    bool band = false;  // the primer says BAND: the bars carry the band's tokens
    int firstNumerator = 4, firstDenominator = 4;  // the first bar's meter, written in the primer
    int variations = 1;
    SamplingSettings sampling;
    int threads = 0;
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(int, int)> progress;
};

struct DrumBars {
    std::vector<std::string> primer;             // the primer's tokens (decoding reads them first)
    std::vector<GeneratedSequence> sequences;    // one per variation, after the primer
};

DrumBars generateDrumBars(const GenerationModel& model, const DrumBarsRequest& request);

}  // namespace nf
