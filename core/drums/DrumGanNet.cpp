// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumGanNet.h"

#include <algorithm>
#include <cmath>

#include "drums/DrumClass.h"
#include "drums/DrumGanSampling.h"
#include "drums/DrumPattern.h"

namespace nf {

namespace {

const NamedTensor& tensor(const ModelFile& model, const std::string& name, std::vector<std::int64_t> shape,
                          const std::string& file) {
    const NamedTensor* t = model.findTensor(name);
    if (!t) throw ModelFileError(file + ": damaged drum GAN: no tensor " + name);
    if (t->shape != shape) throw ModelFileError(file + ": damaged drum GAN: " + name + " has another shape than its configuration's");
    return *t;
}

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

}  // namespace

void DrumGanNet::Dense::apply(const float* x, float* y) const {
    for (int o = 0; o < out; ++o) {
        const float* w = weight.data() + static_cast<std::ptrdiff_t>(o) * in;
        float sum = bias.empty() ? 0.0f : bias[static_cast<std::size_t>(o)];
        for (int k = 0; k < in; ++k) sum += w[k] * x[k];
        y[o] = sum;
    }
}

DrumGanNet DrumGanNet::fromModel(const ModelFile& model, const ModelConfig& config, const std::string& file) {
    if (!config.isDrumGan()) throw ModelFileError(file + ": is not a drum GAN");
    DrumGanNet net;
    net.config_ = config;
    const auto& g = config.gan;
    net.steps_ = drumStepsInMeter(g.stepsPerQuarter, g.numerator, g.denominator);
    const int channels = 2 * kDrumClassCount;
    const auto dense = [&](const std::string& name, int in, int out) {
        Dense d;
        d.in = in;
        d.out = out;
        d.weight = tensor(model, name + ".weight", {out, in}, file).values;
        d.bias = tensor(model, name + ".bias", {out}, file).values;
        return d;
    };
    if (g.generator == DrumGanGenerator::Paper) {
        const int widths[] = {g.noise, 256, 512, 1024};
        for (int i = 0; i < 3; ++i) {
            const std::string n = std::to_string(i + 1);
            net.dense_.push_back(dense("generator.fc" + n, widths[i], widths[i + 1]));
            const std::string bn = "generator.bn" + n;
            const auto& w = tensor(model, bn + ".weight", {widths[i + 1]}, file).values;
            const auto& b = tensor(model, bn + ".bias", {widths[i + 1]}, file).values;
            const auto& mean = tensor(model, bn + ".running_mean", {widths[i + 1]}, file).values;
            const auto& var = tensor(model, bn + ".running_var", {widths[i + 1]}, file).values;
            Norm norm;
            for (std::size_t k = 0; k < w.size(); ++k) {
                const float scale = w[k] / std::sqrt(var[k] + 1e-5f);  // LibTorch's default epsilon
                norm.scale.push_back(scale);
                norm.shift.push_back(b[k] - mean[k] * scale);
            }
            net.norms_.push_back(std::move(norm));
        }
        net.dense_.push_back(dense("generator.out", 1024, net.steps_ * channels));
    } else {
        const int h = config.hiddenSize;
        net.dense_.push_back(dense("generator.in", g.noise + net.steps_ + drumGanConditionSize(g), h));
        net.dense_.push_back(dense("generator.out", h, channels));
        net.lstmInput_.in = h;
        net.lstmInput_.out = 4 * h;
        net.lstmInput_.weight = tensor(model, "generator.lstm.weight_ih_l0", {4 * h, h}, file).values;
        net.lstmInput_.bias = tensor(model, "generator.lstm.bias_ih_l0", {4 * h}, file).values;
        const auto& bhh = tensor(model, "generator.lstm.bias_hh_l0", {4 * h}, file).values;
        for (std::size_t k = 0; k < bhh.size(); ++k) net.lstmInput_.bias[k] += bhh[k];
        net.lstmRecurrent_.in = h;
        net.lstmRecurrent_.out = 4 * h;
        net.lstmRecurrent_.weight = tensor(model, "generator.lstm.weight_hh_l0", {4 * h, h}, file).values;
    }
    return net;
}

std::vector<float> DrumGanNet::forward(const std::vector<float>& noise, const std::vector<float>& conditions) const {
    if (static_cast<int>(noise.size()) != config_.gan.noise) throw std::invalid_argument("drum GAN: wrong noise size");
    if (conditions.size() != static_cast<std::size_t>(steps_ * drumGanConditionSize(config_.gan)))
        throw std::invalid_argument("drum GAN: wrong conditions size");
    return config_.gan.generator == DrumGanGenerator::Paper ? paperForward(noise) : lstmForward(noise, conditions);
}

std::vector<float> DrumGanNet::paperForward(const std::vector<float>& noise) const {
    std::vector<float> x = noise;
    for (std::size_t i = 0; i < 3; ++i) {
        std::vector<float> y(static_cast<std::size_t>(dense_[i].out));
        dense_[i].apply(x.data(), y.data());
        for (std::size_t k = 0; k < y.size(); ++k) {
            const float a = y[k] > 0 ? y[k] : 0.2f * y[k];  // LeakyReLU(0.2), then BatchNorm
            y[k] = a * norms_[i].scale[k] + norms_[i].shift[k];
        }
        x = std::move(y);
    }
    std::vector<float> out(static_cast<std::size_t>(dense_[3].out));
    dense_[3].apply(x.data(), out.data());
    for (float& v : out) v = sigmoid(v);
    return out;
}

std::vector<float> DrumGanNet::lstmForward(const std::vector<float>& noise, const std::vector<float>& conditions) const {
    const int h = config_.hiddenSize;
    const int channels = 2 * kDrumClassCount;
    const auto hs = static_cast<std::size_t>(h);
    const auto conditionSize = static_cast<std::size_t>(drumGanConditionSize(config_.gan));
    // The step's input as training lays it out: [noise][position one-hot][conditions].
    std::vector<float> input(noise.size() + static_cast<std::size_t>(steps_) + conditionSize), x(hs), gates(4 * hs),
        recurrent(4 * hs);
    std::vector<float> hidden(hs, 0.0f), cell(hs, 0.0f);
    std::vector<float> out(static_cast<std::size_t>(steps_ * channels));
    std::copy(noise.begin(), noise.end(), input.begin());
    for (int s = 0; s < steps_; ++s) {
        std::fill(input.begin() + static_cast<std::ptrdiff_t>(noise.size()), input.end(), 0.0f);
        input[noise.size() + static_cast<std::size_t>(s)] = 1.0f;  // the step's position, one-hot
        std::copy_n(conditions.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(s) * conditionSize), conditionSize,
                    input.begin() + static_cast<std::ptrdiff_t>(noise.size() + static_cast<std::size_t>(steps_)));
        dense_[0].apply(input.data(), x.data());
        for (float& v : x) v = std::tanh(v);
        lstmInput_.apply(x.data(), gates.data());
        lstmRecurrent_.apply(hidden.data(), recurrent.data());
        for (std::size_t k = 0; k < hs; ++k) {  // LibTorch's gate order: input, forget, cell, output
            const float i = sigmoid(gates[k] + recurrent[k]);
            const float f = sigmoid(gates[hs + k] + recurrent[hs + k]);
            const float g = std::tanh(gates[2 * hs + k] + recurrent[2 * hs + k]);
            const float o = sigmoid(gates[3 * hs + k] + recurrent[3 * hs + k]);
            cell[k] = f * cell[k] + i * g;
            hidden[k] = o * std::tanh(cell[k]);
        }
        float* row = out.data() + static_cast<std::ptrdiff_t>(s) * channels;
        dense_[1].apply(hidden.data(), row);
        for (int c = 0; c < channels; ++c) row[c] = sigmoid(row[c]);
    }
    return out;
}

