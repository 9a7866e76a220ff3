// SPDX-License-Identifier: GPL-3.0-or-later
// The Dataset panel's extras: vocabulary per representation, and the encoding check.
#include <QLabel>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include "UiTestUtil.h"
#include "controllers/VocabularyCounter.h"
#include "widgets/EncodingCheckDialog.h"

namespace nf {

TEST(VocabularyCounter, CountsEveryRepresentationInTheBackground) {
    auto ds = std::make_shared<const Dataset>(loadDataset(uitest::demoDir().toStdString()));
    VocabularyCounter counter;
    std::vector<VocabularyCounter::Count> counts;
    QObject::connect(&counter, &VocabularyCounter::counted, [&](const auto& c) { counts = c; });
    counter.count(ds);
    ASSERT_TRUE(uitest::waitFor([&] { return !counts.empty(); }, 120000));
    ASSERT_EQ(counts.size(), 3u);
    EXPECT_EQ(counts[0].representation, "events");
    EXPECT_EQ(counts[0].pieces, 100) << "every demo piece has an events encoding";
    for (const auto& c : counts) {
        EXPECT_GT(c.vocabulary, 0) << c.representation.toStdString();
        EXPECT_LE(c.pieces, 100);
    }
    // abc-chars holds only what ABC can write: at most the 60 tunes and the monophonic MIDI files, never all 100.
    EXPECT_LT(counts[2].pieces, 100);
    EXPECT_NE(VocabularyCounter::summary(counts).indexOf("events"), -1);
}

TEST(EncodingCheck, ComparesNotesInTime) {
    Score a(480);
    a.tracks.resize(1);
    a.addNote(0, Note{0, 60, 80, 0, 480});
    a.addNote(0, Note{0, 64, 90, 480, 960});
    Score same = a;
    auto k = EncodingCheckDialog::compare(a, same);
    EXPECT_EQ(k.pitchAndOnset, 2u);
    EXPECT_EQ(k.duration, 2u);
    EXPECT_EQ(k.velocity, 2u);
    // The same music at another resolution is the same in seconds.
    Score rescaled = a;
    rescaled.rescale(96);
    EXPECT_EQ(EncodingCheckDialog::compare(a, rescaled).duration, 2u);
    Score changed = a;
    changed.tracks[0].notes[0].pitch = 61;
    changed.tracks[0].notes[1].duration = 240;
    changed.tracks[0].notes[1].velocity = 10;
    k = EncodingCheckDialog::compare(a, changed);
    EXPECT_EQ(k.pitchAndOnset, 1u);
    EXPECT_EQ(k.duration, 0u);
    EXPECT_EQ(k.velocity, 0u);
}

TEST(EncodingCheck, PaperNotesLoseWhatTheEventsKeep) {
    Dataset ds = loadDataset((uitest::demoDir() + "/abc/nottingham-waltzes-X1-30.abc").toStdString());
    ASSERT_FALSE(ds.pieces.empty());
    EncodingCheckDialog dialog(ds.pieces[0]);
    dialog.setRepresentation("events");
    const auto events = EncodingCheckDialog::compare(ds.pieces[0].score, dialog.decoded());
    EXPECT_EQ(events.pitchAndOnset, events.original) << "a quantized tune survives the events encoding";
    dialog.setRepresentation("paper-notes");
    const auto paper = EncodingCheckDialog::compare(ds.pieces[0].score, dialog.decoded());
    EXPECT_LT(paper.pitchAndOnset, events.pitchAndOnset) << "paper notes are placed half a beat apart";
    EXPECT_FALSE(dialog.summary()->text().isEmpty());
}

}  // namespace nf
