// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>

#include "dataset/Dataset.h"

namespace nf {

// The Training panel's "Start from": nothing (a new model), a base model that already knows music (each with its
// data card in the tooltip), or a model file picked from disk. Until the musician chooses, it follows the loaded
// data: the base that fits it (fittingBaseModel: folk for melodies, multitrack for ensembles).
class BaseModelChoice : public QComboBox {
    Q_OBJECT
public:
    explicit BaseModelChoice(QWidget* parent = nullptr);

    // The model file to fine-tune, or empty for a new model.
    QString initPath() const;
    // Selects the base that fits `dataset` unless the musician has chosen.
    void suggestFor(const Dataset* dataset);
    // A new model, as the musician's choice (picking a preset in the form means a new network).
    void chooseNothing();
    // Lists the base models again (after one was installed), keeping the choice where it still exists.
    void reload();

private:
    void onActivated(int index);
    bool chosen_ = false;
    int lastModel_ = 0;  // the row chosen before "A model file..." (a cancelled dialog goes back to it)
};

}  // namespace nf
