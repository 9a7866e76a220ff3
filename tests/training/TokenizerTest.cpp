// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <filesystem>

#include "abc/AbcReader.h"
#include "music/MusicError.h"
#include "smf/MidiFileReader.h"
#include "tokenize/AbcCharsTokenizer.h"
#include "tokenize/EventTokenizer.h"
#include "tokenize/PaperNotesTokenizer.h"

using namespace nf;

namespace {

TokenizerSettings settingsFor(TokenizerKind kind) {
    TokenizerSettings s;
    s.kind = kind;
    return s;
}

Score twoTrackScore() {
    Score s(480);
    Track piano;
    piano.name = "Piano";
    Track drums;
    drums.name = "Drums";
    drums.isDrum = true;
    drums.channel = 9;
    s.tracks = {drums, piano};  // drums first: paper-notes must skip them
    s.addNote(1, Note{0, 76, 90, 0, 240});     // E5
    s.addNote(1, Note{0, 60, 80, 480, 480});   // C E G chord
    s.addNote(1, Note{0, 64, 80, 480, 480});
    s.addNote(1, Note{0, 67, 80, 480, 480});
    s.addNote(1, Note{0, 63, 70, 960, 120});   // E-4
    s.addNote(0, Note{0, 36, 120, 0, 60});
    s.addNote(0, Note{0, 42, 50, 240, 60});
    s.normalize();
    return s;
}

struct RoundTrip {
    std::size_t notes = 0, matched = 0, velocityOff = 0;
};

// Every original note must reappear in the corresponding decoded track with its pitch, its onset within one
// step and its velocity within one bin.
RoundTrip compareEvents(const Score& original, const Score& decoded, const EventTokenizer& tok) {
    RoundTrip r;
    const double step = 1.0 / tok.settings().stepsPerBeat;
    const int binWidth = (128 + tok.settings().velocityBins - 1) / tok.settings().velocityBins;
    std::size_t decodedTrack = 0;
    for (const auto& track : original.tracks) {
        if (track.notes.empty()) continue;
        EXPECT_LT(decodedTrack, decoded.tracks.size());
        if (decodedTrack >= decoded.tracks.size()) break;
        const Track& out = decoded.tracks[decodedTrack++];
        EXPECT_EQ(out.isDrum, track.isDrum);
        if (!track.isDrum) {
            EXPECT_EQ(out.program, track.program);
        }
        for (const auto& n : track.notes) {
            ++r.notes;
            const double beat = static_cast<double>(n.start) / original.ppq();
            for (const auto& m : out.notes) {
                if (m.pitch != n.pitch) continue;
                if (std::abs(static_cast<double>(m.start) / decoded.ppq() - beat) > step + 1e-9) continue;
                ++r.matched;
                if (std::abs(m.velocity - n.velocity) > binWidth) ++r.velocityOff;
                break;
            }
        }
    }
    return r;
}

}  // namespace

TEST(PaperNotesTokenizer, EncodesOnsetsOfTheFirstPitchedPartAsMusic21Would) {
    PaperNotesTokenizer tok(settingsFor(TokenizerKind::PaperNotes));
    EXPECT_EQ(tok.encode(twoTrackScore()), (std::vector<std::string>{"E5", "0.4.7", "E-4"}));
}

TEST(PaperNotesTokenizer, PartSelection) {
    Score s = twoTrackScore();
    Track second;
    second.name = "Bass";
    s.tracks.push_back(second);
    s.addNote(2, Note{0, 40, 80, 240, 240});
    auto settings = settingsFor(TokenizerKind::PaperNotes);
    settings.part = "all";
    EXPECT_EQ(PaperNotesTokenizer(settings).encode(s), (std::vector<std::string>{"E5", "E2", "0.4.7", "E-4"}));
    settings.part = "Bass";
    EXPECT_EQ(PaperNotesTokenizer(settings).encode(s), (std::vector<std::string>{"E2"}));
    settings.part = "Violin";
    EXPECT_THROW(PaperNotesTokenizer(settings).encode(s), MusicError);
}

TEST(PaperNotesTokenizer, DecodesHalfABeatApartWithChordsInOctaveFour) {
    PaperNotesTokenizer tok(settingsFor(TokenizerKind::PaperNotes));
    const Score s = tok.decode({"E5", "0.4.7", "C#4", "junk", "11"});
    ASSERT_EQ(s.tracks.size(), 1u);
    const auto& n = s.tracks[0].notes;
    ASSERT_EQ(n.size(), 6u);
    EXPECT_EQ(n[0].pitch, 76);
    EXPECT_EQ(n[0].start, 0);
    EXPECT_EQ(n[1].pitch, 60);
    EXPECT_EQ(n[1].start, 240);
    EXPECT_EQ(n[3].pitch, 67);
    EXPECT_EQ(n[4].pitch, 61);
    EXPECT_EQ(n[4].start, 480);
    EXPECT_EQ(n[5].pitch, 71);
    EXPECT_EQ(n[5].start, 960);  // the unknown token still took its half beat
}

