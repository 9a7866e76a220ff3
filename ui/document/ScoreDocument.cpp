// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/ScoreDocument.h"

#include "commands/LambdaCommand.h"
#include "commands/NoteEditCommand.h"

namespace nf {

ScoreDocument::ScoreDocument(QObject* parent) : QObject(parent) {}

void ScoreDocument::setScore(Score score, const QString& name, std::map<NoteId, NoteInsight> insights) {
    insights_ = std::move(insights);
    score.assignMissingIds();
    score.normalize();
    score_ = std::move(score);
    name_ = name;
    undo_.clear();
    selection_.clear();
    activeTrack_ = 0;
    emit scoreReplaced();
    emit selectionChanged();
    emit activeTrackChanged(activeTrack_);
}

const NoteInsight* ScoreDocument::insight(NoteId id) const {
    auto it = insights_.find(id);
    return it == insights_.end() ? nullptr : &it->second;
}

void ScoreDocument::setSelection(std::set<NoteId> ids) {
    if (ids == selection_) return;
    selection_ = std::move(ids);
    emit selectionChanged();
}

void ScoreDocument::selectAll() {
    std::set<NoteId> all;
    if (activeTrack_ >= 0 && activeTrack_ < static_cast<int>(score_.tracks.size()))
        for (const Note& n : score_.tracks[static_cast<std::size_t>(activeTrack_)].notes) all.insert(n.id);
    setSelection(std::move(all));
}

void ScoreDocument::selectAllTracks() {
    std::set<NoteId> all;
    for (const Track& t : score_.tracks)
        for (const Note& n : t.notes) all.insert(n.id);
    setSelection(std::move(all));
}

std::vector<std::pair<std::size_t, Note>> ScoreDocument::selectedNotes() const {
    std::vector<std::pair<std::size_t, Note>> out;
    if (selection_.empty()) return out;
    for (std::size_t t = 0; t < score_.tracks.size(); ++t)
        for (const Note& n : score_.tracks[t].notes)
            if (selection_.count(n.id)) out.emplace_back(t, n);
    return out;
}

void ScoreDocument::setActiveTrack(int track) {
    if (track == activeTrack_ || track < 0 || track >= static_cast<int>(score_.tracks.size())) return;
    activeTrack_ = track;
    emit activeTrackChanged(track);
}

const Note* ScoreDocument::findNote(NoteId id, std::size_t* track) const {
    for (std::size_t t = 0; t < score_.tracks.size(); ++t)
        for (const Note& n : score_.tracks[t].notes)
            if (n.id == id) {
                if (track) *track = t;
                return &n;
            }
    return nullptr;
}

void ScoreDocument::pushNoteChanges(const QString& text, NoteChanges changes, qint64 mergeKey) {
    if (changes.empty()) return;
    undo_.push(new NoteEditCommand(this, text, std::move(changes), mergeKey));
}

void ScoreDocument::pushScoreSnapshot(const QString& text, Score after) {
    auto set = [this](const Score& s) {
        score_ = s;
        if (activeTrack_ >= static_cast<int>(score_.tracks.size())) activeTrack_ = 0;
        notifyScoreChanged();
    };
    undo_.push(new LambdaCommand(text, [set, after] { set(after); }, [set, before = score_] { set(before); }));
}

void ScoreDocument::applyNoteChanges(const NoteChanges& changes, bool forward) {
    nf::applyNoteChanges(score_, changes, forward);
    notifyScoreChanged();
}

void ScoreDocument::notifyScoreChanged() { emit scoreChanged(); }

}  // namespace nf
