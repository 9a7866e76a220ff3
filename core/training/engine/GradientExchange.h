// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/training (includes LibTorch): never include from a header the UI or CLI sees.
#pragma once

#include <cstddef>
#include <vector>

#include <torch/torch.h>

#include "training/engine/DataParallel.h"

namespace nf::engine {

// The gradient step of data-parallel training (what PyTorch's DistributedDataParallel does in Python, which
// LibTorch's C++ API lacks): after each rank's backward pass over its share of the batch, every rank's gradients
// become those of the whole batch's mean loss, so all ranks take the same optimiser step and keep the same weights.
// Gradients are flattened into buckets of about `bucketBytes` (one collective per bucket rather than one per
// tensor: the networks here have dozens of small tensors, and each collective costs a round trip).
class GradientExchange {
public:
    GradientExchange(DataParallel& group, std::vector<torch::Tensor> parameters, std::size_t bucketBytes = 25u << 20);

    // `share`: this rank's part of the batch's loss, its target count over the job's (0 for a rank with no rows
    // in this batch). Each gradient becomes the sum over ranks of share x gradient of that rank's mean loss: the
    // gradient of the mean over every target of the batch. A parameter without a gradient counts as zeros.
    void average(double share);

    // What one step sends through each rank: the gradients' bytes (the figure for docs/scaling.md).
    std::size_t bytesPerStep() const { return bytes_; }

private:
    DataParallel& group_;
    std::vector<torch::Tensor> parameters_;
    std::vector<std::pair<std::size_t, std::size_t>> buckets_;  // [first, last) parameter indices
    std::size_t bytes_ = 0;
};

}  // namespace nf::engine
