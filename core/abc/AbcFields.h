// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nf::abc {

// Diatonic letters are indexed C=0 D=1 E=2 F=3 G=4 A=5 B=6 throughout the ABC code.
constexpr std::array<int, 7> kLetterSemitone{0, 2, 4, 5, 7, 9, 11};
// 'A'..'G' or 'a'..'g' to 0..6, -1 otherwise.
int letterIndex(char c);

// M: field. `wholeNotes` is the bar length; a free meter (M:none) still counts bars of 4/4 for Z rests.
struct AbcMeter {
    int numerator = 4;
    int denominator = 4;
    bool free = false;
    double wholeNotes() const { return static_cast<double>(numerator) / denominator; }
};
std::optional<AbcMeter> parseMeter(std::string_view value);
// A length as written, in whole notes. Kept unreduced because abc2midi's hornpipe rule compares the
// written fraction itself (L:1/16 A2 is not swung, L:1/8 A is).
struct AbcFraction {
    int num = 1;
    int den = 8;
    double value() const { return static_cast<double>(num) / den; }
};

// The unit note length ABC implies when L: is absent: 1/16 below 3/4, otherwise 1/8.
AbcFraction defaultUnitLength(const AbcMeter* meter);

// L: field ("1/8", "1").
std::optional<AbcFraction> parseUnitLength(std::string_view value);

// Q: field. All forms: "120" (quarter notes, as abc2midi reads it), "1/4=120", "3/8=60", "1/4 1/8=80" (the
// beat is the sum), "C=80" / "C3=40" (multiples of the unit length), with optional quoted text around.
struct AbcTempo {
    double beatWholeNotes = 0.25;  // length of one beat
    bool beatInUnits = false;      // "C" form: beatWholeNotes counts unit lengths, resolved against L
    int beatsPerMinute = 120;
    // Microseconds per quarter note, given the unit length in force.
    int microsPerQuarter(double unitLength) const;
};
// nullopt when the field holds no tempo (only text such as "Allegro") or is malformed.
std::optional<AbcTempo> parseTempo(std::string_view value);

// K: field: the accidental each letter carries (-2..2 semitones) and the signature written to MIDI.
struct AbcKey {
    std::array<int, 7> accidental{};  // per letter
    int sharps = 0;                   // -7..7 for the Score's key signature (clamped)
    bool minor = false;
    bool none = false;                // K:none / K:exp without accidentals
};
// Returns nullopt and a reason for a key it cannot read (an unknown mode, a bad tonic).
std::optional<AbcKey> parseKey(std::string_view value, std::string& problem);

}  // namespace nf::abc
