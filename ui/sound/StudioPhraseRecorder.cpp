// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/StudioPhraseRecorder.h"

#include "controllers/LogHub.h"
#include "document/ScoreDocument.h"
#include "sound/MidiRecordController.h"
#include "studio/StudioContext.h"
#include "studio/StudioFiles.h"
#include "widgets/MessageBar.h"

namespace nf {

NF_STUDIO_MODULE(StudioPhraseRecorder, 15)

StudioPhraseRecorder::StudioPhraseRecorder(StudioContext& context, QObject* window) : StudioModule(context, window) {
    connect(&context, &StudioContext::phraseRecordingRequested, this, &StudioPhraseRecorder::record);
}

void StudioPhraseRecorder::record() {
    StudioContext& ctx = context();
    if (!ctx.files()->confirmDiscardEdits()) return;  // the phrase replaces the piece in the editor
    if (!recorder_) {
        recorder_ = new MidiRecordController(this);
        recorder_->setMonitor([&ctx](int pitch, int velocity, double) { emit ctx.auditionRequested(pitch, velocity); });
        connect(recorder_, &MidiRecordController::opened, this, &StudioPhraseRecorder::recording);
        connect(recorder_, &MidiRecordController::openFailed, this, [&ctx](const QString& why) {
            ctx.log()->error(tr("Cannot record: %1").arg(why));
        });
    }
    // Opened on a worker: a JACK client may take seconds to come up, and the studio must not freeze meanwhile.
    recorder_->startAsync();
}

void StudioPhraseRecorder::recording(const QString& port) {
    StudioContext& ctx = context();
    ctx.messages()->showQuestion(
        tr("Recording from %1: play your phrase, then Stop.").arg(port), tr("Stop"), tr("Cancel"),
        [this, &ctx](bool keep) {
            if (!keep) return recorder_->cancel();
            ScoreDocument* doc = ctx.document();
            const double bpm = doc->isEmpty() ? 120.0 : 60e6 / doc->score().tempoMap().microsPerQuarterAt(0);
            const Score phrase = recorder_->stop(bpm);
            if (phrase.noteCount() == 0) return ctx.log()->warning(tr("Nothing was played: no phrase recorded"));
            doc->setScore(phrase, tr("Recorded phrase"));
            doc->selectAll();
            ctx.log()->info(tr("Recorded %n note(s); Generate continues them", nullptr,
                               static_cast<int>(phrase.noteCount())));
        });
}

}  // namespace nf
