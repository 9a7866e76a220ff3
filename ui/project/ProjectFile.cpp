// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/ProjectFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

#include "project/MidiBase64.h"
#include "project/ProjectSteeringJson.h"
#include "util/AtomicFile.h"

namespace nf {

namespace {

const char* kFormat = "noteforge-project";

// Note ids do not survive the MIDI bytes, so a note's insight is stored with what finds the note again: its track,
// start, pitch and length.
QJsonArray insightsToJson(const Score& score, const std::map<NoteId, NoteInsight>& insights) {
    QJsonArray out;
    for (std::size_t t = 0; t < score.tracks.size(); ++t)
        for (const Note& n : score.tracks[t].notes) {
            const auto it = insights.find(n.id);
            if (it == insights.end()) continue;
            QJsonArray alternatives;
            for (const auto& [token, p] : it->second.alternatives)
                alternatives.append(QJsonArray{QString::fromStdString(token), static_cast<double>(p)});
            out.append(QJsonObject{{"track", static_cast<int>(t)},
                                   {"start", static_cast<qint64>(n.start)},
                                   {"pitch", n.pitch},
                                   {"duration", static_cast<qint64>(n.duration)},
                                   {"p", static_cast<double>(it->second.probability)},
                                   {"alternatives", alternatives}});
        }
    return out;
}

std::map<NoteId, NoteInsight> insightsFromJson(const QJsonArray& array, const Score& score) {
    // Track indices can shift when empty tracks are not written; the same track is preferred, any track accepted.
    std::map<std::tuple<Tick, int, Tick>, std::vector<std::pair<std::size_t, NoteId>>> notes;
    for (std::size_t t = 0; t < score.tracks.size(); ++t)
        for (const Note& n : score.tracks[t].notes) notes[{n.start, n.pitch, n.duration}].emplace_back(t, n.id);
    std::map<NoteId, NoteInsight> out;
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        auto it = notes.find({o["start"].toInteger(), o["pitch"].toInt(), o["duration"].toInteger()});
        if (it == notes.end() || it->second.empty()) continue;
        auto& candidates = it->second;
        auto pick = std::find_if(candidates.begin(), candidates.end(),
                                 [&](const auto& c) { return static_cast<int>(c.first) == o["track"].toInt(); });
        if (pick == candidates.end()) pick = candidates.begin();
        NoteInsight in;
        in.probability = static_cast<float>(o["p"].toDouble());
        for (const QJsonValue& a : o["alternatives"].toArray())
            in.alternatives.emplace_back(a[0].toString().toStdString(), static_cast<float>(a[1].toDouble()));
        out.emplace(pick->second, std::move(in));
        candidates.erase(pick);
    }
    return out;
}

// The figures of the Generation panel's table (novelty, longest copy, repeats, key fit); NaN is stored as null.
QJsonValue number(double x) { return std::isnan(x) ? QJsonValue() : QJsonValue(x); }
double numberOf(const QJsonValue& v) { return v.isDouble() ? v.toDouble() : kNoValue; }

QJsonObject evaluationToJson(const PieceEvaluation& e) {
    QJsonObject o{{"notes", static_cast<qint64>(e.notes)},
                  {"repeat_share", number(e.repetition.repeatShare)},
                  {"longest_run", e.repetition.longestRun},
                  {"key_tonic", e.tonal.key.tonic},
                  {"key_minor", e.tonal.key.minor},
                  {"key_correlation", e.tonal.key.correlation},
                  {"in_scale_share", number(e.tonal.inScaleShare)}};
    if (e.novelty)
        o["novelty"] = QJsonObject{{"pitch_8_ngrams", static_cast<qint64>(e.novelty->pitch8.ngrams)},
                                   {"pitch_8_novel", static_cast<qint64>(e.novelty->pitch8.novel)},
                                   {"pitch_8_share", number(e.novelty->pitch8.share)},
                                   {"longest_copy", e.novelty->longestCopy.length},
                                   {"longest_copy_file", QString::fromStdString(e.novelty->longestCopy.file)}};
    return o;
}

PieceEvaluation evaluationFromJson(const QJsonObject& o) {
    PieceEvaluation e;
    e.notes = static_cast<std::size_t>(o["notes"].toInteger());
    e.repetition.repeatShare = numberOf(o["repeat_share"]);
    e.repetition.longestRun = o["longest_run"].toInt();
    e.tonal.key.tonic = o["key_tonic"].toInt();
    e.tonal.key.minor = o["key_minor"].toBool();
    e.tonal.key.correlation = o["key_correlation"].toDouble();
    e.tonal.inScaleShare = numberOf(o["in_scale_share"]);
    if (o.contains("novelty")) {
        const QJsonObject n = o["novelty"].toObject();
        NoveltyFigures f;
        f.pitch8.ngrams = static_cast<std::size_t>(n["pitch_8_ngrams"].toInteger());
        f.pitch8.novel = static_cast<std::size_t>(n["pitch_8_novel"].toInteger());
        f.pitch8.share = numberOf(n["pitch_8_share"]);
        f.longestCopy.length = n["longest_copy"].toInt();
        f.longestCopy.file = n["longest_copy_file"].toString().toStdString();
        e.novelty = f;
    }
    return e;
}

QJsonObject pieceToJson(const ProjectPiece& p) {
    QJsonObject o;
    o["name"] = p.name;
    if (!p.recipe.isEmpty()) o["recipe"] = p.recipe;
    o["midi"] = midiBase64(p.score);
    if (!p.insights.empty()) o["confidence"] = insightsToJson(p.score, p.insights);
    if (p.evaluation) o["evaluation"] = evaluationToJson(*p.evaluation);
    return o;
}

ProjectPiece pieceFromJson(const QJsonObject& o, const QString& file) {
    ProjectPiece p;
    p.name = o["name"].toString();
    p.recipe = o["recipe"].toString();
    if (QByteArray::fromBase64(o["midi"].toString().toLatin1()).isEmpty())
        throw std::runtime_error(file.toStdString() + ": piece '" + p.name.toStdString() + "' has no music");
    // Ids as the editor will give them, so the insights below name the notes the editor shows.
    p.score = scoreFromMidiBase64(o["midi"].toString(), file.toStdString() + " (" + p.name.toStdString() + ")");
    p.insights = insightsFromJson(o["confidence"].toArray(), p.score);
    if (o.contains("evaluation")) p.evaluation = evaluationFromJson(o["evaluation"].toObject());
    return p;
}

}  // namespace

