// SPDX-License-Identifier: GPL-3.0-or-later
#include "steering/UnheardPart.h"

#include <QCoreApplication>
#include <QLocale>

#include "music/PitchNames.h"

namespace nf {

bool partUnheard(const std::optional<LearnedInstruments>& learned, int program) {
    return learned && learned->pieces > 0 && learned->piecesWithPart(program) == 0;
}

QString unheardPartWarning(const QString& model, const LearnedInstruments& learned, int program) {
    const QString pieces = QLocale().toString(static_cast<qulonglong>(learned.pieces));
    if (program < 0)
        return QCoreApplication::translate("nf::UnheardPart",
                                           "%1 heard no drums in training (none of its %2 pieces had a drum part): its "
                                           "drums will be a guess. For drums choose a model that heard them "
                                           "(multitrack), or Drums from a drum model.")
            .arg(model, pieces);
    return QCoreApplication::translate("nf::UnheardPart",
                                       "%1 heard no %2 or anything of its family in training (none of its %3 pieces): "
                                       "the part will be a guess, maybe in another register.")
        .arg(model, QString::fromUtf8(gmProgramName(program)), pieces);
}

}  // namespace nf
