// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "music/MusicError.h"
#include "music/Score.h"

namespace nf::smf {

// What one MIDI channel of one MTrk chunk holds once decoded: it becomes one nf::Track if it has notes or
// controls.
struct SmfChannelPart {
    std::vector<Note> notes;             // in note-on order, ids 0
    std::vector<ControlEvent> controls;  // in file order
    int program = 0;
    int bankMsb = 0;
    int bankLsb = 0;
    bool programSet = false;
    bool noteSeen = false;  // a note-on has been read: later program/bank changes are controls, not set-up
    bool used = false;      // any channel message at all
};

struct SmfDecodedTrack {
    std::string name;  // first sequence/track name (0x03)
    bool hasName = false;
    std::array<SmfChannelPart, 16> channels;
    std::vector<TimedText> lyrics;  // 0x05 events, or karaoke text events when the track has no 0x05
    int firstChannel = -1;          // first channel any channel message used
    Tick endTick = 0;
    bool sawEndOfTrack = false;
    std::size_t endPos = 0;  // offset just after End of Track, or where decoding stopped
    bool broken = false;     // decoding stopped at bad data (a warning says where)
    std::int64_t errorByte = 0;  // where and why, when broken
    std::string errorMessage;
};

// Meta events that belong to the whole score, gathered from every track.
struct SmfConductor {
    std::vector<TempoChange> tempos;
    std::vector<TimeSignature> timeSignatures;
    std::vector<KeySignature> keySignatures;
};

// Settings and state shared by the decoders of one file.
struct SmfReadContext {
    const std::string& file;
    std::vector<MusicWarning>& warnings;
    SmfConductor& conductor;
    bool ignoreTempo = false;  // SMPTE division: time is absolute, tempo events mean nothing
    bool karaoke = false;      // .kar file: text events (0x01) carry the lyrics
    std::size_t eventBudget = 0;  // stored events still allowed before the file is refused
};

// Decodes one MTrk chunk. Bad data inside the track stops the decoding there with a warning naming the byte
// (what came before is kept); only exhausting the event budget throws.
class SmfTrackDecoder {
public:
    explicit SmfTrackDecoder(SmfReadContext& ctx) : ctx_(ctx) {}
    SmfDecodedTrack decode(const std::uint8_t* data, std::size_t begin, std::size_t end);

private:
    void decodeEvents(const std::uint8_t* data, std::size_t begin, std::size_t end);
    void channelMessage(std::uint8_t status, std::uint8_t d1, std::uint8_t d2);
    void metaEvent(std::uint8_t type, const std::uint8_t* p, std::uint32_t len);
    void noteOn(int channel, int pitch, int velocity);
    void noteOff(int channel, int pitch);
    void closeOpenNotes();
    void foldBankSelectAtFirstNote();
    void spend();
    void warnOnce(bool& flag, std::size_t at, const std::string& message);

    SmfReadContext& ctx_;
    SmfDecodedTrack track_;
    Tick tick_ = 0;
    // FIFO of open notes per (channel, pitch): indices into channels[c].notes linked through next_[c].
    std::array<std::int32_t, 16 * 128> head_{};
    std::array<std::int32_t, 16 * 128> tail_{};
    std::array<std::vector<std::int32_t>, 16> next_;
    std::vector<TimedText> karaokeTexts_;
    bool warnedRunningStatus_ = false;
    bool warnedSystemMessage_ = false;
};

}  // namespace nf::smf
