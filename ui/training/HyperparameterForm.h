// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "training/TrainingConfig.h"

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace nf {

// Every hyper-parameter of a training run with sane bounds, filled from a preset and editable. The form holds a
// TrainingConfig: what it does not show (initialisations, schedules) keeps the preset's value.
class HyperparameterForm : public QWidget {
    Q_OBJECT
public:
    // Presets offered, with the model kind each stands for and its size preset ("" for models without sizes).
    static QStringList presetNames();
    static ModelKind presetKind(int index);
    static std::optional<ModelSize> presetSize(int index);

    explicit HyperparameterForm(QWidget* parent = nullptr);

    TrainingConfig config() const;
    void setConfig(const TrainingConfig& config);
    void applyPreset(int index);
    QComboBox* presetBox() const { return preset_; }
    QComboBox* representationBox() const { return representation_; }

private:
    TrainingConfig base_;
    QComboBox* preset_;
    QComboBox* representation_;
    QSpinBox* epochs_;
    QSpinBox* batch_;
    QSpinBox* seqLength_;
    QSpinBox* hidden_;
    QSpinBox* layers_;
    QSpinBox* embed_;
    QDoubleSpinBox* dropout_;
    QComboBox* optimizer_;
    QDoubleSpinBox* learningRate_;
    QDoubleSpinBox* valShare_;
    QSpinBox* seed_;
    QSpinBox* checkpointEvery_;
    QComboBox* device_;
    QSpinBox* threads_;
};

}  // namespace nf
