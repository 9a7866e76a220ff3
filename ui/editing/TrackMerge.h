// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "music/Score.h"

namespace nf {

// Adds every track of `added` to `base` (at `base`'s resolution, from tick 0), the step the paper did by hand in
// LMMS: a generated melody plus a generated drum track become one multi-track song. Added pitched tracks get MIDI
// channels that `base` does not use yet (never 10, the drum channel); drum tracks stay on channel 10. Added notes
// get fresh ids of `base`, so undo and annotations keep working.
Score mergeTracks(const Score& base, const Score& added);

}  // namespace nf
