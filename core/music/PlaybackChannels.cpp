// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/PlaybackChannels.h"

namespace nf {

void assignPlaybackChannels(Score& score) {
    int channel = 0;
    for (auto& t : score.tracks) {
        if (t.isDrum) {
            t.channel = 9;
            continue;
        }
        if (channel == 9) ++channel;
        t.channel = channel % 16;
        ++channel;
    }
}

}  // namespace nf
