// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generation/GenerationModel.h"
#include "music/Score.h"

namespace nf {

// What generation starts from: tokens fed to the model before the first sampled one.
struct Primer {
    std::vector<int> tokens;      // vocabulary indices, at least one
    // Leading tokens that are context only (a piece boundary before a fresh start): fed, never decoded.
    int contextTokens = 0;
    // Whether the primer's own notes belong to the generated piece (a musician's phrase that is continued) or
    // not (the paper's random training window, whose continuation alone is the result).
    bool inOutput = true;
    std::string source;           // for people: "none", "data DIR: FILE tokens A..B", "file PATH", "phrase"
    int unknownTokens = 0;        // tokens of the source the model does not know (left out)
    std::vector<std::string> warnings;
};

// Nothing: the start of a tune. ABC models get their tune-start token, events models a piece boundary (END)
// as context; paper-notes has neither, so one token drawn from the vocabulary by `seed` serves as context.
Primer silentPrimer(const GenerationModel& model, std::uint64_t seed);

// The paper's primers: random windows of training data. Loads and tokenizes the data once (with the token cache),
// then draws windows of `length` tokens (0 = the model's training window) chosen by `seed`. Models with a
// tune-start token take the start of a random tune (its header) so the result parses; events windows keep their
// piece's tempo and instrument tokens in front. The constructor throws std::runtime_error when the data cannot be
// read or has no piece the model can use.
class TrainingWindows {
public:
    TrainingWindows(const GenerationModel& model, const std::string& dataPath);
    Primer draw(int length, std::uint64_t seed) const;

private:
    const GenerationModel& model_;
    std::string dataPath_;
    std::vector<std::vector<std::string>> pieces_;
    std::vector<std::string> names_;
    std::string fingerprint_;
};

// One window: TrainingWindows(model, dataPath).draw(length, seed).
Primer dataPrimer(const GenerationModel& model, const std::string& dataPath, int length, std::uint64_t seed);

// A musician's MIDI or ABC file (its first piece), to be continued; `maxTokens` > 0 keeps only its last tokens.
// Throws MusicError/std::runtime_error naming the file when it cannot be read or encoded.
Primer filePrimer(const GenerationModel& model, const std::string& path, int maxTokens = 0);

// A phrase handed over by the GUI (piano-roll selection, a recording), to be continued.
Primer scorePrimer(const GenerationModel& model, const Score& phrase, int maxTokens = 0,
                   const std::string& name = "phrase");

// Token strings -> the model's indices, unknown ones counted and left out; a trailing end token is dropped (the
// piece is to be continued), and with maxTokens > 0 only the last ones are kept (events keep their header).
Primer primerFromTokens(const GenerationModel& model, const std::vector<std::string>& tokens, int maxTokens,
                        const std::string& source);

}  // namespace nf
