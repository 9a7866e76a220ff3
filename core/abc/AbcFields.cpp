// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcFields.h"

#include <algorithm>
#include <cmath>

#include "abc/AbcText.h"

namespace nf::abc {

int letterIndex(char c) {
    switch (toLower(c)) {
        case 'c': return 0;
        case 'd': return 1;
        case 'e': return 2;
        case 'f': return 3;
        case 'g': return 4;
        case 'a': return 5;
        case 'b': return 6;
        default: return -1;
    }
}

// "2+3+2" -> 7 (the additive numerators of M:(2+3+2)/8).
static std::optional<int> sumOfNumbers(Scanner& sc) {
    int sum = 0;
    do {
        sc.skipSpaces();
        if (!sc.atDigit()) return std::nullopt;
        sum += sc.number(1000);
        sc.skipSpaces();
    } while (sc.accept('+'));
    return sum;
}

std::optional<AbcMeter> parseMeter(std::string_view value) {
    value = trim(value);
    AbcMeter m;
    if (value.empty() || startsWithNoCase(value, "none")) {
        m.free = true;
        return m;
    }
    if (value == "C") return m;
    if (value == "C|") {
        m.numerator = 2;
        m.denominator = 2;
        return m;
    }
    Scanner sc(value);
    const bool paren = sc.accept('(');
    auto num = sumOfNumbers(sc);
    if (!num || (paren && !sc.accept(')'))) return std::nullopt;
    sc.skipSpaces();
    if (!sc.accept('/')) return std::nullopt;
    sc.skipSpaces();
    if (!sc.atDigit()) return std::nullopt;
    const int den = sc.number(1000);
    if (*num <= 0 || den <= 0) return std::nullopt;
    m.numerator = *num;
    m.denominator = den;
    return m;
}

AbcFraction defaultUnitLength(const AbcMeter* meter) {
    if (!meter || meter->free) return {1, 8};
    return meter->wholeNotes() < 0.75 ? AbcFraction{1, 16} : AbcFraction{1, 8};
}

// "1/8", "1", "3/16"; nullopt when malformed or not positive.
static std::optional<AbcFraction> fraction(Scanner& sc) {
    sc.skipSpaces();
    if (!sc.atDigit()) return std::nullopt;
    const int num = sc.number(1000);
    int den = 1;
    sc.skipSpaces();
    if (sc.accept('/')) {
        sc.skipSpaces();
        if (!sc.atDigit()) return std::nullopt;
        den = sc.number(100000);
    }
    if (num <= 0 || den <= 0) return std::nullopt;
    return AbcFraction{num, den};
}

std::optional<AbcFraction> parseUnitLength(std::string_view value) {
    Scanner sc(trim(value));
    auto f = fraction(sc);
    sc.skipSpaces();
    if (!f || !sc.atEnd()) return std::nullopt;
    return f;
}

int AbcTempo::microsPerQuarter(double unitLength) const {
    const double beat = beatInUnits ? beatWholeNotes * unitLength : beatWholeNotes;
    const double quartersPerMinute = beatsPerMinute * beat * 4.0;
    if (!(quartersPerMinute > 0)) return 500000;
    // MIDI tempo is a 24-bit number of microseconds.
    return static_cast<int>(std::clamp(std::llround(60'000'000.0 / quartersPerMinute), 1LL, 0xFFFFFFLL));
}

std::optional<AbcTempo> parseTempo(std::string_view value) {
    Scanner sc(trim(value));
    AbcTempo t;
    double beat = 0;
    bool sawBeat = false;
    bool sawNumber = false;
    while (!sc.atEnd()) {
        const char c = sc.peek();
        if (c == '"') {  // "Allegro": text only
            sc.get();
            while (!sc.atEnd() && sc.get() != '"') {
            }
        } else if (c == 'C' && (isDigit(sc.peek(1)) || sc.peek(1) == '=')) {  // C=80, C3=40: unit lengths
            sc.get();
            t.beatInUnits = true;
            beat = sc.atDigit() ? sc.number(1000) : 1;
            sawBeat = true;
        } else if (isDigit(c)) {
            const std::size_t at = sc.pos();
            const int n = sc.number();
            if (sc.peek() == '/') {  // one more note of the beat: 1/4 or 3/8
                sc.setPos(at);
                auto f = fraction(sc);
                if (!f) return std::nullopt;
                beat += f->value();
                sawBeat = true;
            } else {
                t.beatsPerMinute = n;
                sawNumber = true;
            }
        } else {
            sc.get();  // '=', spaces and stray text
        }
    }
    if (!sawNumber || t.beatsPerMinute <= 0) return std::nullopt;
    if (sawBeat) t.beatWholeNotes = beat > 0 ? beat : 0.25;
    return t;
}

// Sharps of each major tonic (letter index, then -1 flat / 0 / +1 sharp).
static int majorSharps(int letter, int alteration) {
    static constexpr std::array<int, 7> natural{0, 2, 4, -1, 1, 3, 5};  // C D E F G A B
    return natural[static_cast<std::size_t>(letter)] + 7 * alteration;
}

static std::optional<int> modeOffset(std::string_view word, bool& minor) {
    std::string w;
    for (char c : word.substr(0, 3)) w += toLower(c);
    minor = false;
    if (w == "m" || w == "min" || w == "aeo") {
        minor = true;
        return -3;
    }
    if (w == "maj" || w == "ion") return 0;
    if (w == "mix") return -1;
    if (w == "dor") return -2;
    if (w == "phr") return -4;
    if (w == "lyd") return 1;
    if (w == "loc") return -5;
    return std::nullopt;
}

// Accidentals per letter for a signature of `sharps` (negative: flats); beyond 7 they become double.
static std::array<int, 7> signatureAccidentals(int sharps) {
    static constexpr std::array<int, 7> sharpOrder{3, 0, 4, 1, 5, 2, 6};  // F C G D A E B
    static constexpr std::array<int, 7> flatOrder{6, 2, 5, 1, 4, 0, 3};   // B E A D G C F
    std::array<int, 7> acc{};
    const int n = std::abs(sharps);
    for (int i = 0; i < n && i < 14; ++i) {
        const auto letter = static_cast<std::size_t>(sharps > 0 ? sharpOrder[i % 7] : flatOrder[i % 7]);
        acc[letter] += sharps > 0 ? 1 : -1;
    }
    return acc;
}

static bool isClefWord(std::string_view w) {
    for (std::string_view c : {"treble", "bass", "alto", "tenor", "perc", "none", "clef", "middle", "transpose",
                               "octave", "stafflines", "staffscale", "baritone", "soprano", "mezzo"})
        if (startsWithNoCase(w, c)) return true;
    return false;
}

std::optional<AbcKey> parseKey(std::string_view value, std::string& problem) {
    value = trim(value);
    AbcKey key;
    Scanner sc(value);
    bool explicitOnly = false;
    if (value.empty() || startsWithNoCase(value, "none")) {
        key.none = true;
        sc.setPos(value.empty() ? 0 : 4);
    } else if (value[0] == 'H' && (sc.peek(1) == 'P' || sc.peek(1) == 'p')) {
        sc.setPos(2);  // Highland pipes: played with F# and C#, as abc2midi does
        key.sharps = 2;
    } else if (letterIndex(value[0]) >= 0 && !(value.size() > 1 && value[1] == '=') &&
               !isClefWord(value)) {
        const int letter = letterIndex(sc.get());
        int alteration = 0;
        if (sc.accept('#')) alteration = 1;
        else if (sc.accept('b')) alteration = -1;
        sc.skipSpaces();
        const std::size_t wordStart = sc.pos();
        while (!sc.atEnd() && ((sc.peek() >= 'a' && sc.peek() <= 'z') || (sc.peek() >= 'A' && sc.peek() <= 'Z')))
            sc.get();
        const std::string_view word = value.substr(wordStart, sc.pos() - wordStart);
        int offset = 0;
        if (!word.empty()) {
            if (startsWithNoCase(word, "exp")) {
                explicitOnly = true;
            } else if (auto o = modeOffset(word, key.minor)) {
                offset = *o;
            } else if (isClefWord(word)) {
                sc.setPos(wordStart);
            } else {
                problem = "unknown mode '" + std::string(word) + "' in K:";
                return std::nullopt;
            }
        }
        key.sharps = explicitOnly ? 0 : majorSharps(letter, alteration) + offset;
        if (key.sharps < -14 || key.sharps > 14) {
            problem = "key signature out of range in K:";
            return std::nullopt;
        }
    }
    key.accidental = signatureAccidentals(key.sharps);
    key.sharps = std::clamp(key.sharps, -7, 7);
    // Explicit accidentals ("K:D =c ^g", "K:D exp ^f ^c") and clef words follow, separated by spaces.
    while (!sc.atEnd()) {
        sc.skipSpaces();
        const char c = sc.peek();
        if (c == '^' || c == '_' || c == '=') {
            int acc = 0;
            while (sc.peek() == '^' || sc.peek() == '_' || sc.peek() == '=') {
                const char a = sc.get();
                acc += a == '^' ? 1 : a == '_' ? -1 : 0;
            }
            const int letter = letterIndex(sc.get());
            if (letter < 0) {
                problem = "bad accidental in K:";
                return std::nullopt;
            }
            key.accidental[static_cast<std::size_t>(letter)] = std::clamp(acc, -2, 2);
            key.none = false;
        } else {
            while (!sc.atEnd() && !isSpace(sc.peek())) sc.get();  // clef=bass, transpose=-2, ...
        }
    }
    return key;
}

}  // namespace nf::abc
