// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "music/Score.h"

namespace nf {

// A generated ABC tune checked with NoteForge's own ABC reader and, where it does not read cleanly, repaired by
// the small fixes a person would make: a missing X: or K: line added, an unterminated chord, grace group,
// chord symbol or decoration closed or cut, the unterminated last bar closed, a line the reader cannot read
// removed (a few at most), chord symbols dropped when their quotes do not pair up, and as a last resort the text cut back to its last complete bar. What was changed is listed; what could not be fixed is reported, never hidden.
struct AbcRepairResult {
    std::string text;                  // the tune as it should be written
    std::optional<Score> score;        // the tune read back (absent when even the repaired text does not read)
    std::vector<std::string> repairs;  // one line per change
    std::vector<std::string> warnings; // what the reader still reports about `text`
    std::string error;                 // why no version reads (score absent)
};

AbcRepairResult repairAbcTune(const std::string& text);

}  // namespace nf
