// SPDX-License-Identifier: GPL-3.0-or-later
// `noteforge-cli convert`: real files through every direction, and every way it must refuse. What the files hold
// is compared with what the library reads in-process; the codecs' own oracle tests (abc2midi, mido) check the rest.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "abc/AbcReader.h"
#include "abc/AbcWriter.h"
#include "cli/CliRun.h"
#include "dataset/PieceReader.h"
#include "smf/MidiFileWriter.h"

using nf::test::runCli;
namespace fs = std::filesystem;

namespace {

const fs::path kShared = NF_SHARED_DATA;

class CliConvert : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kShared / "abc" / "nottingham")) GTEST_SKIP() << "no shared data";
        dir_ = fs::temp_directory_path() / ("nf-cli-convert-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        if (!dir_.empty()) fs::remove_all(dir_);
    }
    std::string out(const std::string& name) const { return (dir_ / name).string(); }
    fs::path dir_;
};

struct SoundingNote {
    int pitch, velocity, channel;
    double onset, length;
};

std::vector<SoundingNote> soundingNotes(const nf::Score& s) {
    std::vector<SoundingNote> notes;
    for (const auto& t : s.tracks)
        for (const auto& n : t.notes)
            notes.push_back({n.pitch, n.velocity, t.channel, s.tempoMap().secondsAt(n.start),
                             s.tempoMap().secondsAt(n.end()) - s.tempoMap().secondsAt(n.start)});
    std::sort(notes.begin(), notes.end(), [](const SoundingNote& a, const SoundingNote& b) {
        return std::tie(a.onset, a.channel, a.pitch) < std::tie(b.onset, b.channel, b.pitch);
    });
    return notes;
}

void expectSameNotes(const nf::Score& a, const nf::Score& b) {
    const auto na = soundingNotes(a), nb = soundingNotes(b);
    ASSERT_EQ(na.size(), nb.size());
    for (std::size_t i = 0; i < na.size(); ++i) {
        EXPECT_EQ(na[i].pitch, nb[i].pitch) << i;
        EXPECT_EQ(na[i].velocity, nb[i].velocity) << i;
        EXPECT_EQ(na[i].channel, nb[i].channel) << i;
        EXPECT_NEAR(na[i].onset, nb[i].onset, 1e-6) << i;
        EXPECT_NEAR(na[i].length, nb[i].length, 1e-6) << i;
    }
}

}  // namespace

TEST_F(CliConvert, MidiToMidiKeepsEveryNote) {
    for (const fs::path& in : {kShared / "midi" / "pianobooster" / "BoosterMusic-06-Greensleeves.mid",
                              kShared / "midi" / "abc2midi-nottingham" / "jigs120.mid"}) {
        const auto r = runCli({"convert", in.string(), out("copy.mid")});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        expectSameNotes(nf::readMidiAnyFile(in.string()).score, nf::readMidiAnyFile(out("copy.mid")).score);
    }
}

