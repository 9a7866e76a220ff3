// SPDX-License-Identifier: GPL-3.0-or-later
// A data-parallel exchange that fails because another rank is gone is said as such ("lost the other ranks");
// anything else is this rank's own failure. The messages are Gloo's (seen in CI) and NCCL's as PyTorch 2.x words
// them under blocking wait (CI has no NCCL).
#include <gtest/gtest.h>

#include "training/CollectiveFailure.h"

namespace nf {
namespace {

TEST(CollectiveFailure, GlooLosingAPeer) {
    EXPECT_TRUE(collectiveFailureMeansARankIsGone("[../third_party/gloo/gloo/transport/tcp/pair.cc:598] Connection closed by peer [127.0.0.1]:9471"));
    EXPECT_TRUE(collectiveFailureMeansARankIsGone("Connection reset by peer"));
    EXPECT_TRUE(collectiveFailureMeansARankIsGone("write: Broken pipe"));
    EXPECT_TRUE(collectiveFailureMeansARankIsGone("[pair.cc:446] Timed out waiting 3000ms for recv operation to complete"));
}

TEST(CollectiveFailure, NcclLosingAPeer) {
    EXPECT_TRUE(collectiveFailureMeansARankIsGone(
        "[Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=5, OpType=ALLREDUCE, NumelIn=10, "
        "NumelOut=10, Timeout(ms)=3000) ran for 3001 milliseconds before timing out."));
    EXPECT_TRUE(collectiveFailureMeansARankIsGone("[Rank 1] Work WorkNCCL(SeqNum=9, OpType=BROADCAST) timed out in blocking wait"));
    EXPECT_TRUE(collectiveFailureMeansARankIsGone(
        "NCCL error: remote process exited or there was a network error, NCCL version 2.27.3"));
}

TEST(CollectiveFailure, ThisRanksOwnFailuresAreNotBlamedOnOthers) {
    EXPECT_FALSE(collectiveFailureMeansARankIsGone("CUDA out of memory. Tried to allocate 2.00 GiB"));
    EXPECT_FALSE(collectiveFailureMeansARankIsGone(
        "NCCL error in: ProcessGroupNCCL.cpp:1970, invalid usage, WorkNCCL(SeqNum=1, Timeout(ms)=600000)"));
    EXPECT_FALSE(collectiveFailureMeansARankIsGone("Tensors must be CUDA and dense"));
    EXPECT_FALSE(collectiveFailureMeansARankIsGone(""));
}

}  // namespace
}  // namespace nf
