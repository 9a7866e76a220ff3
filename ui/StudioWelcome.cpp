// SPDX-License-Identifier: GPL-3.0-or-later
#include "StudioWelcome.h"

#include <QAction>
#include <QCommandLinkButton>
#include <QDockWidget>
#include <QFileInfo>
#include <QPushButton>
#include <QSettings>

#include "MainWindow.h"
#include "StudioActions.h"
#include "StudioFiles.h"
#include "dataset/DemoData.h"
#include "widgets/WelcomePanel.h"
#ifdef NF_HAVE_AUDIO
#include "sound/AudioExporter.h"
#include "sound/PlaybackController.h"
#include "sound/StudioSound.h"
#endif
#include "generation/GenerationController.h"
#include "generation/GenerationPanel.h"
#include "generation/StudioGeneration.h"
#include "training/StudioTraining.h"
#include "training/TrainingController.h"
#include "training/TrainingModule.h"
#include "training/TrainingPanel.h"

namespace nf {

namespace {
const char* kDismissedKey = "welcome/dismissed";
const char* kDoneKey = "welcome/done";  // the ticked steps, by number
}

StudioWelcome::StudioWelcome(MainWindow* window)
    : QObject(window), window_(window), panel_(new WelcomePanel(window)), dock_(new QDockWidget(tr("Welcome"), window)) {
    dock_->setObjectName("welcomeDock");
    dock_->setWidget(panel_);
    // Closed with its own button, which remembers the choice; the title-bar cross would not.
    dock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock_->toggleViewAction()->setStatusTip(tr("Show or hide the Welcome guide"));
    window->addDockWidget(Qt::TopDockWidgetArea, dock_);
    connect(window->actions()->welcome, &QAction::triggered, this, &StudioWelcome::open);
    connect(panel_, &WelcomePanel::closeRequested, this, &StudioWelcome::dismiss);
    connectSteps();
    connectTicks();
}

void StudioWelcome::showIfFirstRun() { dock_->setVisible(!QSettings().value(kDismissedKey, false).toBool()); }

void StudioWelcome::open() {
    QSettings().setValue(kDismissedKey, false);
    dock_->show();
    dock_->raise();
}

void StudioWelcome::dismiss() {
    QSettings().setValue(kDismissedKey, true);
    dock_->hide();
}

void StudioWelcome::connectSteps() {
    using Step = WelcomePanel::Step;
    StudioActions* a = window_->actions();
    connect(panel_, &WelcomePanel::demoRequested, window_, [this] {
        const QString demo = QString::fromStdString(demoDataPath());
        if (!demo.isEmpty()) window_->openPath(demo);
    });
    if (demoDataPath().empty()) panel_->demoButton()->setEnabled(false);
    connect(panel_, &WelcomePanel::exportAudioRequested, a->exportAudio, &QAction::trigger);
    connect(panel_, &WelcomePanel::stepRequested, this, [this, a](Step step) {
        switch (step) {
            case Step::OpenData: return a->openFolder->trigger();
            case Step::Listen: return a->play->trigger();
            case Step::Export: return a->exportMidi->trigger();
            case Step::Train:
                window_->training()->dock()->show();
                window_->training()->dock()->raise();
                window_->training()->panel()->startTraining();
                return;
            case Step::Generate:
                window_->generation()->dock()->show();
                window_->generation()->dock()->raise();
                window_->generation()->panel()->startGeneration();
                return;
        }
    });
    if (TrainingModule::locate().empty())
        panel_->setUnavailable(Step::Train, tr("Training needs the noteforge-training package (not installed); "
                                               "open a model trained elsewhere to generate"));
#ifndef NF_HAVE_AUDIO
    panel_->setUnavailable(Step::Listen, tr("This NoteForge was built without sound"));
    panel_->exportAudioButton()->setEnabled(false);
#endif
}

void StudioWelcome::tick(int step) {
    panel_->setDone(static_cast<WelcomePanel::Step>(step));
    QVariantList done = QSettings().value(kDoneKey).toList();
    if (!done.contains(step)) QSettings().setValue(kDoneKey, done << step);
}

void StudioWelcome::connectTicks() {
    using Step = WelcomePanel::Step;
    for (const QVariant& step : QSettings().value(kDoneKey).toList())
        if (step.toInt() >= 0 && step.toInt() < WelcomePanel::kStepCount) panel_->setDone(static_cast<Step>(step.toInt()));
    connect(window_, &MainWindow::datasetReady, panel_, [this] { tick(int(Step::OpenData)); });
    connect(window_->files(), &StudioFiles::exported, panel_, [this] { tick(int(Step::Export)); });
    connect(window_->training()->controller(), &TrainingController::finished, panel_,
            [this] { tick(int(Step::Train)); });
    connect(window_->generation()->controller(), &GenerationController::finished, panel_,
            [this] { tick(int(Step::Generate)); });
#ifdef NF_HAVE_AUDIO
    connect(window_->sound()->playback(), &PlaybackController::playingChanged, panel_, [this](bool playing) {
        if (playing) tick(int(Step::Listen));
    });
    connect(window_->sound()->exporter(), &AudioExporter::finished, panel_, [this](const QString&, bool ok) {
        if (ok) tick(int(Step::Export));
    });
    connect(window_->sound(), &StudioSound::soundfontFound, panel_, [this](const QString& path, const QString& why) {
        panel_->setSoundNote(path.isEmpty() ? tr("Sound: no soundfont found; choose one in Transport > Soundfont.")
                                            : tr("Sound: %1 (%2). Transport > Output plays to a MIDI port instead.")
                                                  .arg(QFileInfo(path).fileName(), why));
    });
#endif
}

}  // namespace nf
