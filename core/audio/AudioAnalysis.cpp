// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/AudioAnalysis.h"

#include <algorithm>
#include <cmath>

namespace nf {

std::vector<double> rmsEnvelope(const AudioBuffer& audio, double windowSeconds) {
    std::vector<double> env;
    const auto window = std::max<std::int64_t>(1, std::llround(windowSeconds * audio.sampleRate));
    const std::int64_t frames = audio.frames();
    for (std::int64_t start = 0; start < frames; start += window) {
        const std::int64_t end = std::min(frames, start + window);
        double sum = 0;
        for (std::int64_t f = start; f < end; ++f) {
            double mono = 0;
            for (int c = 0; c < audio.channels; ++c) mono += audio.samples[f * audio.channels + c];
            mono /= audio.channels;
            sum += mono * mono;
        }
        env.push_back(std::sqrt(sum / double(end - start)));
    }
    return env;
}

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    const std::size_t n = std::max(a.size(), b.size());
    if (n == 0) return 0;
    auto at = [](const std::vector<double>& v, std::size_t i) { return i < v.size() ? v[i] : 0.0; };
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ma += at(a, i);
        mb += at(b, i);
    }
    ma /= double(n);
    mb /= double(n);
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double da = at(a, i) - ma, db = at(b, i) - mb;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
    }
    if (saa <= 0 || sbb <= 0) return 0;
    return sab / std::sqrt(saa * sbb);
}

double peakLevel(const AudioBuffer& audio) {
    double peak = 0;
    for (float s : audio.samples) peak = std::max(peak, double(std::fabs(s)));
    return peak;
}

double rmsLevel(const AudioBuffer& audio) {
    if (audio.samples.empty()) return 0;
    double sum = 0;
    for (float s : audio.samples) sum += double(s) * s;
    return std::sqrt(sum / double(audio.samples.size()));
}

}  // namespace nf
