// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPoint>

#include "music/Note.h"

class QMenu;
class QWidget;

namespace nf {

class ScoreDocument;

// The right-click menu of a generated note: the model's confidence in it and its top alternatives, in musical names
// (D4, velocity 82, wait half a beat). An alternative pitch or velocity can be swapped in (an undoable change);
// others are shown for information.
namespace NoteAlternativesMenu {
// The menu for note `id`, owned by `parent`; null when the note has no insight (it was not generated).
QMenu* build(ScoreDocument* document, NoteId id, QWidget* parent);
// Builds and shows it; returns false when there was nothing to show.
bool show(ScoreDocument* document, NoteId id, const QPoint& globalPos, QWidget* parent);
}  // namespace NoteAlternativesMenu

}  // namespace nf
