// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/MusicNet.h"

#include <cmath>

#include "training/engine/FusedLstm.h"

namespace nf::engine {

namespace F = torch::nn::functional;

LstmState stateForBatch(const LstmState& state, int64_t batch) {
    if (!state.defined() || state.h.size(1) == batch) return state;
    const int64_t rows = state.h.size(1);
    if (rows > batch) return LstmState{state.h.narrow(1, 0, batch), state.c.narrow(1, 0, batch)};
    // More rows than the state has: the new rows have no past and start from zero.
    auto pad = [&](const torch::Tensor& t) {
        return torch::cat({t, torch::zeros({t.size(0), batch - rows, t.size(2)}, t.options())}, 1);
    };
    return LstmState{pad(state.h), pad(state.c)};
}

StackedLstmImpl::StackedLstmImpl(int inputSize, int hiddenSize, int layers, double dropout)
    : hidden_(hiddenSize), dropout_(dropout) {
    // LibTorch's default initialisation, uniform(-1/sqrt(H), 1/sqrt(H)); MusicNet::initialise() may replace it.
    const double k = 1.0 / std::sqrt(static_cast<double>(hiddenSize));
    for (int l = 0; l < layers; ++l) {
        const int in = l == 0 ? inputSize : hiddenSize;
        const std::string s = std::to_string(l);
        wIh_.push_back(register_parameter("weight_ih_l" + s, torch::empty({4 * hiddenSize, in}).uniform_(-k, k)));
        wHh_.push_back(register_parameter("weight_hh_l" + s, torch::empty({4 * hiddenSize, hiddenSize}).uniform_(-k, k)));
        bIh_.push_back(register_parameter("bias_ih_l" + s, torch::empty({4 * hiddenSize}).uniform_(-k, k)));
        bHh_.push_back(register_parameter("bias_hh_l" + s, torch::empty({4 * hiddenSize}).uniform_(-k, k)));
    }
}

std::pair<torch::Tensor, LstmState> StackedLstmImpl::forward(const torch::Tensor& x, const LstmState& state, bool useFused,
                                                             bool lastDropout) {
    const int64_t B = x.size(0);
    const int L = layers();
    const LstmState start = stateForBatch(state, B);
    torch::Tensor h0 = start.defined() ? start.h : torch::zeros({L, B, hidden_}, x.options());
    torch::Tensor c0 = start.defined() ? start.c : torch::zeros({L, B, hidden_}, x.options());
    torch::Tensor y = x.transpose(0, 1);  // time-major for both kernels
    std::vector<torch::Tensor> hs, cs;
    for (int l = 0; l < L; ++l) {
        const auto li = static_cast<std::size_t>(l);
        if (useFused) {
            auto out = fusedLstmLayer(y, h0[l], c0[l], wIh_[li], wHh_[li], bIh_[li], bHh_[li]);
            y = out[0];
            hs.push_back(out[1]);
            cs.push_back(out[2]);
        } else {
            auto [out, hT, cT] = torch::lstm(y, {h0[l].unsqueeze(0), c0[l].unsqueeze(0)},
                                             {wIh_[li], wHh_[li], bIh_[li], bHh_[li]}, /*has_biases=*/true,
                                             /*num_layers=*/1, /*dropout=*/0.0, is_training(), /*bidirectional=*/false,
                                             /*batch_first=*/false);
            y = out;
            hs.push_back(hT.squeeze(0));
            cs.push_back(cT.squeeze(0));
        }
        if (l + 1 < L || lastDropout) y = F::dropout(y, F::DropoutFuncOptions().p(dropout_).training(is_training()));
    }
    return {y.transpose(0, 1), LstmState{torch::stack(hs), torch::stack(cs)}};
}

MusicNetImpl::MusicNetImpl(const ModelConfig& config) : config_(config) {
    if (config.isTransformer()) {
        transformer_ = register_module("transformer", TransformerNet(config));
        return;
    }
    int inputSize = 1;
    if (config.input == ModelInput::Embedding) {
        embed_ = register_module("embed", torch::nn::Embedding(config.vocabSize, config.embedDim));
        inputSize = config.embedDim;
    }
    lstm_ = register_module("lstm", StackedLstm(inputSize, config.hiddenSize, config.layers, config.dropout));
    int features = config.hiddenSize;
    if (config.denseSize > 0) {
        dense_ = register_module("dense", torch::nn::Linear(features, config.denseSize));
        features = config.denseSize;
    }
    out_ = register_module("out", torch::nn::Linear(features, config.vocabSize));
    initialise();
}

void MusicNetImpl::initialise() {
    if (transformer_) {
        transformer_->initialise();
        return;
    }
    torch::NoGradGuard noGrad;
    const int H = config_.hiddenSize;
    auto& L = *lstm_;
    for (int l = 0; l < L.layers(); ++l) {
        const auto li = static_cast<std::size_t>(l);
        // Glorot-uniform over Keras's kernel (I, 4H): LibTorch's weight is its transpose, same fans.
        if (config_.inputInit == InputInit::GlorotUniform) torch::nn::init::xavier_uniform_(L.wIh_[li]);
        // Keras's orthogonal recurrent kernel (H, 4H) has orthonormal rows; its transpose [4H, H] has
        // orthonormal columns, which is what orthogonal_ gives for a tall matrix.
        if (config_.recurrentInit == RecurrentInit::Orthogonal) torch::nn::init::orthogonal_(L.wHh_[li]);
        if (config_.inputInit == InputInit::GlorotUniform) {
            // Keras has one bias, zero except the forget gate (unit_forget_bias); LibTorch adds two.
            L.bIh_[li].zero_();
            L.bHh_[li].zero_();
        }
        L.bIh_[li].narrow(0, H, H).fill_(config_.forgetGateBias);
        L.bHh_[li].narrow(0, H, H).zero_();
    }
    if (config_.inputInit == InputInit::GlorotUniform) {
        for (auto* layer : {&dense_, &out_}) {
            if (!*layer) continue;
            torch::nn::init::xavier_uniform_((*layer)->weight);
            (*layer)->bias.zero_();
        }
        if (embed_) embed_->weight.uniform_(-0.05, 0.05);
    }
}

bool MusicNetImpl::useFusedKernel(const torch::Tensor& x) const {
    if (config_.lstmKernel == LstmKernel::Aten) return false;
    if (config_.lstmKernel == LstmKernel::Fused) return x.is_cpu();
    return x.is_cpu() && x.scalar_type() == torch::kFloat;
}

std::pair<torch::Tensor, LstmState> MusicNetImpl::forward(const torch::Tensor& tokens, const LstmState& state) {
    if (transformer_) return {transformer_->forward(tokens), LstmState{}};
    torch::Tensor x;
    if (embed_) {
        x = embed_->forward(tokens);
    } else {
        // The paper's input: the token index divided by the vocabulary size, one feature per step.
        x = tokens.to(torch::kFloat).div(static_cast<double>(config_.vocabSize)).unsqueeze(-1);
    }
    auto [y, next] = lstm_->forward(x, state, useFusedKernel(x), !config_.manyToOne);
    if (config_.manyToOne) {
        // Only the last step feeds the output: its dropout is the same in distribution and T times cheaper.
        y = F::dropout(y.select(1, y.size(1) - 1), F::DropoutFuncOptions().p(lstm_->dropout()).training(is_training()));
    }
    if (dense_) y = F::dropout(dense_->forward(y), F::DropoutFuncOptions().p(config_.denseDropout).training(is_training()));
    return {out_->forward(y), next};
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerConfig& o, const std::vector<torch::Tensor>& params) {
    if (o.name == OptimizerKind::RmsProp)
        return std::make_unique<torch::optim::RMSprop>(
            params, torch::optim::RMSpropOptions(o.learningRate).alpha(o.rmspropRho).eps(o.rmspropEpsilon).weight_decay(o.weightDecay));
    if (o.name == OptimizerKind::AdamW)
        return std::make_unique<torch::optim::AdamW>(
            params, torch::optim::AdamWOptions(o.learningRate).betas({o.adamBeta1, o.adamBeta2}).eps(o.adamEpsilon).weight_decay(o.weightDecay));
    return std::make_unique<torch::optim::Adam>(
        params, torch::optim::AdamOptions(o.learningRate).betas({o.adamBeta1, o.adamBeta2}).eps(o.adamEpsilon).weight_decay(o.weightDecay));
}

torch::Device resolveDevice(const std::string& name) {
    if (name == "auto") return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (name == "cpu") return torch::Device(torch::kCPU);
    if (name == "cuda" || name.rfind("cuda:", 0) == 0) {
        if (!torch::cuda::is_available())
            throw std::runtime_error("device '" + name + "' requested but this LibTorch sees no CUDA GPU "
                                     "(a CPU-only LibTorch, no driver, or no GPU); use --device cpu or auto");
        int index = 0;
        if (name.size() > 5) {
            try {
                index = std::stoi(name.substr(5));
            } catch (const std::exception&) {
                throw std::runtime_error("bad device '" + name + "' (expected cuda:N)");
            }
        }
        const auto count = static_cast<int>(torch::cuda::device_count());
        if (index < 0 || index >= count)
            throw std::runtime_error("device '" + name + "' does not exist (" + std::to_string(count) + " CUDA device(s))");
        return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
    }
    throw std::runtime_error("unknown device '" + name + "' (expected auto, cpu, cuda or cuda:N)");
}

}  // namespace nf::engine
