// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/LstmDecoder.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "generation/SimdKernels.h"

namespace nf {

using gen::kPadding;
using gen::kUnitBlock;
using gen::kMaxBatchBlock;

namespace {

constexpr int kBlockRows = 4 * kUnitBlock;  // gate rows of one block of units
// Below this many multiply-adds a section runs on one thread: waking a worker would cost more than it saves.
constexpr double kMinParallelMacs = 32768;
// Parts per thread and section: small enough that a thread the OS preempts holds the others up only briefly
// (parts are claimed dynamically), large enough that claiming costs nothing (~100k multiply-adds each).
constexpr int kPartsPerThread = 8;

}  // namespace

LstmDecoder::LstmDecoder(const LstmWeights& weights, int batch, gen::WorkerPool& pool)
    : weights_(weights), pool_(pool), batch_(batch), hp_(weights.hiddenPadded) {
    if (batch < 1) throw std::invalid_argument("a decoder needs at least one row");
    const auto B = static_cast<std::size_t>(batch);
    for (const auto& layer : weights.layers) {
        h_.emplace_back(B * static_cast<std::size_t>(hp_), 0.0f);
        c_.emplace_back(B * static_cast<std::size_t>(hp_), 0.0f);
        xStride_ = std::max(xStride_, layer.rowStride);
    }
    x_.assign(B * static_cast<std::size_t>(xStride_), 0.0f);
    if (weights.hasDense) {
        denseStride_ = (weights.dense.outputs + kPadding - 1) / kPadding * kPadding;
        dense_.assign(B * static_cast<std::size_t>(denseStride_), 0.0f);
    }
    logits_.assign(B * static_cast<std::size_t>(weights.vocabSize), 0.0f);
    scratch_.assign(static_cast<std::size_t>(pool.threads()) * kMaxBatchBlock * kBlockRows, 0.0f);
}

void LstmDecoder::reset() {
    for (auto& v : h_) std::fill(v.begin(), v.end(), 0.0f);
    for (auto& v : c_) std::fill(v.begin(), v.end(), 0.0f);
}

void LstmDecoder::resetRow(int row) {
    const auto off = static_cast<std::ptrdiff_t>(row) * hp_;
    for (auto& v : h_) std::fill(v.begin() + off, v.begin() + off + hp_, 0.0f);
    for (auto& v : c_) std::fill(v.begin() + off, v.begin() + off + hp_, 0.0f);
}

void LstmDecoder::copyRow(int from, int to) {
    if (from == to) return;
    const auto hp = static_cast<std::size_t>(hp_);
    for (std::size_t l = 0; l < h_.size(); ++l) {
        std::memcpy(h_[l].data() + to * hp, h_[l].data() + from * hp, hp * sizeof(float));
        std::memcpy(c_[l].data() + to * hp, c_[l].data() + from * hp, hp * sizeof(float));
    }
    const auto V = static_cast<std::size_t>(weights_.vocabSize);
    std::memcpy(logits_.data() + to * V, logits_.data() + from * V, V * sizeof(float));
}

std::span<const float> LstmDecoder::logits(int row) const {
    const auto V = static_cast<std::size_t>(weights_.vocabSize);
    return {logits_.data() + static_cast<std::size_t>(row) * V, V};
}

void LstmDecoder::step(std::span<const int> tokens, bool computeLogits) {
    const int rows = static_cast<int>(std::min<std::size_t>(tokens.size(), static_cast<std::size_t>(batch_)));
    for (int r = 0; r < rows; ++r)
        if (tokens[static_cast<std::size_t>(r)] < 0 || tokens[static_cast<std::size_t>(r)] >= weights_.vocabSize)
            throw std::out_of_range("token index " + std::to_string(tokens[static_cast<std::size_t>(r)]) +
                                    " is outside the vocabulary");
    for (int l = 0; l < static_cast<int>(weights_.layers.size()); ++l) runLayer(l, rows, tokens);
    if (!computeLogits) return;
    const auto& top = h_.back();
    if (weights_.hasDense) {
        gen::linearForward(pool_, weights_.dense, top.data(), hp_, dense_.data(), denseStride_, rows);
        gen::linearForward(pool_, weights_.out, dense_.data(), denseStride_, logits_.data(), weights_.vocabSize, rows);
    } else {
        gen::linearForward(pool_, weights_.out, top.data(), hp_, logits_.data(), weights_.vocabSize, rows);
    }
}

void LstmDecoder::runLayer(int l, int rows, std::span<const int> tokens) {
    const auto& layer = weights_.layers[static_cast<std::size_t>(l)];
    const auto hp = static_cast<std::size_t>(hp_);
    auto& h = h_[static_cast<std::size_t>(l)];
    auto& c = c_[static_cast<std::size_t>(l)];
    // The layer's input (the layer below at this step) and its own previous h side by side, copied because h is
    // overwritten while other threads still read it.
    for (int r = 0; r < rows; ++r) {
        float* x = x_.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(xStride_);
        if (layer.inputSize > 0)
            std::memcpy(x, h_[static_cast<std::size_t>(l - 1)].data() + r * hp, hp * sizeof(float));
        std::memcpy(x + layer.inputSize, h.data() + r * hp, hp * sizeof(float));
    }
    const int blocks = hp_ / kUnitBlock;
    const double macs = static_cast<double>(rows) * layer.rowStride * 4 * hp_;
    const int parts = macs < kMinParallelMacs ? 1 : std::min(blocks, pool_.threads() * kPartsPerThread);
    pool_.run(parts, [&](int part, int thread) {
        float* gates = scratch_.data() + static_cast<std::size_t>(thread) * kMaxBatchBlock * kBlockRows;
        const int b0 = blocks * part / parts, b1 = blocks * (part + 1) / parts;
        const float* xs[kMaxBatchBlock];
        for (int block = b0; block < b1; ++block) {
            const std::size_t firstRow = static_cast<std::size_t>(block) * kBlockRows;
            const float* w = layer.rows.data() + firstRow * static_cast<std::size_t>(layer.rowStride);
            for (int r0 = 0; r0 < rows; r0 += kMaxBatchBlock) {
                const int nb = std::min(kMaxBatchBlock, rows - r0);
                for (int i = 0; i < nb; ++i)
                    xs[i] = x_.data() + static_cast<std::size_t>(r0 + i) * static_cast<std::size_t>(xStride_);
                gen::dotRows(w, layer.rowStride, layer.rowStride, kBlockRows, xs, nb, gates, kBlockRows);
                for (int i = 0; i < nb; ++i) {
                    float* g = gates + i * kBlockRows;
                    const int token = tokens[static_cast<std::size_t>(r0 + i)];
                    const float* add;
                    if (l == 0 && !weights_.scaledInput) {
                        add = weights_.inputTable.data() +
                              static_cast<std::size_t>(token) * static_cast<std::size_t>(weights_.gateRows()) + firstRow;
                    } else {
                        add = layer.bias.data() + firstRow;
                    }
                    for (int k = 0; k < kBlockRows; ++k) g[k] += add[k];
                    if (l == 0 && weights_.scaledInput) {
                        // The paper's input feature: token index / vocabulary size, as training computes it.
                        const float s = static_cast<float>(token) / static_cast<float>(weights_.vocabSize);
                        const float* col = weights_.inputColumn.data() + firstRow;
                        for (int k = 0; k < kBlockRows; ++k) g[k] += col[k] * s;
                    }
                    const std::size_t at = static_cast<std::size_t>(r0 + i) * hp + static_cast<std::size_t>(block) * kUnitBlock;
                    gen::lstmCell(g, c.data() + at, h.data() + at, kUnitBlock);
                }
            }
        }
    });
}

}  // namespace nf
