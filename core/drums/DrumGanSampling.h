// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <random>
#include <vector>

#include "drums/DrumPattern.h"

namespace nf {

// What turns a drum GAN's output into bars, shared by generation (DrumGanNet, no LibTorch) and by training's
// held-out check (engine/DrumGanSession), so the checkpoint is chosen on exactly the bars a user gets.

// The noise of a part's bars: bar 1's is standard normal; each next one is c * the last + sqrt(1 - c^2) * fresh
// (still standard normal), c = DrumGanSettings::barCorrelation, so bars vary around one groove.
class DrumGanNoise {
public:
    DrumGanNoise(int size, double barCorrelation, std::uint64_t seed);
    const std::vector<float>& next();

private:
    double correlation_;
    std::mt19937_64 rng_;
    std::normal_distribution<float> normal_;
    std::vector<float> noise_;
    bool first_ = true;
};

// A generator output for one bar, [steps][2 x kDrumClassCount] (hit probabilities, then velocity levels), as a
// bar: each class hit with its probability (uniforms drawn from `rng`), its velocity bin from its level.
DrumBar drumBarFromGanOutput(const float* output, int steps, int numerator, int denominator, std::mt19937_64& rng);

// A pattern's bars as the GAN's training data: [bars][steps][2 x kDrumClassCount] floats (hits, then hit x level,
// the level the middle of the hit's velocity bin), bars of `steps` steps only, empty bars left out.
std::vector<float> drumGanTrainingBars(const std::vector<DrumPattern>& patterns, int stepsPerQuarter, int numerator,
                                       int denominator, std::size_t* barCount);

}  // namespace nf
