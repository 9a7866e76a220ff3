// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace nf {

// The drum classes a drum pattern is written in: General MIDI's 47 percussion notes folded into what a drummer
// tells apart. Three toms, not one (as the Groove dataset's own reduced mapping has them), so a fill keeps its
// direction; clap and "percussion" (tambourine, cowbell, the Latin instruments) beside the kit.
enum class DrumClass { Kick, Snare, ClosedHat, OpenHat, LowTom, MidTom, HighTom, Crash, Ride, Clap, Percussion };
inline constexpr int kDrumClassCount = 11;

// The class of a General MIDI percussion note (channel 10), or nothing for notes outside 35..81 that no kit
// plays the same way. Side stick is a snare, the pedal hi-hat a closed hat, china and splash are crashes, the
// ride bell a ride.
std::optional<DrumClass> drumClassOf(int gmNote);
// The General MIDI note a class is written back as (kick 36, snare 38, closed hat 42, open hat 46, toms 43/47/50,
// crash 49, ride 51, clap 39, percussion 54 tambourine).
int drumNoteOf(DrumClass drumClass);
// A short lowercase name ("kick", "closed-hat"): used in tokens, tables and the CLI.
std::string_view drumClassName(DrumClass drumClass);
std::optional<DrumClass> drumClassNamed(std::string_view name);

// Four velocity bins are what a drummer plays on one instrument: ghost, soft, normal, accent.
inline constexpr int kDrumVelocityBins = 4;
int drumVelocityBin(int velocity);    // 1..127 -> 0..3
int drumBinVelocity(int bin);         // 0..3 -> the bin's middle velocity

}  // namespace nf
