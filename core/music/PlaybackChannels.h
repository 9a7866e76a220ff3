// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "music/Score.h"

namespace nf {

// Channels as a General MIDI player expects them for a decoded piece: drums on the drum channel (10, index 9),
// the other tracks on the remaining channels in track order.
void assignPlaybackChannels(Score& score);

}  // namespace nf
