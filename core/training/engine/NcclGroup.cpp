// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled with NF_HAVE_NCCL (and c10d's USE_C10D_NCCL) only against a CUDA LibTorch that has NCCL
// (core/training/CMakeLists.txt); elsewhere, CI's Debian LibTorch included, the class says it is not there.
#include "training/engine/NcclGroup.h"

#include <cstdlib>
#include <stdexcept>

#ifdef NF_HAVE_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#include <torch/version.h>
#endif

namespace nf::engine {

#ifdef NF_HAVE_NCCL

struct NcclGroup::Impl {
    c10::intrusive_ptr<c10d::ProcessGroupNCCL> group;

    ~Impl() {
        // Without an abort (or a shutdown, which waits for every rank and so hangs when one is gone) PyTorch warns
        // at exit that the group was not destroyed. Aborting the communicators does not wait for anyone.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3)
        try {
            if (group) group->abort();
        } catch (...) {
        }
#endif
    }
};

bool NcclGroup::available() { return true; }

void NcclGroup::prepareProcess() {
    // Read by ProcessGroupNCCL's constructor: wait() then blocks the CPU and throws on a timeout or an NCCL error
    // (and the watchdog no longer tears the process down). PyTorch before 2.2 reads only the older name.
    if (!std::getenv("TORCH_NCCL_BLOCKING_WAIT") && !std::getenv("NCCL_BLOCKING_WAIT")) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 2)
        setenv("TORCH_NCCL_BLOCKING_WAIT", "1", 0);
#else
        setenv("NCCL_BLOCKING_WAIT", "1", 0);
#endif
    }
}

std::unique_ptr<NcclGroup> NcclGroup::join(const c10::intrusive_ptr<c10d::Store>& store, int rank, int size,
                                           std::chrono::milliseconds timeout) {
    auto options = c10d::ProcessGroupNCCL::Options::create();
    options->timeout = timeout;
    auto impl = std::make_unique<Impl>();
    impl->group = c10::make_intrusive<c10d::ProcessGroupNCCL>(store, rank, size, options);
    return std::unique_ptr<NcclGroup>(new NcclGroup(std::move(impl)));
}

void NcclGroup::allReduceSum(torch::Tensor& tensor) {
    std::vector<torch::Tensor> t{tensor};
    impl_->group->allreduce(t)->wait();
}

void NcclGroup::allReduceMax(torch::Tensor& tensor) {
    std::vector<torch::Tensor> t{tensor};
    c10d::AllreduceOptions options;
    options.reduceOp = c10d::ReduceOp::MAX;
    impl_->group->allreduce(t, options)->wait();
}

void NcclGroup::broadcastFromRankZero(torch::Tensor& tensor) {
    std::vector<torch::Tensor> t{tensor};
    impl_->group->broadcast(t)->wait();
}

#else

struct NcclGroup::Impl {};

bool NcclGroup::available() { return false; }
void NcclGroup::prepareProcess() {}

std::unique_ptr<NcclGroup> NcclGroup::join(const c10::intrusive_ptr<c10d::Store>&, int, int, std::chrono::milliseconds) {
    throw std::runtime_error("this training module was built without NCCL");
}

void NcclGroup::allReduceSum(torch::Tensor&) {}
void NcclGroup::allReduceMax(torch::Tensor&) {}
void NcclGroup::broadcastFromRankZero(torch::Tensor&) {}

#endif

NcclGroup::NcclGroup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

NcclGroup::~NcclGroup() = default;

}  // namespace nf::engine
