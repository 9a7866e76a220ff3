// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumClass.h"

#include <algorithm>

namespace nf {

namespace {
constexpr std::array<std::string_view, kDrumClassCount> kNames = {
    "kick", "snare", "closed-hat", "open-hat", "low-tom", "mid-tom", "high-tom", "crash", "ride", "clap", "percussion"};
constexpr std::array<int, kDrumClassCount> kNotes = {36, 38, 42, 46, 43, 47, 50, 49, 51, 39, 54};
// Upper velocity of each bin, and the velocity a bin is written back as.
constexpr std::array<int, kDrumVelocityBins> kBinTop = {47, 79, 104, 127};
constexpr std::array<int, kDrumVelocityBins> kBinVelocity = {36, 64, 92, 116};
}  // namespace

std::optional<DrumClass> drumClassOf(int note) {
    using D = DrumClass;
    switch (note) {
        case 35: case 36: return D::Kick;
        case 37: case 38: case 40: return D::Snare;
        case 39: return D::Clap;
        case 42: case 44: return D::ClosedHat;
        case 46: return D::OpenHat;
        case 41: case 43: return D::LowTom;
        case 45: case 47: return D::MidTom;
        case 48: case 50: return D::HighTom;
        case 49: case 52: case 55: case 57: return D::Crash;
        case 51: case 53: case 59: return D::Ride;
        default: break;
    }
    if (note >= 54 && note <= 81) return D::Percussion;
    return std::nullopt;
}

int drumNoteOf(DrumClass c) { return kNotes[static_cast<std::size_t>(c)]; }

std::string_view drumClassName(DrumClass c) { return kNames[static_cast<std::size_t>(c)]; }

std::optional<DrumClass> drumClassNamed(std::string_view name) {
    const auto it = std::find(kNames.begin(), kNames.end(), name);
    if (it == kNames.end()) return std::nullopt;
    return static_cast<DrumClass>(it - kNames.begin());
}

int drumVelocityBin(int velocity) {
    for (int b = 0; b < kDrumVelocityBins; ++b)
        if (velocity <= kBinTop[static_cast<std::size_t>(b)]) return b;
    return kDrumVelocityBins - 1;
}

int drumBinVelocity(int bin) { return kBinVelocity[static_cast<std::size_t>(std::clamp(bin, 0, kDrumVelocityBins - 1))]; }

}  // namespace nf
