// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <string>

namespace nf {

using PitchClassHistogram = std::array<double, 12>;  // index 0 = C

// Key-profile sets for the Krumhansl-Schmuckler key-finding method: the probe-tone ratings of Krumhansl & Kessler
// (1982), or Temperley's (2007) profiles from the Kostka-Payne corpus, which weigh chromatic notes lower.
enum class KeyProfile { KrumhanslKessler, Temperley };
const char* keyProfileName(KeyProfile profile);  // "krumhansl-kessler", "temperley" (as in the CLI and JSON)

struct KeyEstimate {
    int tonic = 0;           // pitch class 0..11
    bool minor = false;
    double correlation = 0;  // Pearson correlation of the histogram with the winning profile, -1..1

    std::string name() const;  // "C major", "F# minor", "Bb major"
};

// The best of the 24 major and minor keys: the rotation of the profile that correlates best with `weights`
// (a duration-weighted pitch-class histogram; the scale does not matter). Ties go to the earlier key in the order
// C major, C minor, C# major, ... An all-zero or flat histogram gives C major with correlation 0.
KeyEstimate estimateKey(const PitchClassHistogram& weights, KeyProfile profile = KeyProfile::KrumhanslKessler);

// Whether a pitch class belongs to the key's scale: the major scale, or for minor the natural minor scale plus the
// raised seventh (the leading tone of harmonic minor, which minor-key tunes use at nearly every cadence).
bool inKeyScale(const KeyEstimate& key, int pitchClass);

// Half the L1 distance of two histograms after each is scaled to sum 1 (total variation): 0 = same shape,
// 1 = no pitch class in common. An all-zero histogram is at distance 1 from anything but another all-zero one.
double histogramDistance(const PitchClassHistogram& a, const PitchClassHistogram& b);

// The histogram turned so that index 0 is `tonic` (key-independent shape).
PitchClassHistogram rotateToTonic(const PitchClassHistogram& h, int tonic);

}  // namespace nf
