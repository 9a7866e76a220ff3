// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <optional>
#include <vector>

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
    // Fine-tuning `base` (named `baseName`): the fields a fine-tune takes from its base (representation, network,
    // batch, window, optimiser, learning rate) show the base's values, greyed, and the rest stay the musician's;
    // nullopt gives the musician's own values back. config() is what is shown; ownConfig() what the musician set
    // (setConfig() sets that, shown at once where no base hides it).
    void showFineTuning(const std::optional<TrainingConfig>& base, const QString& baseName = {});
    bool showsFineTuning() const { return fineTune_.has_value(); }
    TrainingConfig ownConfig() const;
    QComboBox* presetBox() const { return preset_; }

signals:
    // A preset was applied (chosen in the box, or applyPreset()): a new network, not a fine-tune.
    void presetApplied(int index);

public:
    QComboBox* representationBox() const { return representation_; }

private:
    // The fields a fine-tune takes from its base, and those of them a drum GAN has none of.
    std::vector<QWidget*> baseFields() const;
    void display(const TrainingConfig& config);
    void enableFields();
    void leaveFineTuning();
    TrainingConfig base_;                     // what the form shows, with what it has no field for
    std::optional<TrainingConfig> fineTune_;  // the base whose settings are shown, while fine-tuning
    TrainingConfig own_;                      // the musician's settings, while a base's are shown
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
