// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/TracksPanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QPainter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "commands/LambdaCommand.h"
#include "controllers/ScoreDocument.h"
#include "music/PitchNames.h"
#include "pianoroll/TrackPalette.h"

namespace nf {

namespace {
enum Column { Name, Mute, Solo, Instrument, Notes };

QIcon swatch(int track) {
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setBrush(TrackPalette::trackColor(track));
    p.setPen(TrackPalette::trackColor(track).darker(150));
    p.drawRoundedRect(QRectF(0.5, 0.5, 11, 11), 2, 2);
    return QIcon(pm);
}

QStringList generalMidiNames() {
    QStringList names;
    for (int p = 0; p < 128; ++p) names << QString::fromLatin1(gmProgramName(p));
    return names;
}
}  // namespace

TracksPanel::TracksPanel(ScoreDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), programNames_(generalMidiNames()) {
    tree_ = new QTreeWidget(this);
    tree_->setRootIsDecorated(false);
    tree_->setHeaderLabels({tr("Track"), tr("M"), tr("S"), tr("Instrument"), tr("Notes")});
    tree_->headerItem()->setToolTip(Mute, tr("Mute: silence this track"));
    tree_->headerItem()->setToolTip(Solo, tr("Solo: hear only the soloed tracks"));
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(Name, QHeaderView::Interactive);
    tree_->header()->setSectionResizeMode(Instrument, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(Mute, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(Solo, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(Notes, QHeaderView::ResizeToContents);
    tree_->header()->resizeSection(Name, 96);
    tree_->setTextElideMode(Qt::ElideRight);
    tree_->setToolTip(tr("Select a track to edit it; the other tracks are shown faded"));
    instrument_ = new QComboBox(this);
    for (int p = 0; p < 128; ++p) instrument_->addItem(QString("%1  %2").arg(p + 1).arg(programNames_[p]));
    instrument_->setToolTip(tr("General MIDI instrument of the selected track"));
    instrument_->setStatusTip(tr("Change the instrument of the selected track (undoable)"));
    auto* form = new QFormLayout;
    form->addRow(tr("Instrument:"), instrument_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(tree_, 1);
    layout->addLayout(form);

    connect(document_, &ScoreDocument::scoreReplaced, this, &TracksPanel::rebuild);
    connect(document_, &ScoreDocument::scoreChanged, this, &TracksPanel::updateCounts);
    connect(document_, &ScoreDocument::activeTrackChanged, this, &TracksPanel::syncActive);
    connect(tree_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!syncing_ && item) document_->setActiveTrack(tree_->indexOfTopLevelItem(item));
    });
    connect(tree_, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (syncing_) return;
        const int track = tree_->indexOfTopLevelItem(item);
        const bool on = item->checkState(column) == Qt::Checked;
        if (column == Mute) emit muteToggled(track, on);
        if (column == Solo) emit soloToggled(track, on);
    });
    connect(instrument_, &QComboBox::activated, this, &TracksPanel::onInstrumentChosen);
    rebuild();
}

void TracksPanel::rebuild() {
    syncing_ = true;
    tree_->clear();
    const Score& s = document_->score();
    for (std::size_t i = 0; i < s.tracks.size(); ++i) {
        const Track& t = s.tracks[i];
        auto* item = new QTreeWidgetItem(tree_);
        item->setIcon(Name, swatch(static_cast<int>(i)));
        item->setText(Name, t.name.empty() ? tr("Track %1").arg(i + 1) : QString::fromStdString(t.name));
        item->setCheckState(Mute, Qt::Unchecked);
        item->setCheckState(Solo, Qt::Unchecked);
        item->setTextAlignment(Notes, Qt::AlignRight | Qt::AlignVCenter);
    }
    syncing_ = false;
    updateCounts();
    syncActive();
}

void TracksPanel::setProgramNames(const QStringList& names) {
    if (names.size() != 128) return;
    programNames_ = names;
    for (int p = 0; p < 128; ++p) instrument_->setItemText(p, QString("%1  %2").arg(p + 1).arg(names[p]));
    updateCounts();
}

bool TracksPanel::isMuted(int track) const {
    const QTreeWidgetItem* item = tree_->topLevelItem(track);
    return item && item->checkState(Mute) == Qt::Checked;
}

bool TracksPanel::isSoloed(int track) const {
    const QTreeWidgetItem* item = tree_->topLevelItem(track);
    return item && item->checkState(Solo) == Qt::Checked;
}

void TracksPanel::setListening(int track, bool mute, bool solo) {
    QTreeWidgetItem* item = tree_->topLevelItem(track);
    if (!item) return;
    item->setCheckState(Mute, mute ? Qt::Checked : Qt::Unchecked);
    item->setCheckState(Solo, solo ? Qt::Checked : Qt::Unchecked);
}

void TracksPanel::updateCounts() {
    const Score& s = document_->score();
    if (tree_->topLevelItemCount() != static_cast<int>(s.tracks.size())) return rebuild();  // tracks added/removed
    for (int i = 0; i < tree_->topLevelItemCount() && i < static_cast<int>(s.tracks.size()); ++i) {
        const Track& t = s.tracks[static_cast<std::size_t>(i)];
        QTreeWidgetItem* item = tree_->topLevelItem(i);
        const QString instrument = t.isDrum ? tr("Drum kit") : programNames_.value(std::clamp(t.program, 0, 127));
        item->setText(Instrument, instrument);
        const QString where = tr("MIDI channel %1").arg(t.channel + 1);
        item->setToolTip(Name, QString("%1 – %2").arg(item->text(Name), where));
        item->setToolTip(Instrument, QString("%1 – %2").arg(instrument, where));
        item->setText(Notes, QString::number(t.notes.size()));
    }
    syncActive();
}

void TracksPanel::syncActive() {
    syncing_ = true;
    const int active = document_->activeTrack();
    if (QTreeWidgetItem* item = tree_->topLevelItem(active)) tree_->setCurrentItem(item);
    const bool valid = active >= 0 && active < static_cast<int>(document_->score().tracks.size());
    instrument_->setEnabled(valid && !document_->score().tracks[static_cast<std::size_t>(active)].isDrum);
    if (valid) instrument_->setCurrentIndex(document_->score().tracks[static_cast<std::size_t>(active)].program);
    syncing_ = false;
}

void TracksPanel::onInstrumentChosen(int program) {
    const int track = document_->activeTrack();
    if (track < 0 || track >= static_cast<int>(document_->score().tracks.size())) return;
    const int before = document_->score().tracks[static_cast<std::size_t>(track)].program;
    if (before == program) return;
    ScoreDocument* doc = document_;
    auto set = [doc, track](int p) {
        doc->mutableScore().tracks[static_cast<std::size_t>(track)].program = p;
        doc->notifyScoreChanged();
    };
    doc->undoStack()->push(new LambdaCommand(tr("Change instrument"), [set, program] { set(program); },
                                             [set, before] { set(before); }));
}

}  // namespace nf
