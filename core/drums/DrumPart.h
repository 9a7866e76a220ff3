// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>

#include "generation/RemiSteering.h"
#include "generation/SamplingSettings.h"

namespace nf {

class GenerationModel;

// Add Part -> Drums with a `drums` model: one drum track ("Drums", channel 10) over every bar of the piece, on
// its own bar lines (a pickup and meter changes included), written whole bar by whole bar (DrumGuard). The drums
// model does not hear the other parts: it follows the piece's bars and meter only (the studio says so); the
// piece's own notes are untouched. Each hit carries the model's probability of it as its confidence. A drum GAN
// (paper-drums-gan) drums the piece's whole bars of its one meter and leaves other bars silent.
struct DrumPartRequest {
    SamplingSettings sampling;
    int threads = 0;
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(int done, int total)> progress;
};

// Throws std::invalid_argument for a model of another representation or a piece without notes.
SteeredPiece addDrumPart(const GenerationModel& drums, const Score& piece, const DrumPartRequest& request);

}  // namespace nf
