// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>

#include "music/Note.h"

namespace nf {

class PianoRollCanvas;
struct NoteHit;

// Moving or resizing the selection with the mouse, shared by the select and draw tools. Each mouse move pushes
// the difference to the previous position with one merge key, so the whole drag is one undo step; the grabbed
// note snaps to the grid and the rest of the selection keeps its offsets.
class NoteDrag {
public:
    enum class Mode { None, Move, Resize };

    // mergeKey 0 starts a new undo step; a caller that already pushed part of the gesture passes its key.
    void begin(PianoRollCanvas& canvas, const NoteHit& grabbed, QPointF pos, Mode mode, qint64 mergeKey = 0);
    void update(PianoRollCanvas& canvas, QPointF pos);
    void end() { mode_ = Mode::None; }
    bool active() const { return mode_ != Mode::None; }

private:
    Mode mode_ = Mode::None;
    NoteId grabbed_ = 0;
    Note original_;
    Tick pressTick_ = 0;
    int pressPitch_ = 0;
    qint64 mergeKey_ = 0;
};

}  // namespace nf
