// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "audio/MidiBackend.h"
#include "audio/MidiInputSource.h"

class RtMidiIn;

namespace nf {

// MIDI input through RtMidi, used for the ALSA sequencer: RtMidi's ALSA input stamps each event with the
// sequencer queue's time of arrival, so its deltas are the played timing. (Its JACK input stamps an event with the
// time its process callback happened to run instead; JACK input goes through JackMidiInput.)
class RtMidiInputSource : public MidiInputSource {
public:
    RtMidiInputSource(MidiBackend backend, const std::string& clientName, SpscRing<RecordedMessage>& queue,
                      std::atomic<std::size_t>& dropped);
    ~RtMidiInputSource() override;

    std::vector<std::string> ports() const override;
    void open(const std::string& port) override;
    void openVirtual(const std::string& name) override;

private:
    // Runs on RtMidi's input thread: no locks, no allocation.
    static void onMessage(double delta, std::vector<unsigned char>* message, void* self);

    std::unique_ptr<RtMidiIn> in_;
    double clock_ = 0;   // RtMidi thread only: running sum of the driver's deltas
    bool first_ = true;  // RtMidi thread only
};

}  // namespace nf