TEST_F(CliConvert, AbcNeedsTuneWhenTheFileHasSeveral) {
    const std::string in = (kShared / "abc" / "nottingham" / "slip.abc").string();
    const auto r = runCli({"convert", in, out("t.mid")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err.rfind("noteforge: ", 0), 0u);
    EXPECT_NE(r.err.find("--tune"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(" 11)"), std::string::npos) << "the tune numbers are listed: " << r.err;
    EXPECT_FALSE(fs::exists(out("t.mid")));

    const auto missing = runCli({"convert", in, out("t.mid"), "--tune", "999"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_FALSE(fs::exists(out("t.mid")));
}

TEST_F(CliConvert, AbcToMidiGivesTheTunesNotes) {
    const std::string in = (kShared / "abc" / "nottingham" / "slip.abc").string();
    const auto r = runCli({"convert", in, out("t3.mid"), "--tune", "3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto tunes = nf::readAbcFile(in);
    const auto tune = std::find_if(tunes.begin(), tunes.end(), [](const nf::AbcTune& t) { return t.number == 3; });
    ASSERT_NE(tune, tunes.end());
    ASSERT_TRUE(tune->score.has_value());
    const nf::Score midi = nf::readMidiAnyFile(out("t3.mid")).score;
    expectSameNotes(*tune->score, midi);
    // The melody is on channel 1 (index 0), as abc2midi puts it.
    ASSERT_FALSE(midi.tracks.empty());
    bool melodyOnChannel0 = false;
    for (const auto& t : midi.tracks) melodyOnChannel0 |= (t.channel == 0 && !t.notes.empty());
    EXPECT_TRUE(melodyOnChannel0);
}

TEST_F(CliConvert, MidiToAbcAndAbcToAbc) {
    // The abc2midi jig: track with the melody is monophonic, the chord accompaniment is not.
    const std::string in = (kShared / "midi" / "abc2midi-nottingham" / "jigs110.mid").string();
    const auto r = runCli({"convert", in, out("jig.abc")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto tunes = nf::readAbcFile(out("jig.abc"));
    ASSERT_EQ(tunes.size(), 1u);
    ASSERT_TRUE(tunes[0].score.has_value()) << (tunes[0].error ? tunes[0].error->what() : "");
    const nf::Score midi = nf::readMidiAnyFile(in).score;
    const int melody = nf::firstMonophonicTrack(midi);
    ASSERT_GE(melody, 0);
    ASSERT_FALSE(tunes[0].score->tracks.empty());
    const auto& written = tunes[0].score->tracks[0].notes;
    const auto& original = midi.tracks[static_cast<std::size_t>(melody)].notes;
    ASSERT_EQ(written.size(), original.size());
    for (std::size_t i = 0; i < written.size(); ++i) EXPECT_EQ(written[i].pitch, original[i].pitch) << i;

    // ABC -> ABC re-writes the tune; it reads back to the same notes.
    const auto again = runCli({"convert", out("jig.abc"), out("jig2.abc")});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    const auto tunes2 = nf::readAbcFile(out("jig2.abc"));
    ASSERT_EQ(tunes2.size(), 1u);
    ASSERT_TRUE(tunes2[0].score.has_value());
    expectSameNotes(*tunes[0].score, *tunes2[0].score);
}

TEST_F(CliConvert, NoMonophonicTrackIsAClearError) {
    nf::Score chords;
    chords.tracks.resize(2);
    chords.tracks[1].isDrum = true;
    chords.tracks[1].channel = 9;
    chords.addNote(0, {0, 60, 90, 0, 480});
    chords.addNote(0, {0, 64, 90, 0, 480});
    chords.addNote(1, {0, 36, 90, 0, 120});
    nf::writeMidiFile(chords, out("chords.mid"));
    const auto r = runCli({"convert", out("chords.mid"), out("chords.abc")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err.rfind("noteforge: " + out("chords.mid") + ": ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("monophonic"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out("chords.abc")));
    // Naming a track that is out of range is a usage error.
    EXPECT_EQ(runCli({"convert", out("chords.mid"), out("chords.abc"), "--track", "7"}).exitCode, 2);
}

TEST_F(CliConvert, BadInputAndBadOutputNames) {
    {
        std::ofstream(dir_ / "cut.mid", std::ios::binary) << std::string("MThd\0\0\0\6\0", 9);
    }
    const auto cut = runCli({"convert", out("cut.mid"), out("x.mid")});
    EXPECT_EQ(cut.exitCode, 1);
    EXPECT_EQ(cut.err.rfind("noteforge: " + out("cut.mid") + ":", 0), 0u) << cut.err;
    EXPECT_EQ(cut.errLines().size(), 1u) << cut.err;
    EXPECT_FALSE(fs::exists(out("x.mid")));

    const auto missing = runCli({"convert", out("nope.abc"), out("x.mid")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_EQ(missing.err.rfind("noteforge: " + out("nope.abc") + ":", 0), 0u) << missing.err;

    const std::string abc = (kShared / "abc" / "nottingham" / "slip.abc").string();
    EXPECT_EQ(runCli({"convert", abc, out("x.wav"), "--tune", "1"}).exitCode, 2);
    const std::string mid = (kShared / "midi" / "abc2midi-nottingham" / "jigs110.mid").string();
    EXPECT_EQ(runCli({"convert", mid, out("x.mid"), "--tune", "1"}).exitCode, 2);
    EXPECT_EQ(runCli({"convert", mid, out("x.mid"), "--track", "1"}).exitCode, 2);
    // A folder that cannot be written to: failed work, not a crash.
    const auto unwritable = runCli({"convert", mid, "/nonexistent/dir/x.mid"});
    EXPECT_EQ(unwritable.exitCode, 1);
    EXPECT_EQ(unwritable.err.rfind("noteforge: ", 0), 0u);
}
