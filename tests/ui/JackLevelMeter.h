// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <jack/jack.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <string>

namespace nf::uitest {

// A JACK client with two inputs that remembers the loudest sample it has heard: what a listener on the other end of
// the studio's outputs would get. Its process callback only reads buffers and stores one atomic float.
class JackLevelMeter {
public:
    JackLevelMeter() {
        jack_status_t status{};
        client_ = jack_client_open("nf-test-meter", JackNoStartServer, &status);
        if (!client_) return;
        in_[0] = jack_port_register(client_, "in_1", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        in_[1] = jack_port_register(client_, "in_2", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        jack_set_process_callback(client_, &JackLevelMeter::process, this);
        if (jack_activate(client_) != 0) close();
    }
    ~JackLevelMeter() { close(); }
    JackLevelMeter(const JackLevelMeter&) = delete;
    JackLevelMeter& operator=(const JackLevelMeter&) = delete;

    bool isOpen() const { return client_ != nullptr; }
    // Connects every audio output of the clients named `clientPrefix`... to the meter, in turn to in_1 and in_2.
    int listenTo(const std::string& clientPrefix) {
        int connected = 0;
        const char** ports = jack_get_ports(client_, nullptr, JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput);
        if (!ports) return 0;
        for (const char** p = ports; *p; ++p)
            if (std::string(*p).rfind(clientPrefix, 0) == 0 &&
                jack_connect(client_, *p, jack_port_name(in_[connected % 2])) == 0)
                ++connected;
        jack_free(ports);
        return connected;
    }
    float peak() const { return peak_.load(); }
    void reset() { peak_.store(0); }
    std::int64_t framesHeard() const { return frames_.load(); }

private:
    static int process(jack_nframes_t frames, void* arg) {
        auto* self = static_cast<JackLevelMeter*>(arg);
        float loudest = 0;
        for (jack_port_t* port : self->in_) {
            const auto* buffer = static_cast<const float*>(jack_port_get_buffer(port, frames));
            for (jack_nframes_t i = 0; i < frames; ++i) loudest = std::max(loudest, std::abs(buffer[i]));
        }
        if (loudest > self->peak_.load(std::memory_order_relaxed)) self->peak_.store(loudest);
        self->frames_.fetch_add(frames);
        return 0;
    }
    void close() {
        if (client_) jack_client_close(client_);
        client_ = nullptr;
    }

    jack_client_t* client_ = nullptr;
    jack_port_t* in_[2] = {nullptr, nullptr};
    std::atomic<float> peak_{0};
    std::atomic<std::int64_t> frames_{0};
};

}  // namespace nf::uitest
