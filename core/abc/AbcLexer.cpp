// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcLexer.h"

#include <algorithm>
#include <string>
#include <utility>

#include "abc/AbcBarSigns.h"

namespace nf::abc {

namespace {

constexpr int kMaxDenominator = 1 << 12;

// Decorations written as one character before a note. 'x', 'y' and 'z' are not decorations (rests and spacer).
bool isDecorationChar(char c) {
    return c == '.' || c == '~' || (c >= 'H' && c <= 'W') || (c >= 'h' && c <= 'w');
}

std::uint16_t decorationFlag(char c) {
    switch (c) {
        case '.': return flag::Staccato;
        case '~': return flag::Roll;
        case 'T': return flag::Trill;
        case 'R': return flag::Turn;
        case 'H': return flag::Fermata;
        default: return 0;
    }
}

std::uint16_t namedDecorationFlag(std::string_view name) {
    if (name == "trill" || name == "trill(" || name == "tr") return flag::Trill;
    if (name == "fermata") return flag::Fermata;
    return 0;  // !roll!, !staccato!, dynamics, bowings, ...: accepted and not played (as abc2midi)
}

class LineLexer {
public:
    LineLexer(std::string_view line, int lineNumber, TuneBuilder& b) : sc_(line), line_(lineNumber), b_(b) {}

    void run() {
        while (!sc_.atEnd() && !b_.failed()) step();
        if (b_.failed()) return;
        // A chord or grace group left open at the end of the line is closed there, as abc2midi reads it.
        if (inChord_) {
            warn("chord not closed with ']' before the end of the line");
            closeChord();
        } else if (inGrace_) {
            warn("grace notes not closed with '}' before the end of the line");
            inGrace_ = false;
            push(make(EventKind::GraceEnd));
        }
    }

private:
    void step() {
        const char c = sc_.peek();
        // abc2midi reads "T" "~" "." ... as part of the note they stand before: a space, slur, tuplet, chord
        // symbol or named decoration in between leaves them without a note ("T(3ABc" plays no trill).
        if (pendingChar_ && !isDecorationChar(c) && letterIndex(c) < 0 && c != '^' && c != '_' && c != '=' &&
            c != '[' && c != '{')
            pendingChar_ = 0;
        if (c == ' ' || c == '\t' || c == '`' || c == '\\' || c == '$' || c == '*' || c == ';') {
            sc_.get();
        } else if (c == 'y') {  // spacer, with an optional width (y20)
            sc_.get();
            while (sc_.atDigit()) sc_.get();
        } else if (c == '"') {
            quoted();
        } else if (c == '!' || c == '+') {
            namedDecoration(c);
        } else if (letterIndex(c) >= 0 || c == '^' || c == '_' || c == '=') {
            note();
        } else if (c == 'z' || c == 'x') {
            sc_.get();
            Event e = make(EventKind::Rest);
            if (c == 'x') e.flags |= flag::Invisible;
            length(e);
            pending_ = pendingChar_ = 0;
            push(e);
        } else if (c == 'Z' || c == 'X') {
            sc_.get();
            Event e = make(EventKind::MultiRest);
            e.a = sc_.atDigit() ? std::max(1, sc_.number(10000)) : 1;
            pending_ = pendingChar_ = 0;
            push(e);
        } else if (c == '[') {
            bracket();
        } else if (c == ']') {
            sc_.get();
            closeChord();
        } else if (c == '|' || c == ':') {
            bar();
        } else if (c == '(') {
            sc_.get();
            if (sc_.atDigit()) tuplet();  // otherwise a slur: no effect on timing
            else if (sc_.peek() == '\'' || sc_.peek() == ',') sc_.get();  // slur placed above/below
        } else if (c == ')') {
            sc_.get();
        } else if (c == '{') {
            sc_.get();
            sc_.accept('/');  // acciaccatura: timed like any grace note
            if (inGrace_ || inChord_) return fail("'{' inside a chord or grace group");
            inGrace_ = true;
            push(make(EventKind::GraceStart));
        } else if (c == '}') {
            sc_.get();
            if (!inGrace_) return warn("'}' without '{'");
            inGrace_ = false;
            graceChord_ = false;
            push(make(EventKind::GraceEnd));
        } else if (c == '>' || c == '<') {
            Event e = make(EventKind::Broken);
            int n = 0;
            while (sc_.peek() == c) {
                sc_.get();
                ++n;
            }
            e.a = (c == '>' ? 1 : -1) * std::min(n, 3);
            push(e);
        } else if (c == '-') {
            sc_.get();
            tieLast();
        } else if (c == '&') {
            sc_.get();
            push(make(EventKind::Overlay));
        } else if (isDecorationChar(c)) {
            sc_.get();
            pendingChar_ |= decorationFlag(c);
        } else {
            sc_.get();
            warn(std::string("unexpected character '") + (c >= ' ' && c < 127 ? std::string(1, c) : "?") +
                 "' skipped");
        }
    }

