// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/LstmWeights.h"

#include <utility>

#include "generation/ModelTensors.h"
#include "generation/SimdKernels.h"

namespace nf {

namespace {

int padded(int n) { return gen::paddedSize(n); }

const NamedTensor& tensor(const ModelFile& model, const std::string& name, std::vector<std::int64_t> shape,
                          const std::string& file) {
    return gen::requireTensor(model, name, std::move(shape), file);
}

// Row of the rearranged gate matrix that holds LibTorch's row `gate * hidden + unit`.
int arrangedRow(int gate, int unit) {
    const int block = unit / gen::kUnitBlock;
    return block * 4 * gen::kUnitBlock + gate * gen::kUnitBlock + unit % gen::kUnitBlock;
}

LstmWeights::Linear linear(const ModelFile& model, const std::string& name, int in, int out, const std::string& file) {
    return gen::readLinear(model, name, in, out, file);
}

}  // namespace

LstmWeights LstmWeights::fromModel(const ModelFile& model, const ModelConfig& config, const std::string& file) {
    LstmWeights w;
    const int H = config.hiddenSize;
    const int V = config.vocabSize;
    w.vocabSize = V;
    w.hidden = H;
    w.hiddenPadded = padded(H);
    w.scaledInput = config.input == ModelInput::Scaled;
    const int Hp = w.hiddenPadded;
    const int rows = 4 * Hp;

    for (int l = 0; l < config.layers; ++l) {
        const std::string s = std::to_string(l);
        const int in = l == 0 ? (w.scaledInput ? 1 : config.embedDim) : H;
        const auto& wih = tensor(model, "lstm.weight_ih_l" + s, {4 * H, in}, file);
        const auto& whh = tensor(model, "lstm.weight_hh_l" + s, {4 * H, H}, file);
        const auto& bih = tensor(model, "lstm.bias_ih_l" + s, {4 * H}, file);
        const auto& bhh = tensor(model, "lstm.bias_hh_l" + s, {4 * H}, file);
        Layer layer;
        layer.inputSize = l == 0 ? 0 : Hp;
        layer.rowStride = layer.inputSize + Hp;
        layer.rows.assign(static_cast<std::size_t>(rows) * layer.rowStride, 0.0f);
        layer.bias.assign(static_cast<std::size_t>(rows), 0.0f);
        for (int gate = 0; gate < 4; ++gate)
            for (int unit = 0; unit < H; ++unit) {
                const std::size_t src = static_cast<std::size_t>(gate * H + unit);
                const std::size_t dst = static_cast<std::size_t>(arrangedRow(gate, unit));
                float* row = layer.rows.data() + dst * static_cast<std::size_t>(layer.rowStride);
                if (l > 0)
                    for (int k = 0; k < in; ++k) row[k] = wih.values[src * in + static_cast<std::size_t>(k)];
                for (int k = 0; k < H; ++k) row[layer.inputSize + k] = whh.values[src * H + static_cast<std::size_t>(k)];
                layer.bias[dst] = bih.values[src] + bhh.values[src];
            }
        if (l == 0) {
            if (w.scaledInput) {
                w.inputColumn.assign(static_cast<std::size_t>(rows), 0.0f);
                for (int gate = 0; gate < 4; ++gate)
                    for (int unit = 0; unit < H; ++unit)
                        w.inputColumn[static_cast<std::size_t>(arrangedRow(gate, unit))] =
                            wih.values[static_cast<std::size_t>(gate * H + unit)];
            } else {
                // W_ih * E[v] for every token: the first layer's input product becomes a table lookup.
                const int E = config.embedDim;
                const auto& embed = tensor(model, "embed.weight", {V, E}, file);
                w.inputTable.assign(static_cast<std::size_t>(V) * rows, 0.0f);
                for (int v = 0; v < V; ++v) {
                    const float* e = embed.values.data() + static_cast<std::size_t>(v) * E;
                    float* out = w.inputTable.data() + static_cast<std::size_t>(v) * rows;
                    for (int gate = 0; gate < 4; ++gate)
                        for (int unit = 0; unit < H; ++unit) {
                            const std::size_t src = static_cast<std::size_t>(gate * H + unit);
                            const float* wr = wih.values.data() + src * static_cast<std::size_t>(E);
                            double acc = 0;
                            for (int k = 0; k < E; ++k) acc += static_cast<double>(wr[k]) * e[k];
                            const int dst = arrangedRow(gate, unit);
                            out[dst] = static_cast<float>(acc) + layer.bias[static_cast<std::size_t>(dst)];
                        }
                }
                layer.bias.clear();
            }
        }
        w.layers.push_back(std::move(layer));
    }
    int features = H;
    if (config.denseSize > 0) {
        w.hasDense = true;
        w.dense = linear(model, "dense", H, config.denseSize, file);
        features = config.denseSize;
    }
    w.out = linear(model, "out", features, V, file);
    return w;
}

double LstmWeights::macsPerToken() const {
    double n = 0;
    for (const auto& l : layers) n += static_cast<double>(l.rows.size());
    if (hasDense) n += static_cast<double>(dense.weight.size());
    return n + static_cast<double>(out.weight.size());
}

double LstmWeights::bytesPerToken() const { return macsPerToken() * sizeof(float); }

}  // namespace nf
