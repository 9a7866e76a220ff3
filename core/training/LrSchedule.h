// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// The learning-rate schedule: constant, warm-up then cosine decay, or steps (OptimizerConfig holds their values).
enum class LrSchedule { None, Cosine, Step };
NF_ENUM_WORDS(LrSchedule, "schedule",
              {LrSchedule::None, "none"}, {LrSchedule::Cosine, "cosine"}, {LrSchedule::Step, "step"})

}  // namespace nf
