// SPDX-License-Identifier: GPL-3.0-or-later
#include "steering/StudioSteering.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>

#include <algorithm>
#include <set>

#include "controllers/LogHub.h"
#include "document/ScoreDocument.h"
#include "evaluation/ContextFit.h"
#include "generation/SpanControls.h"
#include "music/BarGrid.h"
#include "music/PitchNames.h"
#include "pianoroll/PianoRollView.h"
#include "project/ProjectFile.h"
#include "music/NoteIdentity.h"
#include "steering/CandidateEdit.h"
#include "steering/SteeringController.h"
#include "steering/SteeringForm.h"
#include "steering/SteeringStrip.h"
#include "steering/UnheardPart.h"
#include "studio/StudioActions.h"
#include "studio/StudioContext.h"
#include "studio/StudioFiles.h"
#include "studio/StudioShell.h"

namespace nf {

NF_STUDIO_MODULE(StudioSteering, 35)

namespace {

QString trackName(const Score& score, std::size_t index) {
    const Track& t = score.tracks[index];
    if (!t.name.empty()) return QString::fromStdString(t.name);
    return t.isDrum ? StudioSteering::tr("Drums") : QString::fromUtf8(gmProgramName(t.program));
}

}  // namespace

StudioSteering::StudioSteering(StudioContext& context, QObject* window)
    : StudioModule(context, window), controller_(new SteeringController(this)), strip_(new SteeringStrip) {
    PianoRollView* roll = context.pianoRoll();
    roll->addStrip(strip_);
    strip_->hide();
    StudioActions* a = context.actions();
    connect(a->regenerateSelection, &QAction::triggered, this, &StudioSteering::openRegenerate);
    connect(a->addPart, &QAction::triggered, this, &StudioSteering::openAddPart);
    connect(a->continuePiece, &QAction::triggered, this, &StudioSteering::openContinue);
    connect(strip_, &SteeringStrip::generateRequested, this, &StudioSteering::generate);
    connect(strip_, &SteeringStrip::moreRequested, this, &StudioSteering::generateMore);
    connect(strip_, &SteeringStrip::cancelRequested, controller_, &SteeringController::cancel);
    connect(strip_, &SteeringStrip::candidateChosen, this, &StudioSteering::choose);
    connect(strip_, &SteeringStrip::keepRequested, this, &StudioSteering::keep);
    connect(strip_, &SteeringStrip::discardRequested, this, &StudioSteering::close);
    connect(strip_, &SteeringStrip::drumModelWanted, this, &StudioSteering::chooseDrumModel);
    const QString drumModel = QSettings().value(kDrumModelKey).toString();
    if (QFileInfo::exists(drumModel)) strip_->setDrumModelPath(drumModel);
    connect(strip_, &SteeringStrip::tracksChanged, this, [this] {  // ticked in the strip's Tracks menu
        job_.tracks = strip_->tickedTracks();
        title_ = titleFor(job_);
        strip_->begin(job_.kind, title_);
        const auto bars = barLines(job_.base, job_.spanEnd + 1);
        const int count = static_cast<int>(barIndexAt(bars, job_.spanEnd - 1) - barIndexAt(bars, job_.spanStart)) + 1;
        strip_->form()->setMeasured(measureSpan(job_.base, job_.spanStart, job_.spanEnd, count, job_.tracks));
    });
    connect(strip_->form(), &SteeringForm::scaleLockChanged, roll, &PianoRollView::setScaleHighlight);
    // The range is set by dragging over the keyboard as well as in its boxes; the keyboard shows it.
    connect(roll, &PianoRollView::keyboardRangeDragged, this, [this](int low, int high) {
        if (strip_->isHidden()) return;
        strip_->form()->lowestBox()->setValue(low);
        strip_->form()->highestBox()->setValue(high);
    });
    const auto showRange = [this, roll] {
        const SteeringControls c = strip_->form()->controls();
        roll->setPitchRange(!strip_->isHidden() && c.lowest && c.highest
                                ? std::optional(std::pair(*c.lowest, *c.highest))
                                : std::nullopt);
    };
    connect(strip_->form()->lowestBox(), &QSpinBox::valueChanged, this, showRange);
    connect(strip_->form()->highestBox(), &QSpinBox::valueChanged, this, showRange);

    connect(controller_, &SteeringController::candidateReady, this, &StudioSteering::onCandidate);
    connect(controller_, &SteeringController::progress, strip_, [this](int done, int) { strip_->setProgress(done); });
    connect(controller_, &SteeringController::finished, this, [this](bool cancelled) {
        strip_->setRunning(false);
        if (cancelled && !strip_->isHidden())
            this->context().shell().showStatus(tr("Stopped: the candidates so far are kept"), 5000);
    });
    connect(controller_, &SteeringController::failed, context.log(), &LogHub::error);
    // The musician should know what a drum model listens to.
    connect(controller_, &SteeringController::drumModelHears, this, [this](const QString& file, bool band, bool gan) {
        const QString name = QFileInfo(file).fileName();
        this->context().log()->info(gan ? (band ? tr("Drums from %1: a drum GAN drums the bars of its own meter, hearing where the other parts play").arg(name)
                                                : tr("Drums from %1: a drum GAN drums the bars of its own meter; it does not hear the other parts").arg(name))
                              : band ? tr("Drums from %1: it hears where the other parts play, step by step").arg(name)
                                     : tr("Drums from %1: it follows the piece's bars and meter; it does not hear the other parts").arg(name));
    });
    connect(controller_, &SteeringController::modelChecked, this, &StudioSteering::updateActions);
    connect(controller_, &SteeringController::modelChecked, this, [this] {
        strip_->markUnheardParts(QFileInfo(controller_->modelPath()).completeBaseName(), controller_->learnedInstruments());
    });
    connect(&context, &StudioContext::generationModelChanged, controller_, &SteeringController::setModelPath);
    connect(context.document(), &ScoreDocument::scoreReplaced, this, [this] {
        close();
        updateActions();
    });
    connect(roll, &PianoRollView::barSelectionChanged, this, &StudioSteering::updateActions);
    connect(context.document(), &ScoreDocument::scoreChanged, this, &StudioSteering::updateActions);
    controller_->setModelPath(context.generationModel());
    // Candidates waiting for a decision travel with the project; kept or closed ones are done with.
    context.files()->setSteeringHooks(
        [this]() -> std::optional<ProjectSteering> {
            if (strip_->isHidden() || candidates_.empty()) return std::nullopt;
            ProjectSteering saved{job_, {}, strip_->current()};
            for (const auto& c : candidates_) saved.candidates.push_back(c->score);
            return saved;
        },
        [this](const ProjectSteering& saved) { restoreCandidates(saved.job, saved.candidates, saved.current); });

    // Keys 1-9 switch candidates while they loop (a spin box with focus keeps its digits: line edits take
    // printable keys before shortcuts).
    for (int k = 0; k < 9; ++k) {
        auto* key = new QShortcut(QKeySequence(Qt::Key_1 + k), context.shell().mainWindow());
        key->setEnabled(false);
        connect(key, &QShortcut::activated, this, [this, k] { choose(k); });
        candidateKeys_.push_back(key);
    }
    // Esc closes the strip as its close button does (the candidates dropped, the piece as it was), from the piano
    // roll and the strip inside it only: Esc in another panel's field must not throw candidates away.
    closeKey_ = new QShortcut(QKeySequence(Qt::Key_Escape), context.pianoRoll());
    closeKey_->setContext(Qt::WidgetWithChildrenShortcut);
    closeKey_->setEnabled(false);
    connect(closeKey_, &QShortcut::activated, this, [this] { close(); });
    updateActions();
}

void StudioSteering::updateActions() {
    StudioActions* a = context().actions();
    // A piece without notes gives the model nothing to work from (a young model's generated piece can be empty).
    const bool empty = context().document()->isEmpty() || context().document()->score().noteCount() == 0;
    const bool ready = controller_->canSteer();
    const QString why = !ready ? controller_->whyNot() : tr("Open or generate a piece with notes first");
    const auto set = [&](QAction* action, bool on, const QString& tip) {
        action->setEnabled(on);
        action->setToolTip(on ? action->statusTip() : tip);
    };
    set(a->regenerateSelection, ready && !empty, why);
    // Add Part also works with a drums model alone (the Generation panel's, or one chosen before).
    const bool drums = controller_->isDrumsModel() || QFileInfo::exists(QSettings().value(kDrumModelKey).toString());
    set(a->addPart, (ready || drums) && !empty, why);
    set(a->continuePiece, ready && !empty, why);
}

QString StudioSteering::titleFor(const SteeringJob& job) const {
    const Score& score = job.base;
    switch (job.kind) {
        case SteeringJob::Kind::AddPart: return tr("Add a part");
        case SteeringJob::Kind::Continue: {
            if (job.spanStart >= score.endTick()) return tr("Continue after the end");
            const auto bars = barLines(score, job.spanStart + 1);
            return tr("Continue from bar %1").arg(bars[barIndexAt(bars, job.spanStart)].number);
        }
        case SteeringJob::Kind::Regenerate: break;
    }
    const auto bars = barLines(score, job.spanEnd + 1);
    const int first = bars[barIndexAt(bars, job.spanStart)].number;
    const int last = bars[barIndexAt(bars, std::max(job.spanStart, job.spanEnd - 1))].number;
    QStringList names;
    for (std::size_t t : job.tracks)
        if (t < score.tracks.size()) names << trackName(score, t);
    const QString span = first == last ? tr("bar %1").arg(first) : tr("bars %1-%2").arg(first).arg(last);
    return tr("Rewrite %1 of %2").arg(span, names.join(", "));
}

void StudioSteering::restoreCandidates(const SteeringJob& job, const std::vector<Score>& candidates, int current) {
    if (candidates.empty() || context().document()->isEmpty()) return;
    open(job.kind, titleFor(job));
    job_ = job;
    // The part the candidates add shows in the box as it was chosen (a drum model by its name).
    if (job_.kind == SteeringJob::Kind::AddPart)
        strip_->showPart(job_.program, QString::fromStdString(job_.drumModelPath));
    // The controls the candidates were asked for, as More will ask again.
    strip_->form()->showControls(job_.controls, job_.sampling.temperature);
    // The ids the editor gave the reopened piece; notes of the base or the candidates it does not have take the
    // editor's next ids, so none of them can name a note drawn later.
    ScoreDocument* doc = context().document();
    const auto freshId = [doc] { return doc->newNoteId(); };
    adoptNoteIds(doc->score(), job_.base, freshId);
    for (const Score& c : candidates) {
        auto piece = std::make_shared<SteeredPiece>();
        piece->score = c;
        adoptNoteIds(job_.base, piece->score, freshId);
        std::set<NoteId> base;
        for (const Track& t : job_.base.tracks)
            for (const Note& n : t.notes) base.insert(n.id);
        for (const Track& t : piece->score.tracks)
            for (const Note& n : t.notes)
                if (!base.count(n.id)) piece->generated.push_back(n.id);
        const int index = static_cast<int>(candidates_.size());
        const auto fit = jobContextFit(job_, piece->score);
        candidates_.push_back(std::move(piece));
        strip_->addCandidate(index, fit);
        if (index < static_cast<int>(candidateKeys_.size())) candidateKeys_[static_cast<std::size_t>(index)]->setEnabled(true);
    }
    if (job_.kind == SteeringJob::Kind::Regenerate) context().pianoRoll()->setBarSelection(job_.spanStart, job_.spanEnd);
    if (current >= 0 && current < static_cast<int>(candidates_.size())) strip_->setCurrent(current);
    context().shell().showStatus(tr("%n candidate(s) of the model are waiting: press a number key to hear one", nullptr,
                                    static_cast<int>(candidates_.size())),
                                 8000);
}

void StudioSteering::open(SteeringJob::Kind kind, const QString& title) {
    controller_->cancel();
    emit context().previewEnded();
    candidates_.clear();
    job_.kind = kind;
    job_.base = context().document()->score();
    title_ = title;
    strip_->begin(kind, title);
    strip_->show();
    closeKey_->setEnabled(true);
    context().pianoRoll()->setPitchRange(std::nullopt);
    strip_->generateButton()->setFocus();
    for (QShortcut* key : candidateKeys_) key->setEnabled(false);
}

void StudioSteering::openRegenerate() {
    ScoreDocument* doc = context().document();
    PianoRollView* roll = context().pianoRoll();
    if (doc->isEmpty()) return;
    const Score& score = doc->score();
    Tick start = roll->barSelectionStart(), end = roll->barSelectionEnd();
    std::set<std::size_t> tracks;
    for (const auto& [track, note] : doc->selectedNotes()) tracks.insert(track);
    if (!roll->hasBarSelection()) {
        // No bars chosen on the ruler: the bars the selected notes start in.
        if (tracks.empty()) {
            context().shell().showStatus(tr("Drag on the ruler over the bars to rewrite (and select notes to choose "
                                            "their tracks)"),
                                         8000);
            return;
        }
        Tick first = -1, last = 0;
        for (const auto& [track, note] : doc->selectedNotes()) {
            first = first < 0 ? note.start : std::min(first, note.start);
            last = std::max(last, note.start);
        }
        const auto bars = barLines(score, last + 1);
        start = bars[barIndexAt(bars, first)].start;
        end = bars[barIndexAt(bars, last)].end();
        roll->setBarSelection(start, end);
    }
    if (tracks.empty()) tracks.insert(static_cast<std::size_t>(std::max(0, doc->activeTrack())));
    // Bars after the piece's last bar are not the piece's: Continue writes those.
    const auto pieceBars = barLines(score, score.endTick());
    const Tick pieceEnd = pieceBars[barIndexAt(pieceBars, std::max<Tick>(0, score.endTick() - 1))].end();
    if (start >= pieceEnd) {
        context().shell().showStatus(tr("Those bars are after the end of the piece: use Compose > Continue"), 8000);
        return;
    }
    if (end > pieceEnd) {
        end = pieceEnd;
        roll->setBarSelection(start, end);
    }
    const auto bars = barLines(score, end + 1);
    const int first = bars[barIndexAt(bars, start)].number, last = bars[barIndexAt(bars, end - 1)].number;
    SteeringJob job;
    job.base = score;
    job.spanStart = start;
    job.spanEnd = end;
    job.tracks.assign(tracks.begin(), tracks.end());
    open(SteeringJob::Kind::Regenerate, titleFor(job));
    job_.spanStart = start;
    job_.spanEnd = end;
    job_.tracks.assign(tracks.begin(), tracks.end());
    QStringList names;
    for (std::size_t t = 0; t < score.tracks.size(); ++t) names << trackName(score, t);
    strip_->setTracks(names, job_.tracks);
    strip_->form()->setMeasured(
        measureSpan(score, start, end, std::max(1, last - first + 1), job_.tracks));
}

void StudioSteering::openAddPart() {
    if (context().document()->isEmpty()) return;
    open(SteeringJob::Kind::AddPart, tr("Add a part"));
    job_.spanStart = 0;
    job_.spanEnd = job_.base.endTick();
    job_.tracks.clear();
    // Without a model that can steer, only a drums model can add the part: the box offers just that.
    const bool onlyDrums = !controller_->canSteer();
    if (onlyDrums && controller_->isDrumsModel()) strip_->setDrumModelPath(controller_->modelPath());
    strip_->lockToDrumModel(onlyDrums, controller_->whyNot());
    SpanControlValues neutral;
    neutral.key = estimateScale(job_.base);
    neutral.pieceNotes = pieceNotesScale(job_.base, {});  // the new part has no notes: the whole piece's
    strip_->form()->setMeasured(neutral);
}

void StudioSteering::chooseDrumModel() {
    const QString remembered = QSettings().value(kDrumModelKey).toString();
    const QString file = QFileDialog::getOpenFileName(context().shell().mainWindow(), tr("A drums model to write the drums"),
                                                      remembered.isEmpty() ? QString() : remembered, tr("NoteForge models (*.nfm)"));
    if (file.isEmpty()) {  // cancelled: the model chosen before stays; without one, back to the piece's own model
        if (strip_->drumModelPath().isEmpty())
            strip_->instrumentBox()->setCurrentIndex(strip_->instrumentBox()->findData(-1));
        return;
    }
    QSettings().setValue(kDrumModelKey, file);
    strip_->setDrumModelPath(file);
    updateActions();
}

void StudioSteering::openContinue() {
    ScoreDocument* doc = context().document();
    if (doc->isEmpty()) return;
    const Score& score = doc->score();
    const Tick playhead = context().pianoRoll()->playhead();
    const auto bars = barLines(score, score.endTick() + 1);
    // From the bar line at or after the playhead; without a playhead (or past the end), after the last bar.
    const BarLine& lastBar = bars[barIndexAt(bars, std::max<Tick>(0, score.endTick() - 1))];
    Tick from = lastBar.end();
    if (playhead >= 0 && playhead < score.endTick()) {
        const BarLine& bar = bars[barIndexAt(bars, playhead)];
        from = bar.start == playhead ? bar.start : bar.end();
    }
    SteeringJob job;
    job.kind = SteeringJob::Kind::Continue;
    job.base = score;
    job.spanStart = from;
    open(SteeringJob::Kind::Continue, titleFor(job));
    job_.spanStart = from;
    job_.spanEnd = from;
    std::vector<std::size_t> all;
    for (std::size_t t = 0; t < score.tracks.size(); ++t) all.push_back(t);
    const auto before = barLines(score, from);
    const std::size_t lastIndex = barIndexAt(before, std::max<Tick>(0, from - 1));
    const std::size_t firstIndex = lastIndex >= 3 ? lastIndex - 3 : 0;
    // The controls start at what the last four bars before it are like.
    strip_->form()->setMeasured(measureSpan(score, before[firstIndex].start, from,
                                            static_cast<int>(lastIndex - firstIndex + 1), all));
}

void StudioSteering::generate() {
    controller_->cancel();
    emit context().previewEnded();
    // The candidates refer to the piece as it is now: edits made while the strip was open are part of it.
    const Tick start = job_.spanStart, end = job_.spanEnd;
    job_.base = context().document()->score();
    job_.spanStart = start;
    job_.spanEnd = job_.kind == SteeringJob::Kind::AddPart ? job_.base.endTick() : end;
    job_.controls = strip_->form()->controls();
    job_.sampling = strip_->form()->sampling();
    job_.sampling.seed = QRandomGenerator::global()->generate64() >> 16;
    job_.candidates = strip_->form()->candidates();
    job_.tries = strip_->form()->tries();
    job_.program = strip_->program();
    job_.drumModelPath = job_.kind == SteeringJob::Kind::AddPart ? strip_->drumModelPath().toStdString() : std::string();
    job_.bars = strip_->bars();
    // Said before the candidates come, which are that guess: a part the model never heard in training.
    if (job_.kind == SteeringJob::Kind::AddPart && job_.drumModelPath.empty() &&
        partUnheard(controller_->learnedInstruments(), job_.program))
        context().log()->warning(unheardPartWarning(QFileInfo(controller_->modelPath()).completeBaseName(),
                                                    *controller_->learnedInstruments(), job_.program));
    strip_->begin(job_.kind, title_);
    candidates_.clear();
    startRun(0);
}

void StudioSteering::generateMore() {
    if (candidates_.empty()) return generate();
    job_.candidates = strip_->form()->candidates();
    job_.tries = strip_->form()->tries();
    startRun(static_cast<int>(candidates_.size()));
}

void StudioSteering::startRun(int firstIndex) {
    strip_->setRunning(true);
    controller_->start(job_, firstIndex);
}

void StudioSteering::onCandidate(int index, std::shared_ptr<const SteeredPiece> piece) {
    if (index != static_cast<int>(candidates_.size())) return;  // a run of a job closed meanwhile
    const auto fit = jobContextFit(job_, piece->score);
    candidates_.push_back(std::move(piece));
    strip_->addCandidate(index, fit);
    if (index < static_cast<int>(candidateKeys_.size())) candidateKeys_[static_cast<std::size_t>(index)]->setEnabled(true);
    if (strip_->current() < 0) choose(index);  // the first is heard as soon as it exists
}

std::pair<Tick, Tick> StudioSteering::auditionLoop() const {
    const Score& s = job_.base;
    const Tick end = job_.kind == SteeringJob::Kind::Continue
                         ? job_.spanStart + static_cast<Tick>(job_.bars) * s.ticksPerBar(job_.spanStart)
                         : job_.spanEnd;
    if (job_.kind == SteeringJob::Kind::AddPart) return {0, std::max<Tick>(1, s.endTick())};
    const auto bars = barLines(s, end + 1);
    const std::size_t first = barIndexAt(bars, job_.spanStart);
    const std::size_t last = barIndexAt(bars, std::max(job_.spanStart, end - 1));
    const Tick from = bars[first > 0 ? first - 1 : 0].start;
    const Tick to = last + 1 < bars.size() ? bars[last + 1].end() : end + s.ticksPerBar(end);
    return {from, to};
}

void StudioSteering::choose(int index) {
    if (index < 0 || index >= static_cast<int>(candidates_.size()) || strip_->isHidden()) return;
    strip_->setCurrent(index);
    const Score& now = context().document()->score();
    Score scratch = now;  // ids for the preview only; Keep takes the document's own
    const CandidateEdit edit =
        candidateEdit(job_, *candidates_[static_cast<std::size_t>(index)], now, [&scratch] { return scratch.newNoteId(); });
    PianoRollView::CandidateOverlay overlay;
    for (const NoteChange& c : edit.changes) {
        if (c.before && !c.after) overlay.removed.insert(c.before->id);
        if (c.after && !c.before) overlay.added.emplace_back(c.track, *c.after);
    }
    for (std::size_t i = 0; i < edit.newTracks.size(); ++i)
        for (const Note& n : edit.newTracks[i].notes) overlay.added.emplace_back(now.tracks.size() + i, n);
    if (!overlay.added.empty()) {  // what the model wrote must be on screen, not below the rows in view
        const auto [lo, hi] = std::minmax_element(overlay.added.begin(), overlay.added.end(),
                                                  [](const auto& a, const auto& b) { return a.second.pitch < b.second.pitch; });
        context().pianoRoll()->ensurePitchesVisible(lo->second.pitch, hi->second.pitch);
    }
    context().pianoRoll()->setCandidateOverlay(std::move(overlay));
    const auto [from, to] = auditionLoop();
    emit context().previewRequested(edit.appliedTo(now), from, to);
    context().shell().showStatus(tr("Candidate %1 of %2: keys 1-%3 switch, Keep puts it in the piece")
                                     .arg(index + 1)
                                     .arg(candidates_.size())
                                     .arg(std::min<std::size_t>(9, candidates_.size())),
                                 6000);
}

void StudioSteering::keep() {
    const int index = strip_->current();
    if (index < 0 || index >= static_cast<int>(candidates_.size())) return;
    ScoreDocument* doc = context().document();
    // Edits are matched by track position: with tracks added or removed since, the model's notes would land in
    // the wrong track.
    if (doc->score().tracks.size() != job_.base.tracks.size()) {
        context().shell().showStatus(tr("The piece's tracks changed since these candidates were written: press "
                                        "Generate for new ones"),
                                     8000);
        return;
    }
    const CandidateEdit edit =
        candidateEdit(job_, *candidates_[static_cast<std::size_t>(index)], doc->score(), [doc] { return doc->newNoteId(); });
    const QString what = job_.kind == SteeringJob::Kind::Regenerate ? tr("Regenerate bars")
                         : job_.kind == SteeringJob::Kind::AddPart  ? tr("Add part")
                                                                    : tr("Continue");
    if (edit.addsTracks())
        doc->pushScoreSnapshot(what, edit.appliedTo(doc->score()));
    else
        doc->pushNoteChanges(what, edit.changes);
    context().log()->info(tr("%1: kept candidate %2 of %3").arg(what).arg(index + 1).arg(candidates_.size()));
    close();
    // In place of the candidates' "keys 1-N switch", which no longer holds.
    context().shell().showStatus(tr("%1: kept candidate %2 of %3 (Undo takes it back)").arg(what).arg(index + 1).arg(candidates_.size()),
                                 6000);
}

void StudioSteering::close() {
    controller_->cancel();
    emit context().previewEnded();
    strip_->hide();
    closeKey_->setEnabled(false);
    for (QShortcut* key : candidateKeys_) key->setEnabled(false);
    context().pianoRoll()->setScaleHighlight(std::nullopt);
    context().pianoRoll()->setCandidateOverlay({});
    context().pianoRoll()->setPitchRange(std::nullopt);
}

}  // namespace nf
