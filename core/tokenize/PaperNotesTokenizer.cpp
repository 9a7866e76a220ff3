// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/PaperNotesTokenizer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "music/MusicError.h"
#include "music/PitchNames.h"
#include "tokenize/NormalOrder.h"

namespace nf {

namespace {

// The notes of the part the paper's code would read (music21's parts[0] is the first instrument part).
std::vector<Note> chosenPart(const Piece& piece, const std::string& part) {
    std::vector<Note> notes;
    const auto& tracks = piece.score.tracks;
    if (part == "first") {
        for (const auto& t : tracks)
            if (!t.isDrum && !t.notes.empty()) return t.notes;
    } else if (part == "all") {
        for (const auto& t : tracks)
            if (!t.isDrum) notes.insert(notes.end(), t.notes.begin(), t.notes.end());
        if (!notes.empty()) return notes;
    } else {
        for (const auto& t : tracks)
            if (t.name == part) return t.notes;
        throw MusicError(piece.file, "no track named '" + part + "' (paper-notes part)");
    }
    throw MusicError(piece.file, "no pitched (non-drum) notes to encode as paper-notes");
}

bool isChordToken(const std::string& token) {
    return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.';
    });
}

}  // namespace

std::vector<std::string> PaperNotesTokenizer::encode(const Piece& piece) const {
    // Group by onset: music21 reads simultaneous notes of a MIDI track as one chord.
    std::map<Tick, std::vector<int>> onsets;
    for (const Note& n : chosenPart(piece, settings().part)) onsets[n.start].push_back(n.pitch);
    std::vector<std::string> tokens;
    tokens.reserve(onsets.size());
    for (const auto& [tick, pitches] : onsets)
        tokens.push_back(pitches.size() == 1 ? pitchName(pitches.front()) : chordToken(pitches));
    return tokens;
}

Score PaperNotesTokenizer::decode(const std::vector<std::string>& tokens) const {
    Score score(480);
    Track track;
    track.name = "Piano";
    score.tracks.push_back(track);
    // The paper's notes were a quarter long but placed half a beat apart, so they overlapped; one step each keeps
    // the same onsets without overlapping notes of equal pitch.
    const Tick step = std::max<Tick>(1, std::llround(settings().noteStepBeats * score.ppq()));
    Tick at = 0;
    for (const auto& token : tokens) {
        std::vector<int> pitches;
        if (isChordToken(token)) {
            std::size_t pos = 0;
            while (pos < token.size()) {
                const std::size_t dot = token.find('.', pos);
                const std::string part = token.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
                if (!part.empty() && part.size() <= 2) {
                    const int pc = std::stoi(part);
                    if (pc < 12) pitches.push_back(60 + pc);
                }
                if (dot == std::string::npos) break;
                pos = dot + 1;
            }
        } else if (auto p = parsePitchName(token)) {
            pitches.push_back(*p);
        }
        // Like the paper's generator, every token advances time, even one that makes no note.
        for (int p : pitches) score.addNote(0, Note{0, p, 100, at, step});
        at += step;
    }
    score.normalize();
    return score;
}

}  // namespace nf
