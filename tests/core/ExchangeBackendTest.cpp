// SPDX-License-Identifier: GPL-3.0-or-later
// Which collectives library carries a rank's gradients: NCCL for CUDA ranks when the module has it, Gloo for the
// rest, and a one-line refusal of NCCL where it cannot work (this is the whole of the NCCL path CI can run: its
// machines have no GPU and Debian's LibTorch has no NCCL).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "training/ExchangeBackend.h"

namespace nf {
namespace {

std::string refusal(ExchangeBackend asked, bool cuda, bool nccl) {
    try {
        chooseExchangeBackend(asked, cuda, nccl);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

TEST(ExchangeBackend, NamesRoundTripAndOthersAreRefused) {
    for (const auto b : {ExchangeBackend::Auto, ExchangeBackend::Gloo, ExchangeBackend::Nccl})
        EXPECT_EQ(exchangeBackendFromName(exchangeBackendName(b)), b);
    EXPECT_FALSE(exchangeBackendFromName("NCCL"));
    EXPECT_FALSE(exchangeBackendFromName("mpi"));
    EXPECT_FALSE(exchangeBackendFromName(""));
}

TEST(ExchangeBackend, AutoTakesNcclOnlyForACudaRankOfAModuleThatHasIt) {
    EXPECT_EQ(chooseExchangeBackend(ExchangeBackend::Auto, true, true), ExchangeBackend::Nccl);
    EXPECT_EQ(chooseExchangeBackend(ExchangeBackend::Auto, true, false), ExchangeBackend::Gloo)
        << "a CUDA rank of a module without NCCL still trains, through the host";
    EXPECT_EQ(chooseExchangeBackend(ExchangeBackend::Auto, false, true), ExchangeBackend::Gloo);
    EXPECT_EQ(chooseExchangeBackend(ExchangeBackend::Auto, false, false), ExchangeBackend::Gloo);
}

TEST(ExchangeBackend, GlooWhenAskedEvenOnAGpu) {
    EXPECT_EQ(chooseExchangeBackend(ExchangeBackend::Gloo, true, true), ExchangeBackend::Gloo);
    EXPECT_EQ(chooseExchangeBackend(ExchangeBackend::Gloo, false, false), ExchangeBackend::Gloo);
}

TEST(ExchangeBackend, NcclRefusedInOneLineWhereItCannotWork) {
    EXPECT_EQ(chooseExchangeBackend(ExchangeBackend::Nccl, true, true), ExchangeBackend::Nccl);
    const auto cpu = refusal(ExchangeBackend::Nccl, false, true);
    EXPECT_NE(cpu.find("--device cuda"), std::string::npos) << cpu;
    const auto noNccl = refusal(ExchangeBackend::Nccl, true, false);
    EXPECT_NE(noNccl.find("built without NCCL"), std::string::npos) << noNccl;
    EXPECT_NE(noNccl.find("--dist-backend gloo"), std::string::npos) << noNccl;
    for (const auto& message : {cpu, noNccl}) EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST(ExchangeBackend, ARankJoinsAJobOfSeveralOrOneWithABackendNamed) {
    DistributedEnv two;
    two.worldSize = 2;
    DistributedEnv one;
    one.worldSize = 1;
    EXPECT_TRUE(joinsDataParallelJob(two, ExchangeBackend::Auto));
    EXPECT_FALSE(joinsDataParallelJob(one, ExchangeBackend::Auto)) << "one rank of torchrun trains as ever";
    EXPECT_TRUE(joinsDataParallelJob(one, ExchangeBackend::Gloo)) << "a backend named: one rank meets through it";
    EXPECT_FALSE(joinsDataParallelJob(std::nullopt, ExchangeBackend::Auto));
    try {
        joinsDataParallelJob(std::nullopt, ExchangeBackend::Nccl);
        ADD_FAILURE() << "a backend named without a launcher was accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("--dist-backend nccl: this process was not started by torchrun"), std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace nf
