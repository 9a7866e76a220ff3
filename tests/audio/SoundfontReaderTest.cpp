// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "AudioTestSupport.h"
#include "audio/SoundfontReader.h"
#include "music/MusicError.h"

namespace nf {
namespace {

std::vector<char> readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeBytes(const std::string& path, const std::vector<char>& bytes, std::size_t n) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(n));
}

TEST(SoundfontReader, ReadsTheBundledChipSoundfont) {
    const SoundfontInfo info = readSoundfontInfo(test::chipSoundfont());
    EXPECT_EQ(info.name, "NoteForge Chip");
    EXPECT_EQ(info.versionMajor, 2);
    EXPECT_EQ(info.presets.size(), 129u);
    EXPECT_TRUE(info.isGeneralMidi());
    ASSERT_NE(info.find(128, 0), nullptr);
    EXPECT_EQ(info.find(128, 0)->name, "Chip Drum Kit");
    ASSERT_NE(info.find(0, 80), nullptr);
    EXPECT_EQ(info.find(0, 80)->name, "Square Lead");
}

TEST(SoundfontReader, ReadsAnInstalledGeneralMidiSoundfont) {
    const std::string gm = test::systemGmSoundfont();
    if (gm.empty()) GTEST_SKIP() << "no GM soundfont installed";
    const SoundfontInfo info = readSoundfontInfo(gm);
    EXPECT_GE(info.presets.size(), 128u);
    EXPECT_TRUE(info.isGeneralMidi());
    EXPECT_FALSE(info.name.empty());
    for (std::size_t i = 1; i < info.presets.size(); ++i) {
        const auto& a = info.presets[i - 1];
        const auto& b = info.presets[i];
        EXPECT_TRUE(a.bank < b.bank || (a.bank == b.bank && a.program <= b.program));
    }
}

TEST(SoundfontReader, MissingFileNamesTheFile) {
    try {
        readSoundfontInfo("/nonexistent/dir/none.sf2");
        FAIL() << "no error";
    } catch (const MusicError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/none.sf2"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("no such file"), std::string::npos);
    }
}

TEST(SoundfontReader, TruncatedFileIsReportedWithItsOffset) {
    test::TempDir dir("sf-trunc");
    const auto bytes = readBytes(test::chipSoundfont());
    for (std::size_t cut : {std::size_t{6}, std::size_t{40}, bytes.size() / 2, bytes.size() - 10}) {
        const std::string path = dir.file("cut.sf2");
        writeBytes(path, bytes, cut);
        try {
            readSoundfontInfo(path);
            FAIL() << "no error for a file cut at " << cut;
        } catch (const MusicError& e) {
            const std::string msg = e.what();
            EXPECT_NE(msg.find(path), std::string::npos) << msg;
            EXPECT_EQ(msg.find('\n'), std::string::npos) << "one line: " << msg;
            EXPECT_TRUE(msg.find("truncated") != std::string::npos || msg.find("too short") != std::string::npos)
                << msg;
        }
    }
}

TEST(SoundfontReader, NonSoundfontFilesAreRefused) {
    test::TempDir dir("sf-not");
    const std::string text = dir.file("notes.sf2");
    std::ofstream(text) << "this is not a soundfont at all, just some text\n";
    EXPECT_THROW(readSoundfontInfo(text), MusicError);
    // A RIFF file of another kind (a WAV header) must not pass for a soundfont.
    const std::string wav = dir.file("fake.sf2");
    std::ofstream(wav, std::ios::binary).write("RIFF\x24\x00\x00\x00WAVEfmt ", 16);
    try {
        readSoundfontInfo(wav);
        FAIL();
    } catch (const MusicError& e) {
        EXPECT_NE(std::string(e.what()).find("not a soundfont"), std::string::npos) << e.what();
    }
}

TEST(SoundfontReader, ChunkLengthThatLiesIsCaught) {
    test::TempDir dir("sf-lie");
    auto bytes = readBytes(test::chipSoundfont());
    // The first sub-chunk (LIST INFO) at offset 12 claims far more bytes than its parent holds.
    bytes[16] = '\xff';
    bytes[17] = '\xff';
    bytes[18] = '\xff';
    bytes[19] = '\x00';
    const std::string path = dir.file("lie.sf2");
    writeBytes(path, bytes, bytes.size());
    try {
        readSoundfontInfo(path);
        FAIL();
    } catch (const MusicError& e) {
        EXPECT_EQ(e.where(), MusicError::Where::Byte);
        EXPECT_EQ(e.position(), 12);
    }
}

}  // namespace
}  // namespace nf
