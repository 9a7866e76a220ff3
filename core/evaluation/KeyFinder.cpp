// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/KeyFinder.h"

#include <cmath>

namespace nf {

namespace {

// Profiles indexed by scale degree in semitones above the tonic.
constexpr PitchClassHistogram kKrumhanslMajor{6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
constexpr PitchClassHistogram kKrumhanslMinor{6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
constexpr PitchClassHistogram kTemperleyMajor{0.748, 0.060, 0.488, 0.082, 0.670, 0.460,
                                              0.096, 0.715, 0.104, 0.366, 0.057, 0.400};
constexpr PitchClassHistogram kTemperleyMinor{0.712, 0.084, 0.474, 0.618, 0.049, 0.460,
                                              0.105, 0.747, 0.404, 0.067, 0.133, 0.330};

constexpr std::array<bool, 12> kMajorScale{true, false, true, false, true, true, false, true, false, true, false, true};
constexpr std::array<bool, 12> kMinorScale{true, false, true, true, false, true, false, true, true, false, true, true};

// Spelling follows the usual key signature: flats for F, Bb, Eb, Ab major and their relative minors.
constexpr std::array<const char*, 12> kMajorNames{"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
constexpr std::array<const char*, 12> kMinorNames{"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"};

double correlation(const PitchClassHistogram& x, const PitchClassHistogram& profile, int tonic) {
    double mx = 0, my = 0;
    for (int i = 0; i < 12; ++i) {
        mx += x[i];
        my += profile[i];
    }
    mx /= 12;
    my /= 12;
    double sxy = 0, sxx = 0, syy = 0;
    for (int pc = 0; pc < 12; ++pc) {
        const double dx = x[pc] - mx;
        const double dy = profile[(pc - tonic + 12) % 12] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if (sxx <= 0 || syy <= 0) return 0;
    return sxy / std::sqrt(sxx * syy);
}

}  // namespace

const char* keyProfileName(KeyProfile profile) {
    return profile == KeyProfile::Temperley ? "temperley" : "krumhansl-kessler";
}

std::string KeyEstimate::name() const {
    const int pc = ((tonic % 12) + 12) % 12;
    return std::string(minor ? kMinorNames[pc] : kMajorNames[pc]) + (minor ? " minor" : " major");
}

KeyEstimate estimateKey(const PitchClassHistogram& weights, KeyProfile profile) {
    const bool temperley = profile == KeyProfile::Temperley;
    const PitchClassHistogram& major = temperley ? kTemperleyMajor : kKrumhanslMajor;
    const PitchClassHistogram& minor = temperley ? kTemperleyMinor : kKrumhanslMinor;
    KeyEstimate best;
    bool first = true;
    for (int tonic = 0; tonic < 12; ++tonic) {
        for (const bool isMinor : {false, true}) {
            const double r = correlation(weights, isMinor ? minor : major, tonic);
            if (first || r > best.correlation) {
                best = KeyEstimate{tonic, isMinor, r};
                first = false;
            }
        }
    }
    return best;
}

bool inKeyScale(const KeyEstimate& key, int pitchClass) {
    const int degree = (((pitchClass - key.tonic) % 12) + 12) % 12;
    return key.minor ? kMinorScale[degree] : kMajorScale[degree];
}

double histogramDistance(const PitchClassHistogram& a, const PitchClassHistogram& b) {
    double sa = 0, sb = 0;
    for (int i = 0; i < 12; ++i) {
        sa += a[i];
        sb += b[i];
    }
    if (sa <= 0 || sb <= 0) return (sa <= 0 && sb <= 0) ? 0.0 : 1.0;
    double d = 0;
    for (int i = 0; i < 12; ++i) d += std::abs(a[i] / sa - b[i] / sb);
    return d / 2;
}

PitchClassHistogram rotateToTonic(const PitchClassHistogram& h, int tonic) {
    PitchClassHistogram out{};
    for (int degree = 0; degree < 12; ++degree) out[degree] = h[(degree + tonic % 12 + 12) % 12];
    return out;
}

}  // namespace nf
