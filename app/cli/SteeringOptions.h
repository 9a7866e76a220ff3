// SPDX-License-Identifier: GPL-3.0-or-later
// The options every steered generation shares (infill, accompany, generate with a remi model): controls,
// sampling and candidates, parsed once into a SteeringRequest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "generation/RemiSteering.h"

namespace CLI {
class App;
}

namespace nf::cli {

struct SteeringOptions {
    std::optional<int> density, polyphony;
    std::string range, scale;
    std::optional<double> noteBeats;
    bool keepRhythm = false;
    double temperature = 0.9, topP = 0.95;
    int topK = 0;
    std::optional<std::uint64_t> seed;
    int threads = 0;
    int candidates = 1;
    bool json = false;
};

// Adds the controls --density --polyphony --range --scale --note-beats --keep-rhythm; with `sampling` also --temperature --top-k
// --top-p --seed --threads --json and --candidates (commands such as generate have their own).
void addSteeringOptions(CLI::App* command, SteeringOptions& options, bool sampling);
// The controls alone, as a request with the given sampling settings.
SteeringRequest steeringRequest(const SteeringOptions& options, const SamplingSettings& sampling);

// Throws std::invalid_argument (a usage error) for an unknown scale, a malformed range or bad controls.
SteeringRequest steeringRequest(const SteeringOptions& options);

// Reads the piece to steer: a MIDI file, or tune `tune` of an ABC file (the only one when -1). Throws
// std::invalid_argument when the file holds several tunes and none was chosen, MusicError when it does not read.
Score readSteeredInput(const std::string& path, int tune);

// Writes OUT.mid (OUT-1.mid .. OUT-K.mid for K candidates), prints a line (or JSON) per candidate -- with
// `contextFits` (one per candidate) how like the music around it each is, the best marked; returns the exit code.
int writeSteeredPieces(const std::vector<SteeredPiece>& pieces, const std::string& out, const std::string& what,
                       const SteeringRequest& request, bool json, const std::vector<double>& contextFits = {});

}  // namespace nf::cli
