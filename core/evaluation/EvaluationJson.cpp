// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/EvaluationJson.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "evaluation/SummaryMetrics.h"

namespace nf {

namespace {

// Insertion order keeps the output readable: file and counts first, as the header comment lists them.
using json = nlohmann::ordered_json;

json number(double v) { return std::isnan(v) ? json(nullptr) : json(v); }
json optionalNumber(const std::optional<double>& v) { return v ? number(*v) : json(nullptr); }

json toJson(const NgramNovelty& n) { return {{"ngrams", n.ngrams}, {"novel", n.novel}, {"share", number(n.share)}}; }

json toJson(const CopiedRun& c) {
    return {{"length", c.length},         {"file", c.file},           {"tune", c.tuneNumber},
            {"track", c.track},           {"trainingStart", c.trainingStart}, {"pieceTrack", c.pieceTrack},
            {"pieceStart", c.pieceStart}};
}

json toJson(const NoveltyFigures& n) {
    return {{"pitch4", toJson(n.pitch4)},           {"pitch8", toJson(n.pitch8)},
            {"pitchClass4", toJson(n.pitchClass4)}, {"pitchClass8", toJson(n.pitchClass8)},
            {"longestCopy", toJson(n.longestCopy)}, {"longestPitchClassCopy", toJson(n.longestPitchClassCopy)}};
}

json toJson(const RepetitionFigures& r) {
    return {{"events", r.events},
            {"pairs", r.pairs},
            {"repeats", r.repeats},
            {"repeatShare", number(r.repeatShare)},
            {"longestRun", r.longestRun}};
}

json toJson(const TonalFigures& t) {
    const bool hasKey = !std::isnan(t.key.correlation);
    json histogram = json::array();
    for (double v : t.pcHistogram) histogram.push_back(v);
    return {{"key", hasKey ? json(t.key.name()) : json(nullptr)},
            {"keyTonic", hasKey ? json(t.key.tonic) : json(nullptr)},
            {"keyMinor", hasKey ? json(t.key.minor) : json(nullptr)},
            {"keyCorrelation", number(t.key.correlation)},
            {"inScaleShare", number(t.inScaleShare)},
            {"pcHistogram", histogram},
            {"pcDistance", number(t.pcDistance)},
            {"pcDistanceTonic", number(t.pcDistanceTonic)}};
}

json toJson(const RhythmFigures& r) {
    const bool hasNotes = r.lowestPitch >= 0;
    return {{"notesPerBeat", number(r.notesPerBeat)},
            {"ioiEntropyBits", number(r.ioiEntropyBits)},
            {"meanPolyphony", number(r.meanPolyphony)},
            {"maxPolyphony", r.maxPolyphony},
            {"lowestPitch", hasNotes ? json(r.lowestPitch) : json(nullptr)},
            {"highestPitch", hasNotes ? json(r.highestPitch) : json(nullptr)},
            {"pitchRange", hasNotes ? json(r.pitchRange) : json(nullptr)},
            {"bars", r.bars},
            {"silentBars", r.silentBars},
            {"silentBarShare", number(r.silentBarShare)}};
}

json toJson(const PieceEvaluation& e) {
    return {{"file", e.file},
            {"tune", e.tuneNumber},
            {"title", e.title},
            {"notes", e.notes},
            {"novelty", e.novelty ? toJson(*e.novelty) : json(nullptr)},
            {"repetition", toJson(e.repetition)},
            {"tonal", toJson(e.tonal)},
            {"rhythm", toJson(e.rhythm)}};
}

json toJson(const SetSummary& s) {
    json out = json::object();
    for (const SummaryMetric& m : summaryMetrics()) {
        const double v = m.get(s);
        if (m.style == SummaryMetric::Style::Count && !std::isnan(v))
            out[m.key] = static_cast<long long>(std::llround(v));
        else
            out[m.key] = number(v);
    }
    out["longestCopy"] = s.hasNovelty ? toJson(s.longestCopy) : json(nullptr);
    out["longestCopyPiece"] = s.hasNovelty ? json(s.longestCopyPiece) : json(nullptr);
    return out;
}

json toJson(const std::optional<ModelQuality>& m) {
    if (!m) return nullptr;
    return {{"file", m->file},
            {"validationLoss", optionalNumber(m->validationLoss)},
            {"perplexity", optionalNumber(m->perplexity)}};
}

// Names and titles come from users' files: invalid UTF-8 must not make dump() throw.
std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string evaluationToJson(const EvaluationResult& result) {
    json pieces = json::array();
    for (const PieceEvaluation& e : result.pieces) pieces.push_back(toJson(e));
    const json out = {{"against", result.against},
                      {"trainingPieces", result.trainingPieces},
                      {"keyProfile", keyProfileName(result.keyProfile)},
                      {"model", toJson(result.model)},
                      {"pieces", pieces},
                      {"summary", toJson(result.summary)},
                      {"training", toJson(result.training)}};
    return dump(out);
}

std::string comparisonToJson(const std::vector<LabelledResult>& sets) {
    json list = json::array();
    for (const LabelledResult& s : sets) {
        list.push_back({{"label", s.label},
                        {"against", s.result.against},
                        {"trainingPieces", s.result.trainingPieces},
                        {"model", toJson(s.result.model)},
                        {"summary", toJson(s.result.summary)}});
    }
    const json out = {{"sets", list}, {"training", sets.empty() ? json(nullptr) : toJson(sets.front().result.training)}};
    return dump(out);
}

}  // namespace nf
