// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-written rather than RtMidi's JACK input: RtMidi 5.0 (Debian's librtmidi) hides the frame offset JACK gives
// each event inside a period and stamps every event with jack_get_time() at the moment its process callback runs
// (RtMidi.cpp, jackProcessIn). All events of one period then get the same time, and a callback that runs late on a
// loaded machine stamps them late by as much, which quantising can turn into a note on the wrong grid step. Only
// the client that owns the port sees the offsets, so the port has to be ours; it is a few dozen lines of plain
// libjack. ALSA input stays with RtMidi, whose ALSA input reads the sequencer queue's timestamps.
//
// Which clock times a period: JACK's frame clock alone (jack_last_frame_time()) fell up to 110 ms behind the
// sender's clock within 3 s on the test server under a busy build (late cycles are not made up in frames), and
// JackMidi.ScorePlayedToAPortIsRecordedBack then put notes a grid step early. The wall-clock time the server woke up
// for each period (jack_get_time() less jack_frames_since_cycle_start()) follows the sender but jitters by
// milliseconds from period to period, so a period that woke late overlapped the next one. So periods are laid end
// to end, each as long as its frames (exact spacing), slewed towards their wake-up times by at most 0.5% of a period, and
// moved up to the wake-up time when they fall a whole period behind it (time the server lost).
#include "audio/JackMidiInput.h"

#include <jack/jack.h>
#include <jack/midiport.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <thread>

#include "audio/AudioError.h"
#include "audio/JackProbe.h"
#include "audio/MidiPortNames.h"