TEST(EventTokenizer, RoundTripKeepsTracksRhythmDynamicsAndDrums) {
    EventTokenizer tok(settingsFor(TokenizerKind::Events));
    Score s = twoTrackScore();
    s.tracks[1].program = 40;
    s.setTempoChanges({{0, 666'667}});  // 90 BPM
    s.addNote(1, Note{0, 76, 127, 160, 100});  // overlaps the first E5 (same key re-struck), triplet onset
    s.normalize();
    const auto tokens = tok.encode(s);
    EXPECT_EQ(tokens.front(), "BPM_90");
    EXPECT_EQ(tokens.back(), "END");
    const Score d = tok.decode(tokens);
    EXPECT_NEAR(d.tempoMap().changes().front().bpm(), 90.0, 1.0);
    const auto r = compareEvents(s, d, tok);
    EXPECT_EQ(r.matched, r.notes);
    EXPECT_EQ(r.velocityOff, 0u);
    EXPECT_EQ(d.tracks[0].channel, 9);
    EXPECT_EQ(d.tracks[1].program, 40);
}

TEST(EventTokenizer, VelocityBinsAreOneBinWide) {
    EventTokenizer tok(settingsFor(TokenizerKind::Events));
    for (int v = 1; v <= 127; ++v) EXPECT_LE(std::abs(tok.binVelocity(tok.velocityBin(v)) - v), 4) << v;
}

TEST(EventTokenizer, RoundTripOnTheDemoMidiFiles) {
    const std::filesystem::path dir = std::filesystem::path(NF_SOURCE_DIR) / "resources/demo/midi";
    if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no demo data at " << dir;
    EventTokenizer tok(settingsFor(TokenizerKind::Events));
    std::size_t files = 0, notes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.path().extension() != ".mid") continue;
        const Score original = readMidiFile(entry.path().string()).score;
        const auto r = compareEvents(original, tok.decode(tok.encode(original)), tok);
        EXPECT_EQ(r.matched, r.notes) << entry.path();
        EXPECT_EQ(r.velocityOff, 0u) << entry.path();
        ++files;
        notes += r.notes;
    }
    EXPECT_GE(files, 10u);
    EXPECT_GT(notes, 10000u);
}

TEST(AbcCharsTokenizer, KeepsTheTuneTextBetweenBoundaries) {
    AbcCharsTokenizer tok(settingsFor(TokenizerKind::AbcChars));
    Piece piece;
    piece.file = "t.abc";
    piece.tuneNumber = 1;
    piece.abcText = "X:1\r\nT:Caf\xC3\xA9\r\nK:G\r\nGAB c2|\r\n\r\n";
    const auto tokens = tok.encode(piece);
    EXPECT_EQ(tokens.front(), "<tune>");
    EXPECT_EQ(tokens.back(), "</tune>");
    EXPECT_NE(std::find(tokens.begin(), tokens.end(), "\xC3\xA9"), tokens.end());  // one token per code point
    EXPECT_EQ(AbcCharsTokenizer::decodeText(tokens), "X:1\nT:Caf\xC3\xA9\nK:G\nGAB c2|\n");
    const Score s = tok.decode(tokens);
    ASSERT_FALSE(s.tracks.empty());
    ASSERT_EQ(s.tracks[0].notes.size(), 4u);
    EXPECT_EQ(s.tracks[0].notes[0].pitch, 67);
    EXPECT_EQ(s.tracks[0].notes[3].pitch, 72);
}

TEST(AbcCharsTokenizer, WritesMonophonicMidiAsAbcAndRefusesPolyphony) {
    AbcCharsTokenizer tok(settingsFor(TokenizerKind::AbcChars));
    Score melody(480);
    melody.tracks.emplace_back();
    for (int i = 0; i < 8; ++i) melody.addNote(0, Note{0, 60 + (i % 5) * 2, 80, i * 240, 240});
    const Score back = tok.decode(tok.encode(melody, "melody.mid"));
    ASSERT_FALSE(back.tracks.empty());
    ASSERT_EQ(back.tracks[0].notes.size(), 8u);
    for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ(back.tracks[0].notes[i].pitch, melody.tracks[0].notes[i].pitch);

    Score chords = twoTrackScore();
    try {
        tok.encode(chords, "chords.mid");
        FAIL() << "a polyphonic piece must be refused";
    } catch (const MusicError& e) {
        EXPECT_NE(std::string(e.what()).find("chords.mid"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("monophonic"), std::string::npos);
    }
}
