// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nf::remi {

// The `remi` vocabulary, version 1. It is fixed by the representation and its version, never built from the
// data, so a `remi` model fine-tunes on any folder and a token means the same in every model file. Changing a
// constant here is a new version (kVersion), with its own vocabulary.
//
// Grid: one unit is 1/12 of a quarter note, so sixteenths (3 units) and eighth-note triplets (4 units) are both
// exact; the encoder snaps onsets to the positions the grid setting allows (sixteenths plus triplets by default).
constexpr int kVersion = 1;
constexpr int kUnitsPerBeat = 12;
constexpr int kMaxBarUnits = 16 * kUnitsPerBeat;  // longest bar: 16 quarter notes (16/4, 32/8)
constexpr int kVelocityBins = 16;
constexpr int kTempoBins = 32;
constexpr double kMinTempoBpm = 40.0, kMaxTempoBpm = 240.0;
constexpr int kDensityBins = 10;
constexpr int kPolyphonyBins = 6;
constexpr int kRangeBins = 11;  // octave of the pitch: key / 12
constexpr int kLengthBins = 6;

// Special tokens.
inline constexpr std::string_view kPieceStart = "BOS";
inline constexpr std::string_view kPieceEnd = "EOS";
inline constexpr std::string_view kBar = "BAR";
inline constexpr std::string_view kHole = "HOLE";          // in the context: this bar of this track is to be written
inline constexpr std::string_view kFillStart = "FILL";     // the holes follow, in the order they appear above
inline constexpr std::string_view kHoleEnd = "HOLE_END";   // one hole written
inline constexpr std::string_view kFillEnd = "FILL_END";   // every hole written
inline constexpr std::string_view kKeyNone = "KEY_NONE";   // a bar without pitched notes
inline constexpr std::string_view kDrums = "INST_DRUMS";

// Every token of version 1, in index order.
const std::vector<std::string>& vocabularyTokens();

// Token spelling.
std::string timeSignatureToken(int numerator, int denominator);
std::string tempoToken(int bin);
std::string keyToken(int tonic, bool minor);  // KEY_0M (C major) .. KEY_11m (B minor)
std::string instrumentToken(int program, bool drums);
std::string positionToken(int units);
std::string pitchToken(int key);
std::string velocityToken(int bin);
std::string durationToken(int units);  // units must be one of durationTable()
std::string densityToken(int bin);
std::string polyphonyToken(int bin);
std::string lowToken(int bin);
std::string highToken(int bin);
std::string lengthToken(int bin);

// Token reading: the number after the prefix ("POS_12" -> 12), or nothing (tokenize/TokenNumber.h).
std::optional<int> number(std::string_view token, std::string_view prefix);
struct Meter {
    int numerator = 4;
    int denominator = 4;
};
std::optional<Meter> parseTimeSignature(std::string_view token);
struct KeyToken {
    int tonic = 0;
    bool minor = false;
};
std::optional<KeyToken> parseKey(std::string_view token);
// INST_n -> program n; INST_DRUMS -> -1.
std::optional<int> parseInstrument(std::string_view token);

// Whether a meter fits the vocabulary (a TS token exists for it). Others fall back to the nearest bar length in
// quarter notes written as n/4 or n/8 (documented in docs/representations.md).
bool meterInVocabulary(int numerator, int denominator);
Meter vocabularyMeter(int numerator, int denominator);

// Bins.
int tempoBin(double bpm);
double binTempo(int bin);
int velocityBin(int velocity);
int binVelocity(int bin);
// Durations that have a token, in units: every unit up to 4 beats, then every sixteenth up to 16 beats.
const std::vector<int>& durationTable();
// The nearest duration with a token (ties to the shorter); longer notes are held to the longest, 16 beats.
int nearestDuration(int units);

}  // namespace nf::remi
