// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/ProjectSteeringJson.h"

#include <QJsonArray>

#include <algorithm>
#include <stdexcept>

#include "project/MidiBase64.h"
#include "music/NoteIdentity.h"

namespace nf {

namespace {

const char* kindWord(SteeringJob::Kind kind) {
    switch (kind) {
        case SteeringJob::Kind::Regenerate: return "regenerate";
        case SteeringJob::Kind::AddPart: return "add-part";
        case SteeringJob::Kind::Continue: return "continue";
    }
    return "regenerate";
}

void putOptional(QJsonObject& o, const char* key, const std::optional<int>& v) {
    if (v) o[key] = *v;
}

std::optional<int> optionalInt(const QJsonObject& o, const char* key) {
    if (!o.contains(key)) return std::nullopt;
    return o[key].toInt();
}

}  // namespace

QJsonObject steeringToJson(const ProjectSteering& s) {
    const SteeringJob& job = s.job;
    QJsonObject controls;
    putOptional(controls, "density", job.controls.density);
    putOptional(controls, "polyphony", job.controls.polyphony);
    putOptional(controls, "lowest", job.controls.lowest);
    putOptional(controls, "highest", job.controls.highest);
    if (const auto& scale = job.controls.scale) {
        controls["scale"] = QString::fromStdString(scale->name);
        // A lock that is no named scale (the piece's own notes) comes back from its notes, tonic and third.
        QJsonArray pitchClasses;
        for (int pc = 0; pc < 12; ++pc)
            if (scale->pitchClasses[static_cast<std::size_t>(pc)]) pitchClasses.append(pc);
        controls["scale_pitch_classes"] = pitchClasses;
        controls["scale_tonic"] = scale->tonic;
        controls["scale_minor_third"] = scale->minorThird;
    }
    if (job.controls.noteBeats) controls["note_beats"] = *job.controls.noteBeats;
    if (job.controls.keepRhythm) controls["keep_rhythm"] = true;
    QJsonArray tracks;
    for (std::size_t t : job.tracks) tracks.append(static_cast<int>(t));
    QJsonArray candidates;
    for (const Score& c : s.candidates) candidates.append(midiBase64(c));
    return QJsonObject{{"kind", kindWord(job.kind)},
                       {"base", midiBase64(job.base)},
                       {"span_start", static_cast<qint64>(job.spanStart)},
                       {"span_end", static_cast<qint64>(job.spanEnd)},
                       {"tracks", tracks},
                       {"program", job.program},
                       {"drum_model", QString::fromStdString(job.drumModelPath)},
                       {"bars", job.bars},
                       {"controls", controls},
                       {"temperature", job.sampling.temperature},
                       {"seed", QString::number(job.sampling.seed)},  // 64 bits do not fit a JSON double
                       {"candidates", candidates},
                       {"current", s.current}};
}

ProjectSteering steeringFromJson(const QJsonObject& o, const QString& file) {
    const std::string where = file.toStdString() + " (steering candidates)";
    ProjectSteering s;
    SteeringJob& job = s.job;
    const QString kind = o["kind"].toString();
    if (kind == "regenerate") job.kind = SteeringJob::Kind::Regenerate;
    else if (kind == "add-part") job.kind = SteeringJob::Kind::AddPart;
    else if (kind == "continue") job.kind = SteeringJob::Kind::Continue;
    else throw std::runtime_error(where + ": unknown kind '" + kind.toStdString() + "'");
    job.base = scoreFromMidiBase64(o["base"].toString(), where);
    job.spanStart = o["span_start"].toInteger();
    job.spanEnd = o["span_end"].toInteger();
    for (const QJsonValue& t : o["tracks"].toArray())
        if (t.toInt() >= 0) job.tracks.push_back(static_cast<std::size_t>(t.toInt()));
    job.program = o["program"].toInt();
    job.drumModelPath = o["drum_model"].toString().toStdString();  // absent in projects before drum models
    job.bars = o["bars"].toInt(4);
    const QJsonObject c = o["controls"].toObject();
    job.controls.density = optionalInt(c, "density");
    job.controls.polyphony = optionalInt(c, "polyphony");
    job.controls.lowest = optionalInt(c, "lowest");
    job.controls.highest = optionalInt(c, "highest");
    if (c.contains("scale_pitch_classes")) {  // projects before the piece's-notes lock have the name alone
        Scale scale;
        scale.name = c["scale"].toString().toStdString();
        scale.tonic = std::clamp(c["scale_tonic"].toInt(), 0, 11);
        scale.minorThird = c["scale_minor_third"].toBool();
        bool any = false;
        for (const QJsonValue& value : c["scale_pitch_classes"].toArray()) {
            const int pc = value.toInt(-1);
            if (pc >= 0 && pc < 12) any = scale.pitchClasses[static_cast<std::size_t>(pc)] = true;
        }
        if (!any) throw std::runtime_error(where + ": the key lock '" + scale.name + "' has no notes");
        job.controls.scale = scale;
    } else if (c.contains("scale")) {
        job.controls.scale = parseScale(c["scale"].toString().toStdString());
    }
    if (c.contains("note_beats")) job.controls.noteBeats = c["note_beats"].toDouble();
    job.controls.keepRhythm = c["keep_rhythm"].toBool(false);  // absent in projects before the rhythm lock
    job.sampling.temperature = o["temperature"].toDouble(1.0);
    job.sampling.seed = o["seed"].toString().toULongLong();
    // Ids for the candidates' own notes above every id of the base; the studio renumbers them again against the
    // piece in the editor when it offers them (StudioSteering::restoreCandidates).
    NoteId fresh = 1;
    for (const Track& t : job.base.tracks)
        for (const Note& n : t.notes) fresh = std::max(fresh, n.id + 1);
    for (const QJsonValue& v : o["candidates"].toArray()) {
        Score candidate = scoreFromMidiBase64(v.toString(), where);
        adoptNoteIds(job.base, candidate, [&fresh] { return fresh++; });
        s.candidates.push_back(std::move(candidate));
    }
    job.candidates = static_cast<int>(s.candidates.size());
    s.current = std::clamp(o["current"].toInt(-1), -1, static_cast<int>(s.candidates.size()) - 1);
    return s;
}

}  // namespace nf
