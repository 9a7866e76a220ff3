// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScreenshotScript.h"
#include "ExportScreenshot.h"
#include "SteeringScreenshot.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QTemporaryDir>
#include <QSpinBox>
#include <QTimer>

#include <cstdio>
#include <memory>

#include "MainWindow.h"
#include "dataset/BaseModels.h"
#include "studio/StudioActions.h"
#include "welcome/StudioWelcome.h"
#include "document/ScoreDocument.h"
#include "pianoroll/PianoRollView.h"
#include "generation/GenerationController.h"
#include "generation/GenerationPanel.h"
#include "generation/StudioGeneration.h"
#include "training/BaseModelChoice.h"
#include "training/HyperparameterForm.h"
#include "training/StudioTraining.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"

namespace nf {

void saveScreenshot(MainWindow& w, const QString& file) {
    QTimer::singleShot(700, &w, [&w, file] {
        const bool ok = w.grab().save(file);
        std::fprintf(ok ? stdout : stderr, "%s %s\n", ok ? "screenshot saved:" : "noteforge: cannot write", qPrintable(file));
        QApplication::exit(ok ? 0 : 1);
    });
}

namespace {

void selectBars(MainWindow& w, int fromBar, int toBar) {
    const Score& score = w.document()->score();
    const int t = w.document()->activeTrack();
    std::set<NoteId> ids;
    if (t >= 0 && t < static_cast<int>(score.tracks.size()))
        for (const Note& n : score.tracks[static_cast<std::size_t>(t)].notes)
            if (n.start >= fromBar * score.ticksPerBar(0) && n.start < toBar * score.ticksPerBar(0)) ids.insert(n.id);
    w.document()->setSelection(ids);
}

void train(MainWindow& w, const ScreenshotRequest& r, const std::function<void()>& then) {
    TrainingPanel* panel = w.module<StudioTraining>()->panel();
    TrainingConfig c = TrainingConfig::forModel(ModelKind::Lstm);
    c.epochs = r.epochs;
    c.model.hiddenSize = 96;
    c.model.layers = 2;
    c.model.embedDim = 32;
    c.seqLength = 64;
    c.metricsEverySteps = 5;
    // Steering needs the bar-structured representation (the Compose menu's models).
    if (r.state == "steering" || r.state == "addpart" || r.state == "generation-bars") c.tokenizer.kind = TokenizerKind::Remi;
    if (r.state == "training-gan") {  // the paper's drum GAN on the demo's drum parts: its two losses
        panel->form()->applyPreset(HyperparameterForm::presetNames().indexOf("Paper: drum LSTM-GAN"));
        panel->startFrom()->chooseNothing();  // as choosing a preset in the box does
        c = panel->form()->config();
        c.epochs = r.epochs;
        c.metricsEverySteps = 1;
    }
    panel->form()->setConfig(c);
    w.module<StudioTraining>()->dock()->raise();
    // Dragged taller, as one would to watch the charts: the default layout keeps the bottom tabs short.
    w.resizeDocks({w.module<StudioTraining>()->dock()}, {w.height() * 40 / 100}, Qt::Vertical);
    QObject::connect(w.module<StudioTraining>()->controller(), &TrainingController::finished, &w, [then](const TrainingResult&) { then(); });
    QObject::connect(w.module<StudioTraining>()->controller(), &TrainingController::failed, &w, [](const QString& why) {
        std::fprintf(stderr, "noteforge: training failed: %s\n", qPrintable(why));
        QApplication::exit(1);
    });
    panel->startTraining();
}

}  // namespace

bool armScreenshot(MainWindow& w, const ScreenshotRequest& r) {
    const QStringList states = {"welcome",  "dataset",  "edit",    "training",       "generation",
                                "export",   "steering", "addpart", "generation-bars", "training-gan"};
    if (!states.contains(r.state)) return false;
    QObject::connect(&w, &MainWindow::datasetReady, &w, [&w, r] {
        if (r.piece > 0) w.showPiece(r.piece);
        // The guide is what a first start shows; the other pictures are of a studio in use.
        if (r.state == "welcome") {
            w.module<StudioWelcome>()->open();
            return saveScreenshot(w, r.file);
        }
        w.module<StudioWelcome>()->dock()->hide();
        if (r.state == "dataset") return saveScreenshot(w, r.file);
        if (r.state == "export") return exportInProgress(w, r.file);
        if (r.state == "edit") {
            // The editor as large as the window allows: the bottom panels out of the way.
            for (QDockWidget* dock : w.findChildren<QDockWidget*>())
                if (w.dockWidgetArea(dock) == Qt::BottomDockWidgetArea) dock->hide();
            QTimer::singleShot(100, w.pianoRoll(), &PianoRollView::zoomToFit);  // once the editor has its new size
            w.pianoRoll()->setTool(PianoRollView::ToolKind::Draw);
            selectBars(w, 1, 3);
            w.actions()->loop->setChecked(true);
            w.pianoRoll()->setPlayhead(w.document()->score().ticksPerBar(0) * 2);
            return saveScreenshot(w, r.file);
        }
        if (r.state == "training" || r.state == "training-gan") return train(w, r, [&w, r] { saveScreenshot(w, r.file); });
        // Steering with a base model, as a first-time user steers: folk rewrites the jig's bars; multitrack, which
        // heard drums, adds them (folk never did). Without base models a short training gives a remi model.
        if (r.state == "steering" || r.state == "addpart") {
            const std::string base = resolveBaseModel(r.state == "addpart" ? "multitrack" : "folk");
            if (base.empty()) return train(w, r, [&w, r] { steeringScreenshot(w, r.state, r.file); });
            w.module<StudioGeneration>()->panel()->addModel(QString::fromStdString(base));
            return steeringScreenshot(w, r.state, r.file);
        }
        train(w, r, [&w, r] {
            GenerationPanel* g = w.module<StudioGeneration>()->panel();
            g->lengthBox()->setValue(400);
            g->barsBox()->setValue(8);
            g->variationsBox()->setValue(3);
            w.module<StudioGeneration>()->dock()->raise();
            // Dragged taller, as one would to see the whole form and the results.
            w.resizeDocks({w.module<StudioGeneration>()->dock()}, {w.height() * 40 / 100}, Qt::Vertical);
            QObject::connect(w.module<StudioGeneration>()->controller(), &GenerationController::finished, &w,
                             [&w, r](const std::vector<GenerationResult>&) { saveScreenshot(w, r.file); });
            // A remi model is asked for bars: generate once the panel knows which kind the new model is.
            if (r.state == "generation-bars" && !g->barStructured())
                QObject::connect(g, &GenerationPanel::barStructureKnown, g, [g] { g->startGeneration(); },
                                 Qt::SingleShotConnection);
            else
                g->startGeneration();
        });
    }, Qt::SingleShotConnection);
    // Never hang a script: after this long, take whatever is there.
    QTimer::singleShot(600'000, &w, [&w, r] { saveScreenshot(w, r.file); });
    return true;
}

}  // namespace nf
