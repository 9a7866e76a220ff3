// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcAccompaniment.h"

#include <algorithm>
#include <string>

#include "abc/AbcFields.h"
#include "abc/AbcText.h"

namespace nf::abc {

namespace {

constexpr int kBassProgram = 32;   // Acoustic Bass
constexpr int kChordProgram = 24;  // Nylon Guitar
constexpr int kVelocity = 64;

// "C", "F#", "Bb", "f+" (a sharp, as some collections write the bass): pitch class and characters read.
std::optional<int> pitchClass(std::string_view s, std::size_t& used) {
    if (s.empty() || letterIndex(s[0]) < 0) return std::nullopt;
    int pc = kLetterSemitone[static_cast<std::size_t>(letterIndex(s[0]))];
    used = 1;
    if (s.size() > 1 && (s[1] == '#' || s[1] == '+')) {
        ++pc;
        ++used;
    } else if (s.size() > 1 && (s[1] == 'b' || s[1] == '-')) {
        --pc;
        ++used;
    }
    return (pc + 12) % 12;
}

std::vector<int> intervalsOf(std::string_view q) {
    auto has = [&](std::string_view x) { return q.substr(0, x.size()) == x; };
    if (has("maj7") || has("M7")) return {0, 4, 7, 11};
    if (has("maj") || q.empty()) return {0, 4, 7};
    if (has("m7b5")) return {0, 3, 6, 10};
    if (has("dim7")) return {0, 3, 6, 9};
    if (has("dim") || has("o")) return {0, 3, 6};
    if (has("aug") || has("+")) return {0, 4, 8};
    if (has("sus4")) return {0, 5, 7};
    if (has("sus2") || has("sus")) return {0, 2, 7};
    if (has("7sus4")) return {0, 5, 7, 10};
    if (has("m9")) return {0, 3, 7, 10, 14};
    if (has("m7") || has("min7")) return {0, 3, 7, 10};
    if (has("m6")) return {0, 3, 7, 9};
    if (has("m") || has("min")) return {0, 3, 7};
    if (has("9")) return {0, 4, 7, 10, 14};
    if (has("7")) return {0, 4, 7, 10};
    if (has("6")) return {0, 4, 7, 9};
    return {0, 4, 7};
}

struct Slot {
    Tick start;
    Tick length;
    bool bass;
};

// abc2midi's default patterns: "fzc" per dotted beat in compound meters, otherwise "fz" on the first beat
// (and every other beat of an even meter) and "cz" on the rest.
std::vector<Slot> barPattern(const TimeSignature& ts, Tick barStart, int ppq) {
    std::vector<Slot> slots;
    int n = ts.numerator;
    int d = ts.denominator;
    if (n == 2 && d == 2) {
        n = 4;
        d = 4;
    }
    const Tick eighth = static_cast<Tick>(ppq) * 4 / 8;
    if (d == 8 && n % 3 == 0 && n > 3) {
        for (int g = 0; g < n / 3; ++g) {
            slots.push_back({barStart + 3 * g * eighth, eighth, true});
            slots.push_back({barStart + (3 * g + 2) * eighth, eighth, false});
        }
        return slots;
    }
    const Tick beat = static_cast<Tick>(ppq) * 4 / std::max(1, d);
    for (int b = 0; b < n && b < 64; ++b)
        slots.push_back({barStart + b * beat, std::max<Tick>(1, beat / 2), b == 0 || (n % 2 == 0 && b % 2 == 0)});
    return slots;
}

}  // namespace

std::optional<ChordSymbol> parseChordSymbol(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text[0] == '(') text.remove_prefix(1);  // "(G)": an optional chord, still played
    std::size_t used = 0;
    auto root = pitchClass(text, used);
    if (!root) return std::nullopt;
    ChordSymbol c;
    c.root = *root;
    c.bass = *root;
    std::string_view rest = text.substr(used);
    const std::size_t slash = rest.find('/');
    c.intervals = intervalsOf(rest.substr(0, slash));
    if (slash != std::string_view::npos) {
        std::size_t bassUsed = 0;
        if (auto b = pitchClass(rest.substr(slash + 1), bassUsed)) c.bass = *b;
    }
    return c;
}

void addAccompaniment(Score& score, const std::vector<Tick>& barTicks) {
    if (score.tracks.empty() || score.tracks[0].chordSymbols.empty()) return;
    const auto& symbols = score.tracks[0].chordSymbols;
    std::vector<int> used;
    for (const auto& t : score.tracks) used.push_back(t.channel);
    auto freeChannel = [&](int preferred) {
        for (int c = preferred; c < 16; ++c)
            if (c != 9 && std::find(used.begin(), used.end(), c) == used.end()) {
                used.push_back(c);
                return c;
            }
        return 15;
    };
    Track bass;
    bass.name = "Bass";
    bass.channel = freeChannel(1);
    bass.program = kBassProgram;
    Track chords;
    chords.name = "Chords";
    chords.channel = freeChannel(2);
    chords.program = kChordProgram;

    const Tick end = score.endTick();
    std::vector<Tick> bars = barTicks;
    bars.insert(bars.begin(), 0);
    std::sort(bars.begin(), bars.end());
    bars.erase(std::unique(bars.begin(), bars.end()), bars.end());
    std::size_t symbol = 0;
    std::optional<ChordSymbol> current;
    for (std::size_t i = 0; i < bars.size() && bars[i] < end; ++i) {
        const Tick barEnd = i + 1 < bars.size() ? std::min(bars[i + 1], end) : end;
        for (const Slot& s : barPattern(score.timeSignatureAt(bars[i]), bars[i], score.ppq())) {
            if (s.start >= barEnd) break;
            while (symbol < symbols.size() && symbols[symbol].tick <= s.start) current = parseChordSymbol(symbols[symbol++].text);
            if (!current) continue;
            const Tick len = std::min(s.length, barEnd - s.start);
            if (s.bass) {
                bass.notes.push_back({0, 36 + current->bass, kVelocity, s.start, len});
            } else {
                for (int iv : current->intervals)
                    chords.notes.push_back({0, std::min(127, 48 + current->root + iv), kVelocity, s.start, len});
            }
        }
    }
    score.tracks.push_back(std::move(bass));
    score.tracks.push_back(std::move(chords));
    score.assignMissingIds();
    score.normalize();
}

}  // namespace nf::abc
