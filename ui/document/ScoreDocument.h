// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <map>
#include <set>

#include "commands/NoteChange.h"
#include "commands/NoteChangeTarget.h"
#include "document/NoteInsight.h"
#include "music/Score.h"

namespace nf {

// The piece open in the editor: the Score, its undo history, the note selection and the active track.
// Widgets read it and change it only through undo commands, so every edit can be walked back.
class ScoreDocument : public QObject, public NoteChangeTarget {
    Q_OBJECT
public:
    explicit ScoreDocument(QObject* parent = nullptr);

    const Score& score() const { return score_; }
    // Replaces the piece (normalised, every note given an id) and forgets the undo history and selection.
    void setScore(Score score, const QString& name, std::map<NoteId, NoteInsight> insights = {});
    const QString& name() const { return name_; }
    bool isEmpty() const { return score_.tracks.empty(); }
    QUndoStack* undoStack() { return &undo_; }

    const std::set<NoteId>& selection() const { return selection_; }
    bool isSelected(NoteId id) const { return selection_.count(id) != 0; }
    void setSelection(std::set<NoteId> ids);
    // Every note of the active track.
    void selectAll();
    // Every note of every track (Ctrl+A).
    void selectAllTracks();
    // Notes of the selection as they are now (ids no longer in the score are skipped).
    std::vector<std::pair<std::size_t, Note>> selectedNotes() const;

    // The model's view of generated notes (empty for pieces that were not generated).
    bool hasInsights() const { return !insights_.empty(); }
    const NoteInsight* insight(NoteId id) const;
    const std::map<NoteId, NoteInsight>& insights() const { return insights_; }

    int activeTrack() const { return activeTrack_; }
    void setActiveTrack(int track);
    const Note* findNote(NoteId id, std::size_t* track = nullptr) const;

    // Pushes an undoable note edit (applied at once). Edits with the same non-zero mergeKey merge into one
    // undo step, which is how a mouse drag becomes a single step; newMergeKey() gives a fresh key per gesture.
    void pushNoteChanges(const QString& text, NoteChanges changes, qint64 mergeKey = 0);
    qint64 newMergeKey() { return ++lastMergeKey_; }
    // An edit of the whole score (tracks added or removed) as one undo step that swaps snapshots.
    void pushScoreSnapshot(const QString& text, Score after);
    NoteId newNoteId() { return score_.newNoteId(); }

    // For undo commands only: apply a change and tell the views.
    void applyNoteChanges(const NoteChanges& changes, bool forward) override;
    // For closures of LambdaCommand that change other parts of the score (tracks, meter, tempo).
    Score& mutableScore() { return score_; }
    void notifyScoreChanged();

signals:
    void scoreReplaced();
    void scoreChanged();
    void selectionChanged();
    void activeTrackChanged(int track);

private:
    Score score_;
    QString name_;
    QUndoStack undo_;
    std::set<NoteId> selection_;
    std::map<NoteId, NoteInsight> insights_;
    int activeTrack_ = 0;
    qint64 lastMergeKey_ = 0;
};

}  // namespace nf
