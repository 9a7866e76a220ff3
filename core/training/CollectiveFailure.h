// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace nf {

// Whether the failure of a data-parallel exchange (engine/DataParallel) means another rank is gone (killed, hung,
// its machine unreachable) rather than this rank's own failure, from the words the collectives libraries use:
// Gloo's "Connection closed by peer" / "reset by peer" / "Broken pipe" / "Timed out", and NCCL's (PyTorch 2.x,
// blocking wait) "... before timing out", "timed out in blocking wait" and "remote process exited".
// Plain C++, so that CI tests it with the NCCL messages it never sees from a real NCCL.
bool collectiveFailureMeansARankIsGone(std::string_view cause);

}  // namespace nf
