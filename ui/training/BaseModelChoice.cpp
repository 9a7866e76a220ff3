// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/BaseModelChoice.h"

#include <QFileDialog>
#include <QFileInfo>

#include "dataset/BaseModels.h"
#include "models/ModelCardText.h"

namespace nf {

namespace {

constexpr int kPickFile = -1;  // the "A model file..." row's data: not a path

}  // namespace

BaseModelChoice::BaseModelChoice(QWidget* parent) : QComboBox(parent) {
    setToolTip(tr("Start from a base model that already knows music and adapt it to your data (minutes on a CPU), "
                  "or from nothing. A base model keeps its own network, representation and batch size; the epochs, "
                  "validation share, seed, device and threads below still apply."));
    reload();
    connect(this, &QComboBox::activated, this, &BaseModelChoice::onActivated);
    connect(this, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && itemData(index).typeId() == QMetaType::QString) lastModel_ = index;
    });
}

void BaseModelChoice::reload() {
    const QVariant keep = currentData();
    clear();
    addItem(tr("Nothing (a new model)"), QString());
    for (const BaseModelFile& base : findBaseModels()) {
        addItem(tr("Base model: %1").arg(QString::fromStdString(base.name)), QString::fromStdString(base.path));
        setItemData(count() - 1, modelCardText(base.path), Qt::ToolTipRole);
    }
    addItem(tr("A model file..."), kPickFile);
    const int again = findData(keep);
    setCurrentIndex(again >= 0 && keep.toInt() != kPickFile ? again : 0);
}

QString BaseModelChoice::initPath() const {
    const QVariant data = currentData();
    return data.typeId() == QMetaType::QString ? data.toString() : QString();
}

void BaseModelChoice::suggestFor(const Dataset* dataset) {
    if (chosen_ || !dataset) return;
    std::vector<const Score*> scores;
    for (const Piece& p : dataset->pieces) scores.push_back(&p.score);
    const std::string path = resolveBaseModel(fittingBaseModel(scores));
    const int index = findData(QString::fromStdString(path));
    if (!path.empty() && index >= 0) setCurrentIndex(index);
}

void BaseModelChoice::chooseNothing() {
    chosen_ = true;
    setCurrentIndex(0);
}

void BaseModelChoice::onActivated(int index) {
    chosen_ = true;
    if (itemData(index).typeId() == QMetaType::QString) return;
    const QString file = QFileDialog::getOpenFileName(this, tr("Start from a model"), QString(),
                                                      tr("NoteForge models (*.nfm);;All files (*)"));
    if (file.isEmpty()) {  // cancelled: back to what was chosen before
        setCurrentIndex(lastModel_);
        return;
    }
    if (const int known = findData(file); known >= 0) {
        setCurrentIndex(known);
        return;
    }
    insertItem(index, QFileInfo(file).fileName(), file);
    setItemData(index, modelCardText(file.toStdString()), Qt::ToolTipRole);
    setCurrentIndex(index);
}

}  // namespace nf
