// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/StudioGeneration.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QUndoStack>

#include "controllers/LogHub.h"
#include "document/ScoreDocument.h"
#include "editing/TrackMerge.h"
#include "generation/GenerationController.h"
#include "generation/GeneratedPieceView.h"
#include "generation/GenerationPanel.h"
#include "generation/NoteAlternativesMenu.h"
#include "models/DatasetTableModel.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"
#include "studio/StudioContext.h"
#include "studio/StudioFiles.h"
#include "studio/StudioShell.h"

namespace nf {

NF_STUDIO_MODULE(StudioGeneration, 30)

namespace {
// The selected notes as a phrase for the model to continue, moved to start at the bar of its first note.
Score selectionPhrase(const ScoreDocument* doc) {
    Score phrase = doc->score();
    Tick first = -1;
    for (Track& t : phrase.tracks) {
        std::erase_if(t.notes, [doc](const Note& n) { return !doc->isSelected(n.id); });
        for (const Note& n : t.notes) first = first < 0 ? n.start : std::min(first, n.start);
    }
    std::erase_if(phrase.tracks, [](const Track& t) { return t.notes.empty(); });
    if (first <= 0) return phrase;
    const Tick bar = phrase.ticksPerBar(first);
    const Tick shift = first - first % std::max<Tick>(1, bar);
    for (Track& t : phrase.tracks) {
        for (Note& n : t.notes) n.start -= shift;
        t.controls.clear();
    }
    return phrase;
}
}  // namespace

StudioGeneration::StudioGeneration(StudioContext& context, QObject* window)
    : StudioModule(context, window), controller_(new GenerationController(this)) {
    DatasetTableModel* model = context.dataset();
    ScoreDocument* doc = context.document();
    StudioShell& shell = context.shell();
    GenerationPanel::Context panelContext;
    panelContext.dataset = [model] { return model->dataset(); };
    panelContext.selection = [doc] { return selectionPhrase(doc); };
    panel_ = new GenerationPanel(controller_, panelContext, shell.mainWindow());
    dock_ = shell.addPanel(tr("Generation"), "generationDock", panel_);

    connect(&context, &StudioContext::modelAvailable, panel_, &GenerationPanel::addModel);
    connect(panel_, &GenerationPanel::modelChanged, &context, &StudioContext::setGenerationModel);
    context.setGenerationModel(panel_->modelPath());
    connect(controller_, &GenerationController::finished, &context, &StudioContext::piecesGenerated);
    connect(&context, &StudioContext::generationRequested, this, [this] {
        dock_->show();
        dock_->raise();
        panel_->startGeneration();
    });
    connect(panel_, &GenerationPanel::openResult, this, [this](const GenerationResult& r, int index) {
        if (this->context().files()->confirmDiscardEdits()) open(r, index);
    });
    // A finished run opens its first piece, unless that would replace edits: then the results just wait in the list.
    connect(panel_, &GenerationPanel::generated, this, [this](int first, int count) {
        const GenerationResult& r = panel_->results()[static_cast<std::size_t>(first)];
        this->context().log()->info(tr("Generated %n piece(s) as results %1 to %2 (%3)", nullptr, count)
                                 .arg(first + 1)
                                 .arg(first + count)
                                 .arg(QString::fromStdString(r.piece.recipe.settings.sampling.describe())));
        if (this->context().document()->undoStack()->isClean()) return open(r, first);
        this->context().shell().showStatus(tr("Generated %n piece(s); the piece in the editor has unsaved edits, so "
                                             "double-click a result to open it",
                                             nullptr, count),
                                          10000);
    });
    context.files()->setUnsavedGeneratedHook([panel = panel_] { return panel->unsavedCount(); });
    connect(context.files(), &StudioFiles::projectSaved, panel_, &GenerationPanel::markSaved);
    connect(panel_, &GenerationPanel::mergeResult, this, [this](const GenerationResult& r, int index) {
        ScoreDocument* d = this->context().document();
        if (d->isEmpty()) return open(r, index);
        d->pushScoreSnapshot(tr("Add generated tracks"), mergeTracks(d->score(), r.piece.score));
        this->context().log()->info(tr("Added %n track(s) of generated piece %1 to %2", nullptr,
                                static_cast<int>(r.piece.score.tracks.size()))
                                 .arg(index + 1)
                                 .arg(d->name()));
    });
    GenerationPanel* panel = panel_;
    context.files()->setGeneratedHooks(
        [panel] {
            std::vector<ProjectPiece> pieces;
            int k = 0;
            for (const GenerationResult& r : panel->results())
                pieces.push_back({tr("Generated %1 (seed %2)").arg(++k).arg(r.piece.recipe.settings.sampling.seed),
                                  QString::fromStdString(r.piece.recipe.toText()), r.piece.score,
                                  insightsOf(r.piece.confidence), r.evaluation});
            return pieces;
        },
        [panel](const std::vector<ProjectPiece>& pieces) {
            std::vector<GenerationResult> results;
            for (const ProjectPiece& p : pieces) {
                GenerationResult r;
                r.piece.score = p.score;
                r.piece.confidence = confidenceOf(p.insights);
                r.evaluation = p.evaluation;
                try {
                    if (auto recipe = GenerationRecipe::fromText(p.recipe.toStdString())) r.piece.recipe = *recipe;
                } catch (const std::exception&) {
                    // A damaged recipe still leaves the music; the result just cannot be regenerated.
                }
                results.push_back(std::move(r));
            }
            panel->showResults(std::move(results));
        });
    connect(panel_, &GenerationPanel::recordRequested, &context, &StudioContext::phraseRecordingRequested);
    connect(panel_, &GenerationPanel::status, this, [&shell](const QString& text) { shell.showStatus(text, 6000); });
    connect(controller_, &GenerationController::failed, context.log(), &LogHub::error);
    connect(context.pianoRoll()->canvas(), &PianoRollCanvas::noteContextRequested, this,
            [doc, &shell](NoteId id, const QPoint& at) { NoteAlternativesMenu::show(doc, id, at, shell.mainWindow()); });
}

void StudioGeneration::open(const GenerationResult& result, int index) {
    const QString name = tr("Generated %1 (seed %2)").arg(index + 1).arg(result.piece.recipe.settings.sampling.seed);
    showGeneratedPiece(context().document(), result, name);
    context().log()->info(tr("Opened %1: %2 notes").arg(name).arg(result.piece.score.noteCount()));
}

}  // namespace nf
