// SPDX-License-Identifier: GPL-3.0-or-later
// The confidence pop-up of a generated note speaks music, not tokens: its header names the note (C4 for 1.5 beats,
// velocity 96) and is shown whole; pitch and velocity alternatives can be swapped in, each one undo step.
#ifdef NF_TEST_HAVE_TRAINING

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <memory>

#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "generation/NoteAlternativesMenu.h"
#include "generation/TokenDescription.h"

namespace nf {

namespace {
QAction* actionStartingWith(QMenu* menu, const QString& start) {
    for (QAction* a : menu->actions())
        if (a->text().startsWith(start)) return a;
    return nullptr;
}
}  // namespace

TEST(NoteAlternatives, ShowsMusicalNamesAndSwapsPitchOrVelocity) {
    Score s(480);
    s.tracks.resize(1);
    const NoteId id = s.addNote(0, Note{0, 60, 96, 0, 720});  // C4, a beat and a half
    ScoreDocument doc;
    std::map<NoteId, NoteInsight> insights;
    insights[id] = NoteInsight{0.4f, {{"ON_60", 0.4f}, {"ON_62", 0.3f}, {"VEL_20", 0.2f}, {"SHIFT_12", 0.1f}}};
    doc.setScore(s, "generated", insights);

    std::unique_ptr<QMenu> menu(NoteAlternativesMenu::build(&doc, id, nullptr));
    ASSERT_NE(menu, nullptr);
    auto* header = menu->findChild<QLabel*>("alternativesHeader");
    ASSERT_NE(header, nullptr);
    EXPECT_TRUE(header->text().contains("C4 for 1.5 beats, velocity 96")) << header->text().toStdString();
    EXPECT_TRUE(header->text().contains("40%"));
    // The menu is at least as wide as its header, so the header is never cut.
    EXPECT_GE(menu->sizeHint().width(), header->sizeHint().width());
    for (QAction* a : menu->actions())
        for (const char* token : {"ON_", "VEL_", "SHIFT_"})
            EXPECT_FALSE(a->text().contains(token)) << "token name shown: " << a->text().toStdString();
    EXPECT_NE(actionStartingWith(menu.get(), "wait 0.5 beats"), nullptr);

    QAction* pitch = actionStartingWith(menu.get(), "Swap in D4");
    ASSERT_NE(pitch, nullptr);
    pitch->trigger();
    EXPECT_EQ(doc.score().tracks[0].notes[0].pitch, 62);

    menu.reset(NoteAlternativesMenu::build(&doc, id, nullptr));
    const int velocity = TokenDescription::of("VEL_20").velocity.value_or(-1);
    EXPECT_EQ(velocity, 82);  // bin 20 of 32 is velocities 80..83
    QAction* loud = actionStartingWith(menu.get(), QString("Set velocity %1").arg(velocity));
    ASSERT_NE(loud, nullptr);
    loud->trigger();
    EXPECT_EQ(doc.score().tracks[0].notes[0].velocity, velocity);
    EXPECT_EQ(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    EXPECT_EQ(doc.score().tracks[0].notes[0].velocity, 96);
}

TEST(NoteAlternatives, DescribesPaperAndEventTokens) {
    EXPECT_EQ(TokenDescription::of("ON_61").text, QString::fromStdString("C#4"));
    EXPECT_EQ(TokenDescription::of("E-5").pitch, 75);
    EXPECT_EQ(TokenDescription::of("E-5").text, QString("E\u266D5"));
    EXPECT_EQ(TokenDescription::of("OFF_60").text, "end C4 here");
    EXPECT_EQ(TokenDescription::of("SHIFT_24").text, "wait 1 beat");
    EXPECT_EQ(TokenDescription::of("END").text, "end the piece");
    EXPECT_EQ(TokenDescription::of("<unk>").text, "<unk>");
}

}  // namespace nf

#endif  // NF_TEST_HAVE_TRAINING
