// SPDX-License-Identifier: GPL-3.0-or-later
#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QSignalSpy>
#include <QSlider>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "document/ScoreDocument.h"
#include "widgets/TracksPanel.h"

namespace nf {

namespace {
Score twoTracks() {
    Score s(480);
    s.tracks.resize(2);
    s.tracks[0].name = "Melody";
    s.tracks[0].program = 40;  // violin
    s.tracks[1].isDrum = true;
    s.tracks[1].channel = 9;
    s.addNote(0, Note{0, 76, 80, 0, 480});
    s.addNote(1, Note{0, 36, 100, 0, 120});
    s.addNote(1, Note{0, 38, 100, 480, 120});
    return s;
}
}  // namespace

TEST(TracksPanel, ListsTracksAndSelectsTheActiveOne) {
    ScoreDocument doc;
    TracksPanel panel(&doc);
    doc.setScore(twoTracks(), "t");
    QTreeWidget* tree = panel.tree();
    ASSERT_EQ(tree->topLevelItemCount(), 2);
    EXPECT_EQ(tree->topLevelItem(0)->text(0), "Melody");
    EXPECT_EQ(tree->topLevelItem(0)->text(3), "Violin");
    EXPECT_EQ(tree->topLevelItem(1)->text(3), "Drum kit");
    EXPECT_EQ(tree->topLevelItem(1)->text(4), "2");
    tree->setCurrentItem(tree->topLevelItem(1));
    EXPECT_EQ(doc.activeTrack(), 1);
    EXPECT_FALSE(panel.instrumentBox()->isEnabled());  // drums have no program to choose
}

TEST(TracksPanel, InstrumentChangeIsUndoableAndNamesFollowTheSoundfont) {
    ScoreDocument doc;
    TracksPanel panel(&doc);
    doc.setScore(twoTracks(), "t");
    panel.instrumentBox()->setCurrentIndex(0);
    emit panel.instrumentBox()->activated(0);
    EXPECT_EQ(doc.score().tracks[0].program, 0);
    EXPECT_EQ(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    EXPECT_EQ(doc.score().tracks[0].program, 40);
    QStringList names;
    for (int p = 0; p < 128; ++p) names << QString("Preset %1").arg(p);
    panel.setProgramNames(names);
    EXPECT_EQ(panel.tree()->topLevelItem(0)->text(3), "Preset 40");
}

TEST(TracksPanel, MuteAndSoloAreReported) {
    ScoreDocument doc;
    TracksPanel panel(&doc);
    doc.setScore(twoTracks(), "t");
    QSignalSpy mute(&panel, &TracksPanel::muteToggled);
    QSignalSpy solo(&panel, &TracksPanel::soloToggled);
    panel.tree()->topLevelItem(1)->setCheckState(1, Qt::Checked);
    panel.tree()->topLevelItem(0)->setCheckState(2, Qt::Checked);
    ASSERT_EQ(mute.count(), 1);
    EXPECT_EQ(mute.first().at(0).toInt(), 1);
    EXPECT_TRUE(mute.first().at(1).toBool());
    ASSERT_EQ(solo.count(), 1);
    EXPECT_EQ(solo.first().at(0).toInt(), 0);
    EXPECT_TRUE(panel.isMuted(1));
    EXPECT_TRUE(panel.isSoloed(0));
}

}  // namespace nf

namespace nf {

TEST(TracksPanel, VolumeAndPanSlidersSetTheSelectedTracksMixAndResetWithANewPiece) {
    ScoreDocument doc;
    doc.setScore(twoTracks(), "mix");
    TracksPanel panel(&doc);
    QSignalSpy volume(&panel, &TracksPanel::volumeChanged);
    QSignalSpy pan(&panel, &TracksPanel::panChanged);
    EXPECT_EQ(panel.volume(0), -1);  // as written until moved
    EXPECT_EQ(panel.volumeSlider()->value(), 100);
    EXPECT_EQ(panel.panSlider()->value(), 64);
    doc.setActiveTrack(1);
    panel.volumeSlider()->setValue(40);
    panel.panSlider()->setValue(100);
    ASSERT_EQ(volume.count(), 1);
    EXPECT_EQ(volume.first().at(0).toInt(), 1);
    EXPECT_EQ(volume.first().at(1).toInt(), 40);
    ASSERT_EQ(pan.count(), 1);
    EXPECT_EQ(pan.first().at(1).toInt(), 100);
    EXPECT_EQ(panel.volume(1), 40);
    EXPECT_EQ(panel.volume(0), -1);
    // Selecting another track shows its own levels; coming back shows the ones set.
    doc.setActiveTrack(0);
    EXPECT_EQ(panel.volumeSlider()->value(), 100);
    EXPECT_EQ(volume.count(), 1);  // showing is not changing
    doc.setActiveTrack(1);
    EXPECT_EQ(panel.volumeSlider()->value(), 40);
    EXPECT_EQ(panel.panSlider()->value(), 100);
    EXPECT_EQ(doc.undoStack()->count(), 0);  // listening state, not an edit
    doc.setScore(twoTracks(), "another");
    EXPECT_EQ(panel.volume(1), -1);
}

// Names were cut at a fixed 96 pixels while the instrument column had room to spare: each is whole when both fit,
// and when they do not both are cut, the names keeping a share; never a horizontal scroll bar.
TEST(TracksPanel, NamesAndInstrumentsShareTheWidthAndAreWholeWhenTheyFit) {
    ScoreDocument doc;
    TracksPanel panel(&doc);
    Score s = twoTracks();
    s.tracks[0].name = "Violoncello and double bass together";
    doc.setScore(s, "t");
    panel.resize(460, 300);
    panel.show();
    QTreeWidget* tree = panel.tree();
    QHeaderView* header = tree->header();
    const QFontMetrics metrics(tree->font());
    const int nameText = metrics.horizontalAdvance(QString::fromStdString(s.tracks[0].name));
    EXPECT_GT(header->sectionSize(0), nameText) << "the whole name, with room to spare in the panel";
    EXPECT_GT(header->sectionSize(3), metrics.horizontalAdvance("Drum kit"));
    EXPECT_LE(header->length(), tree->viewport()->width());
    panel.resize(220, 300);
    QCoreApplication::processEvents();
    EXPECT_LE(header->length(), tree->viewport()->width()) << "no horizontal scrolling";
    EXPECT_GE(header->sectionSize(0) * 3, header->sectionSize(0) + header->sectionSize(3)) << "the names keep a third";
    EXPECT_GT(header->sectionSize(3), 0);
}

}  // namespace nf
