// SPDX-License-Identifier: GPL-3.0-or-later
#include "smf/MidiFileWriter.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "music/MusicError.h"
#include "smf/Vlq.h"
#include "util/AtomicFile.h"

namespace nf {

namespace {

// Events of one track waiting to be sorted into file order. `rank` orders kinds at one tick: note-offs first, so a
// repeated note is released before it sounds again, then texts and controls (sustain, program) so they apply to
// the notes of that tick, then note-ons. Note-ons of one pitch go shortest first, so that a reader pairing
// note-offs first-in first-out (ours, and most players) gets back the same durations.
struct OutEvent {
    Tick tick;
    std::uint8_t rank;
    std::uint8_t kind;
    int key;         // pitch for note-ons
    Tick key2;       // duration for note-ons
    std::uint32_t index;  // into the source vector of its kind

    bool operator<(const OutEvent& o) const {
        return std::tie(tick, rank, key, key2, index) < std::tie(o.tick, o.rank, o.key, o.key2, o.index);
    }
};

enum Kind : std::uint8_t { NoteOff, NoteOn, Control, Lyric, Tempo, Meter, KeySig };

std::uint8_t clamp7(int v) { return static_cast<std::uint8_t>(std::clamp(v, 0, 127)); }

class TrackBytes {
public:
    explicit TrackBytes(std::vector<std::uint8_t>& out) : out_(out) {
        start_ = out_.size();
        // "MTrk" and a length filled in by finish().
        for (int b : {0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 0}) out_.push_back(static_cast<std::uint8_t>(b));
    }

