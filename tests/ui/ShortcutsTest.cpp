// SPDX-License-Identifier: GPL-3.0-or-later
// Keyboard shortcuts of the real window: every key sequence belongs to one action (Qt ignores a sequence bound twice
// as "ambiguous"), and Redo answers both Ctrl+Shift+Z and Ctrl+Y from the keyboard. The offscreen platform's Redo
// list starts with Ctrl+Y, where the old double binding did not show; ctest's ui_shortcuts_gnome runs these tests
// again under Xvfb as a GNOME session, whose Redo is Ctrl+Shift+Z, the desktop the bug was found on.
#include <QAction>
#include <QMap>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "studio/StudioActions.h"
#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"

namespace nf {

TEST(Shortcuts, EveryKeySequenceBelongsToOneAction) {
    MainWindow w;
    QMap<QString, QStringList> owners;  // sequence -> the actions bound to it
    for (QAction* a : w.findChildren<QAction*>())
        for (const QKeySequence& k : a->shortcuts())
            if (!k.isEmpty()) owners[k.toString(QKeySequence::PortableText)] << a->text().remove('&');
    ASSERT_FALSE(owners.isEmpty());
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        EXPECT_EQ(it.value().size(), 1) << it.key().toStdString() << " is bound " << it.value().size()
                                        << " times: " << it.value().join(", ").toStdString();
}

// Whatever the desktop calls Redo, each sequence is bound once and both usual ones are there.
TEST(Shortcuts, RedoKeysAreUniqueOnEveryDesktop) {
    const QList<QList<QKeySequence>> desktops = {
        {QKeySequence("Ctrl+Shift+Z")},                                              // GNOME, KDE
        {QKeySequence("Ctrl+Y"), QKeySequence("Alt+Shift+Backspace")},              // Windows
        {QKeySequence("Ctrl+Y"), QKeySequence("Alt+Shift+Backspace"), QKeySequence("Ctrl+Shift+Z")},  // X11
        {}};
    for (const QList<QKeySequence>& platform : desktops) {
        const QList<QKeySequence> keys = StudioActions::redoKeys(platform);
        EXPECT_EQ(keys.count(QKeySequence("Ctrl+Shift+Z")), 1);
        EXPECT_EQ(keys.count(QKeySequence("Ctrl+Y")), 1);
        for (const QKeySequence& k : platform) EXPECT_EQ(keys.count(k), 1) << k.toString().toStdString();
    }
}

TEST(Shortcuts, RedoAnswersCtrlShiftZAndCtrlY) {
    MainWindow w;
    w.show();
    w.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    bool ready = false;
    QObject::connect(&w, &MainWindow::datasetReady, [&] { ready = true; });
    w.openInitial(uitest::demoDir());
    ASSERT_TRUE(uitest::waitFor([&] { return ready; }));
    QWidget* canvas = w.pianoRoll()->canvas();
    canvas->setFocus();
    QUndoStack* stack = w.document()->undoStack();
    w.actions()->selectAll->trigger();
    w.actions()->transposeUp->trigger();
    ASSERT_EQ(stack->index(), 1);

    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(stack->index(), 0) << "Ctrl+Z did not undo";
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(stack->index(), 1) << "Ctrl+Shift+Z did not redo";
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
    ASSERT_EQ(stack->index(), 0);
    QTest::keyClick(canvas, Qt::Key_Y, Qt::ControlModifier);
    EXPECT_EQ(stack->index(), 1) << "Ctrl+Y did not redo";
}

}  // namespace nf
