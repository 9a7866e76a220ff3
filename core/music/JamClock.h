// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>

#include "music/Note.h"

namespace nf {

// The steady pulse of a call-and-response session: one tempo and one meter from second 0, the click's first
// downbeat. Bars are counted from 0 there.
struct JamClock {
    double bpm = 120;  // quarter notes per minute
    int numerator = 4;
    int denominator = 4;  // a power of two

    double beatSeconds() const { return 60.0 / bpm * 4.0 / denominator; }
    double barSeconds() const { return numerator * beatSeconds(); }
    // The bar holding `seconds` (-1 before the first downbeat).
    int barAt(double seconds) const { return static_cast<int>(std::floor(seconds / barSeconds())); }
    double downbeat(int bar) const { return bar * barSeconds(); }
    Tick barTicks(int ppq) const { return static_cast<Tick>(numerator) * ppq * 4 / denominator; }
};

}  // namespace nf
