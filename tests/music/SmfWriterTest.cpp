// SPDX-License-Identifier: GPL-3.0-or-later
// The SMF writer: exact bytes for small scores, event order at equal ticks, and read-back identity.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "music/SmfTestFile.h"
#include "smf/MidiFileReader.h"
#include "smf/MidiFileWriter.h"

using namespace nf;
using namespace nf::test;
using ::testing::HasSubstr;

namespace {

Score oneTrackScore(int ppq = 96) {
    Score s(ppq);
    s.tracks.push_back(Track{});
    return s;
}

// Track chunk bodies of a written file (conductor first).
std::vector<Bytes> trackBodies(const Bytes& file) {
    std::vector<Bytes> bodies;
    std::size_t pos = 14;
    while (pos + 8 <= file.size()) {
        const std::size_t len = (std::size_t{file[pos + 4]} << 24) | (std::size_t{file[pos + 5]} << 16) |
                                (std::size_t{file[pos + 6]} << 8) | file[pos + 7];
        bodies.emplace_back(file.begin() + static_cast<long>(pos + 8), file.begin() + static_cast<long>(pos + 8 + len));
        pos += 8 + len;
    }
    EXPECT_EQ(pos, file.size());
    return bodies;
}

std::filesystem::path freshDir(const std::string& name) {
    const auto dir = std::filesystem::path(NF_BINARY_DIR) / "smf-writer-test" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace

TEST(SmfWriter, ExactBytesOfASmallScore) {
    Score s = oneTrackScore();
    s.addNote(0, Note{0, 60, 100, 0, 96});
    const Bytes expected = concat({
        Bytes{'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 2, 0, 96},
        track({0x00, 0xFF, 0x51, 3, 0x07, 0xA1, 0x20, 0x00, 0xFF, 0x2F, 0x00}),  // conductor: 120 BPM
        track({0x00, 0xC0, 0, 0x00, 0x90, 60, 100, 0x60, 0x80, 60, 64, 0x00, 0xFF, 0x2F, 0x00}),
    });
    EXPECT_EQ(writeMidiBytes(s), expected);
}

TEST(SmfWriter, ConductorHoldsTitleTextsMeterKeyAndTempo) {
    Score s(480);
    s.title = "Tune";
    s.timeSignatures = {{0, 6, 8}};
    s.keySignatures = {{0, 2, false}};
    s.setTempoChanges({{0, 600000}, {1920, 400000}});
    MidiWriteOptions options;
    options.texts = {"seed=7"};
    const auto bodies = trackBodies(writeMidiBytes(s, options));
    ASSERT_EQ(bodies.size(), 1u);
    const Bytes expected = {0x00, 0xFF, 0x03, 4, 'T', 'u', 'n', 'e',    //
                            0x00, 0xFF, 0x01, 6, 's', 'e', 'e', 'd', '=', '7',  //
                            0x00, 0xFF, 0x58, 4, 6, 3, 24, 8,           //
                            0x00, 0xFF, 0x59, 2, 2, 0,                  //
                            0x00, 0xFF, 0x51, 3, 0x09, 0x27, 0xC0,      //
                            0x8F, 0x00, 0xFF, 0x51, 3, 0x06, 0x1A, 0x80,  // delta 1920
                            0x00, 0xFF, 0x2F, 0x00};
    EXPECT_EQ(bodies[0], expected);
}

TEST(SmfWriter, RepeatedNoteIsReleasedBeforeItSoundsAgain) {
    Score s = oneTrackScore();
    s.addNote(0, Note{0, 60, 100, 96, 96});
    s.addNote(0, Note{0, 60, 90, 0, 96});
    const auto bodies = trackBodies(writeMidiBytes(s));
    const Bytes expected = {0x00, 0xC0, 0,  0x00, 0x90, 60, 90,  0x60, 0x80, 60, 64,  // off first...
                            0x00, 0x90, 60, 100,  0x60, 0x80, 60, 64,  0x00, 0xFF, 0x2F, 0x00};  // ...then on
    EXPECT_EQ(bodies.at(1), expected);
    const auto back = readMidiBytes(writeMidiBytes(s), "w.mid");
    ASSERT_EQ(back.score.tracks.at(0).notes.size(), 2u);
    EXPECT_EQ(back.score.tracks[0].notes[0].duration, 96);
    EXPECT_EQ(back.score.tracks[0].notes[1].duration, 96);
}

TEST(SmfWriter, ZeroLengthAndOverlappingNotesSurviveFifoPairing) {
    Score s = oneTrackScore();
    s.addNote(0, Note{0, 60, 100, 0, 0});    // zero length: off right after its on
    s.addNote(0, Note{0, 62, 100, 0, 50});
    s.addNote(0, Note{0, 62, 70, 0, 20});    // same start, shorter: its on must come first
    s.addNote(0, Note{0, 64, 100, 0, 40});
    s.addNote(0, Note{0, 64, 80, 10, 60});   // overlaps the previous 64, ends later (FIFO order)
    s.normalize();
    const auto back = readMidiBytes(writeMidiBytes(s), "w.mid");
    auto key = [](const Note& n) { return std::tuple(n.start, n.pitch, n.duration, n.velocity); };
    std::vector<std::tuple<Tick, int, Tick, int>> a, b;
    for (const auto& n : s.tracks[0].notes) a.push_back(key(n));
    for (const auto& n : back.score.tracks.at(0).notes) b.push_back(key(n));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_EQ(a, b);
    EXPECT_TRUE(back.warnings.empty());
}

TEST(SmfWriter, ControlsComeBeforeNotesOfTheSameTickAndDrumsUseChannelTen) {
    Score s = oneTrackScore();
    Track& t = s.tracks[0];
    t.isDrum = true;
    t.channel = 3;  // isDrum wins
    t.bank = 129;
    t.program = 25;
    t.controls = {{0, ControlEvent::Kind::Controller, cc::Sustain, 127}, {0, ControlEvent::Kind::PitchBend, 0, -8192}};
    s.addNote(0, Note{0, 36, 100, 0, 10});
    const auto bodies = trackBodies(writeMidiBytes(s));
    const Bytes expected = {0x00, 0xB9, 0, 1,  0x00, 0xB9, 32, 1,  0x00, 0xC9, 25,   // set-up
                            0x00, 0xB9, 64, 127,  0x00, 0xE9, 0, 0,                  // controls
                            0x00, 0x99, 36, 100,  0x0A, 0x89, 36, 64,  0x00, 0xFF, 0x2F, 0x00};
    EXPECT_EQ(bodies.at(1), expected);
}

TEST(SmfWriter, GapsLongerThanOneDeltaAreBridged) {
    Score s = oneTrackScore(1);
    const Tick far = Tick{3} * 0x0FFFFFFF + 5;
    s.addNote(0, Note{0, 60, 100, far, 1});
    const auto back = readMidiBytes(writeMidiBytes(s), "w.mid");
    EXPECT_EQ(back.score.tracks.at(0).notes.at(0).start, far);
}

TEST(SmfWriter, ReadsBackIdenticallyIncludingIds) {
    Score s(384);
    s.title = "Round trip";
    s.setTempoChanges({{0, 450000}, {768, 520000}});
    s.timeSignatures = {{0, 3, 4}, {1152, 2, 2}};
    s.keySignatures = {{0, -1, true}, {1152, 4, false}};
    Track piano;
    piano.name = "Piano";
    piano.channel = 0;
    piano.program = 1;
    piano.bank = 5;
    piano.controls = {{0, ControlEvent::Kind::Controller, cc::Volume, 90},
                      {100, ControlEvent::Kind::Controller, cc::Sustain, 127},
                      {200, ControlEvent::Kind::PitchBend, 0, -300},
                      {300, ControlEvent::Kind::ProgramChange, 0, 4},
                      {400, ControlEvent::Kind::ChannelPressure, 0, 20}};
    piano.lyrics = {{0, "Hel"}, {384, "lo"}};
    Track drums;
    drums.name = "Kit";
    drums.channel = 9;
    drums.isDrum = true;
    s.tracks = {piano, drums};
    for (int i = 0; i < 40; ++i) {
        s.tracks[0].notes.push_back(Note{0, 48 + i % 24, 30 + i, i * 96, 96 + (i % 3) * 50});
        s.tracks[1].notes.push_back(Note{0, 36 + i % 3, 100, i * 48, 0});
    }
    // Ids as the reader numbers them: 1.. in (track, start, pitch) order.
    s.normalize();
    s.assignMissingIds();
    ASSERT_EQ(s.tracks[1].notes.front().id, 41u);
    const auto first = readMidiBytes(writeMidiBytes(s), "w.mid");
    EXPECT_TRUE(first.warnings.empty());
    EXPECT_TRUE(first.score == s);
    const auto second = readMidiBytes(writeMidiBytes(first.score), "w.mid");
    EXPECT_TRUE(second.score == first.score);
    EXPECT_EQ(writeMidiBytes(second.score), writeMidiBytes(first.score));
}

TEST(SmfWriter, IdsAreRenumberedInOrderOnReadBack) {
    // Ids are not stored in a MIDI file: a score with ids from editing reads back with ids 1.. in order, and
    // from then on round trips are exact.
    Score s = oneTrackScore();
    s.tracks[0].notes = {Note{17, 64, 100, 96, 96}, Note{5, 60, 100, 0, 96}};
    const auto first = readMidiBytes(writeMidiBytes(s), "w.mid");
    ASSERT_EQ(first.score.tracks.at(0).notes.size(), 2u);
    EXPECT_EQ(first.score.tracks[0].notes[0].id, 1u);
    EXPECT_EQ(first.score.tracks[0].notes[0].pitch, 60);
    EXPECT_EQ(first.score.tracks[0].notes[1].id, 2u);
    EXPECT_TRUE(readMidiBytes(writeMidiBytes(first.score), "w.mid").score == first.score);
}

TEST(SmfWriter, WritesFilesAtomicallyAndNamesTheFileOnFailure) {
    const auto dir = freshDir("atomic");
    Score s = oneTrackScore();
    s.addNote(0, Note{0, 60, 100, 0, 96});
    const std::string path = (dir / "out.mid").string();
    writeMidiFile(s, path);
    EXPECT_EQ(readMidiFile(path).score, readMidiBytes(writeMidiBytes(s), "x").score);
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);
    const std::string bad = (dir / "missing-folder" / "out.mid").string();
    try {
        writeMidiFile(s, bad);
        FAIL() << "no error";
    } catch (const MusicError& e) {
        EXPECT_EQ(e.file(), bad);
        EXPECT_THAT(e.what(), HasSubstr(bad + ": "));
    }
}

TEST(SmfWriter, RefusesWhatSmfCannotHold) {
    Score s(40000);
    EXPECT_THROW(writeMidiBytes(s), MusicError);
    try {
        writeMidiFile(s, "/tmp/never-written.mid");
    } catch (const MusicError& e) {
        EXPECT_THAT(e.what(), HasSubstr("/tmp/never-written.mid: resolution"));
    }
}
