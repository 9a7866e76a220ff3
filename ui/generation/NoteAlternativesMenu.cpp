// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/NoteAlternativesMenu.h"

#include <QMenu>

#include "controllers/ScoreDocument.h"
#include "music/PitchNames.h"

namespace nf::NoteAlternativesMenu {

bool show(ScoreDocument* document, NoteId id, const QPoint& globalPos, QWidget* parent) {
    const NoteInsight* insight = document->insight(id);
    std::size_t track = 0;
    const Note* note = document->findNote(id, &track);
    if (!insight || !note) return false;
    QMenu menu(parent);
    menu.setToolTipsVisible(true);
    menu.addSection(QObject::tr("%1: the model gave it %2%")
                        .arg(QString::fromStdString(pitchName(note->pitch)))
                        .arg(100.0 * insight->probability, 0, 'f', 0));
    for (const auto& [token, probability] : insight->alternatives) {
        const int pitch = pitchOfToken(token);
        const QString label = QString("%1   %2%").arg(QString::fromStdString(token)).arg(100.0 * probability, 0, 'f', 0);
        QAction* a = menu.addAction(pitch >= 0 && pitch != note->pitch
                                        ? QObject::tr("Swap in %1 (%2)").arg(QString::fromStdString(pitchName(pitch)), label)
                                        : label);
        a->setEnabled(pitch >= 0 && pitch != note->pitch);
        if (!a->isEnabled()) continue;
        const Note before = *note;
        QObject::connect(a, &QAction::triggered, document, [document, track, before, pitch] {
            Note after = before;
            after.pitch = pitch;
            document->pushNoteChanges(QObject::tr("Swap in alternative"), {{track, before, after}});
        });
    }
    menu.exec(globalPos);
    return true;
}

}  // namespace nf::NoteAlternativesMenu
