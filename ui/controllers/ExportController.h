// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

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
    QString exportAbc(const QString& path) const;

private:
    ScoreDocument* document_;
};

}  // namespace nf
