// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// What evaluate-infill masks: Bars, a span of one track; Track, one track over a longer span, all others kept.
enum class InfillMode { Bars, Track };
NF_ENUM_WORDS(InfillMode, "infill mode", {InfillMode::Bars, "bars"}, {InfillMode::Track, "track"})

}  // namespace nf
