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

void drumGanBarValues(const DrumBar& bar, int steps, float* out) {
    const std::size_t width = 2 * kDrumClassCount;
    std::fill(out, out + static_cast<std::size_t>(steps) * width, 0.0f);
    const int written = std::min(steps, static_cast<int>(bar.steps.size()));
    for (int s = 0; s < written; ++s)
        for (int c = 0; c < kDrumClassCount; ++c) {
            const std::uint8_t v = bar.steps[static_cast<std::size_t>(s)][static_cast<std::size_t>(c)];
            if (v == 0) continue;
            float* row = out + static_cast<std::size_t>(s) * width;
            row[c] = 1.0f;
            row[kDrumClassCount + c] = levelOfBin(v - 1);
        }
}

int drumGanConditionSize(const DrumGanSettings& g) {
    return (g.band ? kDrumGanBandFeatures : 0) + (g.primer ? 2 * kDrumClassCount : 0);
}

void drumGanBarConditions(const DrumGanSettings& g, int steps, const DrumGanBarCue& cue, float* out) {
    const int size = drumGanConditionSize(g);
    const auto width = static_cast<std::size_t>(size);
    std::fill(out, out + static_cast<std::size_t>(steps) * width, 0.0f);
    if (size == 0) return;
    if (g.band && cue.band) {
        for (int s = 0; s < steps; ++s) {
            float* row = out + static_cast<std::size_t>(s) * width;
            row[0] = 1.0f;
            if (static_cast<std::size_t>(s) >= cue.band->size()) continue;
            const BandStep& b = (*cue.band)[static_cast<std::size_t>(s)];
            if (b.onsets > 0) row[b.onsets == 1 ? 1 : b.onsets <= 3 ? 2 : 3] = 1.0f;
            if (b.low) row[4] = 1.0f;
        }
    }
    if (g.primer && cue.previous) {
        const int offset = g.band ? kDrumGanBandFeatures : 0;
        std::vector<float> values(static_cast<std::size_t>(steps) * 2 * kDrumClassCount);
        drumGanBarValues(*cue.previous, steps, values.data());
        for (int s = 0; s < steps; ++s)
            std::copy_n(values.data() + static_cast<std::size_t>(s) * 2 * kDrumClassCount, 2 * kDrumClassCount,
                        out + static_cast<std::size_t>(s) * width + offset);
    }
}

}  // namespace nf
