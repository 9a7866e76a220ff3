// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/EventSchedule.h"

#include <algorithm>

namespace nf {

namespace {

// Order of kinds at one instant (see the class comment).
int rank(MidiEvent::Type t) {
    switch (t) {
    case MidiEvent::ProgramChange: return 0;
    case MidiEvent::Controller:
    case MidiEvent::PitchBend:
    case MidiEvent::ChannelPressure: return 1;
    case MidiEvent::NoteOff: return 2;
    case MidiEvent::NoteOn: return 3;
    }
    return 4;
}

std::uint8_t clamp7(int v) { return static_cast<std::uint8_t>(std::clamp(v, 0, 127)); }

}  // namespace

int EventSchedule::channelOf(const Track& track) { return track.isDrum ? 9 : std::clamp(track.channel, 0, 15); }

EventSchedule::EventSchedule(const Score& score, const Mix& mix, bool dropInaudible) : trackCount_(score.tracks.size()) {
    const TempoMap& tempo = score.tempoMap();
    for (std::size_t ti = 0; ti < score.tracks.size(); ++ti) {
        const Track& track = score.tracks[ti];
        const TrackMix tm = mix.at(ti);
        const auto ch = static_cast<std::uint8_t>(channelOf(track));
        const auto tr = static_cast<std::uint16_t>(std::min<std::size_t>(ti, 0xffff));
        auto add = [&](double s, MidiEvent::Type type, int d1, int d2) {
            events_.push_back({s, MidiEvent{type, ch, clamp7(d1), static_cast<std::int16_t>(d2), tr}});
        };
        const int bank = tm.bank.value_or(track.bank);
        if (bank != 0 && !track.isDrum) {
            add(0, MidiEvent::Controller, cc::BankSelectMsb, (bank >> 7) & 0x7f);
            add(0, MidiEvent::Controller, cc::BankSelectLsb, bank & 0x7f);
        }
        add(0, MidiEvent::ProgramChange, tm.program.value_or(track.program), 0);
        if (tm.volume) add(0, MidiEvent::Controller, cc::Volume, clamp7(*tm.volume));
        if (tm.pan) add(0, MidiEvent::Controller, cc::Pan, clamp7(*tm.pan));

        for (const ControlEvent& c : track.controls) {
            const double s = tempo.secondsAt(c.tick);
            switch (c.kind) {
            case ControlEvent::Kind::Controller:
                // The mixer's volume/pan win over the track's own for as long as they are set.
                if ((c.number == cc::Volume && tm.volume) || (c.number == cc::Pan && tm.pan)) break;
                add(s, MidiEvent::Controller, c.number, clamp7(c.value));
                break;
            case ControlEvent::Kind::ProgramChange:
                if (!tm.program) add(s, MidiEvent::ProgramChange, c.value, 0);
                break;
            case ControlEvent::Kind::PitchBend:
                add(s, MidiEvent::PitchBend, 0, std::clamp(c.value, -8192, 8191));
                break;
            case ControlEvent::Kind::ChannelPressure:
                add(s, MidiEvent::ChannelPressure, 0, clamp7(c.value));
                break;
            }
        }
        if (dropInaudible && !mix.audible(ti)) continue;
        for (const Note& n : track.notes) {
            if (n.pitch < 0 || n.pitch > 127) continue;
            add(tempo.secondsAt(n.start), MidiEvent::NoteOn, n.pitch, std::clamp(n.velocity, 1, 127));
            add(tempo.secondsAt(n.end()), MidiEvent::NoteOff, n.pitch, 0);
        }
    }
    std::stable_sort(events_.begin(), events_.end(), [](const TimedEvent& a, const TimedEvent& b) {
        if (a.seconds != b.seconds) return a.seconds < b.seconds;
        return rank(a.event.type) < rank(b.event.type);
    });
    for (std::size_t i = 0; i < events_.size(); ++i) {
        const auto t = events_[i].event.type;
        if (t != MidiEvent::NoteOn && t != MidiEvent::NoteOff) stateEvents_.push_back(i);
    }
    endSeconds_ = events_.empty() ? 0 : events_.back().seconds;
}

std::size_t EventSchedule::indexAt(double seconds) const noexcept {
    const auto it = std::lower_bound(events_.begin(), events_.end(), seconds,
                                     [](const TimedEvent& e, double s) { return e.seconds < s; });
    return static_cast<std::size_t>(it - events_.begin());
}

}  // namespace nf
