// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace nf {

// Interleaved float audio in memory.
struct AudioBuffer {
    int sampleRate = 44100;
    int channels = 2;
    std::vector<float> samples;  // frames * channels

    std::int64_t frames() const { return channels > 0 ? static_cast<std::int64_t>(samples.size()) / channels : 0; }
    double seconds() const { return sampleRate > 0 ? double(frames()) / sampleRate : 0; }
};

}  // namespace nf
