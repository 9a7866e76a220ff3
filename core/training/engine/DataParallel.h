// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/training (includes LibTorch): never include from a header the UI or CLI sees.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "training/DistributedEnv.h"

namespace nf::engine {

// This process's place in a data-parallel job: c10d process groups (PyTorch's own collectives), met through the
// launcher's TCP store. Gloo, over TCP, carries CPU tensors, and CUDA ones through the host unless the job uses
// NCCL for them (NcclGroup: GPU to GPU); each tensor goes through the group of its device. Not home-made
// networking: c10d is what torchrun's Python workers use, so a NoteForge rank behaves as theirs do under the same
// launcher. LibTorch has no C++ DistributedDataParallel; GradientExchange is the small part of it NoteForge needs.
//
// Every call is collective: all ranks make the same calls in the same order. A rank that is gone (killed, its
// machine unreachable) makes the others' next call fail within the timeout with a one-line std::runtime_error.
class DataParallel {
public:
    // Meets the other ranks; throws (one line) when they do not all arrive within `timeoutSeconds`, or when this
    // LibTorch was built without Gloo. `ncclForCuda`: this rank would send CUDA tensors through NCCL
    // (NcclGroup::available() must hold; ExchangeBackend.h chooses); they do so only if every rank would, else
    // all ranks use Gloo for them.
    static std::unique_ptr<DataParallel> join(const DistributedEnv& env, double timeoutSeconds, bool ncclForCuda);
    ~DataParallel();
    DataParallel(const DataParallel&) = delete;
    DataParallel& operator=(const DataParallel&) = delete;

    int rank() const { return rank_; }
    int size() const { return size_; }
    // "Gloo", or "NCCL" when CUDA tensors go through NCCL: for the run's first lines.
    const char* gradientBackend() const;

    // In place: every rank ends with the element-wise sum of all ranks' tensors (same shape and type on each).
    void allReduceSum(torch::Tensor& tensor);
    void allReduceMax(torch::Tensor& tensor);
    // Every rank ends with rank 0's values.
    void broadcastFromRankZero(std::vector<torch::Tensor>& tensors);
    // This rank's share [begin, end) of `rows` batch rows: contiguous, in rank order, sizes differing by one at most.
    std::pair<std::int64_t, std::int64_t> shareOf(std::int64_t rows) const;

private:
    struct Impl;
    DataParallel(int rank, int size, std::unique_ptr<Impl> impl);
    void run(const char* what, const std::function<void()>& collective);

    int rank_;
    int size_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace nf::engine
