// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/CollectiveFailure.h"

namespace nf {

bool collectiveFailureMeansARankIsGone(std::string_view cause) {
    // Not "Timeout": NCCL names its work item's "Timeout(ms)=..." in messages of other failures too.
    for (const std::string_view sign : {"losed by peer", "reset by peer", "roken pipe", "imed out", "timing out",
                                        "remote process exited"})
        if (cause.find(sign) != std::string_view::npos) return true;
    return false;
}

}  // namespace nf
