// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/TracksPanel.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QPainter>
#include <QSlider>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "commands/LambdaCommand.h"
#include "document/ScoreDocument.h"
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
    // Name and instrument share the room as fitColumns() says; the boxes and the count take what they need.
    tree_->header()->setSectionResizeMode(Name, QHeaderView::Interactive);
    tree_->header()->setSectionResizeMode(Instrument, QHeaderView::Interactive);
    tree_->header()->setSectionResizeMode(Mute, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(Solo, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(Notes, QHeaderView::ResizeToContents);
    tree_->viewport()->installEventFilter(this);
    tree_->setTextElideMode(Qt::ElideRight);
    tree_->setToolTip(tr("Select a track to edit it; the other tracks are shown faded"));
    instrument_ = new QComboBox(this);
    for (int p = 0; p < 128; ++p) instrument_->addItem(QString("%1  %2").arg(p + 1).arg(programNames_[p]));
    instrument_->setToolTip(tr("General MIDI instrument of the selected track"));
    instrument_->setStatusTip(tr("Change the instrument of the selected track (undoable)"));
    volume_ = new QSlider(Qt::Horizontal, this);
    volume_->setRange(0, 127);
    volume_->setToolTip(tr("Volume of the selected track (MIDI CC 7)"));
    volume_->setStatusTip(tr("How loud the selected track plays and renders"));
    pan_ = new QSlider(Qt::Horizontal, this);
    pan_->setRange(0, 127);
    pan_->setToolTip(tr("Pan of the selected track: left, centre (middle) or right (MIDI CC 10)"));
    pan_->setStatusTip(tr("Where the selected track sits between the speakers"));
    auto* form = new QFormLayout;
    form->addRow(tr("Instrument:"), instrument_);
    form->addRow(tr("Volume:"), volume_);
    form->addRow(tr("Pan:"), pan_);
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
    connect(volume_, &QSlider::valueChanged, this, [this](int v) {
        if (!syncing_) setLevels(document_->activeTrack(), v, -1);
    });
    connect(pan_, &QSlider::valueChanged, this, [this](int p) {
        if (!syncing_) setLevels(document_->activeTrack(), -1, p);
    });
    // Another piece: its tracks start as written.
    connect(document_, &ScoreDocument::scoreReplaced, this, [this] {
        volumes_.clear();
        pans_.clear();
        syncActive();
    });
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

int TracksPanel::volume(int track) const {
    return track >= 0 && track < static_cast<int>(volumes_.size()) ? volumes_[static_cast<std::size_t>(track)] : -1;
}

int TracksPanel::pan(int track) const {
    return track >= 0 && track < static_cast<int>(pans_.size()) ? pans_[static_cast<std::size_t>(track)] : -1;
}

void TracksPanel::setLevels(int track, int volume, int pan) {
    if (track < 0 || track >= static_cast<int>(document_->score().tracks.size())) return;
    const auto t = static_cast<std::size_t>(track);
    if (volumes_.size() <= t) volumes_.resize(t + 1, -1);
    if (pans_.size() <= t) pans_.resize(t + 1, -1);
    if (volume >= 0) {
        volumes_[t] = std::min(volume, 127);
        emit volumeChanged(track, volumes_[t]);
    }
    if (pan >= 0) {
        pans_[t] = std::min(pan, 127);
        emit panChanged(track, pans_[t]);
    }
    if (track == document_->activeTrack()) syncActive();
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
    fitColumns();
    syncActive();
}

bool TracksPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == tree_->viewport() && event->type() == QEvent::Resize) fitColumns();
    return QWidget::eventFilter(watched, event);
}

void TracksPanel::fitColumns() {
    // Sizing the columns may show or hide the scroll bar, which resizes the viewport and calls this again.
    if (fitting_) return;
    fitting_ = true;
    const struct Done {
        bool& flag;
        ~Done() { flag = false; }
    } done{fitting_};
    QHeaderView* header = tree_->header();
    tree_->resizeColumnToContents(Name);
    tree_->resizeColumnToContents(Instrument);
    const int name = header->sectionSize(Name), instrument = header->sectionSize(Instrument);
    const int room = tree_->viewport()->width() - header->sectionSize(Mute) - header->sectionSize(Solo) -
                     header->sectionSize(Notes);
    if (room <= 0 || name + instrument <= 0) return;
    // Both whole when they fit, the slack after the names; else both elided in proportion to their lengths, the
    // names keeping a third at least (they are the musician's own words).
    const int nameWidth = name + instrument <= room ? room - instrument
                                                    : std::max(room / 3, static_cast<int>(static_cast<long long>(room) * name / (name + instrument)));
    header->resizeSection(Name, nameWidth);
    header->resizeSection(Instrument, room - nameWidth);
}

void TracksPanel::syncActive() {
    syncing_ = true;
    const int active = document_->activeTrack();
    if (QTreeWidgetItem* item = tree_->topLevelItem(active)) tree_->setCurrentItem(item);
    const bool valid = active >= 0 && active < static_cast<int>(document_->score().tracks.size());
    instrument_->setEnabled(valid && !document_->score().tracks[static_cast<std::size_t>(active)].isDrum);
    if (valid) instrument_->setCurrentIndex(document_->score().tracks[static_cast<std::size_t>(active)].program);
    volume_->setEnabled(valid);
    pan_->setEnabled(valid);
    // Not set here: the General MIDI defaults a synth starts a channel with.
    volume_->setValue(volume(active) >= 0 ? volume(active) : 100);
    pan_->setValue(pan(active) >= 0 ? pan(active) : 64);
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
