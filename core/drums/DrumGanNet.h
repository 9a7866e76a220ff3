// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "drums/BandOnsets.h"
#include "drums/DrumPattern.h"
#include "training/ModelFile.h"
#include "training/TrainingConfig.h"

namespace nf {

// What a drum GAN's part is written after and against; a generator that is not conditioned on it ignores it.
struct DrumGanPartCue {
    const BandOnsets* band = nullptr;   // per bar written: the band's onsets on its steps (nullptr: no band)
    std::vector<bool> followsPrevious;  // per bar: it follows the bar written before it (empty: every bar does)
    const DrumBar* primer = nullptr;    // the bar before the first (nullptr: the part starts afresh)
};

// A paper-drums-gan model's generator, run without LibTorch (the studio and CLI generate without the training
// engine). The same arithmetic as training/engine/DrumGan's generators in evaluation mode (BatchNorm on its running
// statistics); tests/training/DrumGanNetTest checks the two agree. Written by hand because it is a few small dense
// layers and one LSTM, run a few times per bar: the decoders' SIMD kernels are built for token streams.
class DrumGanNet {
public:
    // Throws ModelFileError naming `file` when a tensor is missing or has the wrong shape.
    static DrumGanNet fromModel(const ModelFile& model, const ModelConfig& config, const std::string& file);

    int steps() const { return steps_; }
    int noiseSize() const { return config_.gan.noise; }
    // Whether the generator is conditioned (DrumGanSettings::band, ::primer) and on what.
    bool hearsTheBand() const { return config_.gan.band; }
    bool continuesABar() const { return config_.gan.primer; }
    // One bar: noise [noiseSize] and, for a conditioned generator, its conditions [steps][drumGanConditionSize]
    // (drumGanBarConditions) -> [steps][2 x kDrumClassCount] (hit probabilities, then velocity levels).
    std::vector<float> forward(const std::vector<float>& noise, const std::vector<float>& conditions = {}) const;

    // `bars` bars of one part in the model's meter: their noise chained as DrumGanNoise chains it, each bar's hits
    // drawn from its outputs (drumBarFromGanOutput) with `seed` too, and a generator that continues a bar given the
    // bar it wrote before. `probabilities`, when given, receives each bar's outputs (a hit's probability is its
    // confidence).
    std::vector<DrumBar> sampleBars(int bars, std::uint64_t seed, std::vector<std::vector<float>>* probabilities = nullptr,
                                    const DrumGanPartCue& cue = {}) const;
    const DrumGanSettings& settings() const { return config_.gan; }

private:
    struct Dense {
        int in = 0, out = 0;
        std::vector<float> weight, bias;  // [out][in], [out]
        void apply(const float* x, float* y) const;
    };
    struct Norm {  // BatchNorm1d in evaluation mode, folded: y = x * scale + shift
        std::vector<float> scale, shift;
    };
    std::vector<float> paperForward(const std::vector<float>& noise) const;
    std::vector<float> lstmForward(const std::vector<float>& noise, const std::vector<float>& conditions) const;

    ModelConfig config_;
    int steps_ = 0;
    std::vector<Dense> dense_;  // paper: fc1, fc2, fc3, out; lstm: in, out
    std::vector<Norm> norms_;   // paper: bn1..bn3
    Dense lstmInput_, lstmRecurrent_;  // lstm: W_ih (with both biases), W_hh (no bias)
};

}  // namespace nf
