// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcome/StudioWelcome.h"

#include <QAction>
#include <QCommandLinkButton>
#include <QDockWidget>
#include <QFileInfo>
#include <QPushButton>
#include <QResizeEvent>
#include <QSettings>
#include <QTimer>

#include <QMainWindow>

#include "dataset/DemoData.h"
#include "studio/StudioActions.h"
#include "studio/StudioContext.h"
#include "studio/StudioFiles.h"
#include "studio/StudioShell.h"
#include "training/TrainingModule.h"
#include "widgets/WelcomePanel.h"

namespace nf {

namespace {
const char* kDismissedKey = "welcome/dismissed";
const char* kDoneKey = "welcome/done";  // the ticked steps, by number
}

NF_STUDIO_MODULE(StudioWelcome, 90)

StudioWelcome::StudioWelcome(StudioContext& context, QObject* window)
    : StudioModule(context, window),
      panel_(new WelcomePanel(context.shell().mainWindow())),
      dock_(new QDockWidget(tr("Welcome"), context.shell().mainWindow())) {
    dock_->setObjectName("welcomeDock");
    dock_->setWidget(panel_);
    // Closed with its own button, which remembers the choice; the title-bar cross would not.
    dock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock_->toggleViewAction()->setStatusTip(tr("Show or hide the Welcome guide"));
    context.shell().mainWindow()->addDockWidget(Qt::TopDockWidgetArea, dock_);
    connect(context.actions()->welcome, &QAction::triggered, this, &StudioWelcome::open);
    connect(panel_, &WelcomePanel::closeRequested, this, &StudioWelcome::dismiss);
    connectSteps();
    connectTicks();
    context.shell().mainWindow()->installEventFilter(this);
}

bool StudioWelcome::eventFilter(QObject* watched, QEvent* event) {
    QMainWindow* window = context().shell().mainWindow();
    if (event->type() == QEvent::Resize && watched == window) {
        const bool compact = static_cast<QResizeEvent*>(event)->size().height() < kCompactBelowHeight;
        if (compact != panel_->isCompact()) {
            panel_->setCompact(compact);
            // Back to the full guide: the main window would keep the dock at the compact height it had.
            if (!compact)
                QTimer::singleShot(0, this, [this, window] {
                    window->resizeDocks({dock_}, {dock_->sizeHint().height()}, Qt::Vertical);
                });
        }
    }
    return StudioModule::eventFilter(watched, event);
}

void StudioWelcome::layoutRestored() { dock_->setVisible(!QSettings().value(kDismissedKey, false).toBool()); }

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
    StudioContext& ctx = context();
    StudioActions* a = ctx.actions();
    connect(panel_, &WelcomePanel::demoRequested, this, [&ctx] {
        const QString demo = QString::fromStdString(demoDataPath());
        if (!demo.isEmpty()) ctx.shell().openPath(demo);
    });
    if (demoDataPath().empty()) panel_->demoButton()->setEnabled(false);
    connect(panel_, &WelcomePanel::exportAudioRequested, a->exportAudio, &QAction::trigger);
    connect(panel_, &WelcomePanel::stepRequested, this, [&ctx, a](Step step) {
        switch (step) {
            case Step::OpenData: return a->openFolder->trigger();
            case Step::Listen: return a->play->trigger();
            case Step::Export: return a->exportMidi->trigger();
            case Step::Train: return emit ctx.trainingRequested();
            case Step::Generate: return emit ctx.generationRequested();
        }
    });
    if (TrainingModule::locate().empty())
        panel_->setUnavailable(Step::Train, tr("Needs noteforge-training"),
                               tr("Training needs the noteforge-training package (not installed); "
                                  "open a model trained elsewhere to generate"));
    // The sound side (or its stand-in in a build without audio) came first and greyed out Play, saying why.
    if (!a->play->isEnabled()) {
        panel_->setUnavailable(Step::Listen, tr("Not in this build"), a->play->toolTip());
        panel_->exportAudioButton()->setEnabled(false);
    }
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
    StudioContext& ctx = context();
    connect(&ctx, &StudioContext::datasetReady, panel_, [this] { tick(int(Step::OpenData)); });
    connect(&ctx, &StudioContext::exported, panel_, [this] { tick(int(Step::Export)); });
    connect(&ctx, &StudioContext::trainingFinished, panel_, [this] { tick(int(Step::Train)); });
    connect(&ctx, &StudioContext::piecesGenerated, panel_, [this] { tick(int(Step::Generate)); });
    connect(&ctx, &StudioContext::playbackStarted, panel_, [this] { tick(int(Step::Listen)); });
    connect(&ctx, &StudioContext::soundfontFound, panel_, [this](const QString& path, const QString& why) {
        panel_->setSoundNote(path.isEmpty() ? tr("Sound: no soundfont found; choose one in Transport > Soundfont.")
                                            : tr("Sound: %1 (%2). Transport > Output plays to a MIDI port instead.")
                                                  .arg(QFileInfo(path).fileName(), why));
    });
}

}  // namespace nf
