// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumGanSampling.h"

#include <algorithm>
#include <cmath>

namespace nf {

DrumGanNoise::DrumGanNoise(int size, double barCorrelation, std::uint64_t seed)
    : correlation_(barCorrelation), rng_(seed), noise_(static_cast<std::size_t>(size)) {}

const std::vector<float>& DrumGanNoise::next() {
    const auto keep = static_cast<float>(first_ ? 0.0 : correlation_);
    const auto fresh = static_cast<float>(std::sqrt(1.0 - static_cast<double>(keep) * keep));
    for (float& x : noise_) x = keep * x + fresh * normal_(rng_);
    first_ = false;
    return noise_;
}

namespace {

// The velocity level of a bin: its middle on 0..1.
float levelOfBin(int bin) { return (static_cast<float>(bin) + 0.5f) / kDrumVelocityBins; }

}  // namespace

DrumBar drumBarFromGanOutput(const float* output, int steps, int numerator, int denominator, std::mt19937_64& rng) {
    DrumBar bar;
    bar.numerator = numerator;
    bar.denominator = denominator;
    bar.steps.assign(static_cast<std::size_t>(steps), DrumStep{});
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    for (int s = 0; s < steps; ++s) {
        const float* row = output + static_cast<std::ptrdiff_t>(s) * 2 * kDrumClassCount;
        for (int c = 0; c < kDrumClassCount; ++c) {
            if (uniform(rng) >= row[c]) continue;
            const int bin = std::clamp(static_cast<int>(row[kDrumClassCount + c] * kDrumVelocityBins), 0, kDrumVelocityBins - 1);
            bar.steps[static_cast<std::size_t>(s)][static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(1 + bin);
        }
    }
    return bar;
}

std::vector<float> drumGanTrainingBars(const std::vector<DrumPattern>& patterns, int stepsPerQuarter, int numerator,
                                       int denominator, std::size_t* barCount) {
    const int steps = drumStepsInMeter(stepsPerQuarter, numerator, denominator);
    const std::size_t width = static_cast<std::size_t>(steps) * 2 * kDrumClassCount;
    std::vector<float> out;
    std::size_t bars = 0;
    for (const DrumPattern& p : patterns) {
        if (p.stepsPerQuarter != stepsPerQuarter) continue;
        for (const DrumBar& bar : p.bars) {
            if (bar.numerator != numerator || bar.denominator != denominator || bar.steps.size() != static_cast<std::size_t>(steps))
                continue;
            const bool hasHit = std::any_of(bar.steps.begin(), bar.steps.end(), [](const DrumStep& s) {
                return std::any_of(s.begin(), s.end(), [](std::uint8_t v) { return v != 0; });
            });
            if (!hasHit) continue;
            const std::size_t at = out.size();
            out.resize(at + width, 0.0f);
            for (int s = 0; s < steps; ++s)
                for (int c = 0; c < kDrumClassCount; ++c) {
                    const std::uint8_t v = bar.steps[static_cast<std::size_t>(s)][static_cast<std::size_t>(c)];
                    if (v == 0) continue;
                    float* row = out.data() + at + static_cast<std::size_t>(s) * 2 * kDrumClassCount;
                    row[c] = 1.0f;
                    row[kDrumClassCount + c] = levelOfBin(v - 1);
                }
            ++bars;
        }
    }
    if (barCount) *barCount = bars;
    return out;
}

}  // namespace nf
