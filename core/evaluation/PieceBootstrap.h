// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace nf {

// A mean and its 95 % interval.
struct MeanInterval {
    double mean = 0, low = 0, high = 0;
};

// The mean of `values` (one per span, e.g. the model's figure minus a baseline's on the same span) with a percentile
// bootstrap interval that resamples whole pieces, not spans: spans drawn from one piece share its style and are not
// independent, so resampling them alone would give an interval far too narrow when 300 spans come from 10 pieces.
// `pieces[i]` names the piece of `values[i]`. Deterministic for a seed (SplitMix64). Empty input: all zero; a value
// that is not finite: std::invalid_argument. With few pieces (ten) a percentile bootstrap is approximate and tends to
// be narrow: read its interval as a guide, not a test.
// The interval is of percentiles of resampled means: it need not contain the mean.
MeanInterval pieceBootstrap(const std::vector<double>& values, const std::vector<std::size_t>& pieces,
                            int resamples = 2000, std::uint64_t seed = 1);

}  // namespace nf
