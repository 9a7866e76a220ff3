// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSpinBox>

#include "music/Note.h"

namespace nf {

class ScoreDocument;

// The transport's tempo: shows the tempo at the playhead, and typing a new one changes the piece's tempo there
// as one undo step. Every tempo change of the piece is scaled by the same factor, so a ritardando stays a
// ritardando; notes keep their ticks (bars and beats), only their times change, and playback and audio export
// follow.
class TempoBox : public QSpinBox {
    Q_OBJECT
public:
    static constexpr int kMinBpm = 20;
    static constexpr int kMaxBpm = 400;

    explicit TempoBox(ScoreDocument* document, QWidget* parent = nullptr);

public slots:
    // Shows the tempo in force at `tick` (the playhead).
    void showAt(nf::Tick tick);

private:
    void apply(int bpm);
    ScoreDocument* document_;
    Tick tick_ = 0;
    bool showing_ = false;
};

}  // namespace nf
