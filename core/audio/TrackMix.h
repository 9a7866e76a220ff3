// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

namespace nf {

// How one track is heard: the mixer strip of the studio. Unset values leave the track's own events in charge.
struct TrackMix {
    std::optional<int> program;  // instrument override 0..127
    std::optional<int> bank;     // bank override (14-bit)
    std::optional<int> volume;   // CC7 0..127
    std::optional<int> pan;      // CC10 0..127, 64 = centre
    bool mute = false;
    bool solo = false;
};

// Per-track mix of a score; tracks beyond the vector use a default TrackMix.
struct Mix {
    std::vector<TrackMix> tracks;

    TrackMix at(std::size_t track) const { return track < tracks.size() ? tracks[track] : TrackMix{}; }
    bool anySolo() const {
        for (const auto& t : tracks)
            if (t.solo) return true;
        return false;
    }
    // A track sounds unless muted, or unless another track is soloed and it is not.
    bool audible(std::size_t track) const {
        const TrackMix m = at(track);
        return !m.mute && (!anySolo() || m.solo);
    }
};

}  // namespace nf
