// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include "music/BarGrid.h"
#include "remi/RemiVocabulary.h"

namespace nf::remi {

// The key of each bar (the KEY_ token and the key control): Krumhansl-Schmuckler over the duration-weighted pitch
// classes of every pitched track in the bar and its two neighbours (one bar alone is too few notes to tell a key
// from its relatives). Nothing for a bar where no pitched note sounds.
std::vector<std::optional<KeyToken>> barKeys(const Score& score, const std::vector<BarLine>& bars);

}  // namespace nf::remi
