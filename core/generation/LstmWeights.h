// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "generation/LinearKernel.h"
#include "generation/SimdKernels.h"

#include "training/ModelFile.h"
#include "training/TrainingConfig.h"

namespace nf {

// A trained network's weights rearranged for token-by-token decoding (see SimdKernels.h): every length padded to
// a multiple of 16 with zeros, and each LSTM layer's input and recurrent matrices joined row by row, so one pass over
// memory computes all four gates of a block of units.
//
// Gate rows are grouped in blocks of 8 units, gate-major inside a block: block k holds rows
// [i(8k..8k+7) | f(...) | g(...) | o(...)], the layout lstmCell() consumes. The first layer's input part is folded
// into a per-token table (embedding models: W_ih * E[v] + biases) or a column (the paper's scaled index input).
//
// Same network as training's MusicNet (LibTorch's parameter names and gate order i, f, g, o; dropout off).
struct LstmWeights {
    struct Layer {
        int inputSize = 0;     // padded width of the input part of each row (0 for the first layer)
        int rowStride = 0;     // inputSize + hiddenPadded
        gen::AlignedFloats rows;  // [4 * hiddenPadded][rowStride], block order as above
        std::vector<float> bias;  // [4 * hiddenPadded] (b_ih + b_hh); empty for the first layer of an embedding model
    };
    using Linear = gen::LinearWeights;

    int vocabSize = 0;
    int hidden = 0;
    int hiddenPadded = 0;
    bool scaledInput = false;         // paper-midi: input = token / vocabSize
    std::vector<float> inputTable;    // embedding models: [vocabSize][4 * hiddenPadded], biases included
    std::vector<float> inputColumn;   // scaled input: [4 * hiddenPadded]
    std::vector<Layer> layers;
    bool hasDense = false;
    Linear dense;                     // paper-midi's Dense(256), no activation (as in the paper)
    Linear out;                       // logits

    int gateRows() const { return 4 * hiddenPadded; }
    // Multiply-adds per token and sequence, for benchmarks.
    double macsPerToken() const;
    // Bytes of weights streamed per token.
    double bytesPerToken() const;

    // Throws ModelFileError naming `file` when a tensor is missing or has the wrong shape.
    static LstmWeights fromModel(const ModelFile& model, const ModelConfig& config, const std::string& file);
};

}  // namespace nf
