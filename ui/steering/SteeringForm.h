// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <optional>

#include "generation/SamplingSettings.h"
#include "generation/SpanControls.h"
#include "generation/SteeringControls.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace nf {

// The controls of a steered generation in one compact row: density, polyphony, pitch range, key lock with its
// scale, rhythm lock, note length, temperature, number of candidates and tries for each. Each control but temperature
// and the counts has an
// "auto" setting (left to the model); setMeasured() starts them at what the selected bars are like.
class SteeringForm : public QWidget {
    Q_OBJECT
public:
    explicit SteeringForm(QWidget* parent = nullptr);

    void setMeasured(const SpanControlValues& values);
    // Shows controls asked for before (a job reopened with its project): what More will ask for again. A lock
    // that is no named scale (the piece's notes) becomes the first choice.
    void showControls(const SteeringControls& controls, double temperature);
    SteeringControls controls() const;
    SamplingSettings sampling() const;
    int candidates() const;
    // Samples drawn for each candidate, the best fit kept (SteeringJob::tries).
    int tries() const;
    // The locked scale (highlighted in the piano roll), when the lock is on.
    std::optional<Scale> lockedScale() const;

    QSpinBox* densityBox() const { return density_; }
    QSpinBox* polyphonyBox() const { return polyphony_; }
    QSpinBox* lowestBox() const { return lowest_; }
    QSpinBox* highestBox() const { return highest_; }
    QCheckBox* keyLockBox() const { return keyLock_; }
    QCheckBox* keepRhythmBox() const { return keepRhythm_; }
    QComboBox* scaleBox() const { return scale_; }
    QSpinBox* candidatesBox() const { return candidates_; }
    QSpinBox* triesBox() const { return tries_; }
    QDoubleSpinBox* temperatureBox() const { return temperature_; }

signals:
    void scaleLockChanged(const std::optional<nf::Scale>& scale);

private:
    QSpinBox* density_;
    QSpinBox* polyphony_;
    QSpinBox* lowest_;
    QSpinBox* highest_;
    QCheckBox* keyLock_;
    QCheckBox* keepRhythm_;
    QComboBox* scale_;
    QDoubleSpinBox* length_;
    QDoubleSpinBox* temperature_;
    QSpinBox* candidates_;
    QSpinBox* tries_;
    // The notes the piece plays on the chosen tracks (setMeasured), offered first in the scale list: modal tunes
    // (mixolydian, dorian) and songs that borrow chords keep their notes, where a major or minor lock forbids some.
    std::optional<Scale> pieceNotes_;
};

}  // namespace nf
