// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/DataParallel.h"

#include "training/CollectiveFailure.h"
#include "training/engine/NcclGroup.h"

#include <cstdlib>
#include <stdexcept>

#ifdef NF_HAVE_GLOO
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif

namespace nf::engine {

namespace {

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string seconds(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%g s", s);
    return text;
}

}  // namespace

#ifdef NF_HAVE_GLOO

struct DataParallel::Impl {
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
    std::unique_ptr<NcclGroup> nccl;  // CUDA tensors' group when the job uses NCCL
    std::string where;
    double timeout = 0;

    NcclGroup* ncclFor(const torch::Tensor& t) const { return t.is_cuda() ? nccl.get() : nullptr; }
};

std::unique_ptr<DataParallel> DataParallel::join(const DistributedEnv& env, double timeoutSeconds, bool ncclForCuda) {
    const auto timeout = std::chrono::milliseconds(static_cast<std::int64_t>(timeoutSeconds * 1000));
    auto impl = std::make_unique<Impl>();
    impl->where = env.masterAddr + ":" + std::to_string(env.masterPort);
    impl->timeout = timeoutSeconds;
    if (ncclForCuda) NcclGroup::prepareProcess();  // before c10d starts threads of its own
    c10::intrusive_ptr<c10d::Store> jobStore;
    try {
        c10d::TCPStoreOptions options;
        options.port = static_cast<std::uint16_t>(env.masterPort);
        // Under torchrun's agent the launcher serves the store; otherwise rank 0 does, for the job's lifetime.
        options.isServer = !env.agentStore && env.rank == 0;
        options.numWorkers = env.agentStore ? c10::nullopt : c10::optional<std::size_t>(env.worldSize);
        options.waitWorkers = false;  // the process group's own rendezvous waits, with the same timeout
        options.timeout = timeout;
        c10::intrusive_ptr<c10d::Store> store = c10::make_intrusive<c10d::TCPStore>(env.masterAddr, options);
        const std::string prefix = env.storePrefix();
        if (!prefix.empty()) store = c10::make_intrusive<c10d::PrefixStore>(prefix, store);
        jobStore = store;
        // Our own prefix as well, as PyTorch gives each process group one: the keys never meet another user's,
        // nor the NCCL group's (below).
        store = c10::make_intrusive<c10d::PrefixStore>("noteforge", store);

        auto groupOptions = c10d::ProcessGroupGloo::Options::create(timeout);
        // As PyTorch's workers choose the network: GLOO_SOCKET_IFNAME names the interface (a cluster's fast one),
        // else the address this machine's host name resolves to.
        if (const char* ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
            groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
        else
            groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(store, env.rank, env.worldSize, groupOptions);
    } catch (const std::exception& e) {
        throw std::runtime_error("rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize) +
                                 " could not meet the other ranks at " + impl->where + " (waiting at most " +
                                 seconds(timeoutSeconds) + "; did another rank fail before it joined?): " +
                                 firstLine(e.what()));
    }
    std::unique_ptr<DataParallel> job(new DataParallel(env.rank, env.worldSize, std::move(impl)));
    // Every rank must send its CUDA tensors the same way, or the NCCL ranks would wait forever for a communicator
    // the others never make: NCCL only when all chose it. A rank on the CPU, with a module without NCCL or told
    // --dist-backend gloo makes the whole job use Gloo (different options are then refused by startTogether).
    auto notNccl = torch::tensor({ncclForCuda ? 0 : 1}, torch::kInt32);
    job->allReduceMax(notNccl);
    if (notNccl.item<int>() == 0) {
        try {
            job->impl_->nccl = NcclGroup::join(c10::make_intrusive<c10d::PrefixStore>("noteforge/nccl", jobStore),
                                               env.rank, env.worldSize, timeout);
        } catch (const std::exception& e) {
            throw std::runtime_error("rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize) +
                                     " could not set up NCCL: " + firstLine(e.what()));
        }
    }
    return job;
}

const char* DataParallel::gradientBackend() const { return impl_->nccl ? "NCCL" : "Gloo"; }

void DataParallel::allReduceSum(torch::Tensor& tensor) {
    run("summing", [&] {
        if (auto* nccl = impl_->ncclFor(tensor)) return nccl->allReduceSum(tensor);
        std::vector<torch::Tensor> t{tensor};
        impl_->group->allreduce(t)->wait();
    });
}

void DataParallel::allReduceMax(torch::Tensor& tensor) {
    run("comparing", [&] {
        if (auto* nccl = impl_->ncclFor(tensor)) return nccl->allReduceMax(tensor);
        std::vector<torch::Tensor> t{tensor};
        c10d::AllreduceOptions options;
        options.reduceOp = c10d::ReduceOp::MAX;
        impl_->group->allreduce(t, options)->wait();
    });
}

void DataParallel::broadcastFromRankZero(std::vector<torch::Tensor>& tensors) {
    if (tensors.empty()) return;
    // One collective per tensor: Gloo's takes a list only of same-shaped tensors (one per device). Done once a run.
    run("sharing", [&] {
        for (auto& t : tensors) {
            if (auto* nccl = impl_->ncclFor(t)) {
                nccl->broadcastFromRankZero(t);
                continue;
            }
            std::vector<torch::Tensor> one{t};
            impl_->group->broadcast(one)->wait();
        }
    });
}

#else  // a LibTorch without c10d's Gloo headers (or no libgloo-dev when this was built)

struct DataParallel::Impl {
    std::string where;
    double timeout = 0;
};

const char* DataParallel::gradientBackend() const { return "none"; }

std::unique_ptr<DataParallel> DataParallel::join(const DistributedEnv& env, double, bool) {
    throw std::runtime_error("rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize) +
                             ": this training module was built without PyTorch's Gloo (libgloo-dev and a LibTorch "
                             "with c10d), so it cannot train with other ranks; rebuild it with them, or start one rank");
}

void DataParallel::allReduceSum(torch::Tensor&) {}
void DataParallel::allReduceMax(torch::Tensor&) {}
void DataParallel::broadcastFromRankZero(std::vector<torch::Tensor>&) {}

#endif

DataParallel::DataParallel(int rank, int size, std::unique_ptr<Impl> impl)
    : rank_(rank), size_(size), impl_(std::move(impl)) {}

DataParallel::~DataParallel() = default;

std::pair<std::int64_t, std::int64_t> DataParallel::shareOf(std::int64_t rows) const {
    return {rows * rank_ / size_, rows * (rank_ + 1) / size_};
}

void DataParallel::run(const char* what, const std::function<void()>& collective) {
    try {
        collective();
    } catch (const std::exception& e) {
        // Gloo or NCCL saying that another rank is gone; anything else is this rank's own failure, said as it is.
        const std::string cause = firstLine(e.what());
        const bool lost = collectiveFailureMeansARankIsGone(cause);
        const std::string who = "rank " + std::to_string(rank_) + " of " + std::to_string(size_);
        if (!lost) throw std::runtime_error(who + " failed " + what + " with the other ranks: " + cause);
        throw std::runtime_error(who + " lost the other ranks (" + what + " with them through " + impl_->where +
                                 ", waiting at most " + seconds(impl_->timeout) + "): " + cause +
                                 "; another rank stopped or cannot be reached, so the run ends here");
    }
}

}  // namespace nf::engine
