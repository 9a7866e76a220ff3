// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcSpelling.h"

#include <algorithm>
#include <cmath>

#include "abc/AbcFields.h"

namespace nf::abc {

namespace {

constexpr std::array<char, 7> kLetters{'C', 'D', 'E', 'F', 'G', 'A', 'B'};

std::array<int, 7> signature(int sharps) {
    static constexpr std::array<int, 7> sharpOrder{3, 0, 4, 1, 5, 2, 6};  // F C G D A E B
    static constexpr std::array<int, 7> flatOrder{6, 2, 5, 1, 4, 0, 3};   // B E A D G C F
    std::array<int, 7> acc{};
    for (int i = 0; i < std::min(std::abs(sharps), 7); ++i)
        acc[static_cast<std::size_t>(sharps > 0 ? sharpOrder[i] : flatOrder[i])] = sharps > 0 ? 1 : -1;
    return acc;
}

int floorDiv(int a, int b) { return (a >= 0) ? a / b : -((-a + b - 1) / b); }

}  // namespace

PitchSpeller::PitchSpeller(const KeySignature& key) { setKey(key); }

void PitchSpeller::setKey(const KeySignature& key) {
    keyAcc_ = signature(std::clamp(key.sharps, -7, 7));
    preferFlats_ = key.sharps < 0;
    newBar();
}

void PitchSpeller::newBar() {
    barLetter_.fill(kUnset);
    for (auto& o : barOctave_) o.fill(kUnset);
}

PitchSpeller::Spelling PitchSpeller::choose(int pc) const {
    // 1. A letter that gives the pitch with the key's own accidental.
    for (int l = 0; l < 7; ++l)
        if ((kLetterSemitone[static_cast<std::size_t>(l)] + keyAcc_[static_cast<std::size_t>(l)] + 12) % 12 == pc)
            return {l, keyAcc_[static_cast<std::size_t>(l)]};
    // 2. One already altered to it in this bar (no second mark needed).
    for (int l = 0; l < 7; ++l) {
        const int a = barLetter_[static_cast<std::size_t>(l)];
        if (a != kUnset && (kLetterSemitone[static_cast<std::size_t>(l)] + a + 12) % 12 == pc) return {l, a};
    }
    // 3. A natural letter, else a sharp or flat as the key leans (music21's C# E- F# G# B- in C major).
    for (int l = 0; l < 7; ++l)
        if (kLetterSemitone[static_cast<std::size_t>(l)] == pc) return {l, 0};
    bool flat = preferFlats_;
    if (keyAcc_ == std::array<int, 7>{}) flat = (pc == 3 || pc == 10);
    for (int l = 0; l < 7; ++l)
        if ((kLetterSemitone[static_cast<std::size_t>(l)] + (flat ? -1 : 1) + 12) % 12 == pc) return {l, flat ? -1 : 1};
    return {0, 0};  // unreachable: every pitch class is a natural, sharp or flat letter
}

int PitchSpeller::effective(int letter, int octave) const {
    const auto l = static_cast<std::size_t>(letter);
    const auto o = static_cast<std::size_t>(std::clamp(octave + 8, 0, 15));
    if (barOctave_[o][l] != kUnset) return barOctave_[o][l];
    return keyAcc_[l];
}

std::string PitchSpeller::spell(int midiPitch) {
    const int pc = ((midiPitch % 12) + 12) % 12;
    const Spelling s = choose(pc);
    const auto l = static_cast<std::size_t>(s.letter);
    const int natural = midiPitch - s.accidental;  // the letter's own pitch, which fixes the octave
    const int octave = floorDiv(natural - 60, 12);
    const int letterWide = barLetter_[l] != kUnset ? barLetter_[l] : keyAcc_[l];
    std::string out;
    if (letterWide != s.accidental || effective(s.letter, octave) != s.accidental) {
        // Built from characters: GCC 12 reports a false -Wrestrict on small literal assignments at -O3.
        if (s.accidental > 0) out.append(static_cast<std::size_t>(s.accidental), '^');
        else if (s.accidental < 0) out.append(static_cast<std::size_t>(-s.accidental), '_');
        else out.push_back('=');
        barLetter_[l] = s.accidental;
        barOctave_[static_cast<std::size_t>(std::clamp(octave + 8, 0, 15))][l] = s.accidental;
    }
    const char letter = kLetters[l];
    if (octave >= 1) {
        out += static_cast<char>(letter - 'A' + 'a');
        out.append(static_cast<std::size_t>(octave - 1), '\'');
    } else {
        out += letter;
        out.append(static_cast<std::size_t>(-octave), ',');
    }
    return out;
}

std::string keyName(const KeySignature& key) {
    static constexpr std::array<const char*, 15> major{"Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C",
                                                       "G",  "D",  "A",  "E",  "B",  "F#", "C#"};
    static constexpr std::array<const char*, 15> minor{"Ab", "Eb", "Bb", "F", "C",  "G",  "D", "A",
                                                       "E",  "B",  "F#", "C#", "G#", "D#", "A#"};
    const auto i = static_cast<std::size_t>(std::clamp(key.sharps, -7, 7) + 7);
    return key.minor ? std::string(minor[i]) + "m" : std::string(major[i]);
}

KeySignature guessKey(const std::vector<Note>& notes) {
    static constexpr std::array<double, 12> majorProfile{6.35, 2.23, 3.48, 2.33, 4.38, 4.09,
                                                         2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    static constexpr std::array<double, 12> minorProfile{6.33, 2.68, 3.52, 5.38, 2.60, 3.53,
                                                         2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
    std::array<double, 12> weight{};
    for (const Note& n : notes) weight[static_cast<std::size_t>(((n.pitch % 12) + 12) % 12)] += static_cast<double>(std::max<Tick>(n.duration, 1));
    auto correlation = [&](const std::array<double, 12>& profile, int tonic) {
        double mx = 0, my = 0;
        for (int i = 0; i < 12; ++i) {
            mx += weight[static_cast<std::size_t>(i)];
            my += profile[static_cast<std::size_t>(i)];
        }
        mx /= 12;
        my /= 12;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < 12; ++i) {
            const double x = weight[static_cast<std::size_t>((i + tonic) % 12)] - mx;
            const double y = profile[static_cast<std::size_t>(i)] - my;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        return (sxx > 0 && syy > 0) ? sxy / std::sqrt(sxx * syy) : 0.0;
    };
    // Sharps of the major key on each tonic (C=0 ... B=11), choosing the simpler of enharmonic pairs.
    static constexpr std::array<int, 12> majorSharps{0, -5, 2, -3, 4, -1, 6, 1, -4, 3, -2, 5};
    KeySignature best;
    double bestScore = -2;
    for (int tonic = 0; tonic < 12; ++tonic) {
        for (bool minor : {false, true}) {
            const double score = correlation(minor ? minorProfile : majorProfile, tonic);
            if (score > bestScore + 1e-12) {
                bestScore = score;
                best.minor = minor;
                // A minor key shares its signature with the major key three semitones up.
                best.sharps = majorSharps[static_cast<std::size_t>(minor ? (tonic + 3) % 12 : tonic)];
            }
        }
    }
    return best;
}

}  // namespace nf::abc
