// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "dataset/Dataset.h"
#include "dataset/MusicFormat.h"

using namespace nf;
namespace fs = std::filesystem;

namespace {

std::string writeTemp(const std::string& name, const std::string& bytes) {
    const fs::path dir = fs::temp_directory_path() / ("nf-format-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path p = dir / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
}

}  // namespace

TEST(DatasetFormat, MidiByHeader) {
    EXPECT_EQ(detectFormatFromContent(std::string("MThd\0\0\0\6", 8)), MusicFormat::Midi);
    EXPECT_EQ(detectFormatFromContent(std::string("RIFF\x10\0\0\0RMIDdata", 16)), MusicFormat::Midi);
    // RIFF of another kind (a WAV file) is not MIDI.
    EXPECT_EQ(detectFormatFromContent(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)), MusicFormat::Unknown);
}

TEST(DatasetFormat, AbcByFields) {
    EXPECT_EQ(detectFormatFromContent("X:1\nT:Tune\nK:G\nGAB|\n"), MusicFormat::Abc);
    EXPECT_EQ(detectFormatFromContent("% comment first\n\nX: 12\nT:Tune\n"), MusicFormat::Abc);
    EXPECT_EQ(detectFormatFromContent("%abc-2.1\n"), MusicFormat::Abc);
    EXPECT_EQ(detectFormatFromContent("\xEF\xBB\xBFX:1\n"), MusicFormat::Abc);
    // A fragment without X: but with a header.
    EXPECT_EQ(detectFormatFromContent("T:Fragment\nM:6/8\nK:D\nABc|\n"), MusicFormat::Abc);
}

TEST(DatasetFormat, TextAndBinaryThatAreNotMusic) {
    EXPECT_EQ(detectFormatFromContent("# README\n\nThis folder holds tunes.\n"), MusicFormat::Unknown);
    EXPECT_EQ(detectFormatFromContent(""), MusicFormat::Unknown);
    // Binary data that happens to contain an "X:" line is still not ABC.
    EXPECT_EQ(detectFormatFromContent(std::string("\x89PNG\0\nX:1\nT:a\n", 14)), MusicFormat::Unknown);
    // A field letter mid-line does not count.
    EXPECT_EQ(detectFormatFromContent("see X:1 in the book\n"), MusicFormat::Unknown);
}

TEST(DatasetFormat, ExtensionsCaseInsensitive) {
    for (const char* name : {"a.mid", "a.MID", "b.midi", "c.kar", "d.smf", "e.rmi"})
        EXPECT_EQ(detectFormatFromExtension(name), MusicFormat::Midi) << name;
    EXPECT_EQ(detectFormatFromExtension("tunes.ABC"), MusicFormat::Abc);
    EXPECT_EQ(detectFormatFromExtension("notes.txt"), MusicFormat::Unknown);
    EXPECT_EQ(detectFormatFromExtension("LICENSE"), MusicFormat::Unknown);
}

TEST(DatasetFormat, ContentWinsOverExtension) {
    // ABC text saved as .mid, MIDI saved as .txt: the content decides.
    EXPECT_EQ(detectMusicFormat(writeTemp("abc-named.mid", "X:1\nT:t\nK:C\nC|\n")), MusicFormat::Abc);
    EXPECT_EQ(detectMusicFormat(writeTemp("midi-named.txt", std::string("MThd\0\0\0\6\0\1\0\1\1\xE0", 14))),
              MusicFormat::Midi);
    // Garbage with a music extension is taken at its word (the reader then says what is wrong).
    EXPECT_EQ(detectMusicFormat(writeTemp("garbage.mid", "not music")), MusicFormat::Midi);
    EXPECT_EQ(detectMusicFormat(writeTemp("garbage.bin", "not music")), MusicFormat::Unknown);
    EXPECT_EQ(detectMusicFormat(writeTemp("empty.abc", "")), MusicFormat::Abc);
    EXPECT_EQ(detectMusicFormat("/nonexistent/nowhere.mid"), MusicFormat::Midi);
}
