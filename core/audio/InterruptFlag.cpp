// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/InterruptFlag.h"

#include <csignal>

namespace nf {

namespace {

std::atomic<bool> g_interrupted{false};

// extern "C" names ignore namespaces, so the name is unique program-wide.
extern "C" void noteforgeInterruptFlagHandler(int sig) {
    g_interrupted.store(true);
    std::signal(sig, SIG_DFL);  // async-signal-safe; the next Ctrl+C ends the process the usual way
}

}  // namespace

const std::atomic<bool>& installInterruptFlag() {
    std::signal(SIGINT, noteforgeInterruptFlagHandler);
    std::signal(SIGTERM, noteforgeInterruptFlagHandler);
    return g_interrupted;
}

}  // namespace nf
