// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <vector>

#include "generation/SimdKernels.h"
#include "generation/TokenDecoder.h"
#include "generation/TransformerWeights.h"
#include "generation/WorkerPool.h"

namespace nf {

// Runs a trained transformer for a batch of independent sequences with a key/value cache: each row keeps, per
// block, the (rotated) keys and values of the tokens in its context, so a new token costs one pass over the weights
// plus attention over the cache instead of reading the whole context again. prime() reads a primer in one batched
// pass (every weight row meets up to 8 tokens per load). Past the context the window slides as
// generation/ContextWindow.h says (the newest half is read again), so every prediction is the trained model's forward
// pass over at most `context` tokens.
//
// All buffers are allocated once. A row's results do not depend on the batch size, the other rows, the thread count,
// or whether its tokens came through prime() or step(): every token's arithmetic is the same sequence of operations.
class TransformerDecoder : public TokenDecoder {
public:
    // `weights` and `pool` must outlive the decoder.
    TransformerDecoder(const TransformerWeights& weights, int batch, gen::WorkerPool& pool);

    int batch() const override { return batch_; }
    int vocabSize() const override { return weights_.vocabSize; }
    int context() const { return weights_.context; }
    // Tokens in row `row`'s cache now (at most context()).
    int cached(int row) const { return static_cast<int>(history_[static_cast<std::size_t>(row)].size()); }

    void reset() override;
    void resetRow(int row) override;
    void copyRow(int from, int to) override;
    void step(std::span<const int> tokens, bool computeLogits = true) override;
    void prime(std::span<const int> tokens, bool computeLogits = true) override;
    std::span<const float> logits(int row) const override;

private:
    // One token to run: row `row` at cache position `position`.
    struct Item {
        int row, position, token;
    };
    void checkTokens(std::span<const int> tokens) const;
    // Appends `token` to `row`'s context as items, sliding the window first when it is full.
    void enqueue(int row, int token);
    // Runs items_ through every block (their keys and values enter the cache before any of them attends, so items of
    // one row attend to each other causally) and writes the logits of the last item of each row in `logitRows`.
    void run(bool computeLogits);
    void attend(int layer);
    void layerNorm(const TransformerWeights::Norm& n, const float* in, float* out, int items) const;
    float* cacheAt(std::vector<gen::AlignedFloats>& cache, int layer, int row, int position);

    const TransformerWeights& weights_;
    gen::WorkerPool& pool_;
    int batch_;
    int capacity_;                          // most items one run() takes: max(batch, context)
    std::vector<Item> items_;
    std::vector<std::vector<int>> history_; // per row: the tokens in its cache, oldest first
    std::vector<gen::AlignedFloats> keys_, values_;  // per layer: [batch][context][attentionWidth]
    gen::AlignedFloats x_;                  // [capacity][widthPadded] the residual stream
    gen::AlignedFloats normed_;             // [capacity][widthPadded]
    gen::AlignedFloats qkv_;                // [capacity][3 * attentionWidth]
    gen::AlignedFloats attended_;           // [capacity][attentionWidth]
    gen::AlignedFloats hidden_;             // [capacity][mlpPadded]
    gen::AlignedFloats delta_;              // [capacity][widthPadded] a sub-layer's output before the residual add
    gen::AlignedFloats scores_;             // per thread: [context]
    std::vector<float> logits_;             // [batch][vocab]
    std::vector<float> rowLogits_;          // [batch][vocab] scratch
    std::vector<char> full_;                // per row, step() only: its context was full before this token
    std::vector<int> lastOf_;               // per row, run() only: its last item, -1 when none
    std::vector<int> logitRows_;            // run() only: the rows whose logits are computed
    std::vector<float> cos_, sin_;          // [context][headDim / 2]: the rotary turn of each position
};

}  // namespace nf
