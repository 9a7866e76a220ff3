// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>

#include "music/Score.h"

namespace nf {

// Walks the bars of a score's meter (time-signature changes included) for the ruler and the grid.
struct BarInfo {
    int number = 1;       // 1-based
    Tick start = 0;
    Tick length = 0;      // ticks per bar
    Tick beatLength = 0;  // ticks per beat (the meter's denominator)
    int beats = 4;
};

// Calls `visit` for every bar overlapping [from, to).
void forEachBar(const Score& score, Tick from, Tick to, const std::function<void(const BarInfo&)>& visit);
// "12.3" (bar 12, beat 3) for the status bar.
std::string formatBarBeat(const Score& score, Tick tick);

}  // namespace nf
