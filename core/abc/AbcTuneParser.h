// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "abc/AbcEvent.h"
#include "abc/AbcFields.h"
#include "abc/AbcText.h"

namespace nf::abc {

// Limits that keep hostile input within bounded memory and time.
constexpr std::size_t kMaxNotesPerTune = 2'000'000;
constexpr std::size_t kMaxEventsPerTune = 4'000'000;
constexpr std::size_t kMaxWarningsPerTune = 20;

struct Diagnostic {
    int line = 0;
    std::string message;
};

struct ParsedVoice {
    std::string id;    // V: identifier ("1", "RH1"); "" for music written before any V:
    std::string name;  // name="..." of the V: field
    std::vector<Event> events;
};

// One tune after lexing: its header facts and one event list per voice, in written order.
struct ParsedTune {
    int number = 0;
    std::string title;
    int firstLine = 0;
    bool sawKey = false;
    std::optional<AbcMeter> meter;  // header M:
    AbcFraction unit{0, 1};         // header L:, or the default implied by M: (num 0 until known)
    double unitLength() const { return unit.value(); }
    bool hornpipe = false;          // R:hornpipe: abc2midi swings pairs of quavers in 4/4
    std::optional<AbcTempo> tempo;  // header Q:
    AbcKey key;                     // header K:
    std::string partOrder;          // header P: ("ABAC", "(AB)2C")
    std::vector<AbcKey> keys;       // referenced by Key events
    std::vector<AbcTempo> tempos;   // referenced by Tempo events
    int headerProgram = -1;         // %%MIDI program in the header: every voice's initial program
    int headerTranspose = 0;        // %%MIDI transpose in the header
    int headerChannel = -1;         // %%MIDI channel in the header (0-based), -1 when not given
    std::vector<std::string_view> texts;  // guitar chords, views into the file's text
    std::vector<ParsedVoice> voices;
    std::size_t noteCount = 0;
    std::optional<Diagnostic> error;
    std::vector<Diagnostic> warnings;
};

// Receives what the music-line lexer finds: events for the current voice, inline fields, problems.
class TuneBuilder {
public:
    explicit TuneBuilder(ParsedTune& tune) : tune_(tune) {}

    // A field line or an inline [X:...] field; header fields until K: ends the header.
    void field(char letter, std::string_view value, int line);
    void directive(std::string_view text, int line);  // %%MIDI ... and I:MIDI ...
    void push(const Event& e);
    std::vector<Event>& events() { return voice().events; }
    int addText(std::string_view text);
    void warn(int line, std::string message);
    void fail(int line, std::string message);
    bool failed() const { return tune_.error.has_value(); }
    bool inHeader() const { return inHeader_; }
    void endHeader(int line);

private:
    ParsedVoice& voice();
    void selectVoice(std::string_view value);
    void headerField(char letter, std::string_view value, int line);
    void bodyField(char letter, std::string_view value, int line);

    ParsedTune& tune_;
    bool inHeader_ = true;
    std::size_t current_ = 0;
};

// Parses one tune: `lines` starts with its X: line and ends before the blank line or next X:. The voices'
// events come back resolved (see resolveVoice()).
ParsedTune parseTune(std::span<const TextLine> lines);

}  // namespace nf::abc
