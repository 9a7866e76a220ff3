// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/EventClock.h"

#include "tokenize/EventTokenizer.h"

namespace nf {

void EventClock::feed(const std::string& token) {
    if (const auto n = eventTokenNumber(token, "SHIFT_"); n && *n > 0) {
        const double beats = static_cast<double>(*n) / stepsPerBeat_;
        beats_ += beats;
        seconds_ += beats * 60.0 / bpm_;
    } else if (const auto bpm = eventTokenNumber(token, "BPM_")) {
        if (!sawBpm_ && *bpm > 0) bpm_ = *bpm;
        sawBpm_ = true;
    }
}

}  // namespace nf
