// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace nf {

// A scale a musician locks generation to: "D dorian", "A minor", "F# major pentatonic", "Bb blues".
struct Scale {
    int tonic = 0;                       // pitch class 0..11
    std::array<bool, 12> pitchClasses{};  // absolute pitch classes in the scale
    bool minorThird = false;             // the scale's third is minor (dorian, aeolian, ...): its key is minor
    std::string name;                    // as the user wrote it, normalised ("D dorian")

    bool contains(int key) const { return pitchClasses[static_cast<std::size_t>(((key % 12) + 12) % 12)]; }
};

// The name NoteForge gives pitch class 0..11 as a tonic: C C# D Eb E F F# G Ab A Bb B (as scale names spell it).
const char* tonicName(int pitchClass);

// Tonic (C, C#, Db, ... B, with # or b) and a mode: major/ionian, minor/aeolian, dorian, phrygian, lydian,
// mixolydian, locrian, harmonic-minor, melodic-minor, major-pentatonic/pentatonic, minor-pentatonic, blues,
// chromatic ("harmonic minor" with a space also). Case does not matter. Nothing for anything else.
std::optional<Scale> parseScale(std::string_view text);

// The names parseScale accepts, for error messages.
const char* scaleModeNames();

}  // namespace nf