std::vector<DrumBar> DrumGanNet::sampleBars(int bars, std::uint64_t seed, std::vector<std::vector<float>>* probabilities,
                                           const DrumGanPartCue& cue) const {
    const DrumGanSettings& g = config_.gan;
    DrumGanNoise noise(g.noise, g.barCorrelation, seed);
    std::mt19937_64 rng(seed ^ 0x9E3779B97F4A7C15ull);
    std::vector<float> conditions(static_cast<std::size_t>(steps_ * drumGanConditionSize(g)));
    std::vector<DrumBar> out;
    std::vector<std::vector<float>> outputs;
    for (int b = 0; b < bars; ++b) {
        const auto at = static_cast<std::size_t>(b);
        DrumGanBarCue bar;
        if (cue.band && at < cue.band->size()) bar.band = &(*cue.band)[at];
        const bool follows = cue.followsPrevious.empty() || (at < cue.followsPrevious.size() && cue.followsPrevious[at]);
        if (follows) bar.previous = b > 0 ? &out.back() : cue.primer;
        drumGanBarConditions(g, steps_, bar, conditions.data());
        outputs.push_back(forward(noise.next(), conditions));
        out.push_back(drumBarFromGanOutput(outputs.back().data(), steps_, g.numerator, g.denominator, rng));
    }
    if (probabilities) *probabilities = std::move(outputs);
    return out;
}

}  // namespace nf