    // Advances to `tick`. A gap wider than one delta can hold (2^28 ticks) is bridged with empty text events.
    void at(Tick tick) {
        tick = std::max(tick, last_);
        Tick delta = tick - last_;
        while (delta > static_cast<Tick>(smf::kMaxVlq)) {
            smf::appendVlq(out_, smf::kMaxVlq);
            put(0xFF, 0x01, 0x00);
            delta -= smf::kMaxVlq;
        }
        smf::appendVlq(out_, static_cast<std::uint32_t>(delta));
        last_ = tick;
    }
    void channel(std::uint8_t status, std::uint8_t d1) {
        out_.push_back(status);
        out_.push_back(d1);
    }
    void channel(std::uint8_t status, std::uint8_t d1, std::uint8_t d2) { put(status, d1, d2); }
    void meta(std::uint8_t type, const std::uint8_t* data, std::size_t size) {
        size = std::min<std::size_t>(size, smf::kMaxVlq);
        out_.push_back(0xFF);
        out_.push_back(type);
        smf::appendVlq(out_, static_cast<std::uint32_t>(size));
        out_.insert(out_.end(), data, data + size);
    }
    void text(std::uint8_t type, const std::string& s) {
        meta(type, reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
    }
    // End of Track, then the chunk length now that it is known.
    void finish(Tick endTick) {
        at(endTick);
        put(0xFF, 0x2F, 0x00);
        const std::size_t length = out_.size() - start_ - 8;
        if (length > 0xFFFFFFFFu) throw MusicError("", "track too large for a MIDI file");
        for (int i = 0; i < 4; ++i) out_[start_ + 4 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(length >> (24 - 8 * i));
    }

private:
    void put(std::uint8_t a, std::uint8_t b, std::uint8_t c) {
        out_.push_back(a);
        out_.push_back(b);
        out_.push_back(c);
    }

    std::vector<std::uint8_t>& out_;
    std::size_t start_ = 0;
    Tick last_ = 0;
};

int log2Floor(int v) {
    int n = 0;
    while (v > 1) v >>= 1, ++n;
    return n;
}

void writeConductor(std::vector<std::uint8_t>& out, const Score& score, const MidiWriteOptions& options) {
    TrackBytes t(out);
    if (!score.title.empty()) t.at(0), t.text(0x03, score.title);
    for (const auto& text : options.texts) t.at(0), t.text(0x01, text);
    const auto& tempos = score.tempoMap().changes();
    const auto& meters = score.timeSignatures;
    const auto& keys = score.keySignatures;
    std::vector<OutEvent> events;
    events.reserve(tempos.size() + meters.size() + keys.size());
    for (std::uint32_t i = 0; i < meters.size(); ++i) events.push_back({std::max<Tick>(0, meters[i].tick), 0, Meter, 0, 0, i});
    for (std::uint32_t i = 0; i < keys.size(); ++i) events.push_back({std::max<Tick>(0, keys[i].tick), 1, KeySig, 0, 0, i});
    for (std::uint32_t i = 0; i < tempos.size(); ++i) events.push_back({tempos[i].tick, 2, Tempo, 0, 0, i});
    std::sort(events.begin(), events.end());
    Tick end = 0;
    for (const auto& e : events) {
        t.at(e.tick);
        end = e.tick;
        if (e.kind == Meter) {
            const TimeSignature& m = meters[e.index];
            // 24 MIDI clocks per metronome click and 8 thirty-seconds per quarter: the values every writer uses.
            const std::uint8_t d[4] = {static_cast<std::uint8_t>(std::clamp(m.numerator, 1, 255)),
                                       static_cast<std::uint8_t>(log2Floor(std::max(1, m.denominator))), 24, 8};
            t.meta(0x58, d, 4);
        } else if (e.kind == KeySig) {
            const std::uint8_t d[2] = {static_cast<std::uint8_t>(static_cast<std::int8_t>(std::clamp(keys[e.index].sharps, -7, 7))),
                                       static_cast<std::uint8_t>(keys[e.index].minor ? 1 : 0)};
            t.meta(0x59, d, 2);
        } else {
            const int us = std::clamp(tempos[e.index].microsPerQuarter, 1, 0xFFFFFF);
            const std::uint8_t d[3] = {static_cast<std::uint8_t>(us >> 16), static_cast<std::uint8_t>(us >> 8),
                                       static_cast<std::uint8_t>(us)};
            t.meta(0x51, d, 3);
        }
    }
    t.finish(end);
}

void writeTrack(std::vector<std::uint8_t>& out, const Track& track, std::vector<OutEvent>& events) {
    const std::uint8_t ch = static_cast<std::uint8_t>(track.isDrum ? 9 : (track.channel & 0x0F));
    TrackBytes t(out);
    if (!track.name.empty()) t.at(0), t.text(0x03, track.name);
    // Set-up at tick 0; the reader folds it back into Track::bank and Track::program.
    if (track.bank != 0) {
        t.at(0), t.channel(0xB0 | ch, cc::BankSelectMsb, clamp7((track.bank >> 7) & 0x7F));
        t.at(0), t.channel(0xB0 | ch, cc::BankSelectLsb, clamp7(track.bank & 0x7F));
    }
    t.at(0), t.channel(0xC0 | ch, clamp7(track.program));

    events.clear();
    events.reserve(track.notes.size() * 2 + track.controls.size() + track.lyrics.size());
    for (std::uint32_t i = 0; i < track.notes.size(); ++i) {
        const Note& n = track.notes[i];
        const Tick start = std::max<Tick>(0, n.start);
        const Tick duration = std::max<Tick>(0, n.duration);
        events.push_back({start, 3, NoteOn, n.pitch, duration, i});
        // A zero-length note's note-off is written right after its note-on (NoteOn handles it), never before.
        if (duration > 0) events.push_back({start + duration, 0, NoteOff, n.pitch, 0, i});
    }
    for (std::uint32_t i = 0; i < track.lyrics.size(); ++i)
        events.push_back({std::max<Tick>(0, track.lyrics[i].tick), 1, Lyric, 0, 0, i});
    for (std::uint32_t i = 0; i < track.controls.size(); ++i)
        events.push_back({std::max<Tick>(0, track.controls[i].tick), 2, Control, 0, 0, i});
    std::sort(events.begin(), events.end());

    Tick end = 0;
    for (const auto& e : events) {
        t.at(e.tick);
        end = e.tick;
        switch (e.kind) {
            case NoteOff: t.channel(0x80 | ch, clamp7(track.notes[e.index].pitch), 64); break;
            case NoteOn: {
                const Note& n = track.notes[e.index];
                t.channel(0x90 | ch, clamp7(n.pitch), static_cast<std::uint8_t>(std::clamp(n.velocity, 1, 127)));
                if (e.key2 == 0) t.at(e.tick), t.channel(0x80 | ch, clamp7(n.pitch), 64);
                break;
            }
            case Lyric: t.text(0x05, track.lyrics[e.index].text); break;
            case Control: {
                const ControlEvent& c = track.controls[e.index];
                switch (c.kind) {
                    case ControlEvent::Kind::Controller: t.channel(0xB0 | ch, clamp7(c.number), clamp7(c.value)); break;
                    case ControlEvent::Kind::ProgramChange: t.channel(0xC0 | ch, clamp7(c.value)); break;
                    case ControlEvent::Kind::ChannelPressure: t.channel(0xD0 | ch, clamp7(c.value)); break;
                    case ControlEvent::Kind::PitchBend: {
                        const int v = std::clamp(c.value, -8192, 8191) + 8192;
                        t.channel(0xE0 | ch, static_cast<std::uint8_t>(v & 0x7F), static_cast<std::uint8_t>(v >> 7));
                        break;
                    }
                }
                break;
            }
            default: break;
        }
    }
    t.finish(end);
}

std::size_t estimatedSize(const Score& score, const MidiWriteOptions& options) {
    std::size_t n = 14 + 64 + score.title.size() + 12 * (score.tempoMap().changes().size() + score.timeSignatures.size() +
                                                        score.keySignatures.size());
    for (const auto& t : options.texts) n += t.size() + 8;
    for (const auto& tr : score.tracks) {
        n += 32 + tr.name.size() + tr.notes.size() * 10 + tr.controls.size() * 5;
        for (const auto& l : tr.lyrics) n += l.text.size() + 8;
    }
    return n;
}

}  // namespace

std::vector<std::uint8_t> writeMidiBytes(const Score& score, const MidiWriteOptions& options) {
    if (score.ppq() > 0x7FFF)
        throw MusicError("", "resolution of " + std::to_string(score.ppq()) +
                                 " ticks per quarter note does not fit in a MIDI file (at most 32767)");
    if (score.tracks.size() + 1 > 0xFFFF) throw MusicError("", "too many tracks for a MIDI file (at most 65534)");
    std::vector<std::uint8_t> out;
    out.reserve(estimatedSize(score, options));
    const auto trackCount = static_cast<std::uint16_t>(score.tracks.size() + 1);
    const auto ppq = static_cast<std::uint16_t>(score.ppq());
    // "MThd", header length 6, format 1.
    for (int b : {0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1}) out.push_back(static_cast<std::uint8_t>(b));
    for (std::uint16_t v : {trackCount, ppq}) {
        out.push_back(static_cast<std::uint8_t>(v >> 8));
        out.push_back(static_cast<std::uint8_t>(v & 0xFF));
    }
    writeConductor(out, score, options);
    std::vector<OutEvent> scratch;
    for (const auto& track : score.tracks) writeTrack(out, track, scratch);
    return out;
}

void writeMidiFile(const Score& score, const std::string& path, const MidiWriteOptions& options) {
    std::vector<std::uint8_t> bytes;
    try {
        bytes = writeMidiBytes(score, options);
    } catch (const MusicError& e) {
        throw MusicError(path, e.message());
    }
    try {
        writeFileAtomically(path, bytes);
    } catch (const std::exception& e) {
        // AtomicFile's message already starts with the path; keep the one-line "FILE: what" form.
        std::string message = e.what();
        if (message.rfind(path + ": ", 0) == 0) message.erase(0, path.size() + 2);
        throw MusicError(path, message);
    }
}

}  // namespace nf
