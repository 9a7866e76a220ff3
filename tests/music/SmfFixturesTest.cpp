// SPDX-License-Identifier: GPL-3.0-or-later
// What NoteForge reads from each committed hand-built fixture in tests/data/midi (see its README.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "music/SmfTestFile.h"
#include "smf/MidiFileReader.h"
#include "smf/MidiFileWriter.h"

using namespace nf;
using ::testing::HasSubstr;

namespace {

MidiReadResult fixture(const std::string& name) {
    return readMidiFile((std::filesystem::path(NF_TEST_DATA_DIR) / "midi" / name).string());
}

struct Summary {
    std::vector<int> channels;
    std::vector<std::tuple<int, Tick, Tick>> notes;  // pitch, start, duration
};

Summary summarize(const Score& s) {
    Summary out;
    for (const auto& t : s.tracks) {
        out.channels.push_back(t.channel);
        for (const auto& n : t.notes) out.notes.emplace_back(n.pitch, n.start, n.duration);
    }
    return out;
}

std::string allWarnings(const MidiReadResult& r) {
    std::string text;
    for (const auto& w : r.warnings) text += w.text + "\n";
    return text;
}

}  // namespace

TEST(SmfFixtures, WhatEachFixtureReadsAs) {
    struct Expect {
        const char* file;
        std::vector<int> channels;
        std::vector<std::tuple<int, Tick, Tick>> notes;
        const char* warning;  // "" when the file is clean
    };
    const std::vector<Expect> cases = {
        {"running-status-across-meta.mid", {0}, {{60, 0, 96}, {62, 96, 96}, {64, 192, 96}}, "running status"},
        {"smpte-25fps.mid", {0}, {{60, 1000, 500}}, ""},
        {"format0-four-channels.mid", {0, 1, 3, 9}, {{60, 0, 96}, {67, 0, 96}, {48, 0, 96}, {36, 0, 96}}, ""},
        {"overlapping-same-pitch.mid", {0}, {{60, 0, 20}, {60, 10, 20}}, ""},
        {"unclosed-notes.mid", {0}, {{60, 0, 288}, {64, 96, 96}}, "never released"},
        {"chunk-length-too-long.mid", {0, 1}, {{60, 0, 96}, {62, 0, 96}}, "too long"},
        {"chunk-length-too-short.mid", {0, 1}, {{60, 0, 0}, {62, 0, 96}}, "not a chunk"},
        {"truncated.mid", {0}, {{60, 0, 96}, {62, 96, 0}}, "file truncated?"},
        {"sysex-and-unknown-chunk.mid", {0}, {{60, 0, 96}}, ""},
        {"tempo-map-and-lyrics.mid", {0}, {{60, 384, 96}, {62, 768, 96}}, ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        const auto r = fixture(c.file);
        const Summary s = summarize(r.score);
        EXPECT_EQ(s.channels, c.channels);
        EXPECT_EQ(s.notes, c.notes);
        if (*c.warning) EXPECT_THAT(allWarnings(r), HasSubstr(c.warning));
        else EXPECT_EQ(allWarnings(r), "");
        // Whatever was read is written as a clean file that reads back the same.
        const auto back = readMidiBytes(writeMidiBytes(r.score), "back.mid");
        EXPECT_TRUE(back.warnings.empty());
        EXPECT_TRUE(back.score == r.score);
    }
}

TEST(SmfFixtures, SmpteSecondsAndTheConductorOfTheFormatOneFixture) {
    const auto smpte = fixture("smpte-25fps.mid");
    EXPECT_EQ(smpte.score.ppq(), 1000);
    EXPECT_DOUBLE_EQ(smpte.score.tempoMap().secondsAt(1000), 1.0);

    const auto f1 = fixture("tempo-map-and-lyrics.mid");
    const Score& s = f1.score;
    EXPECT_EQ(s.title, "Son");
    EXPECT_EQ(s.timeSignatures, (std::vector<TimeSignature>{{0, 3, 4}}));
    EXPECT_EQ(s.keySignatures, (std::vector<KeySignature>{{0, -3, true}}));
    EXPECT_DOUBLE_EQ(s.tempoMap().secondsAt(768), 6.0);
    const Track& flute = s.tracks.at(0);
    EXPECT_EQ(flute.name, "Flute");
    EXPECT_EQ(flute.bank, 128);
    EXPECT_EQ(flute.program, 73);
    EXPECT_EQ(flute.lyrics, (std::vector<TimedText>{{384, "la"}, {768, "li"}}));
    using K = ControlEvent::Kind;
    EXPECT_EQ(flute.controls, (std::vector<ControlEvent>{{0, K::Controller, cc::Sustain, 127}, {480, K::PitchBend, 0, 2048}}));
}
