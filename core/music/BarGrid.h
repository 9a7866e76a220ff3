// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include "music/Score.h"

namespace nf {

// One bar as a musician counts it.
struct BarLine {
    int number = 1;  // 1 for the first full bar; a pickup (anacrusis) is bar 0
    Tick start = 0;
    Tick length = 0;
    int numerator = 4;
    int denominator = 4;
    Tick end() const { return start + length; }
};

// The bars of a score, from its time signatures: a bar starts at every meter change and every bar length after
// it (a change that falls inside a bar ends that bar early). A first bar shorter than its meter -- a pickup written
// as its own short meter, as MIDI files and NoteForge's ABC reader do -- is bar 0, so bar numbers stay where the
// musician sees them. Bars cover at least [0, until) and at least one bar is returned.
std::vector<BarLine> barLines(const Score& score, Tick until);

// Index into `bars` of the bar holding `tick` (the last bar for ticks past the end).
std::size_t barIndexAt(const std::vector<BarLine>& bars, Tick tick);

// Index into `bars` of the bar the musician calls `number` (BarLine::number); none when the piece has no such bar.
std::optional<std::size_t> barIndexOfNumber(const std::vector<BarLine>& bars, int number);

}  // namespace nf
