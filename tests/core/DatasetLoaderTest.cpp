// SPDX-License-Identifier: GPL-3.0-or-later
// loadDataset on real files from ../shared/data mixed with broken and non-music files.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>

#include "dataset/Dataset.h"
#include "dataset/DatasetSummary.h"

using namespace nf;
namespace fs = std::filesystem;

namespace {

const fs::path kShared = NF_SHARED_DATA;

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeBytes(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

class DatasetLoader : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kShared / "midi" / "pianobooster")) GTEST_SKIP() << "no shared data at " << kShared;
        dir_ = fs::temp_directory_path() / ("nf-dataset-test-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        if (!dir_.empty()) fs::remove_all(dir_);
    }
    // Copies real MIDI files and one ABC collection into dir_/good (in a nested folder, to test recursion).
    std::vector<std::string> addGoodFiles() {
        std::vector<std::string> good;
        for (const char* name : {"BoosterMusic-04-FrereJacques.mid", "BoosterMusic-06-Greensleeves.mid"}) {
            const fs::path to = dir_ / "good" / name;
            fs::create_directories(to.parent_path());
            fs::copy_file(kShared / "midi" / "pianobooster" / name, to);
            good.push_back(to.string());
        }
        const fs::path jig = dir_ / "good" / "deeper" / "jigs100.mid";
        fs::create_directories(jig.parent_path());
        fs::copy_file(kShared / "midi" / "abc2midi-nottingham" / "jigs100.mid", jig);
        good.push_back(jig.string());
        const fs::path abc = dir_ / "good" / "slip.abc";
        fs::copy_file(kShared / "abc" / "nottingham" / "slip.abc", abc);
        good.push_back(abc.string());
        return good;
    }
    fs::path dir_;
};

const FileStatus* statusOf(const Dataset& d, const std::string& file) {
    for (const auto& f : d.files)
        if (f.file == file) return &f;
    return nullptr;
}

}  // namespace

