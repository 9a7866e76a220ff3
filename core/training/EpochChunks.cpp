// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/EpochChunks.h"

#include <algorithm>

#include "remi/ExampleBuilder.h"
#include "tokenize/SplitMix64.h"
#include "tokenize/TokenShards.h"

namespace nf {

namespace {

// Group k's own seed; the first group keeps the run's, so a corpus of one group trains as before groups existed.
std::uint64_t groupSeed(std::uint64_t seed, std::size_t k) { return seed + k * 0x9e3779b97f4a7c15ULL; }

}  // namespace

EpochChunks::EpochChunks(const TokenizedCorpus& corpus, std::vector<std::size_t> pieces, const TrainingConfig& config)
    : corpus_(corpus), pieces_(std::move(pieces)), config_(config) {
    for (const auto i : pieces_) tokens_ += corpus_.pieceLength(i);
}

std::vector<std::vector<std::size_t>> EpochChunks::groups(int epoch) const {
    const auto limit = static_cast<std::size_t>(config_.chunkTokens);
    if (tokens_ <= limit) return {pieces_};
    std::vector<std::size_t> order = pieces_;
    if (epoch >= 0) {
        SplitMix64 rng(config_.seed * 0xbf58476d1ce4e5b9ULL + static_cast<std::uint64_t>(epoch) * 0x94d049bb133111ebULL + 3);
        rng.shuffle(order);
    }
    std::vector<std::vector<std::size_t>> out(1);
    std::size_t size = 0;
    for (const auto i : order) {
        const std::size_t n = corpus_.pieceLength(i);
        if (!out.back().empty() && size + n > limit) {
            out.emplace_back();
            size = 0;
        }
        out.back().push_back(i);
        size += n;
    }
    // A short last group (the pieces left over) joins the one before: a group of a few hundred tokens would give
    // fewer batch rows than a data-parallel job has ranks.
    if (out.size() > 1 && size < limit / 2) {
        auto last = std::move(out.back());
        out.pop_back();
        out.back().insert(out.back().end(), last.begin(), last.end());
    }
    return out;
}

std::shared_ptr<EpochChunk> EpochChunks::piecesOf(const std::vector<std::size_t>& group) const {
    auto chunk = std::make_shared<EpochChunk>();
    chunk->sequences.reserve(group.size());
    if (corpus_.shards) {
        chunk->storage.resize(group.size());
        for (std::size_t j = 0; j < group.size(); ++j) {
            corpus_.shards->copy(group[j], chunk->storage[j]);
            chunk->sequences.push_back(&chunk->storage[j]);
        }
    } else {
        for (const auto i : group) chunk->sequences.push_back(&corpus_.pieces[i].ids);
    }
    return chunk;
}

std::shared_ptr<const EpochChunk> EpochChunks::load(const std::vector<std::size_t>& group, std::size_t k, int epoch) const {
    const bool single = tokens_ <= static_cast<std::size_t>(config_.chunkTokens);
    if (single && single_ && singleEpoch_ == epoch) return single_;
    std::shared_ptr<EpochChunk> chunk = piecesOf(group);
    chunk->seed = groupSeed(config_.seed, k);
    if (config_.tokenizer.kind == TokenizerKind::Remi) {
        auto examples = remi::buildExamples(chunk->sequences, config_.tasks, chunk->seed, epoch);
        chunk->sequences.clear();
        chunk->storage = std::move(examples);
        for (const auto& e : chunk->storage) chunk->sequences.push_back(&e);
    }
    if (single) {
        single_ = chunk;
        singleEpoch_ = epoch;
    }
    return chunk;
}

std::shared_ptr<const EpochChunk> EpochChunks::loadAll() const {
    auto chunk = piecesOf(pieces_);
    chunk->seed = config_.seed;
    return chunk;
}

}  // namespace nf
