// SPDX-License-Identifier: GPL-3.0-or-later
// First run: the welcome guide is shown on a fresh start, its buttons do the steps in the real studio and are
// ticked as the steps get done, closing it is remembered, and Help > Welcome Guide brings it back.
#include <QAction>
#include <QCommandLinkButton>
#include <QDockWidget>
#include <QPushButton>
#include <QSettings>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QApplication>
#include <QFileDialog>
#include <QLineEdit>
#include <QTimer>

#include <gtest/gtest.h>

#include <functional>

#include "MainWindow.h"
#include "studio/StudioActions.h"
#include "studio/StudioContext.h"
#include "studio/StudioFiles.h"
#include "welcome/StudioWelcome.h"
#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "dataset/DemoData.h"
#include "models/DatasetTableModel.h"
#include "pianoroll/PianoRollView.h"
#include "widgets/WelcomePanel.h"
#ifdef NF_TEST_HAVE_TRAINING
#include "generation/GenerationController.h"
#include "generation/GenerationPanel.h"
#include "generation/StudioGeneration.h"
#include "training/HyperparameterForm.h"
#include "training/StudioTraining.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"
#endif

namespace nf {

using Step = WelcomePanel::Step;

TEST(Welcome, ShownOnFirstStartClosedForGoodBackFromTheHelpMenu) {
    QSettings().remove("welcome");
    {
        MainWindow w;
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        ASSERT_NE(w.module<StudioWelcome>(), nullptr);
        EXPECT_TRUE(w.module<StudioWelcome>()->dock()->isVisible()) << "no guide on a first start";
        WelcomePanel* panel = w.module<StudioWelcome>()->panel();
        for (int i = 0; i < WelcomePanel::kStepCount; ++i) {
            QCommandLinkButton* b = panel->stepButton(static_cast<Step>(i));
            EXPECT_TRUE(b->text().startsWith(QString::number(i + 1) + ".")) << b->text().toStdString();
            EXPECT_FALSE(b->toolTip().isEmpty());
        }
        panel->closeButton()->click();
        EXPECT_FALSE(w.module<StudioWelcome>()->dock()->isVisible());
        w.close();
    }
    {
        MainWindow w;
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        EXPECT_FALSE(w.module<StudioWelcome>()->dock()->isVisible()) << "the closed guide came back by itself";
        w.actions()->welcome->trigger();
        EXPECT_TRUE(w.module<StudioWelcome>()->dock()->isVisible());
        w.close();
    }
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    EXPECT_TRUE(w.module<StudioWelcome>()->dock()->isVisible()) << "reopened from Help, it should stay until closed again";
}

// On a 1280x720 screen the full guide took a quarter of the height from the piano roll: short windows get the
// compact guide (titles only, descriptions in the tooltips), tall ones the full one, switching as the window resizes.
TEST(Welcome, TheGuideIsCompactInShortWindowsAndFullInTallOnes) {
    QSettings().remove("welcome");
    QSettings().remove("window");
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(50);
    StudioWelcome* welcome = w.module<StudioWelcome>();
    WelcomePanel* panel = welcome->panel();
    ASSERT_TRUE(welcome->dock()->isVisible());
    EXPECT_TRUE(panel->isCompact());
    const QCommandLinkButton* train = panel->stepButton(Step::Train);
    EXPECT_TRUE(train->description().isEmpty() || !train->isEnabled());
    EXPECT_FALSE(train->toolTip().isEmpty()) << "the description went with the compact guide";
    EXPECT_LE(welcome->dock()->height(), 120);
    EXPECT_GE(w.pianoRoll()->height(), 300) << "the guide still takes the piano roll's rows at 1280x720";
    const int compactHeight = welcome->dock()->height();

    w.resize(1920, 1080);
    QTest::qWait(50);
    EXPECT_FALSE(panel->isCompact());
    EXPECT_FALSE(panel->stepButton(Step::Generate)->description().isEmpty());
    EXPECT_EQ(panel->maximumHeight(), QWIDGETSIZE_MAX);
    // The dock is resized after the event that switched the guide; under load that can take more than 50 ms.
    EXPECT_TRUE(uitest::waitFor([&] { return welcome->dock()->height() > compactHeight; }, 5000))
        << "the full guide kept the compact one's height (" << welcome->dock()->height() << " px)";

    w.resize(1280, 720);
    QTest::qWait(50);
    EXPECT_TRUE(panel->isCompact());
    EXPECT_TRUE(panel->stepButton(Step::Generate)->description().isEmpty());
}

// The ticks are the user's progress: a restart shows the same ones.
TEST(Welcome, TicksSurviveARestart) {
    QSettings().remove("welcome");
    {
        MainWindow w;
        emit w.context()->exported("/tmp/x.mid");
        EXPECT_TRUE(w.module<StudioWelcome>()->panel()->isDone(Step::Export));
    }
    MainWindow again;
    EXPECT_TRUE(again.module<StudioWelcome>()->panel()->isDone(Step::Export)) << "the tick was forgotten";
    EXPECT_FALSE(again.module<StudioWelcome>()->panel()->isDone(Step::Train));
    QSettings().remove("welcome");
}

TEST(Welcome, FirstStartOpensTheDemoAndTheStepsAct) {
    QSettings().remove("dataset/last");
    QSettings().remove("welcome");
    MainWindow w;
    w.show();
    bool ready = false;
    QObject::connect(&w, &MainWindow::datasetReady, [&] { ready = true; });
    w.openInitial({});  // no path named, nothing opened before: the bundled demo
    ASSERT_FALSE(demoDataPath().empty());
    ASSERT_TRUE(uitest::waitFor([&] { return ready; }));
    EXPECT_EQ(QFileInfo(QString::fromStdString(w.datasetModel()->dataset()->root)).canonicalFilePath(),
              QFileInfo(QString::fromStdString(demoDataPath())).canonicalFilePath());
    WelcomePanel* panel = w.module<StudioWelcome>()->panel();
    EXPECT_TRUE(panel->isDone(Step::OpenData));
    EXPECT_FALSE(panel->isDone(Step::Export));

    // Steps that open a file dialog: the button triggers the studio's own action (the dialog itself is not
    // opened here: the action's usual connection is taken away for the test).
    StudioActions* a = w.actions();
    for (auto [step, action] : {std::pair{Step::OpenData, a->openFolder}, std::pair{Step::Export, a->exportMidi}}) {
        QObject::disconnect(action, &QAction::triggered, nullptr, nullptr);
        QSignalSpy triggered(action, &QAction::triggered);
        panel->stepButton(step)->click();
        EXPECT_EQ(triggered.count(), 1) << "step " << static_cast<int>(step) + 1;
    }
#ifdef NF_HAVE_AUDIO
    QObject::disconnect(a->play, &QAction::triggered, nullptr, nullptr);
    QSignalSpy play(a->play, &QAction::triggered);
    panel->stepButton(Step::Listen)->click();
    EXPECT_EQ(play.count(), 1);
#else
    EXPECT_FALSE(panel->stepButton(Step::Listen)->isEnabled());  // says why instead
#endif

    // Exporting ticks the last step.
    QTemporaryDir dir;
    emit w.context()->exported(dir.filePath("x.mid"));
    EXPECT_TRUE(panel->isDone(Step::Export));
    EXPECT_TRUE(panel->stepButton(Step::Export)->text().contains(QChar(0x2713)));

    // "Open the Demo Tunes" opens the demo again after another folder.
    const QString other = QFileInfo(uitest::demoDir() + "/midi/pianobooster").absoluteFilePath();
    ready = false;
    w.openPath(other);
    ASSERT_TRUE(uitest::waitFor([&] { return ready; }));
    ready = false;
    panel->demoButton()->click();
    ASSERT_TRUE(uitest::waitFor([&] { return ready; }));
    EXPECT_NE(QString::fromStdString(w.datasetModel()->dataset()->root), other);
}

#ifdef NF_TEST_HAVE_TRAINING
TEST(Welcome, TrainStepStartsTrainingInTheTrainingPanel) {
    MainWindow w;
    w.show();
    bool ready = false;
    QObject::connect(&w, &MainWindow::datasetReady, [&] { ready = true; });
    w.openInitial(uitest::demoDir() + "/midi/pianobooster");
    ASSERT_TRUE(uitest::waitFor([&] { return ready; }));
    TrainingConfig c = TrainingConfig::forModel(ModelKind::Lstm);
    c.epochs = 1;
    c.model.hiddenSize = 16;
    c.model.layers = 1;
    c.model.embedDim = 8;
    c.seqLength = 16;
    w.module<StudioTraining>()->panel()->form()->setConfig(c);
    w.module<StudioTraining>()->panel()->startFrom()->chooseNothing();
    bool finished = false;
    QObject::connect(w.module<StudioTraining>()->controller(), &TrainingController::finished, [&] { finished = true; });
    w.module<StudioWelcome>()->panel()->stepButton(Step::Train)->click();
    EXPECT_TRUE(w.module<StudioTraining>()->controller()->isRunning());
    EXPECT_TRUE(w.module<StudioTraining>()->dock()->isVisible());
    ASSERT_TRUE(uitest::waitFor([&] { return finished; }, 240000)) << "training did not finish";
    EXPECT_TRUE(w.module<StudioWelcome>()->panel()->isDone(Step::Train));
    // The settings of that training are what the next session's Training panel starts with.
    MainWindow next;
    EXPECT_EQ(next.module<StudioTraining>()->panel()->form()->config().model.hiddenSize, 16);
    EXPECT_EQ(next.module<StudioTraining>()->panel()->form()->config().epochs, 1);
}

// Generate before any model exists (a first start) must end in a clear message, not a hang; with a model (the
// one trained above, when this runs after it) it generates and ticks the step.
TEST(Welcome, GenerateStepEndsWithPiecesOrAClearMessage) {
    QSettings().remove("welcome");  // no tick left by an earlier test's generation
    MainWindow w;
    w.show();
    bool ready = false;
    QObject::connect(&w, &MainWindow::datasetReady, [&] { ready = true; });
    w.openInitial(uitest::demoDir() + "/midi/pianobooster");
    ASSERT_TRUE(uitest::waitFor([&] { return ready; }));
    bool finished = false;
    QString failure;
    QObject::connect(w.module<StudioGeneration>()->controller(), &GenerationController::finished, [&] { finished = true; });
    QObject::connect(w.module<StudioGeneration>()->controller(), &GenerationController::failed,
                     [&](const QString& why) { failure = why.isEmpty() ? "(empty)" : why; });
    w.module<StudioGeneration>()->panel()->lengthBox()->setValue(32);
    w.module<StudioGeneration>()->panel()->variationsBox()->setValue(1);
    w.module<StudioWelcome>()->panel()->stepButton(Step::Generate)->click();
    EXPECT_TRUE(w.module<StudioGeneration>()->dock()->isVisible());
    ASSERT_TRUE(uitest::waitFor([&] { return finished || !failure.isEmpty(); }, 240000));
    if (finished) {
        EXPECT_TRUE(w.module<StudioWelcome>()->panel()->isDone(Step::Generate));
    } else {
        EXPECT_NE(failure, "(empty)");
        EXPECT_FALSE(w.module<StudioWelcome>()->panel()->isDone(Step::Generate));
    }
}
#endif

// An export made the way a musician makes it (File > Export MIDI, the file dialog answered) reaches every part
// through StudioContext::exported: the guide ticks its last step.
TEST(Welcome, AnExportThroughTheFileDialogTicksTheLastStep) {
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.document()->setScore(uitest::demoScore("midi/abc2midi-nottingham/jigs100.mid"), "jigs100");
    WelcomePanel* panel = w.module<StudioWelcome>()->panel();
    ASSERT_FALSE(panel->isDone(Step::Export));
    QTemporaryDir dir;
    const QString path = dir.filePath("exported.mid");
    bool answered = false;
    uitest::answerNextFileDialog(path, &answered);
    w.files()->exportMidi(false);
    EXPECT_TRUE(answered);
    EXPECT_TRUE(QFileInfo::exists(path));
    EXPECT_TRUE(panel->isDone(Step::Export));
}

}  // namespace nf
