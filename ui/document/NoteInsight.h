// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nf {

// What the model thought of one generated note: its probability when chosen and the most likely tokens at
// that point. Kept by the document beside the Score (the Score is music only) so the piano roll can colour notes
// by confidence and offer the alternatives.
struct NoteInsight {
    float probability = 0;
    std::vector<std::pair<std::string, float>> alternatives;  // token, probability; most likely first
};

// The MIDI pitch a token stands for, when it names one: "ON_64" (events), "E-5" / "C#4" (paper notes); -1 otherwise.
int pitchOfToken(const std::string& token);

}  // namespace nf