TEST_F(DatasetLoader, GoodBadAndNonMusicFiles) {
    const std::vector<std::string> good = addGoodFiles();
    const std::string midi = readBytes(kShared / "midi" / "pianobooster" / "BoosterMusic-07-AmazingGrace.mid");
    ASSERT_GT(midi.size(), 100u);
    // Files that cannot be music whatever the reader's recovery policy: no header at all.
    const fs::path empty = dir_ / "bad" / "empty.mid";
    const fs::path headerOnly = dir_ / "bad" / "cut-in-header.mid";
    const fs::path flippedMagic = dir_ / "bad" / "flipped-magic.mid";
    writeBytes(empty, "");
    writeBytes(headerOnly, midi.substr(0, 9));
    std::string flipped = midi;
    flipped[1] = static_cast<char>(flipped[1] ^ 0x04);  // "MThd" -> "MPhd"
    writeBytes(flippedMagic, flipped);
    // Damaged in the middle: a reader may recover part of it or refuse it, but must say which.
    const fs::path truncated = dir_ / "bad" / "truncated.mid";
    writeBytes(truncated, midi.substr(0, midi.size() / 2));
    // Non-music files beside the music: listed as skipped, not as failures.
    const fs::path readme = dir_ / "README.md";
    const fs::path picture = dir_ / "cover.jpg";
    writeBytes(readme, "# My tunes\n\nCollected over the years.\n");
    writeBytes(picture, std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11));
    writeBytes(dir_ / ".hidden" / "secret.mid", midi);  // hidden folders are not visited

    const Dataset d = loadDataset(dir_.string());
    EXPECT_FALSE(d.cancelled);
    EXPECT_EQ(d.files.size(), 10u);
    for (const auto& g : good) {
        const FileStatus* s = statusOf(d, g);
        ASSERT_NE(s, nullptr) << g;
        EXPECT_TRUE(s->ok) << s->error;
        EXPECT_GT(s->notes, 0u) << g;
    }
    for (const fs::path& bad : {empty, headerOnly, flippedMagic}) {
        const FileStatus* s = statusOf(d, bad.string());
        ASSERT_NE(s, nullptr) << bad;
        EXPECT_FALSE(s->ok) << bad;
        EXPECT_FALSE(s->skipped) << bad;
        EXPECT_EQ(s->format, MusicFormat::Midi);
        // One line that starts with the file's name.
        EXPECT_EQ(s->error.rfind(bad.string() + ":", 0), 0u) << s->error;
        EXPECT_EQ(s->error.find('\n'), std::string::npos) << s->error;
    }
    const FileStatus* cut = statusOf(d, truncated.string());
    ASSERT_NE(cut, nullptr);
    if (cut->ok) {
        EXPECT_FALSE(cut->warnings.empty()) << "a half file read without a word about it";
    } else {
        EXPECT_EQ(cut->error.rfind(truncated.string() + ":", 0), 0u) << cut->error;
    }
    for (const fs::path& other : {readme, picture}) {
        const FileStatus* s = statusOf(d, other.string());
        ASSERT_NE(s, nullptr) << other;
        EXPECT_TRUE(s->skipped);
        EXPECT_NE(s->error.find("not a MIDI or ABC file"), std::string::npos) << s->error;
    }
    // Every piece comes from a file that read; the good MIDI files give one piece each, slip.abc one per tune.
    std::size_t slipTunes = 0;
    for (const auto& p : d.pieces) {
        EXPECT_TRUE(statusOf(d, p.file) && statusOf(d, p.file)->ok) << p.file;
        if (p.file == good.back()) {
            ++slipTunes;
            EXPECT_GT(p.tuneNumber, 0);
            EXPECT_EQ(p.abcText.rfind("X:", 0), 0u);
        }
    }
    EXPECT_EQ(slipTunes, static_cast<std::size_t>(statusOf(d, good.back())->pieces));
    EXPECT_EQ(slipTunes + statusOf(d, good.back())->failedTunes, 11u);  // slip.abc holds 11 tunes

    const DatasetSummary s = summarizeDataset(d);
    EXPECT_EQ(s.filesSkipped, 2u);
    EXPECT_GE(s.filesFailed, 3u);
    EXPECT_EQ(s.filesTotal, 10u);
    EXPECT_EQ(s.midiFiles + s.tunes, d.pieces.size());
}

TEST_F(DatasetLoader, RandomBitFlipsNeverLoseGoodFiles) {
    const std::vector<std::string> good = addGoodFiles();
    std::mt19937 rng(12345);
    const std::string jig = readBytes(kShared / "midi" / "abc2midi-nottingham" / "jigs101.mid");
    const std::string abc = readBytes(kShared / "abc" / "nottingham" / "morris.abc");
    for (int i = 0; i < 30; ++i) {
        std::string bytes = (i % 2) ? jig : abc;
        for (int k = 0; k < 1 + i % 5; ++k) bytes[rng() % bytes.size()] ^= static_cast<char>(1u << (rng() % 8));
        writeBytes(dir_ / "flipped" / std::string("f").append(std::to_string(i)).append((i % 2) ? ".mid" : ".abc"), bytes);
    }
    const Dataset d = loadDataset(dir_.string());
    EXPECT_EQ(d.files.size(), good.size() + 30);
    for (const auto& g : good) EXPECT_TRUE(statusOf(d, g) && statusOf(d, g)->ok) << g;
    for (const auto& f : d.files) {
        if (!f.ok) {
            EXPECT_EQ(f.error.rfind(f.file + ":", 0), 0u) << f.error;
        }
    }
}

TEST_F(DatasetLoader, PathOrderWhateverTheThreads) {
    addGoodFiles();
    const Dataset a = loadDataset(dir_.string());
    const Dataset b = loadDataset(dir_.string());
    ASSERT_EQ(a.files.size(), b.files.size());
    ASSERT_EQ(a.pieces.size(), b.pieces.size());
    for (std::size_t i = 0; i + 1 < a.files.size(); ++i) EXPECT_LT(a.files[i].file, a.files[i + 1].file);
    for (std::size_t i = 0; i < a.pieces.size(); ++i) {
        EXPECT_EQ(a.pieces[i].file, b.pieces[i].file);
        EXPECT_EQ(a.pieces[i].tuneNumber, b.pieces[i].tuneNumber);
        EXPECT_EQ(a.pieces[i].score.noteCount(), b.pieces[i].score.noteCount());
    }
}

