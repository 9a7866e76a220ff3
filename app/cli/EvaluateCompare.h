// SPDX-License-Identifier: GPL-3.0-or-later
// `evaluate --compare MODEL... --against DIR`: the part of `evaluate` that generates from several models first.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "generation/SamplingSettings.h"

namespace CLI {
class App;
}

namespace nf::cli {

struct CompareArgs {
    std::vector<std::string> models;
    int pieces = 10;
    int length = 500;
    std::uint64_t seed = 1;
    double temperature = 1.0;
    int topK = 0;
    double topP = 1.0;
    double repetitionPenalty = 1.0;
    int noRepeatNgram = 0;
    double maxNoteBeats = nf::SamplingSettings{}.maxNoteBeats;
    int maxPolyphony = nf::SamplingSettings{}.maxPolyphony;
    bool greedy = false, noPrimer = false;
    std::string mode = "incremental";
    std::string outDir;
    int threads = 0;
};

// Adds --compare and its generation options to the evaluate subcommand.
std::shared_ptr<CompareArgs> addCompareOptions(CLI::App& evaluate);

// Generates a.pieces pieces per model with the same settings and prints the side-by-side table (or JSON).
int runCompare(const CompareArgs& a, const std::string& against, const std::string& keyProfile, bool json);

}  // namespace nf::cli
