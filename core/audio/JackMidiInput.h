// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <jack/types.h>

#include <atomic>
#include <string>
#include <vector>

#include "audio/MidiInputSource.h"

namespace nf {

// MIDI input from JACK through a small JACK client of our own: one MIDI input port, whose process callback stamps
// each event at the time its period began plus the event's frame offset, so events keep the spacing they were
// played with, however late the callback itself runs (how a period is timed: see JackMidiInput.cpp). The client is named
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
    bool lost() const override { return lost_.load(std::memory_order_acquire); }
    // Not realtime-safe (closes and opens a JACK client): from the thread that polls the recorder.
    bool keepRunning() override;
    std::size_t restarts() const override { return restarts_; }
    std::size_t xruns() const override { return xruns_.load(std::memory_order_relaxed); }

private:
    // Realtime-safe: the JACK process callback (no locks, no allocation; it only pushes to the queue).
    static int process(jack_nframes_t frames, void* self);
    // Called by libjack on its own thread when the server stops or drops the client: only sets a flag.
    static void onShutdown(void* self);
    // Called by libjack on its notification thread after an xrun: only counts.
    static int onXrun(void* self);
    void registerPort(const std::string& name);
    void openClient(const std::string& clientName);

    jack_client_t* client_ = nullptr;
    std::atomic<jack_port_t*> port_{nullptr};  // set once by open()/openVirtual(), read by process()
    double rate_ = 0;                          // the server's sample rate (JACK keeps it for a server's lifetime)
    std::atomic<bool> lost_{false};            // set by onShutdown()
    std::atomic<std::size_t> xruns_{0};        // counted by onXrun(), over every client this source opened
    std::atomic<unsigned long> periods_{0};    // process() calls so far: the client runs once this is above 0

    // keepRunning() only.
    std::string clientName_;
    bool watching_ = false;
    unsigned long watchPeriods_ = 0;  // periods_ when last seen to move
    jack_nframes_t watchFrame_ = 0;   // the server's frame time then
    std::size_t restarts_ = 0;

    // process() only.
    bool clockStarted_ = false;
    double periodStartUsecs_ = 0;  // the current period's start on JACK's microsecond clock
    double lastPeriodUsecs_ = 0;   // the previous period's length
    bool first_ = true;            // no message delivered yet
    double originUsecs_ = 0;       // JACK time of the first message: its time 0
    double lastSeconds_ = 0;       // the last stamp given: stamps never go back
};

}  // namespace nf
