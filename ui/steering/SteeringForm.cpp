// SPDX-License-Identifier: GPL-3.0-or-later
#include "steering/SteeringForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QStandardItemModel>
#include <QSpinBox>

#include <algorithm>

#include "music/PitchNames.h"

namespace nf {

namespace {

// The scales offered by the lock: every tonic in the modes musicians reach for first.
const char* const kModes[] = {"major", "minor", "dorian", "mixolydian", "harmonic minor", "major pentatonic",
                              "minor pentatonic", "blues"};

template <typename Box>
Box* tipped(Box* box, const QString& tip) {
    box->setToolTip(tip);
    box->setStatusTip(tip);
    return box;
}

QSpinBox* spin(QWidget* parent, int lo, int hi, const QString& autoText, const QString& tip) {
    auto* box = tipped(new QSpinBox(parent), tip);
    box->setRange(lo, hi);
    box->setSpecialValueText(autoText);
    box->setValue(lo);
    return box;
}

// A key number shown as its note name ("C4") in the range boxes.
class PitchSpinBox : public QSpinBox {
public:
    using QSpinBox::QSpinBox;

protected:
    // "Eb4", "C-1": the pitch class with a flat as 'b', then the octave (music21's "E-4" reads oddly in a box).
    QString textFromValue(int value) const override {
        if (value < 0) return specialValueText();
        return QString::fromStdString(pitchClassName(value % 12)).replace('-', 'b') + QString::number(value / 12 - 1);
    }
    int valueFromText(const QString& text) const override {
        const auto p = parsePitchName(text.trimmed().toStdString());
        return p ? *p : minimum();
    }
    QValidator::State validate(QString& text, int&) const override {
        if (text.trimmed() == specialValueText() || parsePitchName(text.trimmed().toStdString()))
            return QValidator::Acceptable;
        return QValidator::Intermediate;
    }
};

QSpinBox* pitchSpin(QWidget* parent, const QString& tip) {
    auto* box = tipped(new PitchSpinBox(parent), tip);
    box->setRange(-1, 127);
    box->setSpecialValueText(SteeringForm::tr("auto"));
    box->setValue(-1);
    return box;
}

}  // namespace

SteeringForm::SteeringForm(QWidget* parent) : QWidget(parent) {
    const QString autoText = tr("auto");
    density_ = spin(this, -1, 64, autoText, tr("Notes per bar the model aims at (auto: its own choice)"));
    polyphony_ = spin(this, 0, 12, autoText, tr("Most notes sounding at once; never exceeded"));
    lowest_ = pitchSpin(this, tr("Lowest pitch; nothing below it is written"));
    highest_ = pitchSpin(this, tr("Highest pitch; nothing above it is written"));
    keyLock_ = tipped(new QCheckBox(tr("Key lock"), this),
                      tr("Write only notes of the scale (its rows are highlighted in the piano roll)"));
    keepRhythm_ = tipped(new QCheckBox(tr("Keep rhythm"), this),
                         tr("Start notes only where the music around starts them: the same tracks in the bars either "
                            "side (a new part: the other tracks; a continuation: the bars before)"));
    scale_ = tipped(new QComboBox(this), tr("The scale of the key lock"));
    scale_->addItem(tr("The piece's notes"));  // index 0; enabled by setMeasured when the piece has pitched notes
    for (const char* mode : kModes)
        for (int tonic = 0; tonic < 12; ++tonic) scale_->addItem(QString("%1 %2").arg(tonicName(tonic), mode));
    scale_->setCurrentIndex(1);  // C major until a selection is measured
    if (auto* model = qobject_cast<QStandardItemModel*>(scale_->model())) model->item(0)->setEnabled(false);
    scale_->setMaxVisibleItems(24);
    scale_->setMinimumContentsLength(10);  // "C# minor pentatonic" shows whole in the open list
    scale_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    length_ = tipped(new QDoubleSpinBox(this), tr("Mean note length in beats (auto: the model's choice)"));
    length_->setRange(0, 8);
    length_->setSingleStep(0.25);
    length_->setDecimals(2);
    length_->setSpecialValueText(autoText);
    temperature_ = tipped(new QDoubleSpinBox(this), tr("Below 1: safer choices; above 1: more adventurous"));
    temperature_->setRange(0.1, 2.0);
    temperature_->setSingleStep(0.05);
    temperature_->setValue(1.0);
    candidates_ = spin(this, 1, 9, {}, tr("How many versions to write; keys 1 to 9 switch between them"));
    candidates_->setValue(3);
    // Four tries: the star then chooses among twelve (docs/benchmarks/infill.md, "Weighing the rhythm": more
    // candidates ranked by the fit come nearer the piece), for four times the work, a second or less for a few bars.
    tries_ = spin(this, 1, 16, {}, tr("Each rewritten candidate is the best of this many tries at fitting the music "
                                      "around it: more tries fit better and take longer"));
    tries_->setValue(4);

    // Two rows, each only as wide as its own controls (a grid's columns would widen both to the wider cell), so the
    // strip fits the piano roll of a 1280-pixel window with both side panels open (the window grew to 1313 pixels
    // with a grid): what the notes are like and how many candidates, then key, rhythm, length and temperature.
    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    const auto labelled = [this](const QString& label, QWidget* w) {
        auto* box = new QHBoxLayout;
        auto* l = new QLabel(label, this);
        l->setBuddy(w);
        box->addWidget(l);
        box->addWidget(w);
        return box;
    };
    for (QSpinBox* box : {lowest_, highest_}) box->setMaximumWidth(box->fontMetrics().horizontalAdvance("C#10") + 40);
    auto* notes = new QHBoxLayout;
    notes->setSpacing(6);
    notes->addLayout(labelled(tr("&Density"), density_));
    notes->addLayout(labelled(tr("&Polyphony"), polyphony_));
    auto* range = labelled(tr("Ra&nge"), lowest_);
    range->addWidget(new QLabel(QStringLiteral("–"), this));
    range->addWidget(highest_);
    notes->addLayout(range);
    notes->addSpacing(6);
    notes->addLayout(labelled(tr("C&andidates"), candidates_));
    notes->addLayout(labelled(tr("&Best of"), tries_));
    notes->addStretch(1);
    rows->addLayout(notes);
    auto* sampling = new QHBoxLayout;
    sampling->setSpacing(6);
    sampling->addWidget(keyLock_);
    sampling->addWidget(scale_);
    sampling->addWidget(keepRhythm_);
    sampling->addSpacing(6);
    sampling->addLayout(labelled(tr("&Length"), length_));
    sampling->addLayout(labelled(tr("&Temperature"), temperature_));
    sampling->addStretch(1);
    rows->addLayout(sampling);

    const auto lockChanged = [this] { emit scaleLockChanged(lockedScale()); };
    connect(keyLock_, &QCheckBox::toggled, this, lockChanged);
    connect(scale_, &QComboBox::currentIndexChanged, this, [this, lockChanged] {
        if (keyLock_->isChecked()) lockChanged();
    });
}

void SteeringForm::setMeasured(const SpanControlValues& v) {
    const bool empty = v.notes == 0;
    density_->setValue(empty ? -1 : v.density);
    polyphony_->setValue(empty ? 0 : v.polyphony);
    // The passage's range, widened to an octave at least: a bar of one repeated note must not lock the model to it.
    const auto [low, high] = widenToOctave(v.lowest, v.highest);
    lowest_->setValue(empty ? -1 : low);
    highest_->setValue(empty ? -1 : high);
    length_->setValue(empty ? 0 : v.noteBeats);
    pieceNotes_ = v.pieceNotes;
    if (auto* model = qobject_cast<QStandardItemModel*>(scale_->model())) {
        QStandardItem* item = model->item(0);
        item->setEnabled(pieceNotes_.has_value());
        item->setToolTip(pieceNotes_ ? QString::fromStdString(pieceNotes_->name) : QString());
    }
    if (!pieceNotes_ && scale_->currentIndex() == 0) scale_->setCurrentIndex(1);
    // The lit rows follow the new selection's notes when their lock is the one chosen.
    if (keyLock_->isChecked()) emit scaleLockChanged(lockedScale());
    if (v.key) {
        const int index = scale_->findText(QString::fromStdString(v.key->name), Qt::MatchFixedString);
        if (index >= 0) scale_->setCurrentIndex(index);
    }
}

void SteeringForm::showControls(const SteeringControls& c, double temperature) {
    density_->setValue(c.density.value_or(-1));
    polyphony_->setValue(c.polyphony.value_or(0));
    lowest_->setValue(c.lowest.value_or(-1));
    highest_->setValue(c.highest.value_or(-1));
    length_->setValue(c.noteBeats.value_or(0));
    temperature_->setValue(temperature);
    keepRhythm_->setChecked(c.keepRhythm);
    if (c.scale) {
        const int index = scale_->findText(QString::fromStdString(c.scale->name), Qt::MatchFixedString);
        if (index > 0) {
            scale_->setCurrentIndex(index);
        } else {
            pieceNotes_ = c.scale;
            if (auto* model = qobject_cast<QStandardItemModel*>(scale_->model())) {
                model->item(0)->setEnabled(true);
                model->item(0)->setToolTip(QString::fromStdString(c.scale->name));
            }
            scale_->setCurrentIndex(0);
        }
    }
    keyLock_->setChecked(c.scale.has_value());
    emit scaleLockChanged(lockedScale());
}

std::optional<Scale> SteeringForm::lockedScale() const {
    if (!keyLock_->isChecked()) return std::nullopt;
    if (scale_->currentIndex() == 0) return pieceNotes_;
    return parseScale(scale_->currentText().toStdString());
}

SteeringControls SteeringForm::controls() const {
    SteeringControls c;
    if (density_->value() >= 0) c.density = density_->value();
    if (polyphony_->value() > 0) c.polyphony = polyphony_->value();
    if (lowest_->value() >= 0) c.lowest = lowest_->value();
    if (highest_->value() >= 0) c.highest = highest_->value();
    if (c.lowest && c.highest && *c.lowest > *c.highest) std::swap(*c.lowest, *c.highest);
    c.scale = lockedScale();
    if (length_->value() > 0) c.noteBeats = length_->value();
    c.keepRhythm = keepRhythm_->isChecked();
    return c;
}

SamplingSettings SteeringForm::sampling() const {
    SamplingSettings s;
    s.temperature = temperature_->value();
    return s;
}

int SteeringForm::candidates() const { return candidates_->value(); }

int SteeringForm::tries() const { return tries_->value(); }

}  // namespace nf
