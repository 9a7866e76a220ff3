// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <jack/types.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "audio/MidiInputSource.h"

namespace nf {

// MIDI input from JACK through a small JACK client of our own: one MIDI input port, whose process callback stamps
// each event with its place on JACK's frame clock (the period's first frame plus the event's frame offset), so
// events keep the spacing they were played with, however late the callback itself runs. The client is named
// `clientName` (JACK appends -01, -02 to a name in use); an opened port is "NoteForge in", as with RtMidi.
class JackMidiInput : public MidiInputSource {
public:
    // Throws AudioError when no JACK server accepts the client.
    JackMidiInput(const std::string& clientName, SpscRing<RecordedMessage>& queue, std::atomic<std::size_t>& dropped);
    ~JackMidiInput() override;  // deactivates the client first: no callback runs once it returns

    // The JACK MIDI output ports of every client: what a keyboard or a sequencer offers.
    std::vector<std::string> ports() const override;
    void open(const std::string& port) override;
    void openVirtual(const std::string& name) override;

private:
    // Realtime-safe: the JACK process callback (no locks, no allocation; it only pushes to the queue).
    static int process(jack_nframes_t frames, void* self);
    void registerPort(const std::string& name);

    jack_client_t* client_ = nullptr;
    std::atomic<jack_port_t*> port_{nullptr};  // set once by open()/openVirtual(), read by process()
    double rate_ = 0;                          // the server's sample rate (JACK keeps it for a server's lifetime)

    // process() only. JACK's frame clock is 32 bits wide (a day at 48 kHz); frames_ extends it to 64.
    bool clockStarted_ = false;
    jack_nframes_t lastCycleStart_ = 0;
    std::uint64_t frames_ = 0;      // the current period's first frame, 64-bit
    bool first_ = true;             // no message delivered yet
    std::uint64_t originFrame_ = 0; // the first message's frame: its time 0
};

}  // namespace nf
