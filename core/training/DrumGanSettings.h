// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// The drum GAN's generator (issue 19): the paper's (noise -> Dense -> BatchNorm -> Dense -> BatchNorm -> Dense, a
// bar at once) or NoteForge's (an LSTM over the bar's steps, fed the noise and the step's position).
enum class DrumGanGenerator { Paper, Lstm };
NF_ENUM_WORDS(DrumGanGenerator, "drum GAN generator", {DrumGanGenerator::Paper, "paper"}, {DrumGanGenerator::Lstm, "lstm"})

// The paper-drums-gan model's own settings (ModelConfig::gan). The networks' width is ModelConfig::hiddenSize.
struct DrumGanSettings {
    DrumGanGenerator generator = DrumGanGenerator::Paper;
    int noise = 64;                 // the generator's input: one noise vector per bar
    int criticSteps = 5;            // critic updates per generator update (WGAN-GP's 5)
    double penaltyWeight = 10.0;    // the gradient penalty's weight (WGAN-GP's 10)
    // Generation: the noise of bar k+1 is c * noise(k) + sqrt(1 - c^2) * fresh noise, so the bars of a part are
    // variations of one groove rather than unrelated bars (c = 0), and never one bar looped (c = 1). Fixed before
    // any measurement, not tuned.
    double barCorrelation = 0.9;
    // NoteForge's LSTM generator can be conditioned (drums/DrumGanSampling.h lays the features out), per step:
    // `band`: the band's onsets on the step, as the drums representation's bandOnsets reads them (so it must equal
    // the tokenizer's bandOnsets: validated; a run whose training pieces have no band refuses it), so the drums
    // follow the piece's other parts; `primer`: the same step of the bar
    // before (its hits and velocities), so a part continues the groove it is given or has written. The critic
    // sees the same conditions, so it judges the bar against them, not alone.
    bool band = false;
    bool primer = false;
    // The bar form the model writes, set from the training data when a run starts (its most common meter on its
    // most common grid): a GAN's output has a fixed shape.
    int stepsPerQuarter = 4;
    int numerator = 4;
    int denominator = 4;

    bool operator==(const DrumGanSettings&) const = default;
};

}  // namespace nf
