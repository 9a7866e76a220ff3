// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <span>

namespace nf {

// A trained network run token by token for a batch of independent sequences (K variations), torch-free. The LSTM
// (LstmDecoder) carries a recurrent state per row; the transformer (TransformerDecoder) a key/value cache. The
// generator, the infill evaluator and the benchmarks see only this; GenerationModel::makeDecoder() picks the class.
class TokenDecoder {
public:
    virtual ~TokenDecoder() = default;

    virtual int batch() const = 0;
    virtual int vocabSize() const = 0;

    // Empty state (the start of a sequence) for every row, or for one.
    virtual void reset() = 0;
    virtual void resetRow(int row) = 0;
    // Row `to` continues exactly as row `from` (state and last logits): primes once, forks K variations.
    virtual void copyRow(int from, int to) = 0;

    // Feeds tokens[r] to row r for r < tokens.size() (rows beyond keep their state). With computeLogits false only
    // the state advances. Throws std::out_of_range for a token outside the vocabulary.
    virtual void step(std::span<const int> tokens, bool computeLogits = true) = 0;
    // Feeds several tokens to row 0 (a primer): the same result as step() per token, which is what this default
    // does; the transformer reads them in one batched pass instead.
    virtual void prime(std::span<const int> tokens, bool computeLogits = true) {
        for (std::size_t i = 0; i < tokens.size(); ++i) step(tokens.subspan(i, 1), computeLogits && i + 1 == tokens.size());
    }
    virtual std::span<const float> logits(int row) const = 0;
};

}  // namespace nf
