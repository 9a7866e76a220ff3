// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "generation/SimdKernels.h"
#include "generation/WorkerPool.h"

namespace nf::gen {

// A dense layer's weights for the decoders: [outputs][inputSize], inputSize padded to kPadding with zero columns.
struct LinearWeights {
    int inputSize = 0;          // padded
    int outputs = 0;
    AlignedFloats weight;       // [outputs][inputSize]
    std::vector<float> bias;    // [outputs], or empty for none
};

// out[r * outStride + o] = bias[o] + sum_k weight[o][k] * in[r * inStride + k] for r < rows, o < outputs: a batch of
// vectors (generated rows, or a primer's tokens) through one layer, split over the pool by blocks of outputs so the
// weights stream from memory once per 8 vectors. Each output is summed in the same order whatever the row count or
// thread split (SimdKernels.h), so a row's result never depends on what else is in the batch.
void linearForward(WorkerPool& pool, const LinearWeights& lin, const float* in, int inStride, float* out, int outStride,
                   int rows);

}  // namespace nf::gen
