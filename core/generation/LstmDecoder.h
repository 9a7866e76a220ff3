// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <vector>

#include "generation/LstmWeights.h"
#include "generation/SimdKernels.h"
#include "generation/TokenDecoder.h"
#include "generation/WorkerPool.h"

namespace nf {

// Runs a trained LSTM one token at a time for a batch of independent sequences (K variations), carrying each
// row's hidden and cell state from step to step. All buffers are allocated once; a step allocates nothing.
// Row results do not depend on the batch size or the thread count (see SimdKernels.h).
class LstmDecoder : public TokenDecoder {
public:
    // `weights` and `pool` must outlive the decoder.
    LstmDecoder(const LstmWeights& weights, int batch, gen::WorkerPool& pool);

    int batch() const override { return batch_; }
    int vocabSize() const override { return weights_.vocabSize; }

    // Zero state (the start of a sequence) for every row, or for one.
    void reset() override;
    void resetRow(int row) override;
    // Row `to` continues exactly as row `from` (state and last logits): primes once, forks K variations.
    void copyRow(int from, int to) override;

    // Feeds tokens[r] to row r for r < tokens.size() (rows beyond keep their state). With computeLogits false only
    // the state advances (priming: only the last token's logits are needed).
    void step(std::span<const int> tokens, bool computeLogits = true) override;
    std::span<const float> logits(int row) const override;

private:
    void runLayer(int layer, int rows, std::span<const int> tokens);

    const LstmWeights& weights_;
    gen::WorkerPool& pool_;
    int batch_;
    int hp_;
    std::vector<gen::AlignedFloats> h_, c_;  // per layer [batch][hp]
    gen::AlignedFloats x_;                   // [batch][max rowStride]: a layer's input and previous h, copied
    int xStride_ = 0;
    gen::AlignedFloats dense_;               // [batch][dense.outputs padded]
    int denseStride_ = 0;
    std::vector<float> logits_;              // [batch][vocab]
    std::vector<float> scratch_;             // per part: [kMaxBatchBlock][4 * kUnitBlock] gate pre-activations
};

}  // namespace nf
