// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "tokenize/TokenizedCorpus.h"
#include "training/TrainingConfig.h"

namespace nf {

// One group of an epoch's pieces, ready for the epoch plan (training/EpochPlan.h): for `remi` the group's task
// examples (remi/ExampleBuilder.h), else the pieces themselves.
struct EpochChunk {
    std::vector<const std::vector<std::int32_t>*> sequences;
    std::uint64_t seed = 0;  // for planStreams: the run's own seed for a single group, so it trains as it always did
    std::vector<std::vector<std::int32_t>> storage;  // what `sequences` points into when not the corpus itself
};

// How a many-to-many epoch reads its pieces (the training or the validation split): in groups of at most
// TrainingConfig::chunkTokens tokens, each loaded (copied out of token shards, examples built), planned and trained
// before the next, so that memory holds one group, not the corpus. When the pieces fit in one group (every folder
// a musician trains on) that group is all of them in corpus order and the epoch is what it always was. Beyond,
// each epoch shuffles the pieces by (seed, epoch) and cuts them into groups in that order (a short last group joins
// the one before, so no group is under half the size); the rows of a batch then run through one group at a time. Decided by (seed, epoch) alone: a resumed run replays it.
class EpochChunks {
public:
    EpochChunks(const TokenizedCorpus& corpus, std::vector<std::size_t> pieces, const TrainingConfig& config);

    std::size_t pieceCount() const { return pieces_.size(); }
    std::size_t tokens() const { return tokens_; }
    // The groups of an epoch (piece indices into the corpus), in reading order; epoch < 0: validation (no shuffle).
    std::vector<std::vector<std::size_t>> groups(int epoch) const;
    // Group k of `groups(epoch)`. The last group loaded is kept when an epoch has only one, so planning an epoch
    // and training it build its examples once.
    std::shared_ptr<const EpochChunk> load(const std::vector<std::size_t>& group, std::size_t k, int epoch) const;
    // Every piece in corpus order, as they are (no examples): the many-to-one models' stream, held whole.
    std::shared_ptr<const EpochChunk> loadAll() const;

private:
    std::shared_ptr<EpochChunk> piecesOf(const std::vector<std::size_t>& group) const;

    const TokenizedCorpus& corpus_;
    std::vector<std::size_t> pieces_;
    TrainingConfig config_;
    std::size_t tokens_ = 0;
    mutable std::shared_ptr<const EpochChunk> single_;
    mutable int singleEpoch_ = 0;
};

}  // namespace nf
