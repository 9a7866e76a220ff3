// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/EventClock.h"

#include <charconv>

namespace nf {

namespace {

bool numberAfter(const std::string& token, const char* prefix, int& value) {
    const std::string p(prefix);
    if (token.compare(0, p.size(), p) != 0) return false;
    const char* first = token.data() + p.size();
    const char* last = token.data() + token.size();
    auto [end, ec] = std::from_chars(first, last, value);
    return ec == std::errc() && end == last;
}

}  // namespace

void EventClock::feed(const std::string& token) {
    int n = 0;
    if (numberAfter(token, "SHIFT_", n) && n > 0) {
        const double beats = static_cast<double>(n) / stepsPerBeat_;
        beats_ += beats;
        seconds_ += beats * 60.0 / bpm_;
    } else if (numberAfter(token, "BPM_", n)) {
        if (!sawBpm_ && n > 0) bpm_ = n;
        sawBpm_ = true;
    }
}

}  // namespace nf
