// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/StepRowInterval.h"

#include <algorithm>

namespace nf {

std::int64_t stepRowInterval(std::int64_t metricsEverySteps, std::int64_t minRowsPerEpoch, std::int64_t stepsPerEpoch) {
    const std::int64_t configured = std::max<std::int64_t>(0, metricsEverySteps);
    if (minRowsPerEpoch <= 0 || stepsPerEpoch <= 0) return configured;
    // Rounded down, so that an epoch holds at least minRowsPerEpoch rows (every step when it has fewer steps).
    const std::int64_t dense = std::max<std::int64_t>(1, stepsPerEpoch / minRowsPerEpoch);
    return configured > 0 ? std::min(configured, dense) : dense;
}

}  // namespace nf