    Event make(EventKind k) const {
        Event e;
        e.kind = k;
        e.line = line_;
        return e;
    }
    void push(const Event& e) { b_.push(e); }
    void warn(std::string m) { b_.warn(line_, std::move(m)); }
    void fail(std::string m) { b_.fail(line_, std::move(m)); }

    // A length after a note, rest or chord: "2", "/2", "/", "//", "3/2", "3/".
    void length(Event& e) {
        int num = sc_.atDigit() ? sc_.number(10000) : 1;
        int den = 1;
        while (sc_.peek() == '/') {
            sc_.get();
            den *= sc_.atDigit() ? std::max(1, sc_.number(kMaxDenominator)) : 2;
            if (den > kMaxDenominator) den = kMaxDenominator;
        }
        if (num == 0) num = 1;  // "A0": abc2midi plays a unit length
        e.a = num;
        e.b = den;
    }

    void quoted() {
        sc_.get();
        const std::size_t start = sc_.pos();
        while (!sc_.atEnd() && sc_.peek() != '"') sc_.get();
        if (sc_.atEnd()) return fail("unterminated chord symbol or annotation (missing '\"')");
        const std::string_view text = sc_.text().substr(start, sc_.pos() - start);
        sc_.get();
        // Annotations start with a placement character; guitar chords with a note letter or '('.
        if (text.empty() || text[0] == '^' || text[0] == '_' || text[0] == '<' || text[0] == '>' || text[0] == '@')
            return;
        Event e = make(EventKind::GuitarChord);
        e.a = b_.addText(text);
        push(e);
    }

    void namedDecoration(char delimiter) {
        sc_.get();
        const std::size_t start = sc_.pos();
        const std::string_view rest = sc_.rest();
        const std::size_t end = rest.find(delimiter);
        if (end == std::string_view::npos) return;  // a lone '!' is an old line-break mark
        pending_ |= namedDecorationFlag(rest.substr(0, end));
        sc_.setPos(start + end + 1);
    }

    void note() {
        Event e = make(EventKind::Note);
        int acc = 0;
        bool hasAcc = false;
        while (sc_.peek() == '^' || sc_.peek() == '_' || sc_.peek() == '=') {
            const char a = sc_.get();
            acc += a == '^' ? 1 : a == '_' ? -1 : 0;
            hasAcc = true;
            // Microtonal accidentals (^/, _22/100) are played as the semitone they lean to.
            while (sc_.atDigit()) sc_.get();
            if (sc_.accept('/'))
                while (sc_.atDigit()) sc_.get();
        }
        const int letter = letterIndex(sc_.peek());
        if (letter < 0) return warn("accidental without a note");
        const char l = sc_.get();
        int octave = (l >= 'a') ? 1 : 0;
        while (sc_.peek() == '\'' || sc_.peek() == ',') octave += sc_.get() == '\'' ? 1 : -1;
        octave = std::clamp(octave, -6, 6);
        e.step = static_cast<std::int16_t>(letter + 7 * octave);
        if (hasAcc) e.accidental = static_cast<std::int8_t>(std::clamp(acc, -2, 2));
        length(e);
        e.flags = pending_ | pendingChar_;
        pending_ = pendingChar_ = 0;
        if (inGrace_ && graceChord_ && !std::exchange(graceChordFirst_, false)) e.flags |= flag::WithPrevious;
        if (sc_.peek() == '-' || (sc_.peek() == '.' && sc_.peek(1) == '-')) {
            sc_.accept('.');
            sc_.get();
            e.flags |= flag::Tie;
        }
        push(e);
    }

    void bracket() {
        const char n1 = sc_.peek(1);
        if (((n1 >= 'A' && n1 <= 'Z') || (n1 >= 'a' && n1 <= 'z')) && sc_.peek(2) == ':') {
            const std::string_view rest = sc_.rest();
            const std::size_t end = rest.find(']');
            if (end == std::string_view::npos) return fail("unterminated inline field (missing ']')");
            sc_.setPos(sc_.pos() + end + 1);
            b_.field(n1, rest.substr(3, end - 3), line_);
            return;
        }
        if (isDigit(n1)) {  // [1 [2 [1,3 [1-3: a variant ending after a bar written elsewhere
            sc_.get();
            ending();
            return;
        }
        if (n1 == '|') {  // [| thick-thin bar
            bar();
            return;
        }
        sc_.get();
        if (inChord_ || inGrace_) {
            if (inGrace_) {  // a chord of grace notes: its notes sound together, as abc2midi plays them
                graceChord_ = true;
                graceChordFirst_ = true;
            }
            if (inGrace_) return;
            return fail("'[' inside a chord");
        }
        inChord_ = true;
        Event e = make(EventKind::ChordStart);
        e.flags = pending_ | pendingChar_;
        pending_ = pendingChar_ = 0;
        push(e);
    }

