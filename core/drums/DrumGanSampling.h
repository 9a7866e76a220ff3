// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <random>
#include <vector>

#include "drums/BandOnsets.h"
#include "drums/DrumPattern.h"
#include "training/DrumGanSettings.h"

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

// One bar as the GAN sees bars: [steps][2 x kDrumClassCount] floats written to `out` (hits, then hit x level, the
// level the middle of the hit's velocity bin). The bar's steps past `steps` are left out, missing ones are silent.
void drumGanBarValues(const DrumBar& bar, int steps, float* out);

// What a conditioned LSTM generator (DrumGanSettings::band, ::primer) reads beside its noise at each step, and its
// critic beside the bar: [band features][the bar before's values]. The band features are: the piece has a band
// (on every step of a piece that has one, so "the band rests here" differs from "there is no band"), then B_1,
// B_2, B_3 and BL as the drums representation's tokens say them (drums/BandOnsets.h).
inline constexpr int kDrumGanBandFeatures = 5;
int drumGanConditionSize(const DrumGanSettings& settings);

// What a bar is written after and against: the band's onsets on its steps (nullptr: the piece has no band) and
// the bar before it (nullptr: none, as at a part's start or after a bar of another form).
struct DrumGanBarCue {
    const std::vector<BandStep>* band = nullptr;
    const DrumBar* previous = nullptr;
};
// One bar's conditions, [steps][drumGanConditionSize] floats written to `out`.
void drumGanBarConditions(const DrumGanSettings& settings, int steps, const DrumGanBarCue& cue, float* out);

}  // namespace nf
