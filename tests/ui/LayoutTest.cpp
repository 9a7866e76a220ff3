// SPDX-License-Identifier: GPL-3.0-or-later
// The piano roll is the largest thing on screen from 1280x720 up, on a first start (no saved layout), and the
// bottom panels can be made short: their content scrolls instead of holding the editor down.
#include <QDockWidget>
#include <QSettings>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "UiTestUtil.h"
#include "pianoroll/PianoRollView.h"
#include "training/StudioTraining.h"
#include "training/TrainingCharts.h"
#include "training/TrainingPanel.h"

namespace nf {

namespace {
void forgetLayout() {
    QSettings s;
    s.remove("window/state");
    s.remove("window/geometry");
}

int area(const QWidget* w) { return w->width() * w->height(); }
}  // namespace

class LayoutTest : public ::testing::TestWithParam<QSize> {};

TEST_P(LayoutTest, ThePianoRollIsTheLargestThingOnScreen) {
    forgetLayout();
    MainWindow w;
    w.resize(GetParam());
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    // With the demo loaded: the panels' texts (the dataset's totals, the tracks) are what can widen them.
    bool ready = false;
    QObject::connect(&w, &MainWindow::datasetReady, [&] { ready = true; });
    w.openInitial(uitest::demoDir());
    ASSERT_TRUE(uitest::waitFor([&] { return ready; }));
    QTest::qWait(50);  // the docks settle with the layout pass after loading
    const int roll = area(w.pianoRoll());
    for (QDockWidget* dock : w.findChildren<QDockWidget*>()) {
        if (!dock->isVisible() || dock->isFloating()) continue;
        EXPECT_GT(roll, area(dock)) << dock->objectName().toStdString() << " (" << dock->width() << "x"
                                    << dock->height() << ") is larger than the piano roll (" << w.pianoRoll()->width()
                                    << "x" << w.pianoRoll()->height() << ") at " << GetParam().width() << "x"
                                    << GetParam().height();
    }
    // Readable: at least twenty rows of keys of the default height, and most of the width.
    EXPECT_GE(w.pianoRoll()->height(), 300);
    EXPECT_GE(w.pianoRoll()->width(), GetParam().width() / 2);
}

// The Training tab at every size, both side panels open: its charts are wide enough to read a curve.
TEST_P(LayoutTest, TheTrainingChartsCanBeRead) {
    forgetLayout();
    MainWindow w;
    w.resize(GetParam());
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    StudioTraining* training = w.module<StudioTraining>();
    training->dock()->raise();
    QTest::qWait(50);
    TrainingCharts* charts = training->panel()->charts();
    ASSERT_TRUE(charts->isVisible());
    EXPECT_GE(charts->width(), 300) << "at " << GetParam().width() << "x" << GetParam().height();
    // The whole width of the charts is on screen, not behind the dock's sideways scroll.
    const QRect chartsInWindow(charts->mapTo(&w, QPoint(0, 0)), charts->size());
    const QRect dockInWindow(training->dock()->mapTo(&w, QPoint(0, 0)), training->dock()->size());
    EXPECT_GE(chartsInWindow.intersected(dockInWindow).width(), 300);
}

TEST_P(LayoutTest, BottomPanelsCanBeMadeShort) {
    forgetLayout();
    MainWindow w;
    w.resize(GetParam());
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    for (QDockWidget* dock : w.findChildren<QDockWidget*>()) {
        if (w.dockWidgetArea(dock) == Qt::BottomDockWidgetArea) {
            EXPECT_LE(dock->minimumSizeHint().height(), 150) << dock->objectName().toStdString();
        }
    }
}

INSTANTIATE_TEST_SUITE_P(WindowSizes, LayoutTest, ::testing::Values(QSize(1280, 720), QSize(1440, 900), QSize(1920, 1080)),
                         [](const ::testing::TestParamInfo<QSize>& info) {
                             return std::to_string(info.param.width()) + "x" + std::to_string(info.param.height());
                         });

}  // namespace nf
