// SPDX-License-Identifier: GPL-3.0-or-later
// The launchers' environments as noteforge-cli reads them: torchrun's (with or without its agent's store), Slurm's
// (srun inside an sbatch job), torchrun inside Slurm, none at all, and contradictions said in one line.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "training/DistributedEnv.h"

namespace nf {
namespace {

std::optional<DistributedEnv> from(const std::map<std::string, std::string>& vars) {
    return distributedEnvFrom([&](const char* name) -> const char* {
        const auto it = vars.find(name);
        return it == vars.end() ? nullptr : it->second.c_str();
    });
}

TEST(DistributedEnv, NoLauncherNoJob) { EXPECT_FALSE(from({{"HOME", "/root"}, {"SLURM_JOB_ID", "7"}})); }

TEST(DistributedEnv, Torchrun) {
    const auto env = from({{"RANK", "1"}, {"WORLD_SIZE", "2"}, {"LOCAL_RANK", "1"}, {"MASTER_ADDR", "127.0.0.1"},
                           {"MASTER_PORT", "29400"}, {"TORCHELASTIC_USE_AGENT_STORE", "True"},
                           {"TORCHELASTIC_RESTART_COUNT", "2"}});
    ASSERT_TRUE(env);
    EXPECT_EQ(env->launcher, DistributedEnv::Launcher::Torchrun);
    EXPECT_EQ(env->rank, 1);
    EXPECT_EQ(env->worldSize, 2);
    EXPECT_EQ(env->localRank, 1);
    EXPECT_EQ(env->masterAddr, "127.0.0.1");
    EXPECT_EQ(env->masterPort, 29400);
    EXPECT_TRUE(env->agentStore);
    EXPECT_EQ(env->describe(), "rank 1 of 2 (local 1), torchrun, store 127.0.0.1:29400 (the launcher's)");
    EXPECT_EQ(env->storePrefix(), "/worker/attempt_2") << "where PyTorch's own workers meet in the agent's store";
    const auto own = from({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "127.0.0.1"}});
    ASSERT_TRUE(own);
    EXPECT_EQ(own->storePrefix(), "") << "a store rank 0 serves itself needs no prefix";
}

TEST(DistributedEnv, SlurmAndTorchrunInsideSlurm) {
    std::map<std::string, std::string> slurm{{"SLURM_PROCID", "5"}, {"SLURM_NTASKS", "8"}, {"SLURM_LOCALID", "1"},
                                             {"SLURM_LAUNCH_NODE_IPADDR", "10.1.0.4"}};
    EXPECT_FALSE(from(slurm)) << "the batch script itself (no srun step) is one process";
    slurm["SLURM_STEP_ID"] = "0";
    const auto env = from(slurm);
    ASSERT_TRUE(env);
    EXPECT_EQ(env->launcher, DistributedEnv::Launcher::Slurm);
    EXPECT_EQ(env->rank, 5);
    EXPECT_EQ(env->worldSize, 8);
    EXPECT_EQ(env->localRank, 1);
    EXPECT_EQ(env->masterAddr, "10.1.0.4") << "srun's launch node when the job script sets no MASTER_ADDR";
    EXPECT_EQ(env->masterPort, 29500);
    EXPECT_FALSE(env->agentStore);
    auto both = slurm;
    both.insert({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "node1"}});
    const auto inner = from(both);
    ASSERT_TRUE(inner);
    EXPECT_EQ(inner->launcher, DistributedEnv::Launcher::Torchrun) << "torchrun's own ranks win";
    EXPECT_EQ(inner->worldSize, 2);
    EXPECT_EQ(inner->masterAddr, "node1");
}

TEST(DistributedEnv, ContradictionsAreSaidInOneLine) {
    const auto error = [](const std::map<std::string, std::string>& vars) {
        try {
            from(vars);
        } catch (const DistributedEnvError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error({{"RANK", "2"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "a"}}), "rank 2 is not below the world size 2");
    EXPECT_EQ(error({{"RANK", "0"}, {"WORLD_SIZE", "two"}}), "WORLD_SIZE=two: not a whole number of at least 1");
    EXPECT_EQ(error({{"RANK", "0"}}), "RANK and WORLD_SIZE must be set together");
    EXPECT_EQ(error({{"RANK", "0"}, {"WORLD_SIZE", "2"}}), "MASTER_ADDR is not set: where the ranks meet (the first node's address)");
    EXPECT_EQ(error({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "70000"}}),
              "MASTER_PORT=70000: not a port");
    EXPECT_TRUE(from({{"RANK", "0"}, {"WORLD_SIZE", "1"}})) << "one rank needs no store";
}

}  // namespace
}  // namespace nf
