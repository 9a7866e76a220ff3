// SPDX-License-Identifier: GPL-3.0-or-later
// The main window as a desktop citizen: every action explains itself (tooltip and status-bar hint), files and
// folders dropped on it open, the recent list reopens what was opened, and the piano roll follows the palette.
#include <QAction>
#include <QApplication>
#include <QToolButton>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPalette>
#include <QTemporaryDir>
#include <QToolBar>
#include <QUrl>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "studio/StudioActions.h"
#include "UiTestUtil.h"
#include "controllers/DatasetLoader.h"
#include "controllers/RecentFiles.h"
#include "document/ScoreDocument.h"
#include "models/DatasetTableModel.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"

namespace nf {

namespace {
void checkHints(QMenu* menu, const QString& where) {
    emit menu->aboutToShow();  // menus filled when opened (Recent, Output) list their entries now
    for (QAction* a : menu->actions()) {
        if (a->isSeparator()) continue;
        const QString name = where + " > " + a->text().remove('&');
        EXPECT_FALSE(a->statusTip().isEmpty()) << "no status-bar hint: " << name.toStdString();
        EXPECT_FALSE(a->toolTip().isEmpty()) << "no tooltip: " << name.toStdString();
        if (a->menu()) checkHints(a->menu(), name);
    }
}

// Drops `paths` on the window as a file manager does; returns whether the drag was accepted.
bool dropOn(MainWindow& w, const QStringList& paths) {
    QMimeData data;
    QList<QUrl> urls;
    for (const QString& p : paths) urls << QUrl::fromLocalFile(p);
    data.setUrls(urls);
    const QPoint at = w.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    return true;
}

bool waitForLoad(MainWindow& w, const QString& root) {
    return uitest::waitFor([&] {
        return !w.loader()->isLoading() && w.datasetModel()->dataset() &&
               QString::fromStdString(w.datasetModel()->dataset()->root) == root;
    });
}

double meanLightness(const QImage& image) {
    double sum = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4) sum += image.pixelColor(x, y).lightnessF();
    return sum / ((image.height() + 3) / 4) / ((image.width() + 3) / 4);
}
}  // namespace

TEST(WindowBehaviour, EveryActionHasATooltipAndAStatusBarHint) {
    MainWindow w;
    for (QAction* menu : w.menuBar()->actions()) {
        ASSERT_NE(menu->menu(), nullptr);
        EXPECT_FALSE(menu->statusTip().isEmpty()) << menu->text().toStdString();
        checkHints(menu->menu(), menu->text().remove('&'));
    }
    for (QToolBar* bar : w.findChildren<QToolBar*>())
        for (QAction* a : bar->actions()) {
            if (a->isSeparator()) continue;
            QWidget* widget = bar->widgetForAction(a);
            if (qobject_cast<QLabel*>(widget)) continue;  // captions and the position display
            if (widget && !qobject_cast<QToolButton*>(widget)) {  // grid, piece and tempo boxes carry their own tips
                EXPECT_FALSE(widget->toolTip().isEmpty()) << bar->windowTitle().toStdString();
                EXPECT_FALSE(widget->statusTip().isEmpty()) << bar->windowTitle().toStdString();
                continue;
            }
            EXPECT_FALSE(a->statusTip().isEmpty()) << "toolbar action without a hint: " << a->text().toStdString();
            EXPECT_FALSE(a->toolTip().isEmpty()) << "toolbar action without a tooltip: " << a->text().toStdString();
        }
}

TEST(WindowBehaviour, DroppedFoldersAndFilesOpenOthersAreRefused) {
    MainWindow w;
    w.show();
    const QString folder = uitest::demoDir() + "/midi/pianobooster";
    ASSERT_TRUE(dropOn(w, {folder}));
    ASSERT_TRUE(waitForLoad(w, folder)) << "the dropped folder was not loaded";
    EXPECT_GT(w.datasetModel()->totals().pieces, 1u);
    EXPECT_FALSE(w.document()->isEmpty());

    const QString abc = uitest::demoDir() + "/abc/nottingham-waltzes-X1-30.abc";
    ASSERT_TRUE(QFileInfo::exists(abc)) << abc.toStdString();
    ASSERT_TRUE(dropOn(w, {abc}));
    ASSERT_TRUE(waitForLoad(w, abc)) << "the dropped ABC file was not loaded";
    EXPECT_GT(w.datasetModel()->totals().pieces, 1u);

    // Not music: not accepted, and nothing is loaded.
    QTemporaryDir dir;
    QFile text(dir.filePath("notes.txt"));
    ASSERT_TRUE(text.open(QIODevice::WriteOnly));
    text.write("hello");
    text.close();
    EXPECT_FALSE(dropOn(w, {text.fileName()}));
    EXPECT_FALSE(w.loader()->isLoading());
    EXPECT_EQ(QString::fromStdString(w.datasetModel()->dataset()->root), abc);
    // A text file with a folder: the folder opens.
    ASSERT_TRUE(dropOn(w, {text.fileName(), folder}));
    ASSERT_TRUE(waitForLoad(w, folder));
}

