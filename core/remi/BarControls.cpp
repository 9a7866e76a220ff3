// SPDX-License-Identifier: GPL-3.0-or-later
#include "remi/BarControls.h"

#include <algorithm>
#include <cmath>

namespace nf::remi {

namespace {

// Sounding-note count per grid unit of the bar.
std::vector<int> soundingPerUnit(std::span<const GridNote> notes, int barUnits) {
    std::vector<int> sounding(static_cast<std::size_t>(std::max(barUnits, 1)), 0);
    for (const auto& n : notes) {
        const int from = std::clamp(n.position, 0, barUnits);
        const int to = std::clamp(n.position + std::max(n.duration, 1), 0, barUnits);
        for (int u = from; u < to; ++u) ++sounding[static_cast<std::size_t>(u)];
    }
    return sounding;
}

}  // namespace

std::vector<std::string> BarControls::tokens() const {
    return {densityToken(density), polyphonyToken(polyphony), lowToken(low), highToken(high), lengthToken(length)};
}

int densityBin(int n) {
    static constexpr int kUpper[] = {0, 1, 2, 4, 6, 9, 13, 19, 29};  // inclusive upper edge of bins 0..8
    for (int b = 0; b < 9; ++b)
        if (n <= kUpper[b]) return b;
    return kDensityBins - 1;
}

int polyphonyBin(double m) {
    static constexpr double kEdges[] = {1.25, 1.75, 2.5, 3.5, 5.0};
    for (int b = 0; b < 5; ++b)
        if (m < kEdges[b]) return b;
    return kPolyphonyBins - 1;
}

int rangeBin(int key) { return std::clamp(key / 12, 0, kRangeBins - 1); }

int lengthBin(double beats) {
    static constexpr double kEdges[] = {0.35, 0.7, 1.4, 2.8, 5.6};
    for (int b = 0; b < 5; ++b)
        if (beats < kEdges[b]) return b;
    return kLengthBins - 1;
}

double meanPolyphony(std::span<const GridNote> notes, int barUnits) {
    const auto sounding = soundingPerUnit(notes, barUnits);
    long total = 0, units = 0;
    for (int s : sounding)
        if (s > 0) {
            total += s;
            ++units;
        }
    return units == 0 ? 0.0 : static_cast<double>(total) / static_cast<double>(units);
}

int maxPolyphony(std::span<const GridNote> notes, int barUnits) {
    const auto sounding = soundingPerUnit(notes, barUnits);
    return sounding.empty() ? 0 : *std::max_element(sounding.begin(), sounding.end());
}

BarControls measureControls(std::span<const GridNote> notes, int barUnits) {
    BarControls c;
    if (notes.empty()) return c;
    c.density = densityBin(static_cast<int>(notes.size()));
    c.polyphony = polyphonyBin(meanPolyphony(notes, barUnits));
    int lo = 127, hi = 0;
    double length = 0;
    for (const auto& n : notes) {
        lo = std::min(lo, n.pitch);
        hi = std::max(hi, n.pitch);
        length += n.duration;
    }
    c.low = rangeBin(lo);
    c.high = rangeBin(hi);
    c.length = lengthBin(length / static_cast<double>(notes.size()) / kUnitsPerBeat);
    return c;
}

}  // namespace nf::remi
