// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include "music/Score.h"

namespace nf {

class ScoreDocument;

// Writes the open piece as a Standard MIDI File (all tracks or the selected notes) or as an ABC tune (its first
// monophonic track). Writes are atomic (the codecs write through AtomicFile). Returns an empty string on
// success, else the one-line error for the message bar.
class ExportController : public QObject {
    Q_OBJECT
public:
    explicit ExportController(ScoreDocument* document, QObject* parent = nullptr);

    QString exportMidi(const QString& path, bool selectionOnly) const;
    // What a DAW or notation program needs to show any piece sensibly, which generated pieces may lack: a name on
    // every track (its instrument, or "Drums") and an explicit time signature (the 4/4 an empty list means).
    static Score withNamesAndMeter(Score score);
    QString exportAbc(const QString& path) const;

private:
    ScoreDocument* document_;
};

}  // namespace nf
