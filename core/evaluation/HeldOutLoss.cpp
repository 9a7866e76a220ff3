// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/HeldOutLoss.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "drums/BandOnsets.h"
#include "generation/GenerationModel.h"
#include "generation/TokenDecoder.h"
#include "generation/WorkerPool.h"
#include "remi/InfillFormat.h"
#include "remi/RemiLayout.h"
#include "remi/RemiTokenizer.h"

namespace nf {

double continuationLoss(const GenerationModel& model, gen::WorkerPool& pool, const std::vector<std::int32_t>& prompt,
                        const std::vector<std::int32_t>& fill, const std::vector<bool>* given) {
    const auto owner = model.makeDecoder(1, pool);
    TokenDecoder& decoder = *owner;
    const std::vector<int> promptIds(prompt.begin(), prompt.end());
    decoder.prime(promptIds);
    double nll = 0;
    for (std::size_t i = 0; i < fill.size(); ++i) {
        const int t = fill[i];
        if (!given || !(*given)[static_cast<std::size_t>(t)]) {
            const auto logits = decoder.logits(0);
            double maxLogit = logits[0];
            for (float l : logits) maxLogit = std::max(maxLogit, static_cast<double>(l));
            double total = 0;
            for (float l : logits) total += std::exp(static_cast<double>(l) - maxLogit);
            nll -= static_cast<double>(logits[static_cast<std::size_t>(t)]) - maxLogit - std::log(total);
        }
        if (i + 1 < fill.size()) decoder.step(std::span<const int>(&t, 1));
    }
    return nll;
}

namespace {

// Which ids of the model's vocabulary are tokens beginning with `prefix` (its notes or hits).
std::vector<bool> tokensStartingWith(const GenerationModel& model, const char* prefix) {
    std::vector<bool> out(static_cast<std::size_t>(model.vocabulary().size()), false);
    for (int id = 0; id < model.vocabulary().size(); ++id)
        out[static_cast<std::size_t>(id)] = model.vocabulary().token(id).rfind(prefix, 0) == 0;
    return out;
}

// The ids `encode` gives piece `index`, or none when it throws: the piece is counted as skipped, with why.
template <typename Encode>
std::optional<std::vector<std::int32_t>> encodeOrSkip(HeldOutLoss& r, std::size_t index, Encode encode) {
    try {
        return encode();
    } catch (const std::exception& e) {
        ++r.skippedPieces;
        r.skipped.emplace_back(index, e.what());
        return std::nullopt;
    }
}

// A drums model (the lstm on `drums` tokens) trains with its state carried from window to window of a piece, so a
// piece is scored in one pass: its drum pattern's tokens (DRUMS ... END) given the first, teacher-forced; its "notes"
// are the hits (H_ tokens).
HeldOutLoss drumsHeldOutLoss(const GenerationModel& model, const std::vector<Score>& pieces, int threads) {
    const std::vector<bool> isHit = tokensStartingWith(model, "H_");
    const std::vector<bool> isBand = givenTokenMask(model.config().tokenizer, model.vocabulary());
    gen::WorkerPool pool(gen::resolveThreadCount(threads));
    HeldOutLoss r;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        // No drum track (training skips those too), or an event the model's vocabulary never saw (a meter its
        // data had not): said, not scored.
        const auto ids =
            encodeOrSkip(r, i, [&] { return model.vocabulary().encode(model.tokenizer().encode(pieces[i])); });
        if (!ids || ids->size() < 2) continue;
        ++r.pieces;
        const std::vector<std::int32_t> prompt(ids->begin(), ids->begin() + 1), fill(ids->begin() + 1, ids->end());
        r.nll += continuationLoss(model, pool, prompt, fill, &isBand);
        for (std::int32_t t : fill) {
            r.tokens += isBand[static_cast<std::size_t>(t)] ? 0 : 1;
            r.notes += isHit[static_cast<std::size_t>(t)] ? 1 : 0;
        }
        ++r.windows;
    }
    return r;
}

}  // namespace

HeldOutLoss heldOutLoss(const GenerationModel& model, const std::vector<Score>& pieces, int threads) {
    if (model.config().tokenizer.kind == TokenizerKind::Drums && !model.config().model.isDrumGan())
        return drumsHeldOutLoss(model, pieces, threads);
    if (model.config().tokenizer.kind != TokenizerKind::Remi)
        throw std::invalid_argument("the held-out loss is measured for remi and drums models (per note and per hit)");
    const auto& tokenizer = static_cast<const RemiTokenizer&>(model.tokenizer());
    const auto maxTokens = static_cast<std::size_t>(std::max(16, model.config().tasks.maxTokens));
    const std::vector<bool> isNote = tokensStartingWith(model, "PITCH_");
    gen::WorkerPool pool(gen::resolveThreadCount(threads));
    HeldOutLoss r;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        // A piece the tokenizer cannot write (docs/representations.md) is skipped, as training skips it.
        const Score& score = pieces[i];
        const auto encoded = encodeOrSkip(
            r, i, [&] { return model.vocabulary().encode(tokenizer.encodeBars(score, score.endTick(), true)); });
        if (!encoded) continue;
        const std::vector<std::int32_t>& ids = *encoded;
        const auto layout = remi::layoutOf(ids);
        if (layout.bars.empty()) continue;
        ++r.pieces;
        std::size_t from = 0;
        const std::size_t last = layout.bars.size() - 1;
        while (from <= last) {
            // As many bars as fit; a single bar longer than a window is cut at the window.
            std::size_t to = from;
            auto window = remi::makeContinuation(ids, layout, from, to, to == last);
            while (to < last) {
                auto longer = remi::makeContinuation(ids, layout, from, to + 1, to + 1 == last);
                if (longer.size() > maxTokens) break;
                window = std::move(longer);
                ++to;
            }
            if (window.size() > maxTokens) window.resize(maxTokens);
            if (window.size() >= 2) {
                const std::vector<std::int32_t> prompt(window.begin(), window.begin() + 1);
                const std::vector<std::int32_t> fill(window.begin() + 1, window.end());
                r.nll += continuationLoss(model, pool, prompt, fill);
                r.tokens += static_cast<std::int64_t>(fill.size());
                for (std::int32_t t : fill) r.notes += isNote[static_cast<std::size_t>(t)] ? 1 : 0;
                ++r.windows;
            }
            from = to + 1;
        }
    }
    return r;
}

}  // namespace nf
