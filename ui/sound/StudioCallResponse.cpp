// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/StudioCallResponse.h"

#include <QActionGroup>
#include <QDateTime>
#include <QDir>
#include <QMenu>
#include <QSettings>

#include <algorithm>
#include <cmath>

#include <QtConcurrent/QtConcurrentRun>

#include "controllers/LogHub.h"
#include "generation/RemiSteering.h"
#include "document/ScoreDocument.h"
#include "project/StudioPaths.h"
#include "smf/MidiFileWriter.h"
#include "sound/CallResponseController.h"
#include "studio/StudioActions.h"
#include "studio/StudioContext.h"
#include "studio/StudioFiles.h"
#include "widgets/MessageBar.h"

namespace nf {

NF_STUDIO_MODULE(StudioCallResponse, 16)

namespace {
constexpr const char* kAnswerBarsKey = "callResponse/answerBars";
constexpr const char* kSilenceKey = "callResponse/silenceBars";
}  // namespace

int StudioCallResponse::answerBars() { return std::clamp(QSettings().value(kAnswerBarsKey, 2).toInt(), 1, 16); }

double StudioCallResponse::silenceBars() { return std::clamp(QSettings().value(kSilenceKey, 1.0).toDouble(), 0.25, 4.0); }

StudioCallResponse::StudioCallResponse(StudioContext& context, QObject* window) : StudioModule(context, window) {
    controller_ = new CallResponseController(this);
    StudioActions* a = context.actions();
    connect(a->callAndResponse, &QAction::toggled, this, [this](bool on) { on ? start() : finish(true); });
    if (a->callResponseMenu) fillSettings(a->callResponseMenu);
    connect(controller_, &CallResponseController::started, this, &StudioCallResponse::started);
    connect(controller_, &CallResponseController::startFailed, this, [this](const QString& why) {
        this->context().log()->error(tr("Cannot start call and response: %1").arg(why));
        this->context().actions()->callAndResponse->setChecked(false);
    });
    connect(controller_, &CallResponseController::notePlayed, &context, &StudioContext::liveNoteRequested);
    connect(controller_, &CallResponseController::playingChanged, this, [this](const Score& score) {
        ours_ = true;
        emit this->context().previewRequested(score, 0, 0);
        ours_ = false;
    });
    connect(controller_, &CallResponseController::phraseHeard, this, [this](int notes, int bar) {
        this->context().log()->info(tr("Phrase of %n note(s) heard: answering from bar %1", nullptr, notes).arg(bar + 1));
    });
    connect(controller_, &CallResponseController::answered, this, &StudioCallResponse::report);
    connect(controller_, &CallResponseController::failed, this, [this](const QString& why) {
        this->context().log()->error(tr("Call and response: %1").arg(why));
    });
    // Another part took the sound (Space or Stop, a candidate auditioned, another piece opened): the click would
    // stop or jump, so the session ends there, its take saved and offered.
    const auto interrupted = [this] {
        if (ours_ || !controller_->isRunning()) return;
        finish(false, tr("Call and response stopped: the sound was needed elsewhere."));
    };
    modelCheck_ = new QFutureWatcher<QString>(this);
    connect(modelCheck_, &QFutureWatcherBase::finished, this, [this] {
        const QString path = modelCheck_->property("path").toString();
        if (path != this->context().generationModel()) return checkModel(this->context().generationModel());
        QAction* act = this->context().actions()->callAndResponse;
        const QString why = modelCheck_->result();
        act->setEnabled(why.isEmpty() || act->isChecked());
        act->setToolTip(why.isEmpty() ? act->statusTip() : why);
    });
    connect(&context, &StudioContext::generationModelChanged, this, &StudioCallResponse::checkModel);
    checkModel(context.generationModel());
    connect(&context, &StudioContext::previewEnded, this, interrupted);
    connect(&context, &StudioContext::previewRequested, this, interrupted);
    connect(&context, &StudioContext::playbackStopped, this, interrupted);
}

StudioCallResponse::~StudioCallResponse() {
    if (controller_->isRunning()) saveTake(controller_->stop());
}

void StudioCallResponse::checkModel(const QString& path) {
    if (modelCheck_->isRunning()) return;  // its end looks at the newest model again
    modelCheck_->setProperty("path", path);
    // Opening a model reads its whole file: off the GUI thread.
    modelCheck_->setFuture(QtConcurrent::run([path]() -> QString {
        if (path.isEmpty()) return tr("Call and response needs a remi model: train one, or choose one in the Generation panel");
        return QString::fromStdString(RemiSteering::refusalFor(path.toStdString()));
    }));
}

void StudioCallResponse::fillSettings(QMenu* menu) {
    auto* lengths = new QActionGroup(menu);
    for (int bars : {1, 2, 4, 8}) {
        QAction* act = menu->addAction(bars == 1 ? tr("Answer in One Bar") : tr("Answer in %1 Bars").arg(bars));
        act->setStatusTip(tr("The model answers each phrase with this many bars"));
        act->setCheckable(true);
        act->setChecked(bars == answerBars());
        lengths->addAction(act);
        connect(act, &QAction::triggered, this, [bars] { QSettings().setValue(kAnswerBarsKey, bars); });
    }
    menu->addSeparator();
    auto* silences = new QActionGroup(menu);
    const std::pair<double, QString> choices[] = {{0.5, tr("Phrase Ends After Half a Bar of Silence")},
                                                  {1.0, tr("Phrase Ends After a Bar of Silence")},
                                                  {2.0, tr("Phrase Ends After Two Bars of Silence")}};
    for (const auto& [bars, text] : choices) {
        QAction* act = menu->addAction(text);
        act->setStatusTip(tr("A phrase is over, and answered, once no key was down for this long"));
        act->setCheckable(true);
        act->setChecked(std::abs(bars - silenceBars()) < 1e-9);
        silences->addAction(act);
        connect(act, &QAction::triggered, this, [bars] { QSettings().setValue(kSilenceKey, bars); });
    }
}

void StudioCallResponse::start() {
    StudioContext& ctx = context();
    const QString model = ctx.generationModel();
    if (model.isEmpty()) {
        ctx.log()->error(tr("Call and response needs a remi model: train one, or choose one in the Generation panel"));
        return ctx.actions()->callAndResponse->setChecked(false);
    }
    const Score& piece = ctx.document()->score();
    JamOptions options;
    if (!ctx.document()->isEmpty()) {
        options.clock.bpm = 60e6 / piece.tempoMap().microsPerQuarterAt(0);
        const TimeSignature meter = piece.timeSignatureAt(0);
        options.clock.numerator = meter.numerator;
        options.clock.denominator = meter.denominator;
        const int t = ctx.document()->activeTrack();
        if (t >= 0 && t < static_cast<int>(piece.tracks.size()) && !piece.tracks[static_cast<std::size_t>(t)].isDrum)
            options.program = piece.tracks[static_cast<std::size_t>(t)].program;
    }
    options.answerBars = answerBars();
    options.silenceBars = silenceBars();
    ctx.log()->info(tr("Call and response: opening the model and the MIDI input..."));
    controller_->start(model, options);  // started() or startFailed() follows
}

void StudioCallResponse::started(const QString& port) {
    StudioContext& ctx = context();
    if (!ctx.actions()->callAndResponse->isChecked()) {  // unticked while opening
        controller_->stop();
        return;
    }
    // The click starts from its first bar, alone: whatever played (the piece, a candidate) stops first.
    ours_ = true;
    if (ctx.actions()->stop->isEnabled()) ctx.actions()->stop->trigger();
    emit ctx.previewEnded();
    bool sounding = false;
    auto probe = connect(&ctx, &StudioContext::playbackStarted, this, [&sounding] { sounding = true; });
    emit ctx.previewRequested(controller_->playing(), 0, 0);  // opens the sound device on first use
    disconnect(probe);
    ours_ = false;
    if (!sounding) {
        controller_->stop();
        ctx.actions()->callAndResponse->setChecked(false);
        ctx.log()->error(tr("Call and response needs sound to play its click on (see the message above)"));
        return;
    }
    controller_->begin([&ctx] { return ctx.playbackSeconds(); });
    const JamOptions& o = controller_->session()->options();
    const QString silence = o.silenceBars == 0.5 ? tr("half a bar") : o.silenceBars == 2.0 ? tr("two bars") : tr("a bar");
    ctx.messages()->showQuestion(tr("Call and response from %1 at %2 bpm: play a phrase; after %3 without a note "
                                    "NoteForge answers from the next downbeat.")
                                     .arg(port)
                                     .arg(std::lround(o.clock.bpm))
                                     .arg(silence),
                                 tr("Stop and Keep the Take"), tr("Stop"), [this](bool keep) {
                                     finish(keep);
                                     context().actions()->callAndResponse->setChecked(false);  // already done
                                 });
}

void StudioCallResponse::endPreview() {
    ours_ = true;
    emit context().previewEnded();
    ours_ = false;
}

void StudioCallResponse::finish(bool keep, const QString& why) {
    StudioContext& ctx = context();
    if (controller_->isStarting()) controller_->stop();
    if (!controller_->isRunning()) return;
    const Score take = controller_->stop();
    endPreview();
    ctx.messages()->hide();
    ctx.actions()->callAndResponse->setChecked(false);
    if (take.noteCount() == 0) {
        if (!why.isEmpty()) ctx.log()->info(why);
        return;
    }
    saveTake(take);
    if (keep) return keepTake(take);
    if (why.isEmpty()) return;
    ctx.messages()->showQuestion(why + ' ' + tr("Put its take (%n note(s)) in the editor?", nullptr,
                                                static_cast<int>(take.noteCount())),
                                 tr("Put in Editor"), tr("Discard"), [this, take](bool yes) {
                                     if (yes) keepTake(take);
                                 });
}

QString StudioCallResponse::saveTake(const Score& take) {
    if (take.noteCount() == 0) return {};
    const QString dir = StudioPaths::takes();
    const QString file = dir + "/call-and-response-" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss") + ".mid";
    try {
        if (!QDir().mkpath(dir)) throw std::runtime_error("cannot make the folder");
        writeMidiFile(take, file.toStdString());
    } catch (const std::exception& e) {
        context().log()->error(tr("The call-and-response take could not be saved to %1: %2")
                                   .arg(file, QString::fromStdString(e.what())));
        return {};
    }
    lastTakeFile_ = file;
    context().log()->info(tr("Call and response: take saved as %1").arg(file));
    return file;
}

void StudioCallResponse::keepTake(const Score& take) {
    StudioContext& ctx = context();
    if (!ctx.files()->confirmDiscardEdits()) {
        ctx.log()->warning(tr("The take stays in %1; open it from there").arg(lastTakeFile_));
        return;
    }
    ctx.document()->setScore(take, tr("Call and response"));
    ctx.log()->info(tr("Call and response: the take (%n note(s)) is in the editor", nullptr,
                       static_cast<int>(take.noteCount())));
}

void StudioCallResponse::report(const JamAnswer& answer) {
    const auto ms = [](double s) { return static_cast<int>(std::lround(s * 1000)); };
    if (answer.late()) {
        // Info, not a warning: a warning would take the message bar and its Stop buttons away mid-session.
        context().log()->info(tr("The answer was ready %1 ms after your phrase, too late for its downbeat (%2 ms): "
                                    "it plays from bar %3")
                                     .arg(ms(answer.readySeconds()))
                                     .arg(ms(answer.budgetSeconds()))
                                     .arg(answer.bar + 1));
        return;
    }
    context().log()->info(tr("Answer of %n note(s) ready %1 ms after your phrase, %2 ms before its downbeat (bar %3)",
                             nullptr, answer.notes)
                              .arg(ms(answer.readySeconds()))
                              .arg(ms(answer.budgetSeconds() - answer.readySeconds()))
                              .arg(answer.bar + 1));
}

}  // namespace nf
