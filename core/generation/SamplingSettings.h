// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace nf {

// How the next token is chosen from the model's distribution. Applied in this order: repetition penalty, n-gram
// guard, then greedy argmax or temperature -> top-k -> top-p -> a draw from the seeded generator.
struct SamplingSettings {
    // The paper's choice: always the most likely token (deterministic; the seed is not used).
    bool greedy = false;
    double temperature = 1.0;        // > 0; below 1 sharper, above 1 flatter
    int topK = 0;                    // keep the K most likely tokens; 0 = all
    double topP = 1.0;               // keep the smallest set whose probability reaches P; 1 = all
    // Logits of tokens among the last `repetitionWindow` ones are divided by this (multiplied when negative),
    // as in CTRL; 1 = off. Fights the paper's "same note over and over".
    double repetitionPenalty = 1.0;
    int repetitionWindow = 16;
    // Never produce an n-gram of this many tokens that already occurs in the sequence (primer included); 0 = off.
    int noRepeatNgram = 0;
    // For `events` models (HeldNoteGuard): a note held this many beats is released at the next token, and no
    // note starts while this many sound. Both 0 = off; other vocabularies ignore them. A barely trained model
    // otherwise forgets its note-offs and piles notes into a held cluster.
    double maxNoteBeats = 8.0;
    int maxPolyphony = 16;
    std::uint64_t seed = 1;
    // How many alternatives (most likely tokens) are kept with every generated token for the GUI.
    int alternatives = 5;

    // Throws std::invalid_argument naming the first bad value.
    void validate() const;
    // One line for logs and reports, e.g. "temperature 0.9, top-k 20, seed 7".
    std::string describe() const;
    std::string toJson() const;
    // Missing keys keep their defaults, except the held-note limits, which are off when missing: recipes written
    // before they existed regenerate exactly. Throws std::runtime_error for malformed JSON.
    static SamplingSettings fromJson(const std::string& json);

    bool operator==(const SamplingSettings&) const = default;
};

}  // namespace nf
