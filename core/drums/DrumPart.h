// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>

#include "drums/DrumBars.h"
#include "generation/RemiSteering.h"
#include "generation/SamplingSettings.h"

namespace nf {

class GenerationModel;

// Add Part -> Drums with a `drums` model: one drum track ("Drums", channel 10) over every bar of the piece, on
// its own bar lines (a pickup and meter changes included), written whole bar by whole bar (DrumGuard). A drums
// model trained to follow the band (drumModelFollowsBand) is given the piece's onsets step by step (BandOnsets.h); an
// unconditioned one follows the piece's bars and meter only (the studio says which); the piece's own notes are
// untouched. Each hit carries the model's probability of it as its confidence. A drum GAN
// (paper-drums-gan) drums the piece's whole bars of its one meter and leaves other bars silent; one conditioned on
// the band hears it there, and one conditioned on the bar before continues the bar it wrote.
struct DrumPartRequest {
    SamplingSettings sampling;
    int threads = 0;
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(int done, int total)> progress;
};

// Whether Add Part gives this model the piece's band: a drums model that follows the band, and a piece with one.
// The one rule the engine, the command line and the studio's Log go by.
bool drumPartHearsTheBand(const GenerationModel& drums, const Score& piece);

// The bars Add Part asks a drums model for (no sampling settings): each of the piece's bars with its steps and,
// where the meter changes, its TS token; for a model that follows the band (and a piece with one), each step's band
// tokens. Throws std::invalid_argument for a model of another representation.
DrumBarsRequest drumBarsOfPiece(const GenerationModel& drums, const Score& piece);

// Throws std::invalid_argument for a model of another representation or a piece without notes.
SteeredPiece addDrumPart(const GenerationModel& drums, const Score& piece, const DrumPartRequest& request);

}  // namespace nf
