// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/MidiRecorder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "audio/AudioError.h"
#include "audio/JackMidiInput.h"
#include "audio/RtMidiInputSource.h"

namespace nf {

MidiRecorder::MidiRecorder(const std::string& backend, const std::string& clientName) {
    const MidiBackendChoice choice = chooseMidiBackend(backend);
    if (!choice.usable) throw AudioError("no MIDI system: " + choice.note);
    backend_ = choice.backend;
    // JACK through our own client: RtMidi's JACK input loses each event's frame (see JackMidiInput.cpp).
    if (backend_ == MidiBackend::Jack) in_ = std::make_unique<JackMidiInput>(clientName, queue_, dropped_);
    else in_ = std::make_unique<RtMidiInputSource>(backend_, clientName, queue_, dropped_);
}

MidiRecorder::~MidiRecorder() = default;

std::vector<std::string> MidiRecorder::ports() const { return in_->ports(); }

void MidiRecorder::open(const std::string& port) { in_->open(port); }

void MidiRecorder::openVirtual(const std::string& name) { in_->openVirtual(name); }

bool MidiRecorder::inputLost() const { return in_ && in_->lost(); }

std::size_t MidiRecorder::inputRestarts() const { return in_ ? in_->restarts() : 0; }
std::size_t MidiRecorder::inputXruns() const { return in_ ? in_->xruns() : 0; }

void MidiRecorder::poll() {
    if (in_) in_->keepRunning();
    RecordedMessage m;
    while (queue_.pop(m)) take_.push_back(m);
}

void MidiRecorder::clear() {
    poll();
    take_.clear();
}

Score MidiRecorder::toScore(const RecordOptions& options) const { return toScore(take_, options); }

Score MidiRecorder::toScore(const std::vector<RecordedMessage>& messages, const RecordOptions& options) {
    Score score(options.ppq);
    score.setTempoChanges({TempoChange{0, static_cast<int>(std::lround(60'000'000.0 / options.bpm))}});
    const double ticksPerSecond = options.ppq * options.bpm / 60.0;
    // A take starts at its first message (also after clear(), which keeps the recorder's running clock).
    const double origin = messages.empty() ? 0.0 : messages.front().seconds;
    auto tickOf = [&](double s) { return static_cast<Tick>(std::llround((s - origin) * ticksPerSecond)); };
    auto snap = [&](Tick t) { return options.quantize > 0 ? (t + options.quantize / 2) / options.quantize * options.quantize : t; };

    std::array<int, 16> trackOf;
    trackOf.fill(-1);
    auto track = [&](int ch) -> Track& {
        if (trackOf[ch] < 0) {
            Track t;
            t.channel = ch;
            t.isDrum = ch == 9;
            t.name = t.isDrum ? "Drums" : "Channel " + std::to_string(ch + 1);
            trackOf[ch] = static_cast<int>(score.tracks.size());
            score.tracks.push_back(std::move(t));
        }
        return score.tracks[trackOf[ch]];
    };
    std::map<std::pair<int, int>, std::vector<std::pair<Tick, int>>> held;  // (channel, key) -> starts, velocities
    auto close = [&](int ch, int key, Tick end) {
        auto it = held.find({ch, key});
        if (it == held.end() || it->second.empty()) return;
        const auto [start, velocity] = it->second.front();  // first in, first out for repeated keys
        it->second.erase(it->second.begin());
        Note n;
        n.pitch = key;
        n.velocity = velocity;
        n.start = snap(start);
        n.duration = std::max<Tick>(snap(end) - n.start, options.quantize > 0 ? options.quantize : 1);
        score.addNote(static_cast<std::size_t>(trackOf[ch]), n);
    };

    Tick last = 0;
    for (const RecordedMessage& m : messages) {
        if (m.size < 2) continue;
        const int status = m.bytes[0] & 0xf0, ch = m.bytes[0] & 0x0f;
        const Tick t = tickOf(m.seconds);
        last = std::max(last, t);
        if (status == 0x90 && m.size == 3 && m.bytes[2] > 0) {
            track(ch);
            held[{ch, m.bytes[1]}].emplace_back(t, m.bytes[2]);
        } else if (status == 0x80 || (status == 0x90 && m.size == 3)) {
            close(ch, m.bytes[1], t);
        } else if (status == 0xb0 && m.size == 3 && m.bytes[1] >= 120) {
            // Channel mode messages (all notes off, all sound off, reset) end held notes; they are not music.
            if (m.bytes[1] == 120 || m.bytes[1] == 123)
                for (auto& [key, starts] : held)
                    if (key.first == ch)
                        while (!starts.empty()) close(ch, key.second, t);
        } else if (status == 0xb0 && m.size == 3) {
            track(ch).controls.push_back({snap(t), ControlEvent::Kind::Controller, m.bytes[1], m.bytes[2]});
        } else if (status == 0xc0) {
            Track& tr = track(ch);
            if (tr.notes.empty() && held.empty()) tr.program = m.bytes[1];
            else tr.controls.push_back({snap(t), ControlEvent::Kind::ProgramChange, 0, m.bytes[1]});
        } else if (status == 0xe0 && m.size == 3) {
            const int bend = (m.bytes[1] | (m.bytes[2] << 7)) - 8192;
            track(ch).controls.push_back({t, ControlEvent::Kind::PitchBend, 0, bend});
        } else if (status == 0xd0) {
            track(ch).controls.push_back({t, ControlEvent::Kind::ChannelPressure, 0, m.bytes[1]});
        }
    }
    for (auto& [key, starts] : held)
        while (!starts.empty()) close(key.first, key.second, last);
    // Channels that only carried controllers (a pedal reset, the sender's all-notes-off sweep) hold no music.
    std::erase_if(score.tracks, [](const Track& t) { return t.notes.empty(); });
    score.normalize();
    return score;
}

}  // namespace nf
