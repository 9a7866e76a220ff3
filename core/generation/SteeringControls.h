// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "music/Scale.h"
#include "remi/BarControls.h"

namespace nf {

// What a musician asks of a regenerated passage (remi models). Each control is soft -- the bar's control token
// is set to the bin of the request, and the model was trained to follow those tokens -- and where it has a
// hard side, that is enforced at sampling and never broken: the scale lock and the pitch range mask pitches,
// the polyphony cap keeps notes from starting while that many sound. Unset controls are left to the model.
struct SteeringControls {
    std::optional<int> density;          // notes per bar
    std::optional<int> polyphony;        // notes at once (soft bin and hard cap)
    std::optional<int> lowest, highest;  // pitch range, MIDI keys (soft bins and hard mask)
    std::optional<Scale> scale;          // hard lock on pitches; its key is the bars' KEY token
    std::optional<double> noteBeats;     // mean note length in beats (soft)
    // The rhythm lock (hard): notes start only at these positions of a bar, in remi grid units from its start,
    // sorted -- in each bar where one of them falls (a shorter bar with none is left free). Empty: anywhere.
    std::vector<int> onsets;
    // "Keep the rhythm": RemiSteering fills `onsets` from the music around the passage (onsetsAround) when they are
    // empty -- the same tracks' bars either side, or the band's for a new part.
    bool keepRhythm = false;
    // Bins asked for directly, slot by slot (density, polyphony, low, high, length), ahead of the values above:
    // what the evaluation uses to request exactly a true bar's controls.
    std::array<std::optional<int>, remi::kControlCount> bins{};

    bool any() const;
    // The requested bin for control slot i (0 density .. 4 length), when the user set it.
    std::optional<int> bin(int slot) const;
    // Whether a pitched note may have this key (drums are never masked).
    bool pitchAllowed(int key) const;
    // Whether a note may start at grid position `unit` of a bar `barUnits` long (the rhythm lock).
    bool onsetAllowed(int unit, int barUnits) const;
    // Throws std::invalid_argument naming the first bad value (empty range, cap < 1, ...).
    void validate() const;
    // "density 8, scale D dorian" for logs and reports. Of controls as applied (SteeredPiece::controls), "keep the
    // rhythm" with no positions means nothing around the passage starts a note: nothing was locked.
    std::string describe() const;
};

}  // namespace nf
