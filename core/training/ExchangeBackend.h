// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>

#include "training/DistributedEnv.h"

namespace nf {

// Which of c10d's collectives libraries carries a data-parallel job's gradients (docs/scaling.md):
// Gloo moves tensors through host memory and TCP (CPU ranks; CUDA ranks by a copy to the host each step);
// NCCL moves CUDA tensors GPU to GPU (NVLink, PCIe, InfiniBand) and exists only in a CUDA LibTorch.
// Auto, the default: NCCL for a rank that trains on a CUDA device when the training module has it, else Gloo.
// The step's small sums and the stop/clock exchange always go through Gloo (CPU tensors), whichever carries the
// gradients: it is also what notices a rank that is gone.
enum class ExchangeBackend { Auto, Gloo, Nccl };

std::optional<ExchangeBackend> exchangeBackendFromName(std::string_view name);  // "auto", "gloo", "nccl"
const char* exchangeBackendName(ExchangeBackend backend);                         // the same names

// The backend a rank's gradients go through: Gloo or Nccl, never Auto. Throws std::runtime_error (one line, naming
// the option) when NCCL is asked for a rank that trains on the CPU or by a module built without it.
ExchangeBackend chooseExchangeBackend(ExchangeBackend asked, bool rankOnCuda, bool moduleHasNccl);

// Whether this process trains as a rank of a data-parallel job: its launcher's environment (`env`, nullopt when
// none) names several ranks, or one and a backend was named (a set-up check: one rank meets through it). A backend
// named without a launcher: std::invalid_argument, one line (there are no ranks to exchange with).
bool joinsDataParallelJob(const std::optional<DistributedEnv>& env, ExchangeBackend asked);

}  // namespace nf
