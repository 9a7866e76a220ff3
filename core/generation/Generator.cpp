// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/Generator.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "generation/EventClock.h"
#include "generation/HeldNoteGuard.h"
#include "generation/TokenDecoder.h"
#include "generation/WorkerPool.h"

namespace nf {

namespace {

// Per-variation bookkeeping shared by both decoding modes.
struct Row {
    TokenSampler sampler;
    HeldNoteGuard held;
    std::optional<EventClock> clock;
    std::unique_ptr<TokenGuard> guard;
    bool done = false;
};

}  // namespace

Generator::Generator(const GenerationModel& model, int threads)
    : model_(model), pool_(std::make_unique<gen::WorkerPool>(gen::resolveThreadCount(threads))) {}

Generator::~Generator() = default;

int Generator::threads() const { return pool_->threads(); }

std::vector<GeneratedSequence> Generator::generate(const std::vector<int>& primer, const GenerationSettings& settings,
                                                   const std::atomic<bool>* cancel,
                                                   const std::function<void(int, int)>& progress,
                                                   const TokenGuardFactory& guards) {
    settings.validate();
    if (primer.empty()) throw std::invalid_argument("generation needs a primer of at least one token");
    const int V = model_.vocabulary().size();
    for (int t : primer)
        if (t < 0 || t >= V) throw std::invalid_argument("primer token " + std::to_string(t) + " is outside the vocabulary");
    const bool timed = (settings.bars || settings.seconds) && model_.config().tokenizer.kind == TokenizerKind::Events;
    const std::optional<int> end = settings.stopAtEnd ? model_.endToken() : std::nullopt;

    const int K = settings.variations;
    std::vector<GeneratedSequence> out(static_cast<std::size_t>(K));
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(K));
    for (int k = 0; k < K; ++k) {
        const std::uint64_t seed = variationSeed(settings.sampling.seed, k);
        out[static_cast<std::size_t>(k)].seed = seed;
        rows.push_back(Row{TokenSampler(settings.sampling, seed),
                           HeldNoteGuard(model_.vocabulary(), model_.config().tokenizer.stepsPerBeat,
                                         settings.sampling.maxNoteBeats, settings.sampling.maxPolyphony),
                           std::nullopt, guards ? guards() : nullptr, false});
        Row& row = rows.back();
        for (int t : primer) {
            row.sampler.observe(t);
            row.held.push(t);
            if (row.guard) row.guard->push(t);
        }
        if (row.guard) row.guard->startGenerating();
        if (timed) {
            row.clock.emplace(model_.config().tokenizer.stepsPerBeat);
            for (int t : primer) row.clock->feed(model_.vocabulary().token(t));
            row.clock->restart();
        }
    }

    const std::unique_ptr<TokenDecoder> decoderOwner = model_.makeDecoder(K, *pool_);
    TokenDecoder& decoder = *decoderOwner;
    const bool windowed = settings.mode == DecodeMode::Windowed;
    const auto window = static_cast<std::size_t>(settings.window > 0 ? settings.window : model_.config().seqLength);
    // Windowed mode re-reads each row's recent tokens; all rows have the same length (finished rows repeat).
    std::vector<std::vector<int>> full;
    if (windowed) full.assign(static_cast<std::size_t>(K), primer);

    const auto runWindow = [&] {
        decoder.reset();
        const std::size_t n = full.front().size();
        const std::size_t w = std::min(window, n);
        if (K == 1) {
            // One row: the window in one call (a transformer reads it in one batched pass; same result).
            decoder.prime(std::span<const int>(full.front()).subspan(n - w));
            return;
        }
        std::vector<int> column(static_cast<std::size_t>(K));
        for (std::size_t i = n - w; i < n; ++i) {
            for (int k = 0; k < K; ++k) column[static_cast<std::size_t>(k)] = full[static_cast<std::size_t>(k)][i];
            decoder.step(column, i + 1 == n);
        }
    };

    if (windowed) {
        runWindow();
    } else {
        // The primer is the same for every variation: run it once on row 0 and fork.
        decoder.prime(primer);
        for (int k = 1; k < K; ++k) decoder.copyRow(0, k);
    }

    std::vector<int> next(static_cast<std::size_t>(K), 0);
    for (int step = 0; step < settings.length; ++step) {
        int active = 0;
        for (int k = 0; k < K; ++k) {
            auto& row = rows[static_cast<std::size_t>(k)];
            auto& seq = out[static_cast<std::size_t>(k)];
            if (row.done) {
                next[static_cast<std::size_t>(k)] = seq.tokens.empty() ? primer.back() : seq.tokens.back();
                continue;
            }
            const bool releaseDue = !row.guard && !row.held.required().empty();
            const TokenLimits limits = row.guard ? row.guard->limits() : TokenLimits{row.held.required(), row.held.banned()};
            SampledToken s = row.sampler.sample(decoder.logits(k), limits);
            if (s.guardOverridden) ++seq.guardOverrides;
            if (releaseDue) ++seq.forcedReleases;
            row.held.push(s.token);
            if (row.guard) row.guard->push(s.token);
            next[static_cast<std::size_t>(k)] = s.token;
            seq.tokens.push_back(s.token);
            seq.choices.push_back(std::move(s));
            const int token = seq.tokens.back();
            if (row.guard && row.guard->finished()) row.done = true;
            if (end && token == *end) {
                seq.reachedEnd = true;
                row.done = true;
            }
            if (row.clock) {
                row.clock->feed(model_.vocabulary().token(token));
                if ((settings.bars && row.clock->bars() >= *settings.bars) ||
                    (settings.seconds && row.clock->seconds() >= *settings.seconds))
                    row.done = true;
            }
            if (!row.done) ++active;
        }
        if (progress) progress(step + 1, settings.length);
        if (active == 0 || step + 1 == settings.length) break;
        if (cancel && cancel->load()) break;
        if (windowed) {
            for (int k = 0; k < K; ++k) full[static_cast<std::size_t>(k)].push_back(next[static_cast<std::size_t>(k)]);
            runWindow();
        } else {
            decoder.step(next);
        }
    }
    return out;
}

}  // namespace nf
