// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/NoteAlternativesMenu.h"

#include <QLabel>
#include <QMenu>
#include <QWidgetAction>

#include <memory>

#include "document/ScoreDocument.h"
#include "generation/TokenDescription.h"

namespace nf::NoteAlternativesMenu {

namespace {
QString percent(float p) { return QString("%1%").arg(100.0 * p, 0, 'f', 0); }
}  // namespace

QMenu* build(ScoreDocument* document, NoteId id, QWidget* parent) {
    const NoteInsight* insight = document->insight(id);
    std::size_t track = 0;
    const Note* note = document->findNote(id, &track);
    if (!insight || !note) return nullptr;
    auto* menu = new QMenu(parent);
    menu->setToolTipsVisible(true);
    // A label, not a section: a section's title is cut to the width of the items below it.
    auto* header = new QLabel(QObject::tr("<b>%1</b><br>the model gave it %2")
                                  .arg(TokenDescription::ofNote(*note, document->score().ppq()).toHtmlEscaped(),
                                       percent(insight->probability)),
                              menu);
    header->setObjectName("alternativesHeader");
    header->setContentsMargins(8, 4, 8, 4);
    auto* headerAction = new QWidgetAction(menu);
    headerAction->setDefaultWidget(header);
    menu->addAction(headerAction);
    menu->addSeparator();
    for (const auto& [token, probability] : insight->alternatives) {
        const TokenDescription d = TokenDescription::of(token);
        Note after = *note;
        QString text = QString("%1   %2").arg(d.text, percent(probability));
        if (d.pitch && *d.pitch != note->pitch) {
            after.pitch = *d.pitch;
            text = QObject::tr("Swap in %1   %2").arg(d.text, percent(probability));
        } else if (d.velocity && *d.velocity != note->velocity) {
            after.velocity = *d.velocity;
            text = QObject::tr("Set %1   %2").arg(d.text, percent(probability));
        }
        QAction* a = menu->addAction(text);
        a->setToolTip(QObject::tr("The model's token: %1").arg(QString::fromStdString(token)));
        const bool swappable = after.pitch != note->pitch || after.velocity != note->velocity;
        a->setEnabled(swappable);
        if (!swappable) continue;
        const Note before = *note;
        QObject::connect(a, &QAction::triggered, document, [document, track, before, after] {
            document->pushNoteChanges(QObject::tr("Swap in alternative"), {{track, before, after}});
        });
    }
    return menu;
}

bool show(ScoreDocument* document, NoteId id, const QPoint& globalPos, QWidget* parent) {
    std::unique_ptr<QMenu> menu(build(document, id, parent));
    if (!menu) return false;
    menu->exec(globalPos);
    return true;
}

}  // namespace nf::NoteAlternativesMenu
