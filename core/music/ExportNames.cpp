// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/ExportNames.h"

#include "music/PitchNames.h"

namespace nf {

Score withTrackNamesAndMeter(Score score) {
    for (Track& t : score.tracks)
        if (t.name.empty()) t.name = t.isDrum ? "Drums" : gmProgramName(t.program);
    if (score.timeSignatures.empty()) score.timeSignatures.push_back(TimeSignature{});
    return score;
}

}  // namespace nf
