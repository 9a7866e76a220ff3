// SPDX-License-Identifier: GPL-3.0-or-later
#include "JackMidiBurst.h"

#include <jack/midiport.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace nf::test {

JackMidiBurst::JackMidiBurst(const std::string& clientName, const std::string& portName) {
    jack_status_t status{};
    client_ = jack_client_open(clientName.c_str(), JackNoStartServer, &status);
    if (!client_) throw std::runtime_error("JackMidiBurst: no JACK server");
    port_ = jack_port_register(client_, portName.c_str(), JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
    if (!port_ || jack_set_process_callback(client_, &JackMidiBurst::process, this) != 0 ||
        jack_activate(client_) != 0) {
        jack_client_close(client_);
        throw std::runtime_error("JackMidiBurst: cannot set up the client");
    }
}

JackMidiBurst::~JackMidiBurst() {
    jack_deactivate(client_);
    jack_client_close(client_);
}

std::uint32_t JackMidiBurst::bufferSize() const { return jack_get_buffer_size(client_); }

double JackMidiBurst::sampleRate() const { return jack_get_sample_rate(client_); }

bool JackMidiBurst::sendInOnePeriod(const Event* events, std::size_t count, double limitSeconds) {
    if (count > kMaxEvents) return false;
    for (std::size_t i = 0; i < count; ++i) events_[i] = events[i];
    count_ = count;
    written_.store(0, std::memory_order_relaxed);
    pending_.store(true, std::memory_order_release);
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(limitSeconds);
    while (written_.load(std::memory_order_acquire) == 0) {
        if (std::chrono::steady_clock::now() > end) {
            pending_.store(false, std::memory_order_release);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return written_.load(std::memory_order_acquire) > 0;
}

int JackMidiBurst::process(jack_nframes_t frames, void* data) {
    auto* self = static_cast<JackMidiBurst*>(data);
    void* buffer = jack_port_get_buffer(self->port_, frames);
    jack_midi_clear_buffer(buffer);  // an output port's buffer must be cleared every period
    if (self->pending_.load(std::memory_order_acquire)) {
        bool all = true;
        for (std::size_t i = 0; i < self->count_; ++i) {
            const Event& e = self->events_[i];
            if (e.offset >= frames || jack_midi_event_write(buffer, e.offset, e.bytes, 3) != 0) all = false;
        }
        self->pending_.store(false, std::memory_order_relaxed);
        self->written_.store(all ? 1 : -1, std::memory_order_release);
    } else if (self->pinging_.load(std::memory_order_acquire)) {
        const jack_midi_data_t allNotesOff16[] = {0xbf, 123, 0};
        jack_midi_event_write(buffer, 0, allNotesOff16, 3);
    }
    return 0;
}

}  // namespace nf::test
