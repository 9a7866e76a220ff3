// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/TransformerNet.h"

#include <cmath>
#include <limits>

namespace nf::engine {

namespace F = torch::nn::functional;

torch::Tensor applyRotary(const torch::Tensor& x) {
    const int64_t T = x.size(2), D = x.size(3), half = D / 2;
    const auto opts = torch::TensorOptions().dtype(torch::kFloat).device(x.device());
    // Angles in float32 whatever x is (bfloat16 autocast would lose whole turns at long positions); the generator
    // computes the same products in float.
    const auto inv = torch::pow(10000.0, -torch::arange(0, half, opts) * (2.0 / static_cast<double>(D)));
    const auto angles = torch::outer(torch::arange(0, T, opts), inv);       // [T, half]
    const auto cos = torch::cat({angles.cos(), angles.cos()}, -1).to(x.scalar_type());
    const auto sin = torch::cat({angles.sin(), angles.sin()}, -1).to(x.scalar_type());
    const auto rotated = torch::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
    return x * cos + rotated * sin;
}

void LowRankAdapter::registerOn(torch::nn::Module& owner, const std::string& name, const torch::nn::Linear& linear,
                                int rank) {
    if (rank <= 0) return;
    const auto& w = linear->weight;
    a = owner.register_parameter(name + "_adapter_a", torch::empty({rank, w.size(1)}));
    b = owner.register_parameter(name + "_adapter_b", torch::empty({w.size(0), rank}));
    initialise();
}

torch::Tensor LowRankAdapter::apply(torch::nn::Linear& linear, const torch::Tensor& x) const {
    auto y = linear->forward(x);
    if (!a.defined()) return y;
    return y + torch::matmul(torch::matmul(x, a.t()), b.t());
}

void LowRankAdapter::initialise() {
    if (!a.defined()) return;
    torch::NoGradGuard noGrad;
    const double bound = 1.0 / std::sqrt(static_cast<double>(a.size(1)));
    a.uniform_(-bound, bound);
    b.zero_();
}

CausalSelfAttentionImpl::CausalSelfAttentionImpl(int width, int heads, int adapterRank) : heads_(heads) {
    qkv = register_module("qkv", torch::nn::Linear(width, 3 * width));
    proj = register_module("proj", torch::nn::Linear(width, width));
    qkvAdapter.registerOn(*this, "qkv", qkv, adapterRank);
    projAdapter.registerOn(*this, "proj", proj, adapterRank);
}

torch::Tensor CausalSelfAttentionImpl::forward(const torch::Tensor& x) {
    const int64_t B = x.size(0), T = x.size(1), W = x.size(2), D = W / heads_;
    // [B, T, 3, heads, D] -> three [B, heads, T, D]
    const auto parts = qkvAdapter.apply(qkv, x).view({B, T, 3, heads_, D}).permute({2, 0, 3, 1, 4});
    const auto q = applyRotary(parts[0]);
    const auto k = applyRotary(parts[1]);
    const auto v = parts[2];
    auto scores = torch::matmul(q, k.transpose(-2, -1)) * (1.0 / std::sqrt(static_cast<double>(D)));
    // Position i sees positions <= i only: the upper triangle is masked before the softmax.
    const auto future = torch::ones({T, T}, torch::TensorOptions().dtype(torch::kBool).device(x.device())).triu(1);
    scores = scores.masked_fill(future, -std::numeric_limits<float>::infinity());
    const auto weights = torch::softmax(scores.to(torch::kFloat), -1).to(v.scalar_type());
    const auto out = torch::matmul(weights, v).transpose(1, 2).reshape({B, T, W});
    return projAdapter.apply(proj, out);
}

TransformerBlockImpl::TransformerBlockImpl(int width, int heads, int mlpWidth, double dropout, int adapterRank)
    : dropout_(dropout) {
    norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})));
    attn = register_module("attn", CausalSelfAttention(width, heads, adapterRank));
    norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})));
    fc1 = register_module("fc1", torch::nn::Linear(width, mlpWidth));
    fc2 = register_module("fc2", torch::nn::Linear(mlpWidth, width));
    fc1Adapter.registerOn(*this, "fc1", fc1, adapterRank);
    fc2Adapter.registerOn(*this, "fc2", fc2, adapterRank);
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& x) {
    const auto drop = F::DropoutFuncOptions().p(dropout_).training(is_training());
    auto y = x + F::dropout(attn->forward(norm1->forward(x)), drop);
    return y + F::dropout(fc2Adapter.apply(fc2, torch::gelu(fc1Adapter.apply(fc1, norm2->forward(y)))), drop);
}

TransformerNetImpl::TransformerNetImpl(const ModelConfig& config) : config_(config) {
    embed = register_module("embed", torch::nn::Embedding(config.vocabSize, config.embedDim));
    for (int l = 0; l < config.layers; ++l)
        blocks.push_back(register_module("block" + std::to_string(l),
                                         TransformerBlock(config.embedDim, config.heads, config.hiddenSize, config.dropout,
                                                          config.adapter.rank)));
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.embedDim})));
    initialise();
}

void TransformerNetImpl::initialise() {
    torch::NoGradGuard noGrad;
    const double residualStd = 0.02 / std::sqrt(2.0 * std::max(1, config_.layers));
    embed->weight.normal_(0, 0.02);
    for (auto& b : blocks) {
        for (auto* lin : {&b->attn->qkv, &b->attn->proj, &b->fc1, &b->fc2}) {
            (*lin)->weight.normal_(0, 0.02);
            (*lin)->bias.zero_();
        }
        b->attn->proj->weight.normal_(0, residualStd);
        b->fc2->weight.normal_(0, residualStd);
        for (auto* adapter : {&b->attn->qkvAdapter, &b->attn->projAdapter, &b->fc1Adapter, &b->fc2Adapter}) adapter->initialise();
    }
}

torch::Tensor TransformerNetImpl::forward(const torch::Tensor& tokens) {
    const auto drop = F::DropoutFuncOptions().p(config_.dropout).training(is_training());
    auto x = F::dropout(embed->forward(tokens), drop);
    for (auto& b : blocks) x = b->forward(x);
    return torch::matmul(norm->forward(x), embed->weight.t());
}

}  // namespace nf::engine