namespace nf {

JackMidiInput::JackMidiInput(const std::string& clientName, SpscRing<RecordedMessage>& queue,
                             std::atomic<std::size_t>& dropped)
    : MidiInputSource(queue, dropped) {
    // A client whose first period does not come is closed and opened again (see keepRunning()).
    constexpr int kAttempts = 3;
    constexpr auto kFirstPeriodWithin = std::chrono::seconds(2);
    for (int attempt = 1;; ++attempt) {
        openClient(clientName);
        const auto deadline = std::chrono::steady_clock::now() + kFirstPeriodWithin;
        while (periods_.load(std::memory_order_acquire) == 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (periods_.load(std::memory_order_acquire) > 0) {
            clientName_ = clientName;
            return;
        }
        jack_deactivate(client_);
        jack_client_close(client_);
        client_ = nullptr;
        if (attempt == kAttempts)
            throw AudioError("MIDI (jack): the JACK server '" + jackServerName() + "' does not run the client '" +
                             clientName + "' (no period in 2 s, " + std::to_string(kAttempts) + " tries)");
    }
}

// jackd 1.9.21 (asynchronous, non-realtime, as in the tests) now and then stops running a client for good: the
// server marks it triggered, the client's thread waits on in libjack, and every period after that is "not
// finished". Seen 4 times in 80 when `noteforge-cli record` ran in its own process with a keyboard connected from
// another (CliJack.RecordWritesWhatAKeyboardPlayed), whatever the client's name. The take would be silence from
// then on. So: when a second of the server's frames passes without a period of ours, the client is closed and
// opened again with the same port and the same connections.
bool JackMidiInput::keepRunning() {
    if (!client_ || lost()) return false;
    const unsigned long periods = periods_.load(std::memory_order_acquire);
    const jack_nframes_t now = jack_frame_time(client_);
    if (periods != watchPeriods_ || !watching_) {
        watching_ = true;
        watchPeriods_ = periods;
        watchFrame_ = now;
        return false;
    }
    if (static_cast<double>(now - watchFrame_) < rate_) return false;  // wraps correctly: unsigned difference
    std::string portName;
    std::vector<std::string> sources;
    if (jack_port_t* port = port_.load(std::memory_order_acquire)) {
        portName = jack_port_short_name(port);
        if (const char** connected = jack_port_get_all_connections(client_, port)) {
            for (const char** c = connected; *c; ++c) sources.emplace_back(*c);
            jack_free(connected);
        }
    }
    jack_deactivate(client_);
    jack_client_close(client_);
    client_ = nullptr;
    port_.store(nullptr, std::memory_order_release);
    openClient(clientName_);
    if (!portName.empty()) {
        registerPort(portName);
        for (const std::string& s : sources) jack_connect(client_, s.c_str(), jack_port_name(port_.load()));
    }
    watching_ = false;
    ++restarts_;
    return true;
}

void JackMidiInput::openClient(const std::string& clientName) {
    jack_status_t status{};
    client_ = jack_client_open(clientName.c_str(), JackNoStartServer, &status);
    if (!client_) throw AudioError("MIDI (jack): the JACK server '" + jackServerName() + "' refused the client");
    rate_ = jack_get_sample_rate(client_);
    jack_on_shutdown(client_, &JackMidiInput::onShutdown, this);
    jack_set_xrun_callback(client_, &JackMidiInput::onXrun, this);
    if (jack_set_process_callback(client_, &JackMidiInput::process, this) != 0 || jack_activate(client_) != 0) {
        jack_client_close(client_);
        client_ = nullptr;
        throw AudioError("MIDI (jack): cannot start the JACK client '" + clientName + "'");
    }
}

JackMidiInput::~JackMidiInput() {
    if (!client_) return;
    jack_deactivate(client_);
    jack_client_close(client_);  // unregisters the port too
}

std::vector<std::string> JackMidiInput::ports() const {
    std::vector<std::string> names;
    if (const char** ports = jack_get_ports(client_, nullptr, JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput)) {
        for (const char** p = ports; *p; ++p) names.emplace_back(*p);
        jack_free(ports);
    }
    return names;
}

void JackMidiInput::registerPort(const std::string& name) {
    if (port_.load(std::memory_order_acquire)) return;  // one port per recorder, as with RtMidi
    jack_port_t* port = jack_port_register(client_, name.c_str(), JACK_DEFAULT_MIDI_TYPE, JackPortIsInput, 0);
    if (!port) throw AudioError("MIDI (jack): cannot create the input port '" + name + "'");
    port_.store(port, std::memory_order_release);
}

void JackMidiInput::open(const std::string& port) {
    const std::vector<std::string> names = ports();
    const std::string& source = names[resolveMidiPort(names, port, "input")];
    registerPort("NoteForge in");
    const int rc = jack_connect(client_, source.c_str(), jack_port_name(port_.load(std::memory_order_acquire)));
    if (rc != 0 && rc != EEXIST) throw AudioError("MIDI (jack): cannot connect '" + source + "' to NoteForge");
}

void JackMidiInput::openVirtual(const std::string& name) { registerPort(name); }

void JackMidiInput::onShutdown(void* self) { static_cast<JackMidiInput*>(self)->lost_.store(true, std::memory_order_release); }

int JackMidiInput::onXrun(void* self) {
    static_cast<JackMidiInput*>(self)->xruns_.fetch_add(1, std::memory_order_relaxed);
    return 0;
}

int JackMidiInput::process(jack_nframes_t frames, void* data) {
    auto* self = static_cast<JackMidiInput*>(data);
    self->periods_.fetch_add(1, std::memory_order_release);
    // When the server woke up for this period (exact to a frame while the callback runs inside its period: always
    // with a synchronous server).
    const double wokeUsecs = static_cast<double>(jack_get_time()) -
                             jack_frames_since_cycle_start(self->client_) * 1e6 / self->rate_;
    const double periodUsecs = frames * 1e6 / self->rate_;
    const double endToEnd = self->periodStartUsecs_ + self->lastPeriodUsecs_;
    if (!self->clockStarted_ || wokeUsecs > endToEnd + periodUsecs) {
        self->clockStarted_ = true;
        self->periodStartUsecs_ = wokeUsecs;
    } else {
        const double slew = 0.005 * periodUsecs;
        self->periodStartUsecs_ = std::clamp(wokeUsecs, endToEnd - slew, endToEnd + slew);
    }
    self->lastPeriodUsecs_ = periodUsecs;
    const double periodStartUsecs = self->periodStartUsecs_;

    jack_port_t* port = self->port_.load(std::memory_order_acquire);
    if (!port) return 0;
    void* buffer = jack_port_get_buffer(port, frames);
    if (const jack_nframes_t lost = jack_midi_get_lost_event_count(buffer)) self->countDropped(lost);
    const jack_nframes_t count = jack_midi_get_event_count(buffer);
    for (jack_nframes_t i = 0; i < count; ++i) {
        jack_midi_event_t event;
        if (jack_midi_event_get(&event, buffer, i) != 0) continue;
        if (event.size == 0 || event.size > 3) continue;  // SysEx is no part of a take
        const std::uint8_t status = event.buffer[0];
        // JACK carries whole messages (no running status); clock, active sensing, time code and stray SysEx
        // bytes are no music either, as RtMidi's ignoreTypes(true, true, true) had it.
        if (status < 0x80 || status == 0xf0 || status == 0xf1 || status == 0xf7 || status == 0xf8 || status == 0xfe)
            continue;
        const double usecs = periodStartUsecs + event.time * 1e6 / self->rate_;
        if (self->first_) {
            self->first_ = false;
            self->originUsecs_ = usecs;
        }
        // The slew could put a message at the very end of a period a fraction of a frame after the next one.
        self->lastSeconds_ = std::max(self->lastSeconds_, (usecs - self->originUsecs_) * 1e-6);
        RecordedMessage m;
        m.seconds = self->lastSeconds_;
        m.size = static_cast<std::uint8_t>(event.size);
        for (std::size_t b = 0; b < event.size; ++b) m.bytes[b] = event.buffer[b];
        self->deliver(m);
    }
    return 0;
}

}  // namespace nf
