// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/Scale.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <vector>

namespace nf {

namespace {

struct Mode {
    const char* name;
    std::initializer_list<int> steps;  // semitones above the tonic
};

const Mode kModes[] = {
    {"major", {0, 2, 4, 5, 7, 9, 11}},          {"ionian", {0, 2, 4, 5, 7, 9, 11}},
    {"minor", {0, 2, 3, 5, 7, 8, 10}},          {"aeolian", {0, 2, 3, 5, 7, 8, 10}},
    {"dorian", {0, 2, 3, 5, 7, 9, 10}},         {"phrygian", {0, 1, 3, 5, 7, 8, 10}},
    {"lydian", {0, 2, 4, 6, 7, 9, 11}},         {"mixolydian", {0, 2, 4, 5, 7, 9, 10}},
    {"locrian", {0, 1, 3, 5, 6, 8, 10}},        {"harmonic-minor", {0, 2, 3, 5, 7, 8, 11}},
    {"melodic-minor", {0, 2, 3, 5, 7, 9, 11}},  {"pentatonic", {0, 2, 4, 7, 9}},
    {"major-pentatonic", {0, 2, 4, 7, 9}},      {"minor-pentatonic", {0, 3, 5, 7, 10}},
    {"blues", {0, 3, 5, 6, 7, 10}},             {"chromatic", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
};

std::string lower(std::string_view s) {
    std::string out;
    for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

}  // namespace

std::optional<Scale> parseScale(std::string_view text) {
    std::string s = lower(text);
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    if (s.empty()) return std::nullopt;
    static constexpr int kLetter[] = {9, 11, 0, 2, 4, 5, 7};  // a..g
    if (s[0] < 'a' || s[0] > 'g') return std::nullopt;
    int tonic = kLetter[s[0] - 'a'];
    std::size_t i = 1;
    if (i < s.size() && (s[i] == '#' || s[i] == 'b') && (i + 1 == s.size() || s[i + 1] == ' ')) {
        tonic += s[i] == '#' ? 1 : -1;
        ++i;
    }
    tonic = (tonic + 12) % 12;
    std::string mode = i < s.size() ? s.substr(s.find_first_not_of(' ', i) == std::string::npos ? s.size()
                                                                                                 : s.find_first_not_of(' ', i))
                                    : "major";
    if (mode.empty()) mode = "major";
    std::replace(mode.begin(), mode.end(), ' ', '-');
    for (const Mode& m : kModes) {
        if (mode != m.name) continue;
        Scale scale;
        scale.tonic = tonic;
        for (int step : m.steps) scale.pitchClasses[static_cast<std::size_t>((tonic + step) % 12)] = true;
        scale.minorThird = std::find(m.steps.begin(), m.steps.end(), 3) != m.steps.end() &&
                           std::find(m.steps.begin(), m.steps.end(), 4) == m.steps.end();
        scale.name = std::string(tonicName(tonic)) + " " + mode;
        return scale;
    }
    return std::nullopt;
}

const char* scaleModeNames() {
    return "major, minor, dorian, phrygian, lydian, mixolydian, locrian, harmonic minor, melodic minor, "
           "pentatonic, minor pentatonic, blues, chromatic";
}

const char* tonicName(int pitchClass) {
    static const char* const kNames[12] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    return kNames[((pitchClass % 12) + 12) % 12];
}

}  // namespace nf
