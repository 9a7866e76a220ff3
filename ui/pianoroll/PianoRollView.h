// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "music/Scale.h"

#include <QWidget>

#include <memory>

#include "editing/SnapGrid.h"
#include "pianoroll/NoteIndex.h"
#include "pianoroll/PianoRollGeometry.h"

class QScrollBar;
class QWheelEvent;

namespace nf {

class DrawTool;
class EraseTool;
class PianoKeyboard;
class PianoRollCanvas;
class PianoRollTool;
class ScoreDocument;
class SelectTool;
class TimeRuler;
class VelocityLane;

// The central editor: ruler on top, keyboard at the left, notes in the middle, velocity lane below, scroll
// bars. It draws the ScoreDocument it is given and edits it through the current tool; it owns the view state
// (zoom, scroll, grid, tool), never the music.
class PianoRollView : public QWidget {
    Q_OBJECT
public:
    enum class ToolKind { Select, Draw, Erase };

    explicit PianoRollView(QWidget* parent = nullptr);
    ~PianoRollView() override;

    void setDocument(ScoreDocument* document);
    ScoreDocument* document() const { return document_; }
    PianoRollGeometry& geometry() { return geometry_; }
    const SnapGrid& grid() const { return grid_; }
    void setGridDivision(SnapGrid::Division division);
    const NoteIndex& noteIndex() const { return noteIndex_; }

    ToolKind toolKind() const { return toolKind_; }
    void setTool(ToolKind kind);
    PianoRollTool* tool() const;

    PianoRollCanvas* canvas() const { return canvas_; }
    VelocityLane* velocityLane() const { return lane_; }
    PianoKeyboard* keyboard() const { return keyboard_; }
    TimeRuler* ruler() const { return ruler_; }
    QScrollBar* horizontalScrollBar() const { return hScroll_; }
    QScrollBar* verticalScrollBar() const { return vScroll_; }

    // Generated pieces: notes coloured by the model's confidence instead of velocity.
    bool colourByConfidence() const { return colourByConfidence_; }
    void setColourByConfidence(bool on);

    // Position marker (playback or paste position), -1 for none.
    Tick playhead() const { return playhead_; }
    void setPlayhead(Tick tick);
    // Moves the playhead while playing; with follow on, scrolls so the playhead stays in view.
    void followPlayhead(Tick tick, bool scroll);
    // Loop region shown on the ruler and the grid; end <= start clears it.
    void setLoopRegion(Tick start, Tick end);
    Tick loopStart() const { return loopStart_; }
    Tick loopEnd() const { return loopEnd_; }
    // Whole bars chosen by dragging on the ruler, [start, end) in ticks, for Regenerate Selection; drawn across the
    // lanes. end <= start clears it; a new piece clears it.
    void setBarSelection(Tick start, Tick end);
    bool hasBarSelection() const { return barSelectionEnd_ > barSelectionStart_; }
    Tick barSelectionStart() const { return barSelectionStart_; }
    Tick barSelectionEnd() const { return barSelectionEnd_; }
    // A candidate of the model drawn over the piece while it is auditioned: the notes it would remove faint, the
    // notes it would write as framed boxes. Cleared when the candidate is kept or dropped.
    struct CandidateOverlay {
        std::set<NoteId> removed;
        std::vector<std::pair<std::size_t, Note>> added;  // (track index, note)
        bool empty() const { return removed.empty() && added.empty(); }
    };
    // Also scrolls to the candidate's notes when none of them is in view (the zoom kept).
    void setCandidateOverlay(CandidateOverlay overlay);
    const CandidateOverlay& candidateOverlay() const { return overlay_; }
    // The rows of a scale, highlighted in the note area: the key lock of a regeneration while its strip is open
    // (setScaleHighlight), else the musician's scale guide (View > Scale Guide). The draw tool puts new pitched
    // notes on the shown scale. nullopt: none.
    void setScaleHighlight(std::optional<Scale> scale);
    const std::optional<Scale>& scaleHighlight() const { return scaleHighlight_; }
    void setScaleGuide(std::optional<Scale> scale);
    // The pitch range of a regeneration (low, high), drawn beside the keyboard; nullopt: none.
    void setPitchRange(std::optional<std::pair<int, int>> range);
    const std::optional<std::pair<int, int>>& pitchRange() const { return pitchRange_; }
    const std::optional<Scale>& scaleGuide() const { return scaleGuide_; }
    const std::optional<Scale>& shownScale() const { return scaleHighlight_ ? scaleHighlight_ : scaleGuide_; }
    // Ticks of the visible part of the piece.
    Tick visibleStartTick() const;
    Tick visibleEndTick() const;
    // Where Paste puts notes: the playhead if set, else the left edge of the view.
    Tick pastePosition() const;

    // Scrolls vertically, if needed, so that keys low..high are in view (centred on them when they fit).
    void ensurePitchesVisible(int low, int high);
    // Puts a part's strip (the steering controls) above the ruler, across the whole editor; hide it when idle.
    void addStrip(QWidget* strip);

    // Wheel: scroll; Shift+wheel: scroll sideways; Ctrl+wheel: zoom time; Ctrl+Shift+wheel: zoom pitch.
    void handleWheel(QWheelEvent* event, QWidget* source);

public slots:
    void zoomIn();
    void zoomOut();
    void zoomInVertically();
    void zoomOutVertically();
    // Shows the whole piece: every bar and every pitch (Ctrl+0).
    void zoomToFit();
    void setVelocityLaneVisible(bool visible);
    // After any zoom/scroll change: keeps scroll bars in range and repaints every part.
    void refresh();

signals:
    void hoverText(const QString& text);
    void toolChanged(nf::PianoRollView::ToolKind kind);
    void gridChanged(nf::SnapGrid::Division division);
    void keyAuditioned(int pitch, bool pressed);
    void playheadMoved(nf::Tick tick);
    void barSelectionChanged();
    // Keys low..high dragged over on the keyboard.
    void keyboardRangeDragged(int low, int high);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    enum class FitExtent { WholePiece, Opening };
    void fitView(FitExtent extent);
    void onScoreReplaced();
    void onScoreChanged();
    void onHover(Tick tick, int pitch);
    Tick contentEndTick() const;
    void revealCandidate();

    ScoreDocument* document_ = nullptr;
    PianoRollGeometry geometry_;
    SnapGrid grid_;
    NoteIndex noteIndex_;
    ToolKind toolKind_ = ToolKind::Select;
    std::unique_ptr<SelectTool> selectTool_;
    std::unique_ptr<DrawTool> drawTool_;
    std::unique_ptr<EraseTool> eraseTool_;
    Tick playhead_ = -1;
    Tick loopStart_ = 0;
    Tick loopEnd_ = 0;
    Tick barSelectionStart_ = 0;
    Tick barSelectionEnd_ = 0;
    std::optional<Scale> scaleHighlight_;
    std::optional<Scale> scaleGuide_;
    std::optional<std::pair<int, int>> pitchRange_;
    CandidateOverlay overlay_;
    bool syncing_ = false;
    bool colourByConfidence_ = true;

    PianoRollCanvas* canvas_ = nullptr;
    PianoKeyboard* keyboard_ = nullptr;
    TimeRuler* ruler_ = nullptr;
    VelocityLane* lane_ = nullptr;
    QScrollBar* hScroll_ = nullptr;
    QScrollBar* vScroll_ = nullptr;
};

}  // namespace nf
