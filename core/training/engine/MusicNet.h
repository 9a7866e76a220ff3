// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/training (includes LibTorch): never include from a header the UI or CLI sees.
#pragma once

#include <torch/torch.h>

#include "training/TrainingConfig.h"
#include "training/engine/TransformerNet.h"

namespace nf::engine {

// Hidden and cell state of every layer: h, c [layers, B, H]. Undefined tensors mean "start from zero".
struct LstmState {
    torch::Tensor h;
    torch::Tensor c;
    bool defined() const { return h.defined(); }
    LstmState detached() const { return defined() ? LstmState{h.detach(), c.detach()} : LstmState{}; }
};

// `state` fitted to a batch of `batch` rows. Row r of a batch continues row r of the previous one, so a smaller
// batch (the last, partial batch of an epoch, or a run resumed with a smaller --batch) keeps the first rows' state
// and a larger one starts its extra rows from zero. Every forward pass goes through this, so no caller can hand a
// model a state of the wrong batch size.
LstmState stateForBatch(const LstmState& state, int64_t batch);

// A stack of LSTM layers, each followed by dropout, with LibTorch's parameter names (weight_ih_l0, ...).
class StackedLstmImpl : public torch::nn::Module {
public:
    StackedLstmImpl(int inputSize, int hiddenSize, int layers, double dropout);
    // x [B,T,I] (batch first); returns y [B,T,H] and the final state. useFused selects NoteForge's CPU kernel;
    // lastDropout=false leaves the last layer's dropout to the caller (many-to-one applies it to one step only).
    std::pair<torch::Tensor, LstmState> forward(const torch::Tensor& x, const LstmState& state, bool useFused,
                                                bool lastDropout = true);
    double dropout() const { return dropout_; }

    int hiddenSize() const { return hidden_; }
    int layers() const { return static_cast<int>(wIh_.size()); }
    std::vector<torch::Tensor> wIh_, wHh_, bIh_, bHh_;

private:
    int hidden_;
    double dropout_;
};
TORCH_MODULE(StackedLstm);

// The models of NoteForge in one module, shaped by ModelConfig:
//   paper-midi   scaled index -> 3 x LSTM(512)+dropout -> last step -> Dense(256) -> dropout -> Dense(V)
//   paper-abc    Embedding(512) -> 3 x LSTM(256)+dropout -> Dense(V) at every step
//   lstm         Embedding(E) -> N x LSTM(H)+dropout -> Dense(V) at every step
//   transformer  TransformerNet (its parameters under "transformer."); it has no state to carry, so the returned
//                state is always undefined and a state passed in is ignored
// Outputs logits (softmax is folded into the cross-entropy loss).
class MusicNetImpl : public torch::nn::Module {
public:
    explicit MusicNetImpl(const ModelConfig& config);
    // tokens [B,T] int64 -> logits [B,T,V] (many-to-many) or [B,V] (many-to-one), and the final LSTM state.
    std::pair<torch::Tensor, LstmState> forward(const torch::Tensor& tokens, const LstmState& state = {});
    // Keras-style (or LibTorch-default) initialisation as the config says; deterministic given torch's RNG.
    void initialise();
    const ModelConfig& config() const { return config_; }

private:
    bool useFusedKernel(const torch::Tensor& x) const;

    ModelConfig config_;
    torch::nn::Embedding embed_{nullptr};
    StackedLstm lstm_{nullptr};
    torch::nn::Linear dense_{nullptr};
    torch::nn::Linear out_{nullptr};
    TransformerNet transformer_{nullptr};
};
TORCH_MODULE(MusicNet);

// RMSprop (with Keras's rho and epsilon from the config), Adam or AdamW over `params`.
std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerConfig& config, const std::vector<torch::Tensor>& params);

// "auto" -> cuda when LibTorch sees a GPU, else cpu; "cuda:N" is checked against the devices present.
// Throws std::runtime_error with a clear message when a requested GPU is not there.
torch::Device resolveDevice(const std::string& name);

}  // namespace nf::engine
