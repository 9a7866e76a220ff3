// SPDX-License-Identifier: GPL-3.0-or-later
#include "smf/SmfTrackDecoder.h"

#include <algorithm>
#include <cctype>

#include "smf/SmfCursor.h"
#include "smf/SmfText.h"

namespace nf::smf {

namespace {

// Thrown when the file holds more events than the reader accepts; unlike bad bytes it ends the whole read.
struct EventBudgetExceeded : MusicError {
    explicit EventBudgetExceeded(MusicError e) : MusicError(std::move(e)) {}
};

std::string hexByte(unsigned b) {
    static const char* digits = "0123456789ABCDEF";
    return std::string("0x") + digits[(b >> 4) & 15] + digits[b & 15];
}

bool equalsIgnoringCase(const std::string& a, const char* b) {
    std::size_t i = 0;
    for (; i < a.size() && b[i]; ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
    return i == a.size() && b[i] == 0;
}

// Data bytes that follow an (illegal in a file) system common / real-time status byte.
int systemMessageDataBytes(std::uint8_t status) {
    switch (status) {
        case 0xF1: return 1;  // MTC quarter frame
        case 0xF2: return 2;  // song position
        case 0xF3: return 1;  // song select
        default: return 0;    // tune request, undefined, real-time messages
    }
}

}  // namespace

SmfDecodedTrack SmfTrackDecoder::decode(const std::uint8_t* data, std::size_t begin, std::size_t end) {
    track_ = SmfDecodedTrack{};
    tick_ = 0;
    head_.fill(-1);
    tail_.fill(-1);
    for (auto& n : next_) n.clear();
    karaokeTexts_.clear();
    warnedRunningStatus_ = warnedSystemMessage_ = false;
    try {
        decodeEvents(data, begin, end);
    } catch (const EventBudgetExceeded&) {
        throw;
    } catch (const MusicError& e) {
        track_.broken = true;
        track_.errorByte = e.position();
        track_.errorMessage = e.message();
        ctx_.warnings.push_back({e.what() + std::string("; the rest of this track is ignored")});
    }
    if (!track_.sawEndOfTrack && !track_.broken)
        ctx_.warnings.push_back({MusicError::atByte(ctx_.file, static_cast<std::int64_t>(end),
                                                    "track has no End of Track event")
                                     .what()});
    closeOpenNotes();
    foldBankSelectAtFirstNote();
    if (track_.lyrics.empty()) track_.lyrics = std::move(karaokeTexts_);
    return std::move(track_);
}

void SmfTrackDecoder::decodeEvents(const std::uint8_t* data, std::size_t begin, std::size_t end) {
    SmfCursor in(data, begin, end, ctx_.file);
    track_.endPos = begin;
    std::uint8_t running = 0;       // running status in effect (0: none)
    std::uint8_t lastChannel = 0;   // last channel status, to tolerate running status across meta/SysEx
    while (!in.atEnd()) {
        tick_ += in.vlq("delta time");
        const std::size_t statusPos = in.pos();
        std::uint8_t status = in.u8("event cut off by the end of the track");
        std::uint8_t d1 = 0;
        if (status < 0x80) {
            // A data byte: running status. SMF says meta and SysEx events cancel it, but many players and
            // writers carry it on, so do the same and say so once.
            if (running == 0 && lastChannel != 0) {
                warnOnce(warnedRunningStatus_, statusPos,
                         "running status used after a meta or SysEx event (the previous status is assumed)");
                running = lastChannel;
            }
            if (running == 0)
                throw in.error(statusPos, "data byte " + hexByte(status) + " where a status byte was expected");
            d1 = status;
            status = running;
        } else if (status < 0xF0) {
            d1 = in.u8("event cut off by the end of the track");
        }
        if (status < 0xF0) {
            running = lastChannel = status;
            if (d1 & 0x80) throw in.error(in.pos() - 1, "status byte " + hexByte(d1) + " where a data byte was expected");
            std::uint8_t d2 = 0;
            const std::uint8_t kind = status & 0xF0;
            if (kind != 0xC0 && kind != 0xD0) {
                d2 = in.u8("event cut off by the end of the track");
                if (d2 & 0x80) throw in.error(in.pos() - 1, "status byte " + hexByte(d2) + " where a data byte was expected");
            }
            channelMessage(status, d1, d2);
        } else if (status == 0xFF) {
            running = 0;
            const std::uint8_t type = in.u8("meta event cut off by the end of the track");
            const std::uint32_t len = in.vlq("meta event length");
            const std::uint8_t* p = in.bytes(len, "meta event runs past the end of the track");
            if (type == 0x2F) {
                track_.sawEndOfTrack = true;
                track_.endTick = tick_;
                track_.endPos = in.pos();
                return;
            }
            metaEvent(type, p, len);
        } else if (status == 0xF0 || status == 0xF7) {
            running = 0;
            const std::uint32_t len = in.vlq("SysEx length");
            in.skip(len, "SysEx event runs past the end of the track");
        } else {
            // System common and real-time messages have no place in a file; skip them with their usual data.
            warnOnce(warnedSystemMessage_, statusPos, "system message " + hexByte(status) + " in a file skipped");
            for (int i = systemMessageDataBytes(status); i > 0 && !in.atEnd() && in.peek() < 0x80; --i) in.u8();
        }
        track_.endTick = tick_;
        track_.endPos = in.pos();
    }
}

void SmfTrackDecoder::channelMessage(std::uint8_t status, std::uint8_t d1, std::uint8_t d2) {
    const int c = status & 0x0F;
    SmfChannelPart& part = track_.channels[static_cast<std::size_t>(c)];
    if (!part.used) {
        part.used = true;
        if (track_.firstChannel < 0) track_.firstChannel = c;
    }
    switch (status & 0xF0) {
        case 0x80: noteOff(c, d1); return;
        case 0x90:
            if (d2 == 0) noteOff(c, d1);
            else noteOn(c, d1, d2);
            return;
        case 0xA0: return;  // polyphonic key pressure: not part of the model
        case 0xB0:
            // Bank select before the first note is set-up: folded into Track::bank, written back the same way.
            if (!part.noteSeen && (d1 == cc::BankSelectMsb || d1 == cc::BankSelectLsb)) {
                (d1 == cc::BankSelectMsb ? part.bankMsb : part.bankLsb) = d2;
                return;
            }
            spend();
            part.controls.push_back({tick_, ControlEvent::Kind::Controller, d1, d2});
            return;
        case 0xC0:
            if (!part.noteSeen && !part.programSet) {
                part.program = d1;
                part.programSet = true;
                return;
            }
            spend();
            part.controls.push_back({tick_, ControlEvent::Kind::ProgramChange, 0, d1});
            return;
        case 0xD0:
            spend();
            part.controls.push_back({tick_, ControlEvent::Kind::ChannelPressure, 0, d1});
            return;
        case 0xE0:
            spend();
            part.controls.push_back({tick_, ControlEvent::Kind::PitchBend, 0, ((d2 << 7) | d1) - 8192});
            return;
        default: return;
    }
}

void SmfTrackDecoder::noteOn(int channel, int pitch, int velocity) {
    spend();
    SmfChannelPart& part = track_.channels[static_cast<std::size_t>(channel)];
    part.noteSeen = true;
    auto& notes = part.notes;
    auto& next = next_[static_cast<std::size_t>(channel)];
    if (notes.capacity() == 0) {
        notes.reserve(256);
        next.reserve(256);
    }
    const auto index = static_cast<std::int32_t>(notes.size());
    notes.push_back(Note{0, pitch, velocity, tick_, -1});
    next.push_back(-1);
    const std::size_t key = static_cast<std::size_t>(channel * 128 + pitch);
    if (tail_[key] >= 0) next[static_cast<std::size_t>(tail_[key])] = index;
    else head_[key] = index;
    tail_[key] = index;
}

void SmfTrackDecoder::noteOff(int channel, int pitch) {
    const std::size_t key = static_cast<std::size_t>(channel * 128 + pitch);
    const std::int32_t index = head_[key];
    if (index < 0) return;  // a note-off for a note that is not sounding: common in real files, harmless
    Note& note = track_.channels[static_cast<std::size_t>(channel)].notes[static_cast<std::size_t>(index)];
    note.duration = tick_ - note.start;
    head_[key] = next_[static_cast<std::size_t>(channel)][static_cast<std::size_t>(index)];
    if (head_[key] < 0) tail_[key] = -1;
}

void SmfTrackDecoder::closeOpenNotes() {
    std::size_t open = 0;
    for (auto& part : track_.channels)
        for (auto& n : part.notes)
            if (n.duration < 0) {
                n.duration = std::max<Tick>(0, track_.endTick - n.start);
                ++open;
            }
    if (open > 0)
        ctx_.warnings.push_back({MusicError::atByte(ctx_.file, static_cast<std::int64_t>(track_.endPos),
                                                    std::to_string(open) +
                                                        " note(s) never released: closed at the end of the track")
                                     .what()});
}

// A bank select written after the first note-on but at the same tick is set-up too: the writer puts controls
// before the note-ons of a tick, so keeping it as a control would turn it into set-up on the next read.
void SmfTrackDecoder::foldBankSelectAtFirstNote() {
    for (auto& part : track_.channels) {
        if (part.notes.empty()) continue;
        const Tick first = part.notes.front().start;
        auto isSetUp = [&](const ControlEvent& c) {
            return c.tick <= first && c.kind == ControlEvent::Kind::Controller &&
                   (c.number == cc::BankSelectMsb || c.number == cc::BankSelectLsb);
        };
        for (const auto& c : part.controls)
            if (isSetUp(c)) (c.number == cc::BankSelectMsb ? part.bankMsb : part.bankLsb) = c.value;
        std::erase_if(part.controls, isSetUp);
    }
}

void SmfTrackDecoder::metaEvent(std::uint8_t type, const std::uint8_t* p, std::uint32_t len) {
    switch (type) {
        case 0x03:
            if (!track_.hasName) {
                // Old sequencers pad names with spaces or NULs to a fixed width.
                track_.name = midiTextToUtf8(p, len);
                while (!track_.name.empty() &&
                       (track_.name.back() == ' ' || track_.name.back() == '\t' || track_.name.back() == '\0'))
                    track_.name.pop_back();
                track_.hasName = true;
            }
            return;
        case 0x05:
            spend();
            track_.lyrics.push_back({tick_, midiTextToUtf8(p, len)});
            return;
        case 0x01: {
            // Karaoke (.kar) files carry syllables in text events; lines starting with '@' are their headers.
            if (len >= 6 && std::equal(p, p + 6, "@KMIDI")) ctx_.karaoke = true;
            const bool wordsTrack = track_.hasName && (equalsIgnoringCase(track_.name, "words") ||
                                                       equalsIgnoringCase(track_.name, "lyrics"));
            if ((ctx_.karaoke || wordsTrack) && len > 0 && p[0] != '@') {
                spend();
                karaokeTexts_.push_back({tick_, midiTextToUtf8(p, len)});
            }
            return;
        }
        case 0x51:
            if (len == 3 && !ctx_.ignoreTempo) {
                spend();
                ctx_.conductor.tempos.push_back({tick_, (p[0] << 16) | (p[1] << 8) | p[2]});
            }
            return;
        case 0x58:
            // Numerator 0 or an absurd denominator would make "ticks per bar" 0 or overflow downstream.
            if (len >= 2 && p[0] > 0 && p[1] <= 8) {
                spend();
                ctx_.conductor.timeSignatures.push_back({tick_, p[0], 1 << p[1]});
            }
            return;
        case 0x59:
            if (len >= 2) {
                const int sharps = static_cast<std::int8_t>(p[0]);
                if (sharps >= -7 && sharps <= 7 && p[1] <= 1) {
                    spend();
                    ctx_.conductor.keySignatures.push_back({tick_, sharps, p[1] == 1});
                }
            }
            return;
        default: return;  // other texts, markers, SMPTE offset, channel prefix, sequencer-specific: not modelled
    }
}

void SmfTrackDecoder::spend() {
    if (ctx_.eventBudget == 0)
        throw EventBudgetExceeded(MusicError(ctx_.file, "too many events: refusing to load a file this large"));
    --ctx_.eventBudget;
}

void SmfTrackDecoder::warnOnce(bool& flag, std::size_t at, const std::string& message) {
    if (flag) return;
    flag = true;
    ctx_.warnings.push_back({MusicError::atByte(ctx_.file, static_cast<std::int64_t>(at), message).what()});
}

}  // namespace nf::smf
