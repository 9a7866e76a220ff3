// SPDX-License-Identifier: GPL-3.0-or-later
// The fill-in-the-middle format: the context comes through unchanged, holes stand where the tracks were, the fill
// holds exactly the removed blocks; training examples are reproducible and of the asked tasks and sizes.
#include <gtest/gtest.h>

#include <algorithm>

#include "remi/ExampleBuilder.h"
#include "remi/InfillFormat.h"
#include "remi/RemiIds.h"
#include "remi/RemiLayout.h"
#include "remi/RemiTokenizer.h"
#include "remi/RemiVocabulary.h"
#include "tokenize/Vocabulary.h"

namespace nf {
namespace {

using remi::RemiIds;

// Eight bars of 4/4: a melody (flute) on every beat and a bass (program 33) on beat 1.
Score eightBars() {
    Score s(480);
    s.tracks.resize(2);
    s.tracks[0].program = 73;
    s.tracks[1].program = 33;
    s.tracks[1].channel = 1;
    for (int bar = 0; bar < 8; ++bar) {
        for (int beat = 0; beat < 4; ++beat)
            s.addNote(0, Note{0, 72 + (bar + beat) % 5, 90, bar * 1920 + beat * 480, 480});
        s.addNote(1, Note{0, 36 + bar % 3, 100, bar * 1920, 960});
    }
    return s;
}

std::vector<std::int32_t> idsOf(const Score& s) {
    TokenizerSettings settings;
    settings.kind = TokenizerKind::Remi;
    const Vocabulary vocab(remi::vocabularyTokens());
    return vocab.encode(RemiTokenizer(settings).encode(s));
}

std::vector<std::string> text(const std::vector<std::int32_t>& ids) {
    return Vocabulary(remi::vocabularyTokens()).decode(ids);
}

TEST(RemiInfillFormat, LayoutFindsBarsAndTrackBlocks) {
    const auto ids = idsOf(eightBars());
    const auto layout = remi::layoutOf(ids);
    ASSERT_EQ(layout.bars.size(), 8u);
    for (const auto& bar : layout.bars) {
        ASSERT_EQ(bar.blocks.size(), 2u);
        EXPECT_EQ(bar.blocks[0].track, (remi::TrackKey{73, 0}));
        EXPECT_EQ(bar.blocks[1].track, (remi::TrackKey{33, 0}));
        EXPECT_EQ(bar.units, 48);
    }
    EXPECT_EQ(layout.tracks().size(), 2u);
}

TEST(RemiInfillFormat, ContextIsUnchangedAndTheFillHoldsTheRemovedBlocks) {
    const auto ids = idsOf(eightBars());
    const auto layout = remi::layoutOf(ids);
    remi::InfillSpec spec{3, 4, 1, 6, {{73, 0}}};
    const auto t = remi::makeInfill(ids, layout, spec);
    const RemiIds& r = RemiIds::get();

    // Prompt: bars 1..6 (indices), holes for the flute in bars 3 and 4, everything else token for token.
    std::vector<std::int32_t> expected;
    for (std::size_t b = 1; b <= 6; ++b) {
        const auto& bar = layout.bars[b];
        expected.insert(expected.end(), ids.begin() + static_cast<long>(bar.begin), ids.begin() + static_cast<long>(bar.headEnd));
        if (b == 1) {  // the first context bar restates the meter and tempo in force
            expected.insert(expected.begin() + 1, {bar.meterId, bar.tempoId});
        }
        for (const auto& block : bar.blocks) {
            if ((b == 3 || b == 4) && block.track.instrument == 73) continue;
            expected.insert(expected.end(), ids.begin() + static_cast<long>(block.begin), ids.begin() + static_cast<long>(block.end));
        }
        if (b == 3 || b == 4) expected.insert(expected.end(), {r.instrument(73), r.hole});
    }
    expected.push_back(r.fill);
    EXPECT_EQ(text(t.prompt), text(expected));

    std::vector<std::int32_t> fill;
    for (std::size_t b : {3u, 4u}) {
        const auto& block = layout.bars[b].blocks[0];
        fill.insert(fill.end(), ids.begin() + static_cast<long>(block.begin), ids.begin() + static_cast<long>(block.end));
        fill.push_back(r.holeEnd);
    }
    fill.push_back(r.fillEnd);
    EXPECT_EQ(text(t.fill), text(fill));
    EXPECT_EQ(remi::infillLength(layout, spec), t.prompt.size() + t.fill.size());
}

TEST(RemiInfillFormat, AHoleForATrackThePieceLacksIsWrittenSilentInTheTruth) {
    const auto ids = idsOf(eightBars());
    const auto layout = remi::layoutOf(ids);
    remi::InfillSpec spec{0, 0, 0, 1, {{-1, 0}}};
    const auto t = remi::makeInfill(ids, layout, spec);
    EXPECT_EQ(text(t.prompt).front(), "BOS");
    const std::vector<std::string> fill{"INST_DRUMS", "DENS_0", "POLY_0", "LOW_0", "HIGH_0", "LEN_0", "HOLE_END", "FILL_END"};
    EXPECT_EQ(text(t.fill), fill);
    EXPECT_EQ(remi::infillLength(layout, spec), t.prompt.size() + t.fill.size());
}

TEST(RemiInfillFormat, FittingDropsFarContextFirstAndRefusesWhatCannotFit) {
    const auto ids = idsOf(eightBars());
    const auto layout = remi::layoutOf(ids);
    remi::InfillSpec spec{3, 4, 0, 7, {{73, 0}}};
    const std::size_t full = remi::infillLength(layout, spec);
    const auto fitted = remi::fitInfill(layout, spec, full - 10);
    ASSERT_TRUE(fitted);
    EXPECT_LE(remi::infillLength(layout, *fitted), full - 10);
    EXPECT_EQ(fitted->firstBar, 3u);
    EXPECT_EQ(fitted->lastBar, 4u);
    EXPECT_FALSE(remi::fitInfill(layout, spec, 20));
}

TEST(RemiExamples, AreReproduciblePerEpochWithinSizeAndOfTheAskedTasks) {
    const auto ids = idsOf(eightBars());
    const std::vector<const std::vector<std::int32_t>*> pieces{&ids, &ids, &ids, &ids};
    remi::TaskMix mix;
    mix.maxTokens = 200;
    const auto a = remi::buildExamples(pieces, mix, 7, 3);
    EXPECT_EQ(a, remi::buildExamples(pieces, mix, 7, 3));
    EXPECT_NE(a, remi::buildExamples(pieces, mix, 7, 4));
    const RemiIds& r = RemiIds::get();
    std::size_t fills = 0;
    for (const auto& e : a) {
        EXPECT_LE(e.size(), 200u);
        if (std::find(e.begin(), e.end(), r.fill) != e.end()) {
            ++fills;
            EXPECT_EQ(e.back(), r.fillEnd);
        }
    }
    EXPECT_GT(fills, 0u);
    EXPECT_LT(fills, a.size());

    mix.barInfill = mix.trackInfill = 0;
    for (const auto& e : remi::buildExamples(pieces, mix, 7, 3))
        EXPECT_EQ(std::find(e.begin(), e.end(), r.fill), e.end());
}

}  // namespace
}  // namespace nf
