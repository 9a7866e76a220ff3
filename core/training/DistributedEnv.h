// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace nf {

// Where this process stands in a data-parallel job, as its launcher says it in the environment: torchrun
// (python3 -m torch.distributed.run) sets RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and MASTER_PORT (and
// TORCHELASTIC_USE_AGENT_STORE when its agent holds the rendezvous store); Slurm's srun sets SLURM_PROCID,
// SLURM_NTASKS and SLURM_LOCALID (with SLURM_STEP_ID: a batch script without srun is no job of several ranks), and the job script MASTER_ADDR/MASTER_PORT (else srun's launch node and 29500).
// torchrun's variables win where both are set (torchrun inside a Slurm allocation).
struct DistributedEnv {
    enum class Launcher { Torchrun, Slurm };
    Launcher launcher = Launcher::Torchrun;
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddr;
    int masterPort = 29500;
    bool agentStore = false;  // join the launcher's TCPStore as a client, under its prefix
    int restartCount = 0;     // TORCHELASTIC_RESTART_COUNT: which attempt of an elastic job this is

    // The key prefix inside the store: torchrun's agent keeps its own keys in the same store, and each attempt of
    // an elastic job meets under "/worker/attempt_N" (as PyTorch's own workers do); empty for a store of our own.
    std::string storePrefix() const;
    std::string describe() const;  // "rank 1 of 2 (local 1), torchrun, store 127.0.0.1:29500"
};

// A launcher's variables that contradict each other or are not numbers: one line naming the variable.
class DistributedEnvError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// nullopt when no launcher started this process. `get` reads a variable (nullptr when unset): std::getenv in the
// programs, a table in the tests.
std::optional<DistributedEnv> distributedEnvFrom(const std::function<const char*(const char*)>& get);
std::optional<DistributedEnv> distributedEnvFromProcess();

}  // namespace nf
