// SPDX-License-Identifier: GPL-3.0-or-later
// Bad ABC is normal input: a malformed tune carries a one-line error with its line, the other tunes load,
// nothing throws from readAbcText, and huge input is refused within bounded memory.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "AbcTestSupport.h"

using namespace nf;
using namespace nf::abctest;

TEST(AbcBadInput, AMalformedTuneDoesNotStopTheOthers) {
    const std::string text =
        "X:1\nT:Good\nK:C\nCDE|\n\n"
        "X:2\nT:Bad key\nK:D wobbly\nCDE|\n\n"
        "X:3\nT:Unterminated chord symbol\nK:C\nC \"Am D|\n\n"
        "X:4\nT:Good again\nK:G\nGAB|\n";
    auto tunes = readAbcText(text, "mixed.abc");
    ASSERT_EQ(tunes.size(), 4u);
    EXPECT_TRUE(tunes[0].score);
    EXPECT_TRUE(tunes[3].score);
    ASSERT_TRUE(tunes[1].error);
    EXPECT_FALSE(tunes[1].score);
    EXPECT_EQ(tunes[1].error->where(), MusicError::Where::Line);
    EXPECT_EQ(tunes[1].error->position(), 8);
    EXPECT_EQ(std::string(tunes[1].error->what()), "mixed.abc:8: unknown mode 'wobbly' in K:");
    ASSERT_TRUE(tunes[2].error);
    EXPECT_EQ(tunes[2].error->position(), 14);
    EXPECT_NE(std::string(tunes[2].error->what()).find("unterminated"), std::string::npos);
}

TEST(AbcBadInput, RecoverableProblemsAreWarnings) {
    auto tunes = readAbcText("X:1\nT:w\nM:waltz\nL:eighth\nK:C\nC [DF | G ? A {g B|\nc#|\n", "warn.abc");
    ASSERT_EQ(tunes.size(), 1u);
    ASSERT_TRUE(tunes[0].score) << tunes[0].error->what();
    EXPECT_GE(tunes[0].warnings.size(), 4u);
    for (const auto& w : tunes[0].warnings) EXPECT_EQ(w.text.rfind("warn.abc:", 0), 0u) << w.text;
    // The open chord closes at the bar line; the open grace group ({g B) before it is dropped with it.
    EXPECT_EQ(pitches(*tunes[0].score), (std::vector<int>{60, 62, 65, 67, 69, 72}));
}

TEST(AbcBadInput, MissingKeyFieldIsAWarning) {
    auto tunes = readAbcText("X:1\nT:no key\nL:1/4\nCDE|\n", "nokey.abc");
    ASSERT_TRUE(tunes[0].score);
    EXPECT_EQ(pitches(*tunes[0].score), (std::vector<int>{60, 62, 64}));
    EXPECT_FALSE(tunes[0].warnings.empty());
}

TEST(AbcBadInput, RandomBytesNeverThrow) {
    std::mt19937 rng(1234);
    const std::string alphabet = "ABCDEFGabcdefgzxZX^_=,'/23456789|:[]{}()<>-\"!+.~HTR%\\&$ \nXKLMQPVTw:";
    for (int round = 0; round < 300; ++round) {
        std::string text = "X:1\nK:C\n";
        const int n = static_cast<int>(rng() % 400);
        for (int i = 0; i < n; ++i) {
            text += (rng() % 8 == 0) ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
        }
        EXPECT_NO_THROW(readAbcText(text, "random.abc"));
    }
}

TEST(AbcBadInput, TextOver16MBIsRefused) {
    std::string big(kMaxAbcTextBytes + 1, 'A');
    auto tunes = readAbcText(big, "big.abc");
    ASSERT_EQ(tunes.size(), 1u);
    ASSERT_TRUE(tunes[0].error);
    EXPECT_NE(std::string(tunes[0].error->what()).find("16 MB"), std::string::npos);
}

TEST(AbcBadInput, TenMillionNotesAreRefusedNotStored) {
    // 10^7 notes in 10 MB of text: the reader stops at its per-tune cap instead of storing them all.
    std::string text = "X:1\nT:huge\nL:1/16\nK:C\n";
    text.append(10'000'000, 'c');
    text += "|\n";
    auto tunes = readAbcText(text, "huge.abc");
    ASSERT_EQ(tunes.size(), 1u);
    ASSERT_TRUE(tunes[0].error);
    EXPECT_FALSE(tunes[0].score);
    EXPECT_NE(std::string(tunes[0].error->what()).find("notes"), std::string::npos);
}

TEST(AbcBadInput, RepeatsThatExpandBeyondTheCapAreRefused) {
    // A part played a thousand times (the most P: may ask), its repeat twice each time: 200 million notes.
    std::string text = "X:1\nT:loops\nL:1/16\nP:A1000\nK:C\nP:A\n|:";
    text.append(100'000, 'c');
    text += ":|\n";
    auto tunes = readAbcText(text, "loops.abc");
    ASSERT_TRUE(tunes[0].error);
    EXPECT_FALSE(tunes[0].score);
}

TEST(AbcBadInput, HugeNumbersAreClamped) {
    auto tunes = readAbcText("X:99999999999999\nT:n\nL:1/8\nK:C\nA99999999999 B/99999999999 Z99999999999 (99999999999 c|\n", "n.abc");
    ASSERT_EQ(tunes.size(), 1u);
    EXPECT_TRUE(tunes[0].score || tunes[0].error);
}

TEST(AbcBadInput, FilesThatCannotBeReadThrow) {
    EXPECT_THROW(readAbcFile("/nonexistent/tunes.abc"), MusicError);
    const std::string path = std::string(NF_BINARY_DIR) + "/abc-binary-test.abc";
    {
        std::ofstream out(path, std::ios::binary);
        out << "X:1\nK:C\n" << '\0' << "ABC";
    }
    try {
        readAbcFile(path);
        ADD_FAILURE() << "a file with NUL bytes was read";
    } catch (const MusicError& e) {
        EXPECT_EQ(e.where(), MusicError::Where::Byte);
        EXPECT_EQ(e.position(), 8);
    }
    std::remove(path.c_str());
}

TEST(AbcBadInput, NoteOutsideMidiRangeIsSkippedWithAWarning) {
    auto tunes = readAbcText("X:1\nT:r\nK:C\nc'''''''' C,,,,,,, C|\n", "range.abc");
    ASSERT_TRUE(tunes[0].score);
    EXPECT_EQ(pitches(*tunes[0].score), (std::vector<int>{60}));
    EXPECT_FALSE(tunes[0].warnings.empty());
}
