// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "dataset/Dataset.h"

class QComboBox;
class QLabel;

namespace nf {

class PianoRollView;
class ScoreDocument;

// The Dataset panel's "encoding check": a piece as it is, and below it the same piece encoded into a
// representation's tokens and decoded again, with what survived (pitches and onsets, durations, velocities).
// It shows a musician what a model trained on that representation can never learn.
class EncodingCheckDialog : public QDialog {
    Q_OBJECT
public:
    struct Kept {
        std::size_t original = 0, decoded = 0;
        std::size_t pitchAndOnset = 0;  // original notes with a decoded note of the same pitch starting within 10 ms
        std::size_t duration = 0;       // of those, also the same length (within 10 ms)
        std::size_t velocity = 0;       // of those, also the same velocity
    };
    // Compares in seconds (each score through its own tempo map), ignoring drums.
    static Kept compare(const Score& original, const Score& decoded);

    EncodingCheckDialog(const Piece& piece, QWidget* parent = nullptr);

    void setRepresentation(const QString& kind);
    const Score& decoded() const;
    QLabel* summary() const { return summary_; }

private:
    Piece piece_;
    QComboBox* kind_;
    QLabel* summary_;
    ScoreDocument* originalDoc_;
    ScoreDocument* decodedDoc_;
    PianoRollView* originalView_;
    PianoRollView* decodedView_;
};

}  // namespace nf
