// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/ExchangeBackend.h"

#include <stdexcept>

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

}  // namespace nf
