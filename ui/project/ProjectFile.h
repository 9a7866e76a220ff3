// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

#include "document/NoteInsight.h"
#include "evaluation/EvaluationReport.h"
#include "music/Score.h"
#include "generation/SteeringJob.h"

namespace nf {

// One piece kept in a project: its name, the generation recipe when it was generated, the music itself, and for a
// generated piece what the model thought of its notes and how it was evaluated, so a reopened project shows the
// same confidence colours, alternatives and figures.
struct ProjectPiece {
    QString name;
    QString recipe;  // "NoteForge recipe {...}" or empty
    Score score;
    std::map<NoteId, NoteInsight> insights;     // by the ids of `score`'s notes
    std::optional<PieceEvaluation> evaluation;  // the figures the Generation panel shows
};

// How a track of the editor's piece is heard: listening state, not music, so it is not in the MIDI bytes.
struct ProjectTrackState {
    bool mute = false;
    bool solo = false;
    int volume = -1;  // CC7 set in the studio, -1 = as the track says
    int pan = -1;     // CC10, -1 = as the track says
    bool operator==(const ProjectTrackState&) const = default;
};

// The model's candidates for a passage of the editor's piece (Compose), kept so that a reopened project offers
// them again: the job as asked (the piece then, where, the controls) and each candidate as a whole piece. Note ids
// do not survive the MIDI bytes; on reading, a candidate's notes that equal the base's get the base's ids, so Keep
// changes exactly what the model changed.
struct ProjectSteering {
    SteeringJob job;
    std::vector<Score> candidates;
    int current = -1;
};

// The piano roll's zoom and scroll, so a project opens where the work was left.
struct ProjectView {
    double pixelsPerTick = 0;
    double keyHeight = 0;
    double scrollX = 0;
    double scrollY = 0;
};

// A studio session on disk: the dataset folder, the model files, the piece in the editor with its edits, the
// generated pieces with their recipes. Music is stored as Standard MIDI bytes (tracks, instruments, tempo and
// controllers included), inside a JSON document so a person can read the rest.
struct ProjectData {
    // 2: the steering candidates ("steering"). Version 1 files open unchanged.
    static constexpr int kVersion = 2;
    QString datasetPath;
    QStringList models;       // trained in the session (the Training panel's list)
    QString generationModel;  // the Generation panel's choice (a base model, a trained one, a file); may be empty
    int datasetPiece = -1;  // which dataset piece the editor's piece came from, -1 if none
    std::optional<ProjectPiece> current;
    std::vector<ProjectPiece> generated;
    std::vector<ProjectTrackState> tracks;  // of the current piece, by track index
    std::optional<ProjectView> view;
    std::optional<ProjectSteering> steering;
};

namespace ProjectFile {
constexpr const char* kExtension = "nfproject";
// Writes atomically (a crash never leaves half a project). Throws std::runtime_error "FILE: reason".
void write(const QString& path, const ProjectData& project);
// Throws std::runtime_error "FILE: reason" for a missing, foreign, damaged or newer project file.
ProjectData read(const QString& path);
}  // namespace ProjectFile

}  // namespace nf
