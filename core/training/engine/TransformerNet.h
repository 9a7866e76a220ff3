// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/training (includes LibTorch): never include from a header the UI or CLI sees.
#pragma once

#include <torch/torch.h>

#include "training/TrainingConfig.h"

namespace nf::engine {

// Rotary position embedding (RoPE) of x [B, heads, T, headDim] for positions 0..T-1, in the "rotate half" layout:
// dimension c < headDim/2 pairs with c + headDim/2 and turns by position * 10000^(-2c/headDim). Only relative
// positions then reach the attention scores, which is what lets the generator slide its window past the context.
torch::Tensor applyRotary(const torch::Tensor& x);

// A projection's low-rank adapter (training/AdapterSettings.h): A [rank, in] and B [out, rank], registered on the
// module that owns the projection as NAME_adapter_a / NAME_adapter_b (the names training/ModelAdapter.h folds).
// Undefined tensors when the model has no adapters.
struct LowRankAdapter {
    torch::Tensor a, b;
    void registerOn(torch::nn::Module& owner, const std::string& name, const torch::nn::Linear& linear, int rank);
    // linear(x) + x A^T B^T
    torch::Tensor apply(torch::nn::Linear& linear, const torch::Tensor& x) const;
    // A uniform in +-1/sqrt(in), as a Linear's weight starts; B zero, so the adapted model starts as its base.
    void initialise();
};

// Causal multi-head self-attention with rotary positions, written by hand: Debian's LibTorch 1.13 has no public
// scaled_dot_product_attention. Parameter names (qkv, proj) are what the model file and the generator read.
class CausalSelfAttentionImpl : public torch::nn::Module {
public:
    CausalSelfAttentionImpl(int width, int heads, int adapterRank = 0);
    torch::Tensor forward(const torch::Tensor& x);  // [B, T, width] -> [B, T, width]

    torch::nn::Linear qkv{nullptr};   // rows: all heads' queries, then keys, then values
    torch::nn::Linear proj{nullptr};
    LowRankAdapter qkvAdapter, projAdapter;

private:
    int heads_;
};
TORCH_MODULE(CausalSelfAttention);

// A pre-LayerNorm block: x + dropout(attention(norm1(x))), then x + dropout(fc2(gelu(fc1(norm2(x))))).
class TransformerBlockImpl : public torch::nn::Module {
public:
    TransformerBlockImpl(int width, int heads, int mlpWidth, double dropout, int adapterRank = 0);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
    CausalSelfAttention attn{nullptr};
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
    LowRankAdapter fc1Adapter, fc2Adapter;

private:
    double dropout_;
};
TORCH_MODULE(TransformerBlock);

// The decoder-only transformer: token embedding (no position table: positions are rotary), N blocks, a final
// LayerNorm, and logits through the embedding matrix itself (weights tied: fewer parameters, and the output
// layer learns from every input token too). GPT-2's initialisation: normal(0, 0.02), the residual projections
// scaled by 1/sqrt(2N), biases zero. With ModelConfig::adapter's rank > 0, every block's four projections carry
// low-rank adapters (the base's weights are frozen by the trainer, not here).
class TransformerNetImpl : public torch::nn::Module {
public:
    explicit TransformerNetImpl(const ModelConfig& config);
    torch::Tensor forward(const torch::Tensor& tokens);  // [B, T] int64 -> logits [B, T, V]
    void initialise();

    torch::nn::Embedding embed{nullptr};
    std::vector<TransformerBlock> blocks;
    torch::nn::LayerNorm norm{nullptr};

private:
    ModelConfig config_;
};
TORCH_MODULE(TransformerNet);

}  // namespace nf::engine
