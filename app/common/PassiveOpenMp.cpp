// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/PassiveOpenMp.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>

namespace nf {

void ensurePassiveOpenMp(char** argv) {
    if (std::getenv("OMP_WAIT_POLICY")) return;
    if (setenv("OMP_WAIT_POLICY", "passive", 1) != 0) return;
    // Not loaded yet (LibTorch comes with the training module, loaded later): setting the variable is enough.
    // FluidSynth links libgomp, so a build with sound has it from the start and must restart.
    if (void* gomp = dlopen("libgomp.so.1", RTLD_LAZY | RTLD_NOLOAD)) {
        dlclose(gomp);
    } else {
        return;
    }
    // NOTEFORGE_NO_RESTART: for debuggers and profilers that follow one process (the variable is then set for
    // any child, but this process keeps OpenMP's default).
    if (std::getenv("NOTEFORGE_NO_RESTART")) return;
    execv("/proc/self/exe", argv);  // returns only on failure
}

const char* openMpWaitPolicy() {
    const char* policy = std::getenv("OMP_WAIT_POLICY");
    return policy ? policy : "(default)";
}

}  // namespace nf
