// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/ExchangeBackend.h"

#include <stdexcept>
#include <string>

namespace nf {

std::optional<ExchangeBackend> exchangeBackendFromName(std::string_view name) {
    if (name == "auto") return ExchangeBackend::Auto;
    if (name == "gloo") return ExchangeBackend::Gloo;
    if (name == "nccl") return ExchangeBackend::Nccl;
    return std::nullopt;
}

const char* exchangeBackendName(ExchangeBackend backend) {
    switch (backend) {
    case ExchangeBackend::Gloo: return "gloo";
    case ExchangeBackend::Nccl: return "nccl";
    case ExchangeBackend::Auto: break;
    }
    return "auto";
}

ExchangeBackend chooseExchangeBackend(ExchangeBackend asked, bool rankOnCuda, bool moduleHasNccl) {
    if (asked == ExchangeBackend::Gloo) return ExchangeBackend::Gloo;
    if (asked == ExchangeBackend::Auto)
        return rankOnCuda && moduleHasNccl ? ExchangeBackend::Nccl : ExchangeBackend::Gloo;
    if (!rankOnCuda)
        throw std::runtime_error("--dist-backend nccl exchanges CUDA tensors, but this rank trains on the CPU: "
                                 "add --device cuda, or use --dist-backend gloo");
    if (!moduleHasNccl)
        throw std::runtime_error("--dist-backend nccl: this training module was built without NCCL (it needs a CUDA "
                                 "LibTorch with NCCL and nccl.h, docs/gpu.md); use --dist-backend gloo");
    return ExchangeBackend::Nccl;
}

bool joinsDataParallelJob(const std::optional<DistributedEnv>& env, ExchangeBackend asked) {
    if (!env && asked != ExchangeBackend::Auto)
        throw std::invalid_argument(std::string("--dist-backend ") + exchangeBackendName(asked) +
                                    ": this process was not started by torchrun or srun (no RANK and WORLD_SIZE, or "
                                    "SLURM_PROCID), so there are no ranks to exchange with (docs/scaling.md)");
    return env && (env->worldSize > 1 || asked != ExchangeBackend::Auto);
}

}  // namespace nf
