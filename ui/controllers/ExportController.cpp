// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/ExportController.h"

#include <algorithm>

#include "abc/AbcWriter.h"
#include "document/ScoreDocument.h"
#include "music/ExportNames.h"
#include "music/PitchNames.h"
#include "smf/MidiFileWriter.h"
#include "util/AtomicFile.h"

namespace nf {

ExportController::ExportController(ScoreDocument* document, QObject* parent) : QObject(parent), document_(document) {}

QString ExportController::exportMidi(const QString& path, bool selectionOnly) const {
    if (document_->isEmpty()) return tr("Nothing to export: no piece is open");
    try {
        Score score = document_->score();
        if (selectionOnly) {
            if (document_->selection().empty()) return tr("Nothing selected to export");
            for (Track& t : score.tracks)
                std::erase_if(t.notes, [&](const Note& n) { return !document_->isSelected(n.id); });
            std::erase_if(score.tracks, [](const Track& t) { return t.notes.empty(); });
        }
        writeMidiFile(withNamesAndMeter(std::move(score)), path.toStdString());
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

Score ExportController::withNamesAndMeter(Score score) { return withTrackNamesAndMeter(std::move(score)); }

QString ExportController::exportAbc(const QString& path) const {
    if (document_->isEmpty()) return tr("Nothing to export: no piece is open");
    try {
        const Score& score = document_->score();
        // The active track when it is a melody, else the first one that is.
        int track = document_->activeTrack();
        const auto& tracks = score.tracks;
        auto monophonic = [&](int t) {
            if (t < 0 || t >= static_cast<int>(tracks.size()) || tracks[static_cast<std::size_t>(t)].isDrum) return false;
            const auto& notes = tracks[static_cast<std::size_t>(t)].notes;
            for (std::size_t i = 1; i < notes.size(); ++i)
                if (notes[i].start < notes[i - 1].end()) return false;
            return !notes.empty();
        };
        if (!monophonic(track)) track = firstMonophonicTrack(score);
        if (track < 0) return tr("%1: no monophonic track to write as ABC (ABC export takes one melody)").arg(path);
        AbcWriteOptions options;
        options.title = document_->name().toStdString();
        writeFileAtomically(path.toStdString(), writeAbc(score, static_cast<std::size_t>(track), options));
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

}  // namespace nf
