// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generation/LinearKernel.h"
#include "training/ModelFile.h"

namespace nf::gen {

// Reading a model file's weights into the torch-free decoders' layouts (LstmWeights, TransformerWeights).

// `n` rounded up to the kernels' padding (SimdKernels.h).
int paddedSize(int n);

// The tensor `name` of `model`, which must have exactly `shape`; throws ModelFileError naming `file` otherwise.
const NamedTensor& requireTensor(const ModelFile& model, const std::string& name, std::vector<std::int64_t> shape,
                                 const std::string& file);

// A LibTorch Linear layer `name` ([out][in] weight, [out] bias) laid out for linearForward(): input column k lands
// at inColumn(k) and output row o at outRow(o) of a zero-padded [outputs][inputSize] matrix.
template <class InColumn, class OutRow>
LinearWeights readLinear(const ModelFile& model, const std::string& name, int in, int out, int inputSize, int outputs,
                         InColumn inColumn, OutRow outRow, const std::string& file) {
    const auto& w = requireTensor(model, name + ".weight", {out, in}, file);
    const auto& b = requireTensor(model, name + ".bias", {out}, file);
    LinearWeights l;
    l.inputSize = inputSize;
    l.outputs = outputs;
    l.weight.assign(static_cast<std::size_t>(outputs) * static_cast<std::size_t>(inputSize), 0.0f);
    l.bias.assign(static_cast<std::size_t>(outputs), 0.0f);
    for (int o = 0; o < out; ++o) {
        const auto row = static_cast<std::size_t>(outRow(o));
        for (int k = 0; k < in; ++k)
            l.weight[row * static_cast<std::size_t>(inputSize) + static_cast<std::size_t>(inColumn(k))] =
                w.values[static_cast<std::size_t>(o) * static_cast<std::size_t>(in) + static_cast<std::size_t>(k)];
        l.bias[row] = b.values[static_cast<std::size_t>(o)];
    }
    return l;
}

// The plain case: columns and rows in order, the input padded.
inline LinearWeights readLinear(const ModelFile& model, const std::string& name, int in, int out,
                                const std::string& file) {
    const auto same = [](int i) { return i; };
    return readLinear(model, name, in, out, paddedSize(in), out, same, same, file);
}

}  // namespace nf::gen
