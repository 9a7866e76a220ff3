// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <thread>

#include "audio/JackProbe.h"

namespace nf::test {

// JACK tests run under ctest's audio_jack fixture, which starts a private dummy-backend server and exports
// JACK_DEFAULT_SERVER; run alone they skip unless a server is up.
inline bool jackReady() { return jackServerRunning(); }

// Waits until `done()` holds, polling every 10 ms; false after `limitSeconds` (a guard against hanging, not a
// timing check).
inline bool waitFor(const std::function<bool()>& done, double limitSeconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(limitSeconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace nf::test
