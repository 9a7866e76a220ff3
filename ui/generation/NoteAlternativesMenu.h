// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPoint>

#include "music/Note.h"

class QWidget;

namespace nf {

class ScoreDocument;

// The right-click menu of a generated note: the model's confidence in it and its top alternatives. An
// alternative that names a pitch can be swapped in (an undoable pitch change); others are shown for information.
namespace NoteAlternativesMenu {
// Returns false when the note has no insight (it was not generated), so nothing was shown.
bool show(ScoreDocument* document, NoteId id, const QPoint& globalPos, QWidget* parent);
}  // namespace NoteAlternativesMenu

}  // namespace nf
