// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "audio/AudioBuffer.h"

namespace nf {

// Loudness over time: RMS of the mono mix in consecutive windows of `windowSeconds`.
std::vector<double> rmsEnvelope(const AudioBuffer& audio, double windowSeconds = 0.05);
// Pearson correlation of two series; the shorter is padded with zeros. 0 when either is constant.
double correlation(const std::vector<double>& a, const std::vector<double>& b);
// Largest absolute sample.
double peakLevel(const AudioBuffer& audio);
double rmsLevel(const AudioBuffer& audio);

}  // namespace nf