void ProjectFile::write(const QString& path, const ProjectData& project) {
    QJsonObject root;
    root["format"] = kFormat;
    root["version"] = ProjectData::kVersion;
    root["dataset"] = project.datasetPath;
    root["models"] = QJsonArray::fromStringList(project.models);
    if (!project.generationModel.isEmpty()) root["generation_model"] = project.generationModel;
    root["dataset_piece"] = project.datasetPiece;
    if (project.current) root["current"] = pieceToJson(*project.current);
    QJsonArray generated;
    for (const ProjectPiece& p : project.generated) generated.append(pieceToJson(p));
    root["generated"] = generated;
    QJsonArray tracks;
    for (const ProjectTrackState& t : project.tracks)
        tracks.append(QJsonObject{{"mute", t.mute}, {"solo", t.solo}, {"volume", t.volume}, {"pan", t.pan}});
    root["tracks"] = tracks;
    if (project.steering) root["steering"] = steeringToJson(*project.steering);
    if (project.view)
        root["view"] = QJsonObject{{"pixels_per_tick", project.view->pixelsPerTick},
                                   {"key_height", project.view->keyHeight},
                                   {"scroll_x", project.view->scrollX},
                                   {"scroll_y", project.view->scrollY}};
    writeFileAtomically(path.toStdString(), QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString());
}

ProjectData ProjectFile::read(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) throw std::runtime_error(path.toStdString() + ": " + f.errorString().toStdString());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (doc.isNull())
        throw std::runtime_error(path.toStdString() + ":@" + std::to_string(error.offset) + ": " +
                                 error.errorString().toStdString());
    const QJsonObject root = doc.object();
    if (root["format"].toString() != kFormat) throw std::runtime_error(path.toStdString() + ": not a NoteForge project");
    if (root["version"].toInt() > ProjectData::kVersion)
        throw std::runtime_error(path.toStdString() + ": made by a newer NoteForge (project version " +
                                 std::to_string(root["version"].toInt()) + ")");
    ProjectData p;
    p.datasetPath = root["dataset"].toString();
    for (const QJsonValue& m : root["models"].toArray()) p.models << m.toString();
    p.generationModel = root["generation_model"].toString();
    p.datasetPiece = root["dataset_piece"].toInt(-1);
    if (root.contains("current")) p.current = pieceFromJson(root["current"].toObject(), path);
    for (const QJsonValue& g : root["generated"].toArray()) p.generated.push_back(pieceFromJson(g.toObject(), path));
    for (const QJsonValue& t : root["tracks"].toArray())
        p.tracks.push_back({t["mute"].toBool(), t["solo"].toBool(), t["volume"].toInt(-1), t["pan"].toInt(-1)});
    if (root.contains("view")) {
        const QJsonObject v = root["view"].toObject();
        p.view = ProjectView{v["pixels_per_tick"].toDouble(), v["key_height"].toDouble(), v["scroll_x"].toDouble(),
                             v["scroll_y"].toDouble()};
    }
    if (root.contains("steering")) p.steering = steeringFromJson(root["steering"].toObject(), path);
    return p;
}

}  // namespace nf
