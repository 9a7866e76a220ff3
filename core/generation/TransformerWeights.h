// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "generation/LinearKernel.h"
#include "training/ModelFile.h"
#include "training/TrainingConfig.h"

namespace nf {

// A trained transformer's weights laid out for TransformerDecoder (the same network as training's TransformerNet,
// read by name from the model file; dropout off). Every vector is padded with zeros to a multiple of kPadding floats
// so that gen::dotRows() can run over it; each attention head gets headPadded columns of its own, so that a head's
// keys are a padded vector too.
struct TransformerWeights {
    struct Norm {
        std::vector<float> gain, bias;  // [width]
    };
    struct Block {
        Norm norm1, norm2;
        gen::LinearWeights qkv;   // [3 * attentionWidth][widthPadded]: queries, keys, values; head h at h * headPadded
        gen::LinearWeights proj;  // [width][attentionWidth]
        gen::LinearWeights fc1;   // [mlp][widthPadded]
        gen::LinearWeights fc2;   // [width][mlpPadded]
    };

    int vocabSize = 0;
    int width = 0, widthPadded = 0;
    int heads = 0, headDim = 0, headPadded = 0, attentionWidth = 0;  // attentionWidth = heads * headPadded
    int mlp = 0, mlpPadded = 0;
    int layers = 0;
    int context = 0;              // the training window: most tokens one prediction sees
    std::vector<float> ropeInverseFrequencies;  // [headDim / 2]: 10000^(-2c / headDim)
    std::vector<Block> blocks;
    Norm norm;
    // The embedding matrix [vocab][widthPadded]: each token's input vector and, weights tied, the output layer.
    gen::LinearWeights embedding;

    // Multiply-adds per token with an empty cache, and weight bytes streamed per token, for benchmarks.
    double macsPerToken() const;
    double bytesPerToken() const;

    // Throws ModelFileError naming `file` when a tensor is missing or has the wrong shape.
    static TransformerWeights fromModel(const ModelFile& model, const TrainingConfig& config, const std::string& file);
};

}  // namespace nf
