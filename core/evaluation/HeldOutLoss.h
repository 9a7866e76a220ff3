// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "music/Score.h"

namespace nf {

class GenerationModel;
namespace gen {
class WorkerPool;
}

// A remi or drums model's loss on pieces it did not train on, per token and per note (drums: per hit), so that
// models of one representation compare however their files were trained (base model, fine-tuned, from scratch:
// docs/benchmarks/fine-tuning.md; drums: docs/benchmarks/drums.md).
struct HeldOutLoss {
    double nll = 0;           // nats, summed
    std::int64_t tokens = 0;  // tokens scored
    std::int64_t notes = 0;   // notes among them (pitch tokens)
    int pieces = 0, windows = 0, skippedPieces = 0;
    std::vector<std::pair<std::size_t, std::string>> skipped;  // index into the pieces given, and why
    double perToken() const { return tokens > 0 ? nll / static_cast<double>(tokens) : 0; }
    double perNote() const { return notes > 0 ? nll / static_cast<double>(notes) : 0; }
};

// remi: each piece as the model's continuation examples: consecutive bars packed into windows of at most the model's
// example length (its training tasks' maxTokens), each window scored given its first token (BOS, or the restated
// meter and tempo of a later window), teacher-forced. drums (the likelihood model): each piece's drum pattern in
// one pass (its state is carried through a piece in training), "notes" being hits; pieces without a drum track are
// skipped. A model that follows the band is given the band's tokens (BandOnsets.h): they are neither scored nor
// counted, so its figures compare with an unconditioned model's on the same pieces. Throws std::invalid_argument for any other model (the paper's, the drum GAN).
HeldOutLoss heldOutLoss(const GenerationModel& model, const std::vector<Score>& pieces, int threads = 0);

// The negative log-likelihood (nats) of `fill` after `prompt`, teacher-forced. With `given` (one flag per
// vocabulary id), the tokens flagged are read but not scored: what the model is given, not what it writes.
double continuationLoss(const GenerationModel& model, gen::WorkerPool& pool, const std::vector<std::int32_t>& prompt,
                        const std::vector<std::int32_t>& fill, const std::vector<bool>* given = nullptr);

}  // namespace nf
