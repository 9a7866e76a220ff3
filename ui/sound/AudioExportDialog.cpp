// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/AudioExportDialog.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QSettings>

namespace nf {

namespace {
// A new key: the old one ("export/normalizeAudio") was written at every export, unticked by default, so it would
// keep the old default from everyone who exported before.
const char* kNormalizeKey = "export/normaliseAudio";
}

AudioExportDialog::Choice AudioExportDialog::ask(QWidget* parent, const QString& start, const QString& filter) {
    QFileDialog dialog(parent, QObject::tr("Export audio"), start, filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    // Qt's own dialog: a desktop's native one has no room for the level choice.
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    auto* normalize = new QCheckBox(QObject::tr("&Normalise: raise the loudest moment to -1 dBFS (louder than "
                                                "playback)"),
                                    &dialog);
    normalize->setToolTip(QObject::tr("Unticked, the file sounds exactly as loud as playback in the studio, often 20 dB "
                                      "or more below full scale"));
    normalize->setChecked(rememberedNormalize());
    if (auto* grid = qobject_cast<QGridLayout*>(dialog.layout()))
        grid->addWidget(normalize, grid->rowCount(), 0, 1, grid->columnCount());
    Choice choice;
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return choice;
    choice.path = dialog.selectedFiles().first();
    choice.normalize = normalize->isChecked();
    QSettings().setValue(kNormalizeKey, choice.normalize);
    return choice;
}

bool AudioExportDialog::rememberedNormalize() { return QSettings().value(kNormalizeKey, true).toBool(); }

}  // namespace nf
