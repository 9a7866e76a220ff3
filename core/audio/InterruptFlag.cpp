// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/InterruptFlag.h"

#include <csignal>

namespace nf {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int sig) {
    g_interrupted.store(true);
    std::signal(sig, SIG_DFL);  // async-signal-safe; the next Ctrl+C ends the process the usual way
}

}  // namespace

const std::atomic<bool>& installInterruptFlag() {
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    return g_interrupted;
}

}  // namespace nf
