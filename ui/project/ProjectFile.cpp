// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/ProjectFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

#include "smf/MidiFileReader.h"
#include "smf/MidiFileWriter.h"
#include "util/AtomicFile.h"

namespace nf {

namespace {

const char* kFormat = "noteforge-project";

QJsonObject pieceToJson(const ProjectPiece& p) {
    const std::vector<std::uint8_t> midi = writeMidiBytes(p.score);
    QJsonObject o;
    o["name"] = p.name;
    if (!p.recipe.isEmpty()) o["recipe"] = p.recipe;
    o["midi"] = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(midi.data()), static_cast<qsizetype>(midi.size())).toBase64());
    return o;
}

ProjectPiece pieceFromJson(const QJsonObject& o, const QString& file) {
    ProjectPiece p;
    p.name = o["name"].toString();
    p.recipe = o["recipe"].toString();
    const QByteArray bytes = QByteArray::fromBase64(o["midi"].toString().toLatin1());
    if (bytes.isEmpty()) throw std::runtime_error(file.toStdString() + ": piece '" + p.name.toStdString() + "' has no music");
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.constData());
    p.score = readMidiBytes(std::span<const std::uint8_t>(data, static_cast<std::size_t>(bytes.size())),
                            file.toStdString() + " (" + p.name.toStdString() + ")")
                  .score;
    return p;
}

}  // namespace

void ProjectFile::write(const QString& path, const ProjectData& project) {
    QJsonObject root;
    root["format"] = kFormat;
    root["version"] = ProjectData::kVersion;
    root["dataset"] = project.datasetPath;
    root["models"] = QJsonArray::fromStringList(project.models);
    root["dataset_piece"] = project.datasetPiece;
    if (project.current) root["current"] = pieceToJson(*project.current);
    QJsonArray generated;
    for (const ProjectPiece& p : project.generated) generated.append(pieceToJson(p));
    root["generated"] = generated;
    QJsonArray tracks;
    for (const ProjectTrackState& t : project.tracks)
        tracks.append(QJsonObject{{"mute", t.mute}, {"solo", t.solo}, {"volume", t.volume}, {"pan", t.pan}});
    root["tracks"] = tracks;
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
    return p;
}

}  // namespace nf
