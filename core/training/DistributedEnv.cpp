// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/DistributedEnv.h"

#include <charconv>
#include <cstdlib>

namespace nf {

namespace {
int number(const std::function<const char*(const char*)>& get, const char* name, int fallback, int min) {
    const char* text = get(name);
    if (!text || !*text) return fallback;
    int value = 0;
    const char* end = text + std::char_traits<char>::length(text);
    const auto [at, ec] = std::from_chars(text, end, value);
    if (ec != std::errc() || at != end || value < min)
        throw DistributedEnvError(std::string(name) + "=" + text + ": not a whole number of at least " + std::to_string(min));
    return value;
}
}  // namespace

std::string DistributedEnv::describe() const {
    return "rank " + std::to_string(rank) + " of " + std::to_string(worldSize) + " (local " + std::to_string(localRank) +
           "), " + (launcher == Launcher::Torchrun ? "torchrun" : "slurm") + ", store " + masterAddr + ":" +
           std::to_string(masterPort) + (agentStore ? " (the launcher's)" : "");
}

std::string DistributedEnv::storePrefix() const {
    return agentStore ? "/worker/attempt_" + std::to_string(restartCount) : std::string();
}

std::optional<DistributedEnv> distributedEnvFrom(const std::function<const char*(const char*)>& get) {
    const auto set = [&](const char* name) {
        const char* v = get(name);
        return v && *v;
    };
    DistributedEnv env;
    if (set("WORLD_SIZE") || set("RANK")) {
        env.launcher = DistributedEnv::Launcher::Torchrun;
        if (!set("WORLD_SIZE") || !set("RANK")) throw DistributedEnvError("RANK and WORLD_SIZE must be set together");
        env.worldSize = number(get, "WORLD_SIZE", 1, 1);
        env.rank = number(get, "RANK", 0, 0);
        env.localRank = number(get, "LOCAL_RANK", env.rank, 0);
        const char* agent = get("TORCHELASTIC_USE_AGENT_STORE");
        env.agentStore = agent && std::string(agent) == "True";
        env.restartCount = number(get, "TORCHELASTIC_RESTART_COUNT", 0, 0);
    } else if (set("SLURM_PROCID") && set("SLURM_NTASKS") && (set("SLURM_STEP_ID") || set("SLURM_STEPID"))) {
        // A task of an srun step. The batch script itself (and salloc's shell) has SLURM_PROCID and SLURM_NTASKS
        // too, but no step: a plain `noteforge-cli train` there is one process, not rank 0 of NTASKS.
        env.launcher = DistributedEnv::Launcher::Slurm;
        env.worldSize = number(get, "SLURM_NTASKS", 1, 1);
        env.rank = number(get, "SLURM_PROCID", 0, 0);
        env.localRank = number(get, "SLURM_LOCALID", 0, 0);
    } else {
        return std::nullopt;
    }
    if (env.rank >= env.worldSize)
        throw DistributedEnvError("rank " + std::to_string(env.rank) + " is not below the world size " + std::to_string(env.worldSize));
    if (set("MASTER_ADDR")) env.masterAddr = get("MASTER_ADDR");
    else if (env.launcher == DistributedEnv::Launcher::Slurm && set("SLURM_LAUNCH_NODE_IPADDR")) env.masterAddr = get("SLURM_LAUNCH_NODE_IPADDR");
    else if (env.worldSize > 1) throw DistributedEnvError("MASTER_ADDR is not set: where the ranks meet (the first node's address)");
    env.masterPort = number(get, "MASTER_PORT", 29500, 1);
    if (env.masterPort > 65535) throw DistributedEnvError("MASTER_PORT=" + std::to_string(env.masterPort) + ": not a port");
    return env;
}

std::optional<DistributedEnv> distributedEnvFromProcess() {
    return distributedEnvFrom([](const char* name) { return std::getenv(name); });
}

}  // namespace nf