TEST_F(DatasetLoader, ProgressAndCancel) {
    addGoodFiles();
    std::vector<LoadProgress> seen;
    const Dataset all = loadDataset(dir_.string(), [&](const LoadProgress& p) { seen.push_back(p); });
    ASSERT_EQ(seen.size(), all.files.size());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_EQ(seen[i].done, i + 1);
        EXPECT_EQ(seen[i].total, all.files.size());
    }

    std::atomic<bool> cancel{true};
    const Dataset none = loadDataset(dir_.string(), {}, &cancel);
    EXPECT_TRUE(none.cancelled);
    EXPECT_TRUE(none.files.empty());
    EXPECT_TRUE(none.pieces.empty());

    // Cancelling from the progress callback stops before the folder is done.
    // Many more files than threads, so some are still unclaimed when the flag goes up.
    const std::size_t many = 400;
    for (std::size_t i = 0; i < many; ++i)
        writeBytes(dir_ / "many" / std::string("x").append(std::to_string(i)).append(".abc"), "X:1\nT:t\nK:C\nCDEF|\n");
    cancel = false;
    const Dataset part = loadDataset(
        dir_.string(), [&](const LoadProgress&) { cancel = true; }, &cancel);
    EXPECT_TRUE(part.cancelled);
    EXPECT_LT(part.files.size(), many + all.files.size());
    EXPECT_GE(part.files.size(), 1u);
}

TEST_F(DatasetLoader, SingleFileAndMissingPath) {
    const std::vector<std::string> good = addGoodFiles();
    const Dataset one = loadDataset(good.front());
    ASSERT_EQ(one.files.size(), 1u);
    EXPECT_TRUE(one.files[0].ok);
    ASSERT_EQ(one.pieces.size(), 1u);
    EXPECT_EQ(one.pieces[0].tuneNumber, -1);
    EXPECT_FALSE(one.pieces[0].title.empty());

    // A non-music file named explicitly is a failure, not a skip: the user asked for it.
    writeBytes(dir_ / "notes.txt", "just words\n");
    const Dataset txt = loadDataset((dir_ / "notes.txt").string());
    ASSERT_EQ(txt.files.size(), 1u);
    EXPECT_FALSE(txt.files[0].ok);
    EXPECT_FALSE(txt.files[0].skipped);

    const std::string missing = (dir_ / "nope.mid").string();
    const Dataset gone = loadDataset(missing);
    ASSERT_EQ(gone.files.size(), 1u);
    EXPECT_FALSE(gone.files[0].ok);
    EXPECT_EQ(gone.files[0].error.rfind(missing + ":", 0), 0u);
}

TEST(DatasetSummary, ChordOnsets) {
    Track t;
    t.notes = {{1, 60, 80, 0, 10}, {2, 64, 80, 0, 10}, {3, 67, 80, 0, 10}, {4, 62, 80, 10, 10},
               {5, 60, 80, 20, 5}, {6, 65, 80, 20, 5}};
    EXPECT_EQ(countChordOnsets(t), 2u);
    Dataset d;
    Piece p;
    p.score.tracks.push_back(t);
    Track drums;
    drums.isDrum = true;
    drums.notes = {{7, 35, 80, 0, 5}, {8, 42, 80, 0, 5}};
    p.score.tracks.push_back(drums);
    d.pieces.push_back(p);
    const DatasetSummary s = summarizeDataset(d);
    EXPECT_EQ(s.notes, 8u);
    EXPECT_EQ(s.chords, 2u);  // drum hits together are not a chord
    EXPECT_EQ(s.lowestPitch, 60);
    EXPECT_EQ(s.highestPitch, 67);
    EXPECT_EQ(s.midiFiles, 1u);
}
