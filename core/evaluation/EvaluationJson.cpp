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
            {"track", c.track},           {"training_start", c.trainingStart}, {"piece_track", c.pieceTrack},
            {"piece_start", c.pieceStart}};
}

json toJson(const NoveltyFigures& n) {
    return {{"pitch_4", toJson(n.pitch4)},           {"pitch_8", toJson(n.pitch8)},
            {"pitch_class_4", toJson(n.pitchClass4)}, {"pitch_class_8", toJson(n.pitchClass8)},
            {"longest_copy", toJson(n.longestCopy)}, {"longest_pitch_class_copy", toJson(n.longestPitchClassCopy)}};
}

json toJson(const RepetitionFigures& r) {
    return {{"events", r.events},
            {"pairs", r.pairs},
            {"repeats", r.repeats},
            {"repeat_share", number(r.repeatShare)},
            {"longest_run", r.longestRun}};
}

json toJson(const TonalFigures& t) {
    const bool hasKey = !std::isnan(t.key.correlation);
    json histogram = json::array();
    for (double v : t.pcHistogram) histogram.push_back(v);
    return {{"key", hasKey ? json(t.key.name()) : json(nullptr)},
            {"key_tonic", hasKey ? json(t.key.tonic) : json(nullptr)},
            {"key_minor", hasKey ? json(t.key.minor) : json(nullptr)},
            {"key_correlation", number(t.key.correlation)},
            {"in_scale_share", number(t.inScaleShare)},
            {"pc_histogram", histogram},
            {"pc_distance", number(t.pcDistance)},
            {"pc_distance_tonic", number(t.pcDistanceTonic)}};
}

json toJson(const RhythmFigures& r) {
    const bool hasNotes = r.lowestPitch >= 0;
    return {{"notes_per_beat", number(r.notesPerBeat)},
            {"ioi_entropy_bits", number(r.ioiEntropyBits)},
            {"mean_polyphony", number(r.meanPolyphony)},
            {"max_polyphony", r.maxPolyphony},
            {"lowest_pitch", hasNotes ? json(r.lowestPitch) : json(nullptr)},
            {"highest_pitch", hasNotes ? json(r.highestPitch) : json(nullptr)},
            {"pitch_range", hasNotes ? json(r.pitchRange) : json(nullptr)},
            {"bars", r.bars},
            {"silent_bars", r.silentBars},
            {"silent_bar_share", number(r.silentBarShare)}};
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
    out["longest_copy"] = s.hasNovelty ? toJson(s.longestCopy) : json(nullptr);
    out["longest_copy_piece"] = s.hasNovelty ? json(s.longestCopyPiece) : json(nullptr);
    return out;
}

json toJson(const std::optional<ModelQuality>& m) {
    if (!m) return nullptr;
    return {{"file", m->file},
            {"validation_loss", optionalNumber(m->validationLoss)},
            {"perplexity", optionalNumber(m->perplexity)},
            {"representation", m->representation.empty() ? json(nullptr) : json(m->representation)}};
}

// Names and titles come from users' files: invalid UTF-8 must not make dump() throw.
std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string evaluationToJson(const EvaluationResult& result) {
    json pieces = json::array();
    for (const PieceEvaluation& e : result.pieces) pieces.push_back(toJson(e));
    const json out = {{"against", result.against},
                      {"training_pieces", result.trainingPieces},
                      {"key_profile", keyProfileName(result.keyProfile)},
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
                        {"training_pieces", s.result.trainingPieces},
                        {"model", toJson(s.result.model)},
                        {"summary", toJson(s.result.summary)}});
    }
    const json training = sets.empty() ? json(nullptr) : toJson(sets.front().result.training);
    const json out = {{"sets", list}, {"training", training}};
    return dump(out);
}

}  // namespace nf
