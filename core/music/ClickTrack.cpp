// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/ClickTrack.h"

#include <algorithm>

namespace nf {

Track clickTrack(const JamClock& clock, int ppq, int bars) {
    Track t;
    t.name = "Click";
    t.channel = 9;
    t.isDrum = true;
    const Tick beat = static_cast<Tick>(ppq) * 4 / clock.denominator;
    const Tick length = std::max<Tick>(1, beat / 4);
    for (int bar = 0; bar < bars; ++bar)
        for (int b = 0; b < clock.numerator; ++b) {
            const bool downbeat = b == 0;
            t.notes.push_back({0, downbeat ? kClickDownbeatKey : kClickBeatKey, downbeat ? 110 : 75,
                               static_cast<Tick>(bar) * clock.barTicks(ppq) + b * beat, length});
        }
    return t;
}

}  // namespace nf
