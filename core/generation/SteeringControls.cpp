// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/SteeringControls.h"

#include <algorithm>
#include <stdexcept>

namespace nf {

bool SteeringControls::any() const {
    for (const auto& b : bins)
        if (b) return true;
    return density || polyphony || lowest || highest || scale || noteBeats || !onsets.empty() || keepRhythm;
}

std::optional<int> SteeringControls::bin(int slot) const {
    if (slot >= 0 && slot < remi::kControlCount && bins[static_cast<std::size_t>(slot)]) return bins[static_cast<std::size_t>(slot)];
    switch (slot) {
    case 0: return density ? std::optional<int>(remi::densityBin(*density)) : std::nullopt;
    case 1: return polyphony ? std::optional<int>(remi::polyphonyBin(*polyphony)) : std::nullopt;
    case 2: return lowest ? std::optional<int>(remi::rangeBin(*lowest)) : std::nullopt;
    case 3: return highest ? std::optional<int>(remi::rangeBin(*highest)) : std::nullopt;
    case 4: return noteBeats ? std::optional<int>(remi::lengthBin(*noteBeats)) : std::nullopt;
    default: return std::nullopt;
    }
}

bool SteeringControls::pitchAllowed(int key) const {
    if (lowest && key < *lowest) return false;
    if (highest && key > *highest) return false;
    return !scale || scale->contains(key);
}

bool SteeringControls::onsetAllowed(int unit, int barUnits) const {
    if (onsets.empty() || onsets.front() >= barUnits) return true;
    return std::binary_search(onsets.begin(), onsets.end(), unit);
}

void SteeringControls::validate() const {
    if (density && *density < 0) throw std::invalid_argument("density must be 0 or more notes per bar");
    if (polyphony && *polyphony < 1) throw std::invalid_argument("polyphony must be at least 1 note");
    if (lowest && (*lowest < 0 || *lowest > 127)) throw std::invalid_argument("lowest pitch must be 0..127");
    if (highest && (*highest < 0 || *highest > 127)) throw std::invalid_argument("highest pitch must be 0..127");
    if (lowest && highest && *lowest > *highest) throw std::invalid_argument("the pitch range is empty (low > high)");
    if (noteBeats && !(*noteBeats > 0)) throw std::invalid_argument("note length must be positive");
    for (std::size_t i = 0; i < onsets.size(); ++i)
        if (onsets[i] < 0 || onsets[i] >= remi::kMaxBarUnits || (i > 0 && onsets[i] <= onsets[i - 1]))
            throw std::invalid_argument("the rhythm lock's positions must rise within a bar (0.." +
                                        std::to_string(remi::kMaxBarUnits - 1) + " grid units)");
    bool any = false;
    for (int k = lowest.value_or(0); k <= highest.value_or(127); ++k) any = any || !scale || scale->contains(k);
    if (!any) throw std::invalid_argument("no pitch of " + scale->name + " lies in the pitch range");
}

std::string SteeringControls::describe() const {
    std::string s;
    auto add = [&](const std::string& part) { s += (s.empty() ? "" : ", ") + part; };
    if (density) add("density " + std::to_string(*density));
    if (polyphony) add("polyphony " + std::to_string(*polyphony));
    if (lowest || highest)
        add("range " + std::to_string(lowest.value_or(0)) + "-" + std::to_string(highest.value_or(127)));
    if (scale) add("scale " + scale->name);
    if (noteBeats) add("note length " + std::to_string(*noteBeats) + " beats");
    if (!onsets.empty())
        add("rhythm kept (" + std::to_string(onsets.size()) + " onset position" + (onsets.size() == 1 ? ")" : "s)"));
    else if (keepRhythm)
        add("rhythm of the music around (none there: not locked)");
    return s.empty() ? "no controls" : s;
}

}  // namespace nf