TEST(WindowBehaviour, RecentMenuReopensWhatWasOpened) {
    QString folder = uitest::demoDir() + "/midi/pianobooster";
    {
        MainWindow w;
        w.recentFiles()->clear();
        w.openPath(folder);
        ASSERT_TRUE(waitForLoad(w, QFileInfo(folder).absoluteFilePath()));
    }
    folder = QFileInfo(folder).absoluteFilePath();
    // A new session lists it (kept in the settings) and reopens it from the menu.
    MainWindow w;
    w.show();
    ASSERT_FALSE(w.recentFiles()->paths().isEmpty());
    EXPECT_EQ(w.recentFiles()->paths().first(), folder);
    QAction* entry = nullptr;
    for (QAction* a : w.actions()->recentMenu->actions())
        if (a->toolTip() == folder) entry = a;
    ASSERT_NE(entry, nullptr) << "the folder is not in File > Open Recent";
    EXPECT_EQ(entry->text(), "pianobooster");
    entry->trigger();
    ASSERT_TRUE(waitForLoad(w, folder));
    // Clear List empties it, in this session and the next.
    w.actions()->recentMenu->actions().last()->trigger();
    EXPECT_TRUE(w.recentFiles()->paths().isEmpty());
    EXPECT_TRUE(RecentFiles().paths().isEmpty());
}

TEST(WindowBehaviour, PianoRollFollowsALightOrDarkPalette) {
    const QPalette original = QApplication::palette();
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.document()->setScore(uitest::demoScore(), "palette");
    QPalette light = original;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Window, QColor(240, 240, 240));
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::WindowText, Qt::black);
    QApplication::setPalette(light);
    QApplication::processEvents();
    const double lightL = meanLightness(w.pianoRoll()->canvas()->grab().toImage());
    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(30, 30, 32));
    dark.setColor(QPalette::Window, QColor(45, 45, 48));
    dark.setColor(QPalette::Text, QColor(220, 220, 220));
    dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
    QApplication::setPalette(dark);  // what a desktop switching to dark mode does
    QApplication::processEvents();
    const double darkL = meanLightness(w.pianoRoll()->canvas()->grab().toImage());
    QApplication::setPalette(original);
    EXPECT_GT(lightL, 0.7);
    EXPECT_LT(darkL, 0.35) << "the piano roll did not follow the dark palette";
}

}  // namespace nf

namespace nf {

// Preferences outlive the session: the view toggles, and (with LibTorch) the training settings last started.
TEST(WindowBehaviour, ViewPreferencesAreKeptAcrossSessions) {
    {
        MainWindow w;
        w.actions()->velocityLane->setChecked(false);
        w.actions()->confidenceColours->setChecked(false);
        w.actions()->follow->setChecked(false);
    }
    {
        MainWindow w;
        EXPECT_FALSE(w.actions()->velocityLane->isChecked());
        EXPECT_FALSE(w.actions()->confidenceColours->isChecked());
        EXPECT_FALSE(w.actions()->follow->isChecked());
        EXPECT_FALSE(w.pianoRoll()->colourByConfidence()) << "the editor did not take the kept preference";
        w.actions()->velocityLane->setChecked(true);
        w.actions()->confidenceColours->setChecked(true);
        w.actions()->follow->setChecked(true);
    }
    MainWindow w;
    EXPECT_TRUE(w.actions()->velocityLane->isChecked());
    EXPECT_TRUE(w.pianoRoll()->colourByConfidence());
}

}  // namespace nf

#ifdef NF_TEST_HAVE_TRAINING
#include <qcustomplot.h>

#include "training/StudioTraining.h"
#include "training/TrainingCharts.h"
#include "training/TrainingPanel.h"

namespace nf {

TEST(WindowBehaviour, TrainingChartsFollowThePalette) {
    const QPalette original = QApplication::palette();
    MainWindow w;
    TrainingCharts* charts = w.module<StudioTraining>()->panel()->findChild<TrainingCharts*>();
    ASSERT_NE(charts, nullptr);
    QPalette dark = original;
    dark.setColor(QPalette::Base, QColor(30, 30, 32));
    dark.setColor(QPalette::Text, QColor(220, 220, 220));
    QApplication::setPalette(dark);
    QApplication::processEvents();
    const QColor background = charts->lossPlot()->grab().toImage().pixelColor(3, 3);
    EXPECT_LT(background.lightnessF(), 0.3) << "the loss chart stayed light on a dark desktop";
    EXPECT_EQ(charts->lossPlot()->xAxis->tickLabelColor(), QColor(220, 220, 220));
    QApplication::setPalette(original);
    QApplication::processEvents();
    EXPECT_EQ(charts->lossPlot()->xAxis->tickLabelColor(), original.color(QPalette::Text));
}

}  // namespace nf
#endif
