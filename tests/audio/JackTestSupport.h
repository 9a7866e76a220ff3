// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <sstream>
#include <string>
#include <vector>
#include <thread>

#include "audio/JackProbe.h"
#include "audio/MidiOutput.h"
#include "audio/MidiRecorder.h"

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

// JACK makes a new connection live at a later process cycle; on a loaded machine that can be after the first events
// were sent, and they are lost. Handshake instead of guessing a delay: send a harmless message (all notes off on
// channel 16) until the recorder hears one, let the stragglers arrive, then start from an empty take.
inline bool waitUntilConnectionLive(MidiOutput& out, MidiRecorder& rec, double limitSeconds = 20) {
    const std::uint8_t allNotesOff16[] = {0xbf, 123, 0};
    const bool live = waitFor(
        [&] {
            out.sendBytes(allNotesOff16, sizeof allNotesOff16);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            rec.poll();
            return !rec.messages().empty();
        },
        limitSeconds);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    rec.clear();
    return live;
}

// A take in short form for failure messages: "t=0.000000 c0 13 64; ..." (seconds to the microsecond, so a frame
// shows, then status and data bytes in hex).
inline std::string describe(const std::vector<RecordedMessage>& take) {
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(6);
    for (const RecordedMessage& m : take) {
        out << "t=" << m.seconds << std::hex;
        for (int i = 0; i < m.size; ++i) out << ' ' << int{m.bytes[i]};
        out << std::dec << "; ";
    }
    return out.str();
}

}  // namespace nf::test
