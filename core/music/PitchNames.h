// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nf {

// Pitch spelling as music21 writes it, which is the paper's token format: sharps as '#', flats as '-',
// octave number with C4 = MIDI 60. MIDI numbers are spelled C C# D E- E F F# G G# A B- B, as music21 does
// for a pitch made from a MIDI number.
std::string pitchName(int midiPitch);
// "C4", "E-5", "C#4", "B--3", "F##2", "Cb4" (also accepts 'b' for flat after the letter). nullopt if malformed
// or out of 0..127.
std::optional<int> parsePitchName(std::string_view name);
// Pitch-class name without octave ("E-").
std::string pitchClassName(int pitchClass);
// General MIDI program names (0..127) and drum-kit key names (35..81), for the UI and the CLI.
const char* gmProgramName(int program);
const char* gmDrumName(int key);

}  // namespace nf
