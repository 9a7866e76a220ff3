// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/RtMidiInputSource.h"

#include <rtmidi/RtMidi.h>

#include <algorithm>

#include "audio/MidiPortNames.h"

namespace nf {

RtMidiInputSource::RtMidiInputSource(MidiBackend backend, const std::string& clientName,
                                     SpscRing<RecordedMessage>& queue, std::atomic<std::size_t>& dropped)
    : MidiInputSource(queue, dropped), in_(makeMidiIn(backend, clientName)) {
    in_->ignoreTypes(true, true, true);  // no SysEx, clock or active sensing in a take
    in_->setCallback(&RtMidiInputSource::onMessage, this);
}

RtMidiInputSource::~RtMidiInputSource() {
    try {
        in_->cancelCallback();
        in_->closePort();
    } catch (...) {
        // Port already gone: nothing to release.
    }
}

std::vector<std::string> RtMidiInputSource::ports() const {
    std::vector<std::string> names;
    for (unsigned i = 0, n = in_->getPortCount(); i < n; ++i) names.push_back(in_->getPortName(i));
    return names;
}

void RtMidiInputSource::open(const std::string& port) {
    in_->openPort(resolveMidiPort(ports(), port, "input"), "NoteForge in");
}

void RtMidiInputSource::openVirtual(const std::string& name) { in_->openVirtualPort(name); }

void RtMidiInputSource::onMessage(double delta, std::vector<unsigned char>* message, void* data) {
    auto* self = static_cast<RtMidiInputSource*>(data);
    if (!message || message->empty() || message->size() > 3) return;
    if (self->first_) {
        self->first_ = false;
        self->clock_ = 0;
    } else {
        self->clock_ += delta;
    }
    RecordedMessage m;
    m.seconds = self->clock_;
    m.size = static_cast<std::uint8_t>(message->size());
    std::copy(message->begin(), message->end(), m.bytes);
    self->deliver(m);
}

}  // namespace nf
