// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcTuneParser.h"

#include <algorithm>

#include "abc/AbcLexer.h"
#include "abc/AbcResolver.h"

namespace nf::abc {

namespace {

bool isFieldLine(std::string_view s, bool inBody) {
    if (s.size() < 2 || s[1] != ':') return false;
    const char c = s[0];
    // In the body "C:|D:|" is music: a note letter, then a repeat sign.
    if (inBody && letterIndex(c) >= 0 && s.size() > 2 && (s[2] == '|' || s[2] == ':')) return false;
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+';
}

std::string_view firstWord(std::string_view s) {
    s = trim(s);
    std::size_t n = 0;
    while (n < s.size() && !isSpace(s[n])) ++n;
    return s.substr(0, n);
}

// name="Right Hand" (or nm=) of a V: field.
std::string voiceName(std::string_view value) {
    for (std::string_view key : {"name=", "nm="}) {
        const std::size_t at = value.find(key);
        if (at == std::string_view::npos) continue;
        std::string_view v = value.substr(at + key.size());
        if (!v.empty() && v[0] == '"') {
            v.remove_prefix(1);
            return std::string(v.substr(0, v.find('"')));
        }
        return std::string(firstWord(v));
    }
    return {};
}

// Integers in "program 1 4": the last one is the program, an earlier one the channel.
std::vector<int> numbersIn(std::string_view s) {
    std::vector<int> out;
    Scanner sc(s);
    while (!sc.atEnd()) {
        const bool minus = sc.peek() == '-' && isDigit(sc.peek(1));
        if (minus) sc.get();
        if (sc.atDigit()) out.push_back(minus ? -sc.number(1000) : sc.number(1000));
        else sc.get();
    }
    return out;
}

}  // namespace

ParsedVoice& TuneBuilder::voice() {
    if (tune_.voices.empty()) {
        tune_.voices.push_back({});
        current_ = 0;
    }
    return tune_.voices[current_];
}

void TuneBuilder::push(const Event& e) {
    if (failed()) return;
    if (e.kind == EventKind::Note && ++tune_.noteCount > kMaxNotesPerTune)
        return fail(e.line, "tune has more than " + std::to_string(kMaxNotesPerTune) + " notes");
    auto& ev = voice().events;
    if (ev.size() >= kMaxEventsPerTune) return fail(e.line, "tune is too long");
    ev.push_back(e);
}

int TuneBuilder::addText(std::string_view text) {
    tune_.texts.push_back(text);
    return static_cast<int>(tune_.texts.size() - 1);
}

void TuneBuilder::warn(int line, std::string message) {
    if (tune_.warnings.size() < kMaxWarningsPerTune) tune_.warnings.push_back({line, std::move(message)});
}

void TuneBuilder::fail(int line, std::string message) {
    if (!tune_.error) tune_.error = Diagnostic{line, std::move(message)};
}

void TuneBuilder::selectVoice(std::string_view value) {
    const std::string_view word = firstWord(value);
    // (built in one step: assigning "1" afterwards trips a false GCC 12 -Wrestrict warning)
    const std::string id = word.empty() ? std::string(1, '1') : std::string(word);
    auto& voices = tune_.voices;
    auto it = std::find_if(voices.begin(), voices.end(), [&](const ParsedVoice& v) { return v.id == id; });
    if (it == voices.end()) {
        // Music written before the first V: belongs to that voice.
        if (voices.size() == 1 && voices[0].id.empty()) {
            voices[0].id = id;
            it = voices.begin();
        } else {
            voices.push_back({id, {}, {}});
            it = voices.end() - 1;
        }
    }
    if (std::string name = voiceName(value); !name.empty()) it->name = std::move(name);
    current_ = static_cast<std::size_t>(it - voices.begin());
}

void TuneBuilder::directive(std::string_view text, int line) {
    text = trim(text);
    if (!startsWithNoCase(text, "MIDI")) return;
    text = trim(text.substr(4));
    const std::vector<int> nums = numbersIn(text);
    Event e;
    e.line = line;
    if (startsWithNoCase(text, "program") && !nums.empty()) {
        e.kind = EventKind::Program;
        e.a = std::clamp(nums.back(), 0, 127);
        if (inHeader_) tune_.headerProgram = e.a;
        else push(e);
    } else if (startsWithNoCase(text, "channel") && !nums.empty()) {
        e.kind = EventKind::Channel;
        e.a = std::clamp(nums.front(), 1, 16) - 1;
        if (inHeader_) tune_.headerChannel = e.a;
        else push(e);
    } else if (startsWithNoCase(text, "transpose") && !nums.empty()) {
        e.kind = EventKind::Transpose;
        e.a = std::clamp(nums.back(), -48, 48);
        if (inHeader_) tune_.headerTranspose = e.a;
        else push(e);
    }
}

void TuneBuilder::endHeader(int line) {
    if (!inHeader_) return;
    inHeader_ = false;
    (void)line;
    // L: defaults from the header's meter; a later M: in the body does not change it (as abc2midi reads it).
    if (tune_.unit.num <= 0) tune_.unit = defaultUnitLength(tune_.meter ? &*tune_.meter : nullptr);
    if (!tune_.voices.empty()) current_ = 0;  // music without V: goes to the first declared voice
}

void TuneBuilder::field(char letter, std::string_view value, int line) {
    if (inHeader_) headerField(letter, value, line);
    else bodyField(letter, value, line);
}

void TuneBuilder::headerField(char letter, std::string_view value, int line) {
    switch (letter) {
        case 'X': {
            Scanner sc(trim(value));
            tune_.number = sc.atDigit() ? sc.number(1'000'000'000) : 0;
            break;
        }
        case 'T':
            if (tune_.title.empty()) tune_.title = std::string(trim(value));
            break;
        case 'M':
            if (auto m = parseMeter(value)) tune_.meter = *m;
            else warn(line, "cannot read meter 'M:" + std::string(trim(value)) + "'");
            break;
        case 'L':
            if (auto l = parseUnitLength(value)) tune_.unit = *l;
            else warn(line, "cannot read unit length 'L:" + std::string(trim(value)) + "'");
            break;
        case 'Q':
            if (auto q = parseTempo(value)) tune_.tempo = *q;
            break;
        case 'P': tune_.partOrder = std::string(trim(value)); break;
        case 'R': tune_.hornpipe = startsWithNoCase(trim(value), "hornpipe"); break;
        case 'V': selectVoice(value); break;
        case 'I': directive(value, line); break;
        case 'K': {
            std::string problem;
            if (auto k = parseKey(value, problem)) tune_.key = *k;
            else fail(line, problem);
            tune_.sawKey = true;
            endHeader(line);
            break;
        }
        default: break;  // R: C: S: N: Z: W: H: O: B: D: G: ... carry no music
    }
}

void TuneBuilder::bodyField(char letter, std::string_view value, int line) {
    Event e;
    e.line = line;
    switch (letter) {
        case 'K': {
            std::string problem;
            auto k = parseKey(value, problem);
            if (!k) return fail(line, problem);
            tune_.keys.push_back(*k);
            e.kind = EventKind::Key;
            e.a = static_cast<int>(tune_.keys.size() - 1);
            break;
        }
        case 'M': {
            auto m = parseMeter(value);
            if (!m) return warn(line, "cannot read meter 'M:" + std::string(trim(value)) + "'");
            e.kind = EventKind::Meter;
            e.a = m->numerator;
            e.b = m->denominator;
            if (m->free) e.flags = flag::FreeMeter;
            break;
        }
        case 'L': {
            auto l = parseUnitLength(value);
            if (!l) return warn(line, "cannot read unit length 'L:" + std::string(trim(value)) + "'");
            e.kind = EventKind::UnitLength;
            e.a = l->num;
            e.b = l->den;
            break;
        }
        case 'Q': {
            auto q = parseTempo(value);
            if (!q) return;
            tune_.tempos.push_back(*q);
            e.kind = EventKind::Tempo;
            e.a = static_cast<int>(tune_.tempos.size() - 1);
            break;
        }
        case 'P': {
            const std::string_view label = trim(value);
            if (label.empty()) return;
            e.kind = EventKind::Part;
            e.a = static_cast<unsigned char>(label[0]);
            break;
        }
        case 'V': return selectVoice(value);
        case 'I': return directive(value, line);
        default: return;  // w: lyrics, W:, T: section titles, N:, ... carry no notes
    }
    push(e);
}

ParsedTune parseTune(std::span<const TextLine> lines) {
    ParsedTune tune;
    TuneBuilder b(tune);
    if (!lines.empty()) tune.firstLine = lines.front().number;
    std::string_view skipUntil;  // inside %%begintext ... %%endtext and similar blocks
    bool fieldContinues = false;  // the previous field line ended with '\'
    for (const TextLine& tl : lines) {
        std::string_view s = tl.text;
        if (fieldContinues) {
            // "T:ABC-2.0 new fea\" + "tures": the rest of a field, not music.
            fieldContinues = !trim(stripComment(s)).empty() && trim(stripComment(s)).back() == '\\';
            if (tune.title.size() < 1000) tune.title += std::string(trim(stripComment(s)));
            if (!tune.title.empty() && tune.title.back() == '\\') tune.title.pop_back();
            continue;
        }
        if (!skipUntil.empty()) {
            if (startsWithNoCase(trim(s), skipUntil)) skipUntil = {};
            continue;
        }
        if (s.size() >= 2 && s[0] == '%' && s[1] == '%') {
            const std::string_view d = trim(s.substr(2));
            if (startsWithNoCase(d, "begintext")) skipUntil = "%%endtext";
            else if (startsWithNoCase(d, "beginps")) skipUntil = "%%endps";
            else if (startsWithNoCase(d, "beginsvg")) skipUntil = "%%endsvg";
            else b.directive(d, tl.number);
            continue;
        }
        s = stripComment(s);
        if (trim(s).empty()) continue;
        if (isFieldLine(s, !b.inHeader())) {
            std::string_view value = trim(stripComment(s.substr(2)));
            if (!value.empty() && value.back() == '\\' && (s[0] == 'T' || b.inHeader())) {
                fieldContinues = true;
                value = trim(value.substr(0, value.size() - 1));
            }
            b.field(s[0], value, tl.number);
        } else {
            if (b.inHeader()) {
                b.warn(tl.number, "music before the K: field (C major assumed)");
                b.endHeader(tl.number);
            }
            lexMusicLine(s, tl.number, b);
        }
        if (b.failed()) break;
    }
    if (b.inHeader()) b.endHeader(lines.empty() ? 0 : lines.back().number);
    for (ParsedVoice& v : tune.voices) resolveVoice(tune, v);
    return tune;
}

}  // namespace nf::abc
