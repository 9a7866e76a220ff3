// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

// Follows the musical time of an `events` token stream as it is generated (SHIFT_n advances n steps of
// 1/stepsPerBeat beat; BPM_x sets the tempo), so generation can stop after a number of bars or seconds instead
// of tokens. Bars are of 4/4, the meter events pieces decode to; only the first BPM_ counts, as in decoding.
class EventClock {
public:
    explicit EventClock(int stepsPerBeat, double bpm = 120.0) : stepsPerBeat_(stepsPerBeat), bpm_(bpm) {}

    void feed(const std::string& token);
    double beats() const { return beats_; }
    double bars() const { return beats_ / 4.0; }
    double seconds() const { return seconds_; }
    // Counts from here on (after the primer), keeping the tempo.
    void restart() { beats_ = seconds_ = 0; }

private:
    int stepsPerBeat_;
    double bpm_;
    double beats_ = 0;
    double seconds_ = 0;
    bool sawBpm_ = false;
};

}  // namespace nf
