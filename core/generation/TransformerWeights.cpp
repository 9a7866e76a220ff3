// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/TransformerWeights.h"

#include <cmath>
#include <utility>

#include "generation/ModelTensors.h"

namespace nf {

namespace {

int padded(int n) { return gen::paddedSize(n); }

const NamedTensor& tensor(const ModelFile& model, const std::string& name, std::vector<std::int64_t> shape,
                          const std::string& file) {
    return gen::requireTensor(model, name, std::move(shape), file);
}

TransformerWeights::Norm readNorm(const ModelFile& model, const std::string& name, int width, const std::string& file) {
    return {tensor(model, name + ".weight", {width}, file).values, tensor(model, name + ".bias", {width}, file).values};
}

template <class InColumn, class OutRow>
gen::LinearWeights linear(const ModelFile& model, const std::string& name, int in, int out, int inputSize, int outputs,
                          InColumn inColumn, OutRow outRow, const std::string& file) {
    return gen::readLinear(model, name, in, out, inputSize, outputs, inColumn, outRow, file);
}

}  // namespace

TransformerWeights TransformerWeights::fromModel(const ModelFile& model, const TrainingConfig& config,
                                                 const std::string& file) {
    const ModelConfig& m = config.model;
    TransformerWeights w;
    w.vocabSize = m.vocabSize;
    w.width = m.embedDim;
    w.widthPadded = padded(w.width);
    w.heads = m.heads;
    w.headDim = m.embedDim / m.heads;
    w.headPadded = padded(w.headDim);
    w.attentionWidth = w.heads * w.headPadded;
    w.mlp = m.hiddenSize;
    w.mlpPadded = padded(w.mlp);
    w.layers = m.layers;
    w.context = config.seqLength;
    for (int c = 0; c < w.headDim / 2; ++c)
        w.ropeInverseFrequencies.push_back(
            static_cast<float>(std::pow(10000.0, -2.0 * c / static_cast<double>(w.headDim))));

    const int W = w.width, D = w.headDim, A = w.attentionWidth;
    // Column/row k of the model's width-wide vectors: head k / D, dimension k % D, in the padded head layout.
    const auto headSlot = [&w, D](int k) { return k / D * w.headPadded + k % D; };
    const auto same = [](int k) { return k; };
    for (int l = 0; l < m.layers; ++l) {
        const std::string p = "transformer.block" + std::to_string(l) + ".";
        Block b;
        b.norm1 = readNorm(model, p + "norm1", W, file);
        b.norm2 = readNorm(model, p + "norm2", W, file);
        b.qkv = linear(model, p + "attn.qkv", W, 3 * W, w.widthPadded, 3 * A, same,
                       [&](int o) { return o / W * A + headSlot(o % W); }, file);
        b.proj = linear(model, p + "attn.proj", W, W, A, W, headSlot, same, file);
        b.fc1 = linear(model, p + "fc1", W, w.mlp, w.widthPadded, w.mlp, same, same, file);
        b.fc2 = linear(model, p + "fc2", w.mlp, W, w.mlpPadded, W, same, same, file);
        w.blocks.push_back(std::move(b));
    }
    w.norm = readNorm(model, "transformer.norm", W, file);
    const auto& embed = tensor(model, "transformer.embed.weight", {w.vocabSize, W}, file);
    w.embedding.inputSize = w.widthPadded;
    w.embedding.outputs = w.vocabSize;
    w.embedding.weight.assign(static_cast<std::size_t>(w.vocabSize) * static_cast<std::size_t>(w.widthPadded), 0.0f);
    for (int v = 0; v < w.vocabSize; ++v)
        for (int k = 0; k < W; ++k)
            w.embedding.weight[static_cast<std::size_t>(v) * static_cast<std::size_t>(w.widthPadded) + static_cast<std::size_t>(k)] =
                embed.values[static_cast<std::size_t>(v) * static_cast<std::size_t>(W) + static_cast<std::size_t>(k)];
    return w;
}

double TransformerWeights::macsPerToken() const {
    double n = static_cast<double>(embedding.weight.size());
    for (const auto& b : blocks)
        n += static_cast<double>(b.qkv.weight.size() + b.proj.weight.size() + b.fc1.weight.size() + b.fc2.weight.size());
    return n;
}

double TransformerWeights::bytesPerToken() const { return macsPerToken() * sizeof(float); }

}  // namespace nf
