// SPDX-License-Identifier: GPL-3.0-or-later
#include "steering/SteeringStrip.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

#include "evaluation/ContextFit.h"
#include "music/PitchNames.h"
#include "steering/SteeringForm.h"
#include "steering/UnheardPart.h"

namespace nf {

SteeringStrip::SteeringStrip(QWidget* parent) : QFrame(parent) {
    setObjectName("steeringStrip");
    setFrameShape(QFrame::StyledPanel);
    title_ = new QLabel(this);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    instrument_ = new QComboBox(this);
    instrument_->setToolTip(tr("The part to add: the model writes it given all the other tracks"));
    instrument_->addItem(tr("Drums"), -1);
    instrument_->addItem(tr("Drums from a drum model..."), kDrumModelItem);
    instrument_->setItemData(1, tr("A drums model (noteforge-cli train --model drums) writes the drums on the piece's "
                                   "bars and meter; one trained with --follow-band also hears where the other parts play"),
                             Qt::ToolTipRole);
    instrument_->addItem(tr("Bass"), 33);
    instrument_->addItem(tr("Chords (piano)"), 0);
    instrument_->addItem(tr("Melody (flute)"), 73);
    instrument_->insertSeparator(instrument_->count());
    for (int p = 0; p < 128; ++p)
        instrument_->addItem(QString("%1 %2").arg(p + 1).arg(QString::fromUtf8(gmProgramName(p))), p);
    instrument_->setMaxVisibleItems(20);
    instrument_->setMinimumContentsLength(12);  // the list opens wide enough for "120 Reverse Cymbal"
    instrument_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    tracks_ = new QToolButton(this);
    tracks_->setText(tr("Tracks"));
    tracks_->setToolTip(tr("The tracks to rewrite: tick them here (or select notes of them before pressing R)"));
    tracks_->setPopupMode(QToolButton::InstantPopup);
    tracks_->setMenu(new QMenu(tracks_));
    bars_ = new QSpinBox(this);
    bars_->setRange(1, 64);
    bars_->setValue(4);
    bars_->setSuffix(tr(" bars"));
    bars_->setToolTip(tr("How many bars the model writes"));
    form_ = new SteeringForm(this);
    generate_ = new QPushButton(tr("&Generate"), this);
    generate_->setToolTip(tr("Write the candidates in the background; the first plays as soon as it exists"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progress_->setMaximumWidth(120);
    candidates_ = new QButtonGroup(this);
    candidates_->setExclusive(true);
    more_ = new QPushButton(tr("&More"), this);
    more_->setToolTip(tr("Write more candidates with the same controls"));
    keep_ = new QPushButton(tr("&Keep"), this);
    keep_->setToolTip(tr("Put the candidate you hear into the piece (one undo step)"));
    discard_ = new QPushButton(this);
    discard_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    discard_->setAccessibleName(tr("Close"));
    discard_->setFlat(true);
    discard_->setToolTip(tr("Close the strip; the piece stays as it is"));

    // The title may be long ("Rewrite bars 12-15 of Violin, Viola, Cello"): it shrinks, elided, before the
    // buttons do, and says it all in its tooltip.
    title_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    title_->setMinimumWidth(60);
    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    top->addWidget(tracks_);
    top->addWidget(instrument_);
    top->addWidget(bars_);
    top->addStretch(0);
    top->addWidget(generate_);
    top->addWidget(cancel_);
    top->addWidget(progress_);
    top->addSpacing(8);
    candidateRow_ = new QHBoxLayout;
    top->addLayout(candidateRow_);
    top->addWidget(more_);
    top->addWidget(keep_);
    top->addSpacing(8);
    top->addWidget(discard_);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 4, 6, 4);
    column->setSpacing(3);
    column->addLayout(top);
    column->addWidget(form_);

    connect(generate_, &QPushButton::clicked, this, &SteeringStrip::generateRequested);
    connect(more_, &QPushButton::clicked, this, &SteeringStrip::moreRequested);
    connect(cancel_, &QPushButton::clicked, this, &SteeringStrip::cancelRequested);
    connect(keep_, &QPushButton::clicked, this, &SteeringStrip::keepRequested);
    connect(discard_, &QPushButton::clicked, this, &SteeringStrip::discardRequested);
    connect(candidates_, &QButtonGroup::idClicked, this, &SteeringStrip::candidateChosen);
    // Chosen by the user (not passed over with the arrow keys or the wheel): ask for the model file, again each
    // time, so another model can be chosen.
    connect(instrument_, &QComboBox::activated, this, [this] {
        if (instrument_->currentData().toInt() == kDrumModelItem) emit drumModelWanted();
    });
    updateButtons();
}

void SteeringStrip::begin(SteeringJob::Kind kind, const QString& title) {
    kind_ = kind;
    title_->setText(title);
    title_->setToolTip(title);
    instrument_->setVisible(kind == SteeringJob::Kind::AddPart);
    tracks_->setVisible(kind == SteeringJob::Kind::Regenerate);
    // Add Part's instrument box says what it adds; its title would only take width from the buttons.
    title_->setVisible(kind != SteeringJob::Kind::AddPart);
    bars_->setVisible(kind == SteeringJob::Kind::Continue);
    // Tries are drawn for rewrites only (SteeringJob::tries): elsewhere the box would promise what it does not do.
    form_->triesBox()->setEnabled(kind == SteeringJob::Kind::Regenerate);
    for (QAbstractButton* b : candidates_->buttons()) {
        candidates_->removeButton(b);
        delete b;
    }
    fits_.clear();
    progress_->setValue(0);
    running_ = false;
    updateButtons();
}

void SteeringStrip::setTracks(const QStringList& names, const std::vector<std::size_t>& ticked) {
    QMenu* menu = tracks_->menu();
    menu->clear();
    for (int i = 0; i < names.size(); ++i) {
        QAction* a = menu->addAction(names[i]);
        a->setCheckable(true);
        a->setChecked(std::find(ticked.begin(), ticked.end(), static_cast<std::size_t>(i)) != ticked.end());
        a->setData(i);
        connect(a, &QAction::toggled, this, [this, a](bool on) {
            if (!on && tickedTracks().empty()) {  // one track at least: the last tick stays
                QSignalBlocker block(a);
                a->setChecked(true);
                return;
            }
            emit tracksChanged();
        });
    }
}

std::vector<std::size_t> SteeringStrip::tickedTracks() const {
    std::vector<std::size_t> out;
    for (QAction* a : tracks_->menu()->actions())
        if (a->isChecked()) out.push_back(static_cast<std::size_t>(a->data().toInt()));
    return out;
}

int SteeringStrip::program() const { return std::max(-1, instrument_->currentData().toInt()); }

void SteeringStrip::lockToDrumModel(bool locked, const QString& why) {
    lockedToDrums_ = locked;
    if (locked) instrument_->setCurrentIndex(instrument_->findData(kDrumModelItem));
    instrument_->setToolTip(locked ? why : tr("The part to add: the model writes it given all the other tracks"));
    updateButtons();
}

void SteeringStrip::markUnheardParts(const QString& model, const std::optional<LearnedInstruments>& learned) {
    constexpr int kPlainText = Qt::UserRole + 1;  // the item's text before any mark
    for (int i = 0; i < instrument_->count(); ++i) {
        const QVariant data = instrument_->itemData(i);
        if (!data.isValid() || data.toInt() == kDrumModelItem) continue;  // a separator; a drum model is its own
        if (!instrument_->itemData(i, kPlainText).isValid()) instrument_->setItemData(i, instrument_->itemText(i), kPlainText);
        const QString plain = instrument_->itemData(i, kPlainText).toString();
        const bool unheard = partUnheard(learned, data.toInt());
        instrument_->setItemText(i, unheard ? tr("%1 (new to %2)").arg(plain, model) : plain);
        instrument_->setItemData(i, unheard ? unheardPartWarning(model, *learned, data.toInt()) : QVariant(), Qt::ToolTipRole);
    }
}

QString SteeringStrip::drumModelPath() const {
    return instrument_->currentData().toInt() == kDrumModelItem ? drumModelPath_ : QString();
}

void SteeringStrip::setDrumModelPath(const QString& path) {
    drumModelPath_ = path;
    const int item = instrument_->findData(kDrumModelItem);
    instrument_->setItemText(item, path.isEmpty() ? tr("Drums from a drum model...")
                                                  : tr("Drums from %1").arg(QFileInfo(path).completeBaseName()));
}
void SteeringStrip::showPart(int program, const QString& drumModel) {
    // Programmatic: `activated` (the user's choice, which asks for a file) is not emitted.
    if (!drumModel.isEmpty()) {
        setDrumModelPath(drumModel);
        instrument_->setCurrentIndex(instrument_->findData(kDrumModelItem));
    } else if (const int item = instrument_->findData(program); item >= 0) {
        instrument_->setCurrentIndex(item);
    }
}

int SteeringStrip::bars() const { return bars_->value(); }

void SteeringStrip::setRunning(bool running) {
    running_ = running;
    if (!running) progress_->setValue(0);
    updateButtons();
}

void SteeringStrip::setProgress(int permille) { progress_->setValue(permille); }

void SteeringStrip::addCandidate(int index, std::optional<double> contextFit) {
    auto* b = new QPushButton(QString::number(index + 1), this);
    b->setCheckable(true);
    b->setFixedWidth(b->fontMetrics().horizontalAdvance(QStringLiteral("00\u2605")) + 18);
    QString tip = index < 9 ? tr("Candidate %1 (key %1)").arg(index + 1) : tr("Candidate %1").arg(index + 1);
    if (contextFit)
        tip += QLatin1Char('\n') + tr("Like the music around it: %1% (rhythm above all, then pitches, range and density, "
                                      "against the bars before and after and its place in the phrases around it)")
                                       .arg(qRound(100 * *contextFit));
    b->setToolTip(tip);
    candidates_->addButton(b, index);
    candidateRow_->addWidget(b);
    if (fits_.size() <= static_cast<std::size_t>(index)) fits_.resize(static_cast<std::size_t>(index) + 1);
    fits_[static_cast<std::size_t>(index)] = contextFit;
    markBestFit();
    updateButtons();
}

int SteeringStrip::bestFit() const {
    std::vector<double> fits;
    for (const auto& f : fits_) {
        if (!f) return -1;  // only among candidates that all have a fit
        fits.push_back(*f);
    }
    const auto best = standoutFit(fits);
    return best ? static_cast<int>(*best) : -1;
}

void SteeringStrip::markBestFit() {
    const int best = bestFit();
    for (QAbstractButton* b : candidates_->buttons()) {
        const int id = candidates_->id(b);
        b->setText(id == best ? QString::number(id + 1) + QStringLiteral("\u2605") : QString::number(id + 1));
    }
}

int SteeringStrip::candidateCount() const { return static_cast<int>(candidates_->buttons().size()); }

void SteeringStrip::setCurrent(int index) {
    if (QAbstractButton* b = candidates_->button(index)) b->setChecked(true);
    updateButtons();
}

int SteeringStrip::current() const { return candidates_->checkedId(); }

void SteeringStrip::updateButtons() {
    const bool have = candidateCount() > 0;
    generate_->setEnabled(!running_);
    cancel_->setEnabled(running_);
    progress_->setVisible(running_);
    more_->setEnabled(!running_ && have);
    keep_->setEnabled(current() >= 0);
    instrument_->setEnabled(!have && !running_ && !lockedToDrums_);
    bars_->setEnabled(!have && !running_);
    tracks_->setEnabled(!have && !running_);
}

}  // namespace nf