    void closeChord() {
        graceChord_ = false;
        if (inGrace_) return;
        if (!inChord_) return;  // a stray ']' (thin-thick "|]" is read by bar())
        inChord_ = false;
        Event e = make(EventKind::ChordEnd);
        length(e);
        if (sc_.accept('-')) e.flags |= flag::Tie;
        push(e);
    }

    // | || |] [| |: :| :: :|: |1 :|2 |[1 ...
    void bar() {
        if (inChord_) {
            warn("chord not closed with ']' before a bar line");
            closeChord();
        }
        Event e = make(EventKind::Bar);
        const std::size_t spellingStart = sc_.pos();
        int colonsBefore = 0, bars = 0, colonsAfter = 0;
        bool thick = false;
        while (sc_.peek() == ':') {
            sc_.get();
            ++colonsBefore;
        }
        while (sc_.peek() == '|' || sc_.peek() == ']' || (sc_.peek() == '[' && sc_.peek(1) == '|')) {
            const char c = sc_.get();
            if (c == '|') ++bars;
            else thick = true;
        }
        while (sc_.peek() == ':') {
            sc_.get();
            ++colonsAfter;
        }
        if (bars == 0 && colonsBefore + colonsAfter < 2) return;  // a lone ':' is not a bar
        if (bars == 0) {  // "::" is both the end of a repeat and the start of the next one
            colonsAfter = 1;
        }
        if (colonsBefore > 0) e.flags |= flag::RepeatEnd;
        if (colonsAfter > 0) e.flags |= flag::RepeatStart;
        if (bars > 1 || thick) e.flags |= flag::DoubleBar;
        e.a = readBarSigns(sc_.text().substr(spellingStart, sc_.pos() - spellingStart));
        pending_ = pendingChar_ = 0;
        if (inGrace_) {
            inGrace_ = false;
            push(make(EventKind::GraceEnd));
        }
        push(e);
        if (sc_.atDigit()) {
            ending();
        } else if (sc_.peek() == '[' && isDigit(sc_.peek(1))) {
            sc_.get();
            ending();
        }
    }

    // "1", "1,3", "1-3", "1,3-4": the passes of a variant ending.
    void ending() {
        Event e = make(EventKind::Ending);
        std::uint32_t mask = 0;
        while (sc_.atDigit()) {
            const int from = sc_.number(31);
            int to = from;
            if (sc_.peek() == '-' && isDigit(sc_.peek(1))) {
                sc_.get();
                to = sc_.number(31);
            }
            for (int p = std::max(from, 1); p <= to && p <= 31; ++p) mask |= 1u << p;
            if (sc_.peek() == ',' && isDigit(sc_.peek(1))) sc_.get();
            else break;
        }
        e.a = static_cast<std::int32_t>(mask);
        push(e);
    }

    void tuplet() {
        Event e = make(EventKind::Tuplet);
        e.a = std::clamp(sc_.number(64), 1, 64);
        e.b = 0;
        e.step = 0;
        if (sc_.accept(':')) {
            if (sc_.atDigit()) e.b = std::clamp(sc_.number(64), 1, 64);
            if (sc_.accept(':') && sc_.atDigit()) e.step = static_cast<std::int16_t>(std::clamp(sc_.number(64), 1, 64));
        }
        push(e);
    }

    // '-' written apart from its note ("G -G"): ties the last note or chord, as abc2midi reads it.
    void tieLast() {
        auto& ev = b_.events();
        for (auto it = ev.rbegin(); it != ev.rend(); ++it) {
            if (it->kind == EventKind::Note || it->kind == EventKind::ChordEnd) {
                it->flags |= flag::Tie;
                return;
            }
            if (it->kind != EventKind::GuitarChord && it->kind != EventKind::Broken) return;
        }
    }

    Scanner sc_;
    int line_;
    TuneBuilder& b_;
    std::uint16_t pending_ = 0;      // named decorations (!trill!) waiting for their note
    std::uint16_t pendingChar_ = 0;  // one-character ones (T, ~, H, .): only for a note written right after
    bool inChord_ = false;
    bool inGrace_ = false;
    bool graceChord_ = false;       // inside "[...]" within a grace group
    bool graceChordFirst_ = false;  // its first note not yet read
};

}  // namespace

void lexMusicLine(std::string_view line, int lineNumber, TuneBuilder& builder) {
    LineLexer(line, lineNumber, builder).run();
}

}  // namespace nf::abc
