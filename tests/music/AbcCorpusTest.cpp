// SPDX-License-Identifier: GPL-3.0-or-later
// The ABC codec on the real collections of ../shared/data.
#include <gtest/gtest.h>

#include <filesystem>

#include "AbcTestSupport.h"
#include "abc/AbcWriter.h"
#include "smf/MidiFileReader.h"

using namespace nf;
using namespace nf::abctest;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> filesIn(const std::string& folder, const std::string& ext) {
    std::vector<fs::path> out;
    const fs::path dir = fs::path(NF_SHARED_DATA) / folder;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ext) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::tuple<Tick, int, Tick>> noteList(const Track& t) {
    std::vector<std::tuple<Tick, int, Tick>> out;
    for (const Note& n : t.notes) out.emplace_back(n.start, n.pitch, n.duration);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(AbcCorpus, EveryNottinghamTuneLoads) {
    const auto files = filesIn("abc/nottingham", ".abc");
    if (files.empty()) GTEST_SKIP() << "no " << NF_SHARED_DATA << "/abc/nottingham";
    std::size_t tunes = 0;
    for (const auto& f : files) {
        for (const AbcTune& t : readAbcFile(f.string())) {
            ++tunes;
            ASSERT_TRUE(t.score) << t.error->what();
            EXPECT_FALSE(t.score->tracks.empty()) << f << " X:" << t.number;
            EXPECT_FALSE(t.title.empty());
        }
    }
    EXPECT_EQ(tunes, 692u);
}

TEST(AbcCorpus, OtherCollectionsLoadWithoutThrowing) {
    std::size_t tunes = 0, scores = 0;
    for (const char* folder : {"abc/rjl20-oldtime", "abc/pianobooster", "abc/abcmidi-examples", "abc/abcm2ps-examples"}) {
        for (const auto& f : filesIn(folder, ".abc")) {
            for (const AbcTune& t : readAbcFile(f.string())) {
                ++tunes;
                if (t.score) ++scores;
            }
        }
    }
    if (tunes == 0) GTEST_SKIP() << "no ABC collections under " << NF_SHARED_DATA;
    EXPECT_GE(scores * 10, tunes * 9) << scores << " of " << tunes << " tunes read";
}

TEST(AbcCorpus, NottinghamTunesSurviveWriteAndRead) {
    const auto files = filesIn("abc/nottingham", ".abc");
    if (files.empty()) GTEST_SKIP();
    std::size_t checked = 0;
    for (const auto& f : files) {
        for (const AbcTune& t : readAbcFile(f.string())) {
            const int track = firstMonophonicTrack(*t.score);
            if (track != 0) continue;  // tunes with chords in the melody are not monophonic
            auto back = readAbcText(writeAbc(*t.score, 0), "written");
            ASSERT_TRUE(back[0].score) << f << " X:" << t.number;
            EXPECT_EQ(noteList(back[0].score->tracks[0]), noteList(t.score->tracks[0])) << f << " X:" << t.number;
            ++checked;
        }
    }
    EXPECT_GT(checked, 600u);
}

TEST(AbcCorpus, NottinghamMidiMelodiesSurviveWriteAndRead) {
    const auto files = filesIn("midi/nottingham", ".mid");
    if (files.empty()) GTEST_SKIP();
    std::size_t checked = 0;
    for (const auto& f : files) {
        const Score score = readMidiFile(f.string()).score;
        const int track = firstMonophonicTrack(score);
        ASSERT_GE(track, 0) << f;
        const std::string text = writeAbc(score, static_cast<std::size_t>(track));
        auto back = readAbcText(text, f.filename().string(), AbcReadOptions{score.ppq(), false});
        ASSERT_EQ(back.size(), 1u);
        ASSERT_TRUE(back[0].score) << back[0].error->what();
        EXPECT_TRUE(back[0].warnings.empty()) << back[0].warnings.front().text;
        // A note that overlaps the next by a tick (rounded triplets in these files) is written up to it.
        auto expected = noteList(score.tracks[static_cast<std::size_t>(track)]);
        for (std::size_t i = 0; i + 1 < expected.size(); ++i) {
            auto& [start, pitch, length] = expected[i];
            length = std::min(length, std::get<0>(expected[i + 1]) - start);
        }
        EXPECT_EQ(noteList(back[0].score->tracks[0]), expected) << f;
        ++checked;
    }
    EXPECT_EQ(checked, files.size());
}
