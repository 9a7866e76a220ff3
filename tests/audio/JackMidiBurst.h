// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <jack/jack.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <string>

namespace nf::test {

// A test-only JACK client with one MIDI output port that writes events at chosen frame offsets inside ONE process
// period: what a hardware keyboard's driver hands a JACK graph when several keys arrive within a period. RtMidi's
// output cannot do this (it writes every queued message at offset 0), and a recorder's timestamps can only be
// checked against such known offsets.
class JackMidiBurst {
public:
    struct Event {
        std::uint32_t offset = 0;  // frames from the start of the period
        std::uint8_t bytes[3] = {0, 0, 0};
    };
    static constexpr std::size_t kMaxEvents = 8;

    // Throws std::runtime_error when no JACK server accepts the client.
    JackMidiBurst(const std::string& clientName, const std::string& portName);
    ~JackMidiBurst();
    JackMidiBurst(const JackMidiBurst&) = delete;
    JackMidiBurst& operator=(const JackMidiBurst&) = delete;

    std::uint32_t bufferSize() const;
    double sampleRate() const;

    // While on, writes all-notes-off on channel 16 at offset 0 every period: a harmless message to wait for until
    // a new connection is live.
    void setPinging(bool on) { pinging_.store(on, std::memory_order_release); }
    // Writes `count` events (offsets ascending, each below bufferSize()) in the next period; false when the period
    // did not come within `limitSeconds` or an event did not fit.
    bool sendInOnePeriod(const Event* events, std::size_t count, double limitSeconds = 10);

private:
    static int process(jack_nframes_t frames, void* self);

    jack_client_t* client_ = nullptr;
    jack_port_t* port_ = nullptr;
    std::array<Event, kMaxEvents> events_{};  // written before pending_ is released, read by process()
    std::size_t count_ = 0;
    std::atomic<bool> pending_{false};
    std::atomic<int> written_{0};  // process(): 1 = all written, -1 = some did not fit
    std::atomic<bool> pinging_{false};
};

}  // namespace nf::test
