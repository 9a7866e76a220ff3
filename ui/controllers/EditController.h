// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace nf {

class PianoRollView;
class ScoreDocument;

// The Edit menu's operations on the open piece (clipboard, delete, transpose, quantize, select), each pushed
// as one undo step. Kept out of the widgets so the menu, shortcuts and tests share one implementation.
class EditController : public QObject {
    Q_OBJECT
public:
    EditController(ScoreDocument* document, PianoRollView* view, QObject* parent = nullptr);

public slots:
    void copy();
    void cut();
    void paste();
    void deleteSelection();
    void selectAll();
    void selectTrack();
    void selectNone();
    void transpose(int semitones);
    void quantize();

signals:
    // A one-line explanation when an operation does nothing (no selection, out of range).
    void status(const QString& text);

private:
    bool requireSelection();
    ScoreDocument* document_;
    PianoRollView* view_;
};

}  // namespace nf
