// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "generation/GenerationModel.h"
#include "generation/GenerationSettings.h"
#include "generation/TokenGuard.h"
#include "generation/TokenSampler.h"

namespace nf {

namespace gen {
class WorkerPool;
}

// One generated variation: the new tokens (primer not included) with, for each, the model's probability and the
// most likely alternatives.
struct GeneratedSequence {
    std::uint64_t seed = 0;
    std::vector<int> tokens;
    std::vector<SampledToken> choices;   // parallel to tokens
    int guardOverrides = 0;              // steps where the n-gram guard banned everything and was ignored
    int forcedReleases = 0;              // tokens the held-note guard required (note-offs, track changes)
    bool reachedEnd = false;             // stopped at the end token
};

// Generates token sequences from a model: K variations in one batch, the primer fed once and its state shared.
// Blocking; run it off the GUI thread. One generate() at a time per Generator.
class Generator {
public:
    // `model` must outlive the generator. threads: 0 = every core.
    explicit Generator(const GenerationModel& model, int threads = 0);
    ~Generator();
    Generator(const Generator&) = delete;
    Generator& operator=(const Generator&) = delete;

    int threads() const;

    // `primer` (vocabulary indices, at least one) is fed first; then up to settings.length tokens per variation.
    // `cancel` is polled per token (what was generated so far is returned); `progress(done, total)` per token.
    // Throws std::invalid_argument for bad settings or an empty primer.
    // `guards`, when given, makes one TokenGuard per variation: it sees the primer and every token, limits every
    // step (instead of the held-note guard) and ends the variation when it says the sequence is finished.
    std::vector<GeneratedSequence> generate(const std::vector<int>& primer, const GenerationSettings& settings,
                                            const std::atomic<bool>* cancel = nullptr,
                                            const std::function<void(int, int)>& progress = {},
                                            const TokenGuardFactory& guards = {});

private:
    const GenerationModel& model_;
    std::unique_ptr<gen::WorkerPool> pool_;
};

}  // namespace nf
