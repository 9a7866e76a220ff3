// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/InterruptFlag.h"

#include <pthread.h>
#include <signal.h>

#include <mutex>
#include <thread>

namespace nf {

namespace {

std::atomic<bool> g_interrupted{false};

sigset_t interruptSignals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

// The only thread that receives SIGINT and SIGTERM (all others block them). The first sets the flag; the second
// is given its default action, which ends the process.
void watchSignals() {
    const sigset_t set = interruptSignals();
    int sig = 0;
    while (sigwait(&set, &sig) != 0) {
    }
    g_interrupted.store(true);
    while (sigwait(&set, &sig) != 0) {
    }
    signal(sig, SIG_DFL);
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
    raise(sig);
}

}  // namespace

const std::atomic<bool>& installInterruptFlag() {
    static std::once_flag once;
    std::call_once(once, [] {
        const sigset_t set = interruptSignals();
        pthread_sigmask(SIG_BLOCK, &set, nullptr);
        std::thread(watchSignals).detach();
    });
    return g_interrupted;
}

}  // namespace nf
