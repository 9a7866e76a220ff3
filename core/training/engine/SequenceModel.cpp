// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/SequenceModel.h"

#include <cstring>
#include <deque>

#include "generation/ContextWindow.h"
#include "training/ModelAdapter.h"
#include "training/engine/MusicNet.h"
#include "training/engine/TensorIO.h"

namespace nf {

struct SequenceModel::State::Impl {
    engine::LstmState lstm;        // many-to-many
    std::deque<int> window;        // many-to-one: the last seqLength tokens; transformer: its context
};

SequenceModel::State::State() : impl_(std::make_unique<Impl>()) {}
SequenceModel::State::~State() = default;
SequenceModel::State::State(const State& other) : impl_(std::make_unique<Impl>()) { *this = other; }
SequenceModel::State& SequenceModel::State::operator=(const State& other) {
    if (this == &other) return *this;
    impl_->window = other.impl_->window;
    const auto& s = other.impl_->lstm;
    impl_->lstm = s.defined() ? engine::LstmState{s.h.clone(), s.c.clone()} : engine::LstmState{};
    return *this;
}
SequenceModel::State::State(State&&) noexcept = default;
SequenceModel::State& SequenceModel::State::operator=(State&&) noexcept = default;

struct SequenceModel::Impl {
    TrainingConfig config;
    Vocabulary vocab;
    std::vector<MetricsRow> history;
    std::string info;
    torch::Device device{torch::kCPU};
    mutable engine::MusicNet net{nullptr};  // forward() is not const in LibTorch; inference changes nothing

    std::vector<float> run(const std::vector<int>& tokens, State::Impl& state) const {
        if (tokens.empty()) throw std::invalid_argument("no tokens to feed the model");
        for (int t : tokens)
            if (t < 0 || t >= vocab.size()) throw std::out_of_range("token index " + std::to_string(t) + " is outside the vocabulary");
        torch::NoGradGuard noGrad;
        torch::Tensor logits;
        if (config.model.manyToOne) {
            for (int t : tokens) {
                state.window.push_back(t);
                if (static_cast<int>(state.window.size()) > config.seqLength) state.window.pop_front();
            }
            std::vector<int64_t> w(state.window.begin(), state.window.end());
            auto input = torch::tensor(w, torch::kInt64).view({1, -1}).to(device);
            logits = net->forward(input).first.view({-1});
        } else if (config.model.isTransformer()) {
            // The whole context again for every call (the reference the cached generator is checked against),
            // sliding as generation/ContextWindow.h says.
            for (int t : tokens) gen::pushIntoContext(state.window, t, config.seqLength);
            std::vector<int64_t> w(state.window.begin(), state.window.end());
            auto input = torch::tensor(w, torch::kInt64).view({1, -1}).to(device);
            const auto out = net->forward(input).first;
            logits = out.select(1, out.size(1) - 1).view({-1});
        } else {
            std::vector<int64_t> w(tokens.begin(), tokens.end());
            auto input = torch::tensor(w, torch::kInt64).view({1, -1}).to(device);
            auto [out, next] = net->forward(input, state.lstm);
            state.lstm = next;
            logits = out.select(1, out.size(1) - 1).view({-1});
        }
        const auto cpu = logits.to(torch::kCPU, torch::kFloat).contiguous();
        std::vector<float> result(static_cast<std::size_t>(cpu.numel()));
        std::memcpy(result.data(), cpu.data_ptr<float>(), result.size() * sizeof(float));
        return result;
    }
};

SequenceModel::SequenceModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SequenceModel::~SequenceModel() = default;
SequenceModel::SequenceModel(SequenceModel&&) noexcept = default;
SequenceModel& SequenceModel::operator=(SequenceModel&&) noexcept = default;

SequenceModel SequenceModel::load(const std::string& path, const std::string& device) {
    const ModelFile file = openModelFile(path);  // an adapter: folded into its base
    auto impl = std::make_unique<Impl>();
    try {
        impl->config = TrainingConfig::fromJson(file.configJson);
        impl->config.validate();
        impl->history = metricsFromJson(file.metricsJson);
    } catch (const std::exception& e) {
        throw ModelFileError(path + ": damaged configuration: " + e.what());
    }
    impl->vocab = Vocabulary(file.vocabulary);
    if (impl->vocab.size() != impl->config.model.vocabSize || impl->vocab.size() < 1)
        throw ModelFileError(path + ": damaged: the vocabulary does not match the configuration");
    impl->info = file.infoJson;
    impl->device = engine::resolveDevice(device);
    // Building the network draws random initial weights; keep the caller's random stream untouched.
    const auto rngState = engine::saveRngState();
    impl->net = engine::MusicNet(impl->config.model);
    engine::loadRngState(rngState);
    engine::importParameters(*impl->net, file.tensors, path);
    impl->net->to(impl->device);
    impl->net->eval();
    return SequenceModel(std::move(impl));
}

const TrainingConfig& SequenceModel::config() const { return impl_->config; }
const Vocabulary& SequenceModel::vocabulary() const { return impl_->vocab; }
const std::vector<MetricsRow>& SequenceModel::history() const { return impl_->history; }
const std::string& SequenceModel::infoJson() const { return impl_->info; }

SequenceModel::State SequenceModel::initialState() const { return State(); }

std::vector<float> SequenceModel::step(int token, State& state) const { return impl_->run({token}, *state.impl_); }

std::vector<float> SequenceModel::prime(const std::vector<int>& tokens, State& state) const {
    return impl_->run(tokens, *state.impl_);
}

}  // namespace nf
