// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/StudioCallResponse.h"

#include <QActionGroup>
#include <QMenu>
#include <QSettings>

#include <algorithm>
#include <cmath>

#include "controllers/LogHub.h"
#include "document/ScoreDocument.h"
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
    connect(a->callAndResponse, &QAction::toggled, this, [this](bool on) { on ? start() : stop(true); });
    if (a->callResponseMenu) fillSettings(a->callResponseMenu);
    connect(controller_, &CallResponseController::notePlayed, &context, &StudioContext::liveNoteRequested);
    connect(controller_, &CallResponseController::playingChanged, this,
            [&context](const Score& score) { emit context.previewRequested(score, 0, 0); });
    connect(controller_, &CallResponseController::phraseHeard, this, [&context](int notes, int bar) {
        context.log()->info(tr("Phrase of %n note(s) heard: answering from bar %1", nullptr, notes).arg(bar + 1));
    });
    connect(controller_, &CallResponseController::answered, this, &StudioCallResponse::report);
    connect(controller_, &CallResponseController::failed, this, [this](const QString& why) {
        this->context().log()->error(tr("The model could not answer: %1").arg(why));
    });
    // Another part took the sound over (a candidate auditioned, another piece opened): the jam ends, and its take
    // is offered rather than lost.
    connect(&context, &StudioContext::previewEnded, this, [this] {
        if (!controller_->isRunning() || endingPreview_) return;
        const Score take = controller_->stop();
        this->context().actions()->callAndResponse->setChecked(false);
        if (take.noteCount() == 0) return;
        this->context().messages()->showQuestion(
            tr("Call and response stopped. Put its take (%n note(s)) in the editor?", nullptr,
               static_cast<int>(take.noteCount())),
            tr("Put in Editor"), tr("Discard"), [this, take](bool keep) {
                if (keep) keepTake(take);
            });
    });
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
    QAction* action = ctx.actions()->callAndResponse;
    const QString model = ctx.generationModel();
    if (model.isEmpty()) {
        ctx.log()->error(tr("Call and response needs a remi model: train one, or choose one in the Generation panel"));
        return action->setChecked(false);
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
    QString port;
    try {
        port = controller_->start(model, options);
    } catch (const std::invalid_argument&) {
        ctx.log()->error(tr("Call and response needs a model trained on the remi representation; %1 only generates "
                            "whole pieces").arg(model));
        return action->setChecked(false);
    } catch (const std::exception& e) {
        ctx.log()->error(tr("Cannot start call and response: %1").arg(QString::fromStdString(e.what())));
        return action->setChecked(false);
    }
    endPreview();  // a candidate that was looping
    emit ctx.previewRequested(controller_->playing(), 0, 0);  // opens the sound device, then the click runs
    controller_->begin();
    const QString silence = options.silenceBars == 0.5 ? tr("half a bar") : options.silenceBars == 2.0 ? tr("two bars") : tr("a bar");
    ctx.messages()->showQuestion(
        tr("Call and response from %1 at %2 bpm: play a phrase; after %3 without a note NoteForge answers from the "
           "next downbeat.")
            .arg(port)
            .arg(std::lround(options.clock.bpm))
            .arg(silence),
        tr("Stop and Keep the Take"), tr("Stop"), [this, action](bool keep) {
            stop(keep);
            action->setChecked(false);  // already stopped: toggling off does nothing more
        });
}

void StudioCallResponse::endPreview() {
    endingPreview_ = true;
    emit context().previewEnded();
    endingPreview_ = false;
}

void StudioCallResponse::stop(bool keep) {
    if (!controller_->isRunning()) return;
    StudioContext& ctx = context();
    const Score take = controller_->stop();
    endPreview();
    ctx.messages()->hide();
    if (keep) keepTake(take);
}

void StudioCallResponse::keepTake(const Score& take) {
    StudioContext& ctx = context();
    if (take.noteCount() == 0) return;
    if (!ctx.files()->confirmDiscardEdits()) {
        ctx.log()->warning(tr("The call-and-response take was not kept"));
        return;
    }
    ctx.document()->setScore(take, tr("Call and response"));
    ctx.log()->info(tr("Call and response: the take (%n note(s)) is in the editor", nullptr,
                       static_cast<int>(take.noteCount())));
}

void StudioCallResponse::report(const JamAnswer& answer) {
    const auto ms = [](double s) { return static_cast<int>(std::lround(s * 1000)); };
    if (answer.late()) {
        context().log()->warning(tr("The answer was ready %1 ms after your phrase, too late for its downbeat (%2 ms): "
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
