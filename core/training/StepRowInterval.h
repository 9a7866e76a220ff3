// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace nf {

// Every how many optimiser steps a run records a per-step metrics row (MetricsRow with a step); 0 = none.
// metricsEverySteps (TrainingConfig) is the configured period, 0 for epoch rows alone. minRowsPerEpoch
// (TrainerOptions) asks for about that many rows an epoch besides (at least that many in an epoch of stepsPerEpoch
// steps; an epoch a step shorter may have one fewer): the studio's live chart of a short fine-tune, whose dozen steps
// an epoch would otherwise show nothing until the epoch ends. The shorter period wins, so a long run keeps its
// configured one.
std::int64_t stepRowInterval(std::int64_t metricsEverySteps, std::int64_t minRowsPerEpoch, std::int64_t stepsPerEpoch);

}  // namespace nf
