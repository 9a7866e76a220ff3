// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "music/Score.h"

namespace nf {

// A score as a DAW should receive it: every unnamed track named after its General MIDI instrument ("Drums" for
// drums) and the meter stated (4/4 when the score has none, which is what MIDI assumes anyway). Used by every MIDI
// export, the studio's and the CLI's, whatever model made the piece.
Score withTrackNamesAndMeter(Score score);

}  // namespace nf
