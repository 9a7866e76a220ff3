// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/TempoBox.h"

#include <QUndoStack>

#include <cmath>

#include "commands/LambdaCommand.h"
#include "document/ScoreDocument.h"

namespace nf {

TempoBox::TempoBox(ScoreDocument* document, QWidget* parent) : QSpinBox(parent), document_(document) {
    setObjectName("tempoBox");
    setRange(kMinBpm, kMaxBpm);
    setPrefix(QString::fromUtf8("\u2669 = "));
    setKeyboardTracking(false);  // typing "140" is one change, not "1", "14", "140"
    setToolTip(tr("Tempo at the playhead in beats per minute; change it to speed up or slow down the piece"));
    setStatusTip(tr("Tempo at the playhead (BPM): a new value rescales the piece's tempo (undoable)"));
    connect(this, &QSpinBox::valueChanged, this, [this](int bpm) {
        if (!showing_) apply(bpm);
    });
    connect(document_, &ScoreDocument::scoreReplaced, this, [this] { showAt(0); });
    connect(document_, &ScoreDocument::scoreChanged, this, [this] { showAt(tick_); });
    showAt(0);
}

void TempoBox::showAt(Tick tick) {
    tick_ = tick;
    showing_ = true;
    setEnabled(!document_->isEmpty());
    setValue(static_cast<int>(std::lround(60'000'000.0 / document_->score().tempoMap().microsPerQuarterAt(tick))));
    showing_ = false;
}

void TempoBox::apply(int bpm) {
    if (document_->isEmpty()) return;
    const std::vector<TempoChange> before = document_->score().tempoMap().changes();
    const double now = 60'000'000.0 / document_->score().tempoMap().microsPerQuarterAt(tick_);
    const double factor = bpm / now;
    std::vector<TempoChange> after = before;
    if (after.empty()) after.push_back(TempoChange{});  // no tempo event: MIDI's default of 120 BPM
    for (TempoChange& c : after)
        c.microsPerQuarter = std::max(1, static_cast<int>(std::lround(c.microsPerQuarter / factor)));
    ScoreDocument* doc = document_;
    auto set = [doc](const std::vector<TempoChange>& changes) {
        doc->mutableScore().setTempoChanges(changes);
        doc->notifyScoreChanged();
    };
    doc->undoStack()->push(new LambdaCommand(tr("Tempo %1 BPM").arg(bpm), [set, after] { set(after); },
                                             [set, before] { set(before); }));
}

}  // namespace nf
