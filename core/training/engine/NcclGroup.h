// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/training (includes LibTorch): never include from a header the UI or CLI sees.
#pragma once

#include <chrono>
#include <memory>

#include <torch/torch.h>

namespace c10d {
class Store;
}

namespace nf::engine {

// The NCCL half of a data-parallel job of CUDA ranks (DataParallel): c10d's ProcessGroupNCCL, which moves CUDA
// tensors GPU to GPU (NVLink, PCIe, InfiniBand) instead of through host memory as Gloo does. It exists only in a
// CUDA LibTorch built with NCCL (PyTorch's; never Debian's): without one, available() is false and join() throws.
//
// Its collectives wait on the CPU (NCCL's blocking wait, turned on here unless the user set it): a rank that is
// gone then makes the others' next exchange throw within the timeout instead of leaving a GPU kernel spinning, and
// the trainer reads the sums right after each exchange anyway.
class NcclGroup {
public:
    static bool available();
    // Sets what ProcessGroupNCCL reads from the environment (its blocking wait). Call it before c10d's first
    // threads exist: setenv() may race with getenv() in another thread.
    static void prepareProcess();
    // Meets the other ranks through `store` (DataParallel's, under its own prefix); NCCL's communicator is made on
    // the first collective, on the device of its tensors (one device a rank).
    static std::unique_ptr<NcclGroup> join(const c10::intrusive_ptr<c10d::Store>& store, int rank, int size,
                                           std::chrono::milliseconds timeout);
    ~NcclGroup();
    NcclGroup(const NcclGroup&) = delete;
    NcclGroup& operator=(const NcclGroup&) = delete;

    // CUDA tensors only, all on this rank's device; the same calls in the same order on every rank.
    void allReduceSum(torch::Tensor& tensor);
    void allReduceMax(torch::Tensor& tensor);
    void broadcastFromRankZero(torch::Tensor& tensor);

private:
    struct Impl;
    explicit NcclGroup(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace nf::engine
