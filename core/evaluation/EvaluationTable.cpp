// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/EvaluationTable.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "evaluation/SummaryMetrics.h"

namespace nf {

namespace {

constexpr std::size_t kMaxNameWidth = 36;

std::string baseName(const std::string& path) {
    const std::string name = std::filesystem::path(path).filename().string();
    return name.empty() ? path : name;
}

std::string pieceName(const std::string& file, int tuneNumber) {
    std::string name = baseName(file);
    if (tuneNumber >= 0) name += fmt::format(" #{}", tuneNumber);
    return name;
}

std::string fit(std::string s, std::size_t width) {
    if (s.size() > width) s = s.substr(0, width - 1) + "~";
    return s;
}

std::string share(double v) { return std::isnan(v) ? "-" : fmt::format("{:.1f}%", 100.0 * v); }
std::string fixed(double v, int decimals) { return std::isnan(v) ? "-" : fmt::format("{:.{}f}", v, decimals); }

std::string formatMetric(const SummaryMetric& m, double v) {
    switch (m.style) {
    case SummaryMetric::Style::Count: return std::isnan(v) ? "-" : fmt::format("{}", std::llround(v));
    case SummaryMetric::Style::Share: return share(v);
    case SummaryMetric::Style::Number: return fixed(v, m.decimals);
    }
    return "-";
}

std::string copySource(const CopiedRun& run) {
    return run.length > 0 ? pieceName(run.file, run.tuneNumber) : "-";
}

}  // namespace

std::string formatPieceTable(const EvaluationResult& result) {
    std::size_t nameWidth = 5;
    for (const PieceEvaluation& e : result.pieces)
        nameWidth = std::max(nameWidth, std::min(kMaxNameWidth, pieceName(e.file, e.tuneNumber).size()));
    std::string out = fmt::format("{:<{}}  {:>6}  {:>6}  {:>6}  {:>5}  {:<9}  {:>6}  {:>6}  {:>4}  {:>6}  {:>5}  "
                                  "{:>5}  {:>5}  {:>6}  {}\n",
                                  "piece", nameWidth, "notes", "nov4", "nov8", "copy", "key", "scale", "repeat", "run",
                                  "n/beat", "ioiH", "poly", "range", "silent", "longest copy from");
    for (const PieceEvaluation& e : result.pieces) {
        const bool hasKey = !std::isnan(e.tonal.key.correlation);
        const CopiedRun copy = e.novelty ? e.novelty->longestCopy : CopiedRun{};
        out += fmt::format(
            "{:<{}}  {:>6}  {:>6}  {:>6}  {:>5}  {:<9}  {:>6}  {:>6}  {:>4}  {:>6}  {:>5}  {:>5}  {:>5}  {:>6}  {}\n",
            fit(pieceName(e.file, e.tuneNumber), nameWidth), nameWidth, e.notes,
            share(e.novelty ? e.novelty->pitch4.share : kNoValue),
            share(e.novelty ? e.novelty->pitch8.share : kNoValue),
            e.novelty ? fmt::format("{}", copy.length) : "-",
            hasKey ? e.tonal.key.name() : "-", share(e.tonal.inScaleShare), share(e.repetition.repeatShare),
            e.repetition.longestRun, fixed(e.rhythm.notesPerBeat, 2), fixed(e.rhythm.ioiEntropyBits, 2),
            fixed(e.rhythm.meanPolyphony, 2), e.notes > 0 ? fmt::format("{}", e.rhythm.pitchRange) : "-",
            share(e.rhythm.silentBarShare), copySource(copy));
    }
    return out;
}

std::string formatComparisonTable(const std::vector<LabelledResult>& sets) {
    if (sets.empty()) return {};
    std::vector<std::string> headers;
    for (const LabelledResult& s : sets) headers.push_back(s.label);
    headers.emplace_back("training");
    std::vector<std::size_t> widths;
    for (const std::string& h : headers) widths.push_back(std::max<std::size_t>(10, h.size()));
    for (std::size_t i = 0; i < sets.size(); ++i)
        if (const auto& m = sets[i].result.model) widths[i] = std::max(widths[i], m->representation.size());
    std::size_t labelWidth = 6;
    for (const SummaryMetric& m : summaryMetrics()) labelWidth = std::max(labelWidth, std::string(m.label).size());

    auto row = [&](const std::string& label, const std::vector<std::string>& cells) {
        std::string line = fmt::format("{:<{}}", label, labelWidth);
        for (std::size_t i = 0; i < cells.size(); ++i) line += fmt::format("  {:>{}}", cells[i], widths[i]);
        return line + "\n";
    };
    std::string out = row("figure", headers);
    for (const SummaryMetric& m : summaryMetrics()) {
        std::vector<std::string> cells;
        for (const LabelledResult& s : sets) cells.push_back(formatMetric(m, m.get(s.result.summary)));
        cells.push_back(formatMetric(m, m.get(sets.front().result.training)));
        out += row(m.label, cells);
    }
    const bool anyModel = std::any_of(sets.begin(), sets.end(), [](const LabelledResult& s) { return s.result.model; });
    if (anyModel) {
        std::vector<std::string> loss, perplexity, tokens;
        for (const LabelledResult& s : sets) {
            const auto& m = s.result.model;
            loss.push_back(m && m->validationLoss ? fixed(*m->validationLoss, 4) : "-");
            perplexity.push_back(m && m->perplexity ? fixed(*m->perplexity, 3) : "-");
            tokens.push_back(m && !m->representation.empty() ? m->representation : "-");
        }
        loss.emplace_back("-");
        perplexity.emplace_back("-");
        tokens.emplace_back("-");
        out += row("validation loss", loss);
        out += row("perplexity", perplexity);
        // Per token of each model's representation: a loss ranks training progress within one representation only.
        out += row("tokens of the loss", tokens);
    }
    for (const LabelledResult& s : sets) {
        const SetSummary& sum = s.result.summary;
        if (sum.longestCopy.length > 0)
            out += fmt::format("{}: longest copied run {} events, from {} (track {}, event {}) in {}\n", s.label,
                               sum.longestCopy.length, pieceName(sum.longestCopy.file, sum.longestCopy.tuneNumber),
                               sum.longestCopy.track, sum.longestCopy.trainingStart, baseName(sum.longestCopyPiece));
    }
    return out;
}

std::string formatEvaluationText(const EvaluationResult& result, const std::string& label) {
    std::string out = fmt::format("Evaluation of {} piece{} against {} ({} training pieces; key profiles: {})\n\n",
                                  result.pieces.size(), result.pieces.size() == 1 ? "" : "s", result.against,
                                  result.trainingPieces, keyProfileName(result.keyProfile));
    out += formatPieceTable(result);
    out += "\n";
    out += formatComparisonTable({LabelledResult{label, result}});
    if (const auto& m = result.model) {
        if (m->validationLoss)
            out += fmt::format("model {}: held-out validation loss {:.4f} nats/token{}, perplexity {:.3f}\n", m->file,
                               *m->validationLoss, m->representation.empty() ? "" : " (" + m->representation + ")",
                               m->perplexity ? *m->perplexity : std::exp(*m->validationLoss));
        else
            out += fmt::format("model {}: no held-out validation loss recorded\n", m->file);
    }
    return out;
}

}  // namespace nf
