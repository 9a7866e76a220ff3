// SPDX-License-Identifier: GPL-3.0-or-later
// remi keeps what it promises on real music: onsets within half a grid step, every pitch, velocity within one bin,
// duration within one grid step, programs and meters exact (docs/representations.md), over the demo corpus and the
// multi-track collections of shared/data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "dataset/Dataset.h"
#include "music/BarGrid.h"
#include "remi/RemiTokenizer.h"
#include "remi/RemiVocabulary.h"

namespace nf {
namespace {

namespace fs = std::filesystem;

RemiTokenizer tokenizer() {
    TokenizerSettings s;
    s.kind = TokenizerKind::Remi;
    return RemiTokenizer(s);
}

std::pair<int, int> keyOf(const Track& t) { return {t.isDrum ? -1 : t.program, 0}; }

bool metersInVocabulary(const Score& s) {
    for (const auto& ts : s.timeSignatures)
        if (!remi::meterInVocabulary(ts.numerator, ts.denominator)) return false;
    return true;
}

struct Tally {
    std::size_t pieces = 0, notes = 0, failures = 0;
    std::string firstFailure;
    void fail(const std::string& what) {
        if (failures++ == 0) firstFailure = what;
    }
};

// Compares one piece with its round trip; all times in beats.
void compare(const Piece& piece, const Score& back, Tally& tally) {
    const Score& in = piece.score;
    const double unit = 1.0 / remi::kUnitsPerBeat;
    // Tracks by (instrument, rank among tracks of that instrument), as remi names them.
    std::map<std::pair<int, int>, const Track*> original, decoded;
    for (const auto* list : {&in.tracks, &back.tracks}) {
        std::map<int, int> ranks;
        for (const Track& t : *list) {
            auto key = keyOf(t);
            key.second = ranks[key.first]++;
            if (list == &in.tracks && t.notes.empty()) continue;
            (list == &in.tracks ? original : decoded)[key] = &t;
        }
    }
    for (const auto& [key, track] : original) {
        auto it = decoded.find(key);
        if (it == decoded.end()) {
            tally.fail(piece.file + ": a track of program " + std::to_string(key.first) + " is lost");
            continue;
        }
        const Track& out = *it->second;
        if (out.isDrum != track->isDrum || (!out.isDrum && out.program != track->program))
            tally.fail(piece.file + ": program changed");
        std::vector<bool> used(out.notes.size(), false);
        for (const Note& n : track->notes) {
            ++tally.notes;
            const double on = static_cast<double>(n.start) / in.ppq();
            const double length = static_cast<double>(n.duration) / in.ppq();
            bool found = false;
            for (std::size_t j = 0; j < out.notes.size() && !found; ++j) {
                const Note& m = out.notes[j];
                if (used[j] || m.pitch != n.pitch) continue;
                const double on2 = static_cast<double>(m.start) / back.ppq();
                const double length2 = static_cast<double>(m.duration) / back.ppq();
                if (std::abs(on - on2) > 1.5 * unit + 1e-9) continue;  // half a sixteenth
                const bool longNote = length > 16.0;
                if (!longNote && std::abs(length - length2) > 3 * unit + 1e-9) continue;  // a sixteenth
                if (std::abs(n.velocity - m.velocity) > 128 / remi::kVelocityBins) continue;
                used[j] = true;
                found = true;
            }
            if (!found)
                tally.fail(piece.file + ": note " + std::to_string(n.pitch) + " at beat " + std::to_string(on) +
                           " does not come back");
        }
    }
    // Meters exact: the same bar lines with the same meters.
    const auto a = barLines(in, in.endTick());
    const auto b = barLines(back, back.endTick());
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (a[i].numerator * b[i].denominator != b[i].numerator * a[i].denominator ||
            std::abs(static_cast<double>(a[i].start) / in.ppq() - static_cast<double>(b[i].start) / back.ppq()) > 1e-6) {
            tally.fail(piece.file + ": bar " + std::to_string(a[i].number) + " has another meter or place");
            break;
        }
    }
}

Tally roundTrip(const std::string& path) {
    const auto tok = tokenizer();
    const Dataset data = loadDataset(path);
    Tally tally;
    for (const Piece& piece : data.pieces) {
        if (!metersInVocabulary(piece.score)) continue;
        ++tally.pieces;
        compare(piece, tok.decode(tok.encode(piece)), tally);
    }
    return tally;
}

TEST(RemiRoundTrip, DemoCorpusComesBackWithinTheGrid) {
    const Tally t = roundTrip((fs::path(NF_SOURCE_DIR) / "resources/demo").string());
    EXPECT_GE(t.pieces, 90u);
    EXPECT_GT(t.notes, 10000u);
    EXPECT_EQ(t.failures, 0u) << t.firstFailure;
}

TEST(RemiRoundTrip, SharedMultiTrackCollectionsComeBackWithinTheGrid) {
    for (const char* collection : {"openmsx", "timidity", "dmidiplayer"}) {
        const fs::path dir = fs::path(NF_SHARED_DATA) / "midi" / collection;
        if (!fs::exists(dir)) GTEST_SKIP() << dir << " is not here";
        const Tally t = roundTrip(dir.string());
        EXPECT_GT(t.pieces, 0u) << collection;
        EXPECT_EQ(t.failures, 0u) << collection << ": " << t.failures << " of " << t.notes << " notes; " << t.firstFailure;
    }
}

TEST(RemiRoundTrip, DecodedScoreCarriesNamesProgramsMeterAndTempo) {
    Score s(480);
    s.timeSignatures = {{0, 6, 8}};
    s.setTempoChanges({{0, 500000}});
    Track flute;
    flute.program = 73;
    flute.channel = 0;
    Track drums;
    drums.isDrum = true;
    drums.channel = 9;
    s.tracks = {flute, drums};
    s.addNote(0, Note{0, 74, 90, 0, 240});
    s.addNote(1, Note{0, 36, 100, 720, 120});
    const auto tok = tokenizer();
    const Score back = tok.decode(tok.encode(s));
    ASSERT_EQ(back.tracks.size(), 2u);
    EXPECT_EQ(back.tracks[0].program, 73);
    EXPECT_EQ(back.tracks[0].name, "Flute");
    EXPECT_TRUE(back.tracks[1].isDrum);
    EXPECT_EQ(back.tracks[1].channel, 9);
    EXPECT_EQ(back.tracks[1].notes.at(0).pitch, 36);  // the real GM drum note
    ASSERT_EQ(back.timeSignatures.size(), 1u);
    EXPECT_EQ(back.timeSignatures[0].numerator, 6);
    EXPECT_EQ(back.timeSignatures[0].denominator, 8);
    EXPECT_NEAR(back.tempoMap().changes().front().bpm(), 120.0, 120.0 * 0.03);
}

// Meters the vocabulary has no token for are written as the nearest it has (one OpenScore song in 35/16 once
// stopped the tokenizer with TS_35/16, and with it `inspect` on the whole folder).
TEST(RemiRoundTrip, EveryMeterIsWrittenWithTokensOfTheVocabulary) {
    const auto& vocabulary = remi::vocabularyTokens();
    const auto tok = tokenizer();
    for (auto [numerator, denominator] : {std::pair{35, 16}, {33, 16}, {33, 8}, {139, 4}, {7, 16}, {5, 32}, {1, 64}, {13, 8}}) {
        Score s(480);
        s.timeSignatures = {{0, numerator, denominator}};
        Track piano;
        s.tracks = {piano};
        for (int i = 0; i < 8; ++i) s.addNote(0, Note{0, 60 + i, 90, i * 480, 240});
        std::vector<std::string> tokens;
        ASSERT_NO_THROW(tokens = tok.encode(s)) << numerator << "/" << denominator;
        for (const auto& t : tokens)
            EXPECT_NE(std::find(vocabulary.begin(), vocabulary.end(), t), vocabulary.end())
                << t << " for " << numerator << "/" << denominator;
        EXPECT_NO_THROW(tok.decode(tokens));
    }
}

TEST(RemiRoundTrip, TwoTracksOfOneInstrumentKeepTheirIdentityWhenTheFirstIsSilent) {
    Score s(480);
    s.tracks.resize(2);
    s.tracks[1].channel = 1;
    s.addNote(0, Note{0, 60, 80, 0, 480});      // bar 1: first piano
    s.addNote(1, Note{0, 48, 80, 1920, 480});   // bar 2: only the second piano
    const auto tok = tokenizer();
    const Score back = tok.decode(tok.encode(s));
    ASSERT_EQ(back.tracks.size(), 2u);
    ASSERT_EQ(back.tracks[1].notes.size(), 1u);
    EXPECT_EQ(back.tracks[1].notes[0].pitch, 48);
}

}  // namespace
}  // namespace nf
