// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/StudioGeneration.h"

#include <QDockWidget>
#include <QListWidget>
#include <QStatusBar>
#include <QUndoStack>

#include "MainWindow.h"
#include "StudioFiles.h"
#include "controllers/LogHub.h"
#include "controllers/ScoreDocument.h"
#include "editing/TrackMerge.h"
#include "generation/GenerationController.h"
#include "generation/GeneratedPieceView.h"
#include "generation/GenerationPanel.h"
#include "generation/NoteAlternativesMenu.h"
#include "models/DatasetTableModel.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"
#include "training/StudioTraining.h"
#include "training/TrainingPanel.h"
#include "widgets/MessageBar.h"
#ifdef NF_HAVE_AUDIO
#include "sound/MidiRecordController.h"
#include "sound/PlaybackController.h"
#include "sound/StudioSound.h"
#endif

namespace nf {

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

StudioGeneration::StudioGeneration(MainWindow* window)
    : QObject(window), window_(window), controller_(new GenerationController(this)) {
    DatasetTableModel* model = window->datasetModel();
    ScoreDocument* doc = window->document();
    GenerationPanel::Context context;
    context.dataset = [model] { return model->dataset(); };
    context.selection = [doc] { return selectionPhrase(doc); };
    panel_ = new GenerationPanel(controller_, context, window);
    dock_ = window->addPanel(tr("Generation"), "generationDock", panel_);

    if (StudioTraining* training = window->training()) {
        TrainingPanel* tp = training->panel();
        for (int i = tp->models()->count() - 1; i >= 0; --i)
            panel_->addModel(tp->models()->item(i)->data(Qt::UserRole).toString());
        connect(tp, &TrainingPanel::modelChosen, panel_, &GenerationPanel::addModel);
    }
    connect(panel_, &GenerationPanel::openResult, this, [this](const GenerationResult& r, int index) {
        if (window_->files()->confirmDiscardEdits()) open(r, index);
    });
    // A finished run opens its first piece, unless that would replace edits: then the results just wait in the list.
    connect(panel_, &GenerationPanel::generated, this, [this](int first, int count) {
        const GenerationResult& r = panel_->results()[static_cast<std::size_t>(first)];
        window_->log()->info(tr("Generated %n piece(s) as results %1 to %2 (%3)", nullptr, count)
                                 .arg(first + 1)
                                 .arg(first + count)
                                 .arg(QString::fromStdString(r.piece.recipe.settings.sampling.describe())));
        if (window_->document()->undoStack()->isClean()) return open(r, first);
        window_->statusBar()->showMessage(tr("Generated %n piece(s); the piece in the editor has unsaved edits, so "
                                             "double-click a result to open it",
                                             nullptr, count),
                                          10000);
    });
    window->files()->setUnsavedGeneratedHook([panel = panel_] { return panel->unsavedCount(); });
    connect(window->files(), &StudioFiles::projectSaved, panel_, &GenerationPanel::markSaved);
    connect(panel_, &GenerationPanel::mergeResult, this, [this](const GenerationResult& r, int index) {
        ScoreDocument* d = window_->document();
        if (d->isEmpty()) return open(r, index);
        d->pushScoreSnapshot(tr("Add generated tracks"), mergeTracks(d->score(), r.piece.score));
        window_->log()->info(tr("Added %n track(s) of generated piece %1 to %2", nullptr,
                                static_cast<int>(r.piece.score.tracks.size()))
                                 .arg(index + 1)
                                 .arg(d->name()));
    });
    GenerationPanel* panel = panel_;
    window->files()->setGeneratedHooks(
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
    connect(panel_, &GenerationPanel::recordRequested, this, &StudioGeneration::record);
    connect(panel_, &GenerationPanel::status, window,
            [window](const QString& text) { window->statusBar()->showMessage(text, 6000); });
    connect(controller_, &GenerationController::failed, window->log(), &LogHub::error);
    connect(window->pianoRoll()->canvas(), &PianoRollCanvas::noteContextRequested, this,
            [this](NoteId id, const QPoint& at) { NoteAlternativesMenu::show(window_->document(), id, at, window_); });
}

void StudioGeneration::record() {
#ifdef NF_HAVE_AUDIO
    if (!window_->files()->confirmDiscardEdits()) return;  // the phrase replaces the piece in the editor
    auto* recorder = findChild<MidiRecordController*>();
    if (!recorder) {
        recorder = new MidiRecordController(this);
        if (StudioSound* sound = window_->sound())
            recorder->setMonitor([playback = sound->playback()](int pitch, int velocity) {
                velocity > 0 ? playback->auditionOn(pitch, velocity) : playback->auditionOff(pitch);
            });
    }
    QString port;
    try {
        port = recorder->start();
    } catch (const std::exception& e) {
        window_->log()->error(tr("Cannot record: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    window_->messageBar()->showQuestion(
        tr("Recording from %1: play your phrase, then Stop.").arg(port), tr("Stop"), tr("Cancel"),
        [this, recorder](bool keep) {
            if (!keep) return recorder->cancel();
            const ScoreDocument* doc = window_->document();
            const double bpm = doc->isEmpty() ? 120.0 : 60e6 / doc->score().tempoMap().microsPerQuarterAt(0);
            const Score phrase = recorder->stop(bpm);
            if (phrase.noteCount() == 0) return window_->log()->warning(tr("Nothing was played: no phrase recorded"));
            window_->document()->setScore(phrase, tr("Recorded phrase"));
            window_->document()->selectAll();
            window_->log()->info(tr("Recorded %n note(s); Generate continues them", nullptr,
                                    static_cast<int>(phrase.noteCount())));
        });
#else
    window_->log()->error(tr("This NoteForge was built without MIDI input (NF_WITH_AUDIO=OFF)"));
#endif
}

void StudioGeneration::open(const GenerationResult& result, int index) {
    const QString name = tr("Generated %1 (seed %2)").arg(index + 1).arg(result.piece.recipe.settings.sampling.seed);
    showGeneratedPiece(window_->document(), result, name);
    window_->log()->info(tr("Opened %1: %2 notes").arg(name).arg(result.piece.score.noteCount()));
}

}  // namespace nf
