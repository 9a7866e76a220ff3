// SPDX-License-Identifier: GPL-3.0-or-later
// The SMF reader and writer on every real MIDI file of ../shared/data/midi: good collections load and round-trip
// exactly; the deliberately odd ones (jazz-soft test files, music21 test primitives) load or fail with a clean
// MusicError, and a few of them are checked for what a careful reader must make of them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "music/SmfTestFile.h"
#include "smf/MidiFileReader.h"
#include "smf/MidiFileWriter.h"

using namespace nf;
using namespace nf::test;
using ::testing::HasSubstr;

namespace {

bool isOddCollection(const std::filesystem::path& file) {
    const std::string folder = file.parent_path().filename().string();
    return folder == "jazz-soft-test-midi-files" || folder == "music21-testPrimitive";
}

std::filesystem::path jazz(const std::string& name) { return sharedMidi() / "jazz-soft-test-midi-files" / name; }

std::vector<int> pitchesOf(const Score& s) {
    std::vector<int> p;
    for (const auto& t : s.tracks)
        for (const auto& n : t.notes) p.push_back(n.pitch);
    return p;
}

const std::vector<int> kCMajorScale = {60, 62, 64, 65, 67, 69, 71, 72};

std::string errorOf(const std::filesystem::path& file) {
    try {
        readMidiFile(file.string());
    } catch (const MusicError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST(SmfCorpus, EveryRealFileLoadsOrFailsCleanlyAndRoundTripsExactly) {
    const auto files = midiFilesUnder(sharedMidi());
    if (files.empty()) GTEST_SKIP() << "no shared MIDI data at " << sharedMidi();
    std::size_t loaded = 0, rejected = 0, notes = 0;
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        MidiReadResult r;
        try {
            r = readMidiFile(file.string());
        } catch (const MusicError& e) {
            EXPECT_TRUE(isOddCollection(file)) << e.what();
            EXPECT_THAT(e.what(), HasSubstr(file.string() + ":"));
            EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
            ++rejected;
            continue;
        } catch (const std::exception& e) {
            ADD_FAILURE() << "not a MusicError: " << e.what();
            continue;
        }
        ++loaded;
        notes += r.score.noteCount();
        if (!isOddCollection(file)) {
            EXPECT_GT(r.score.noteCount(), 0u);
            EXPECT_TRUE(r.warnings.empty()) << r.warnings.front().text;
        }
        const Bytes written = writeMidiBytes(r.score);
        const MidiReadResult back = readMidiBytes(written, "written.mid");
        EXPECT_TRUE(back.warnings.empty());
        EXPECT_TRUE(back.score == r.score) << "read -> write -> read changed the score";
        EXPECT_EQ(writeMidiBytes(back.score), written) << "the writer is not deterministic";
    }
    EXPECT_EQ(loaded + rejected, files.size());
    EXPECT_GE(loaded, files.size() - 5);
    EXPECT_GT(notes, 100000u);
}

TEST(SmfCorpus, DeliberatelyBrokenFilesFailWithTheRightMessage) {
    if (!std::filesystem::exists(jazz("test-c-major-scale.mid"))) GTEST_SKIP() << "no shared MIDI data";
    EXPECT_THAT(errorOf(jazz("test-2-tracks-type-2.mid")), HasSubstr(":@8: SMF format 2"));
    EXPECT_THAT(errorOf(jazz("test-empty-file.mid")), HasSubstr("empty file"));
    EXPECT_THAT(errorOf(jazz("test-not-a-midi-file.mid")), HasSubstr(":@0: not a Standard MIDI File"));
}

TEST(SmfCorpus, OddFilesThatAPlayerStillPlays) {
    if (!std::filesystem::exists(jazz("test-c-major-scale.mid"))) GTEST_SKIP() << "no shared MIDI data";
    // Each of these must still give the C major scale its text promises, with a warning where the file is wrong.
    struct Case {
        const char* file;
        const char* warning;  // nullptr: none expected
    };
    for (const Case& c : std::initializer_list<Case>{
             {"test-c-major-scale.mid", nullptr},
             {"test-running-status-metaevent.mid", "running status"},
             {"test-running-status-sysex.mid", "running status"},
             {"test-illegal-message-all.mid", "system message"},
             {"test-illegal-message-f4.mid", "system message 0xF4"},
             {"test-non-midi-track.mid", nullptr},  // the "Junk" chunk is skipped silently
             {"test-corrupt-file-missing-byte.mid", "runs past the end of the file"},
             {"test-corrupt-file-extra-byte.mid", "trailing bytes"},
             {"test-vlq-4-byte.mid", nullptr},
         }) {
        SCOPED_TRACE(c.file);
        const auto r = readMidiFile(jazz(c.file).string());
        EXPECT_EQ(pitchesOf(r.score), kCMajorScale);
        if (c.warning) {
            ASSERT_FALSE(r.warnings.empty());
            EXPECT_THAT(r.warnings.front().text, HasSubstr(c.warning));
        } else {
            EXPECT_TRUE(r.warnings.empty());
        }
    }
}

TEST(SmfCorpus, SpecificExpectationsForInspectedFiles) {
    if (!std::filesystem::exists(jazz("test-c-major-scale.mid"))) GTEST_SKIP() << "no shared MIDI data";
    // Format 0 with two MTrk chunks: read like format 1, with a warning.
    const auto two = readMidiFile(jazz("test-2-tracks-type-0.mid").string());
    EXPECT_EQ(two.score.noteCount(), 16u);
    EXPECT_FALSE(two.warnings.empty());
    // Every General MIDI percussion sound: one drum track on channel 10.
    const auto perc = readMidiFile(jazz("test-all-gm-percussion.mid").string());
    ASSERT_EQ(perc.score.tracks.size(), 1u);
    EXPECT_TRUE(perc.score.tracks[0].isDrum);
    EXPECT_EQ(perc.score.tracks[0].channel, 9);
    // Bank select test: the banks chosen before the notes are folded into Track::bank.
    const auto bank = readMidiFile(jazz("test-control-00-20-bank-select.mid").string());
    bool someBank = false;
    for (const auto& t : bank.score.tracks) someBank = someBank || t.bank != 0;
    EXPECT_TRUE(someBank);
    // Damper pedal test: the sustain pedal is kept as controls.
    const auto damper = readMidiFile(jazz("test-control-40-damper.mid").string());
    std::size_t pedal = 0;
    for (const auto& c : damper.score.tracks.at(0).controls) pedal += c.number == cc::Sustain;
    EXPECT_GT(pedal, 0u);
    // Karaoke: the syllables of the "Lyrics" text track are kept.
    const auto kar = readMidiFile(jazz("test-karaoke-kar.mid").string());
    std::size_t syllables = 0;
    for (const auto& t : kar.score.tracks) syllables += t.lyrics.size();
    EXPECT_GT(syllables, 20u);
    // music21's test04 declares 18 tracks and holds 19 (the last one empty).
    const auto m21 = readMidiFile((sharedMidi() / "music21-testPrimitive" / "test04.mid").string());
    EXPECT_EQ(m21.score.noteCount(), 6059u);
    ASSERT_EQ(m21.warnings.size(), 1u);
    EXPECT_THAT(m21.warnings[0].text, HasSubstr("declares 18 track(s), file has 19"));
}
