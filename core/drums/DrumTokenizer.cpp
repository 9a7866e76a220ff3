// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumTokenizer.h"

#include <charconv>

#include "drums/DrumPattern.h"
#include "music/MusicError.h"

namespace nf {

namespace {

std::optional<int> number(std::string_view s) {
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

// "6/8" -> (6, 8), meters a bar can have.
std::optional<std::pair<int, int>> meter(std::string_view s) {
    const auto slash = s.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto n = number(s.substr(0, slash)), d = number(s.substr(slash + 1));
    if (!n || !d || *n < 1 || *n > 64 || (*d != 1 && *d != 2 && *d != 4 && *d != 8 && *d != 16 && *d != 32))
        return std::nullopt;
    return std::pair{*n, *d};
}

}  // namespace

std::optional<std::pair<DrumClass, int>> drumHitOf(std::string_view t) {
    if (t.rfind("H_", 0) != 0) return std::nullopt;
    const auto last = t.rfind('_');
    const auto cls = drumClassNamed(t.substr(2, last - 2));
    const auto bin = number(t.substr(last + 1));
    if (!cls || !bin || *bin < 0 || *bin >= kDrumVelocityBins) return std::nullopt;
    return std::pair{*cls, *bin};
}

std::vector<std::string> drumPatternTokens(const DrumPattern& p, const BandOnsets* band) {
    std::vector<std::string> out;
    out.push_back("GRID_" + std::to_string(p.stepsPerQuarter));
    int numerator = 0, denominator = 0;
    for (std::size_t b = 0; b < p.bars.size(); ++b) {
        const DrumBar& bar = p.bars[b];
        out.emplace_back("BAR");
        if (bar.numerator != numerator || bar.denominator != denominator) {
            out.push_back("TS_" + std::to_string(bar.numerator) + "/" + std::to_string(bar.denominator));
            numerator = bar.numerator;
            denominator = bar.denominator;
        }
        for (std::size_t i = 0; i < bar.steps.size(); ++i) {
            const DrumStep& step = bar.steps[i];
            if (band && b < band->size() && i < (*band)[b].size())
                for (std::string& t : bandStepTokens((*band)[b][i])) out.push_back(std::move(t));
            for (int c = 0; c < kDrumClassCount; ++c)
                if (const int v = step[static_cast<std::size_t>(c)]; v > 0)
                    out.push_back("H_" + std::string(drumClassName(static_cast<DrumClass>(c))) + "_" + std::to_string(v - 1));
            out.emplace_back("S");
        }
    }
    return out;
}

DrumPattern drumPatternFromTokens(const std::vector<std::string>& tokens, BandOnsets* band) {
    // Generated sequences can be odd: what makes no sense where it stands is skipped (a hit before any bar opens
    // one; a TS after the bar's first step is ignored; too many steps make the bar longer than its meter).
    DrumPattern p;
    bool gridSet = false;
    int numerator = 4, denominator = 4;
    bool stepOpen = false;
    const auto bar = [&]() -> DrumBar& {
        if (p.bars.empty()) p.bars.push_back(DrumBar{numerator, denominator, {}});
        return p.bars.back();
    };
    // The band's steps as (bar, step) -> onsets, laid on the pattern's shape at the end.
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, BandStep>> heard;
    for (const std::string& t : tokens) {
        if (t == "END") break;
        if (t.rfind("GRID_", 0) == 0) {
            const auto g = number(std::string_view(t).substr(5));
            if (!gridSet && p.bars.empty() && g && (*g == 3 || *g == 4)) p.stepsPerQuarter = *g;
            gridSet = true;
        } else if (t == "BAR") {
            p.bars.push_back(DrumBar{numerator, denominator, {}});
            stepOpen = false;
        } else if (t.rfind("TS_", 0) == 0) {
            const auto m = meter(std::string_view(t).substr(3));
            if (m && (p.bars.empty() || p.bars.back().steps.empty())) {
                numerator = m->first;
                denominator = m->second;
                bar().numerator = numerator;
                bar().denominator = denominator;
            }
        } else if (t == "S") {
            if (!stepOpen) bar().steps.emplace_back();
            stepOpen = false;
        } else if (t == "B_1" || t == "B_2" || t == "B_3" || t == "BL") {
            // First in its step: opens it as a hit would.
            if (!stepOpen) {
                bar().steps.emplace_back();
                stepOpen = true;
            }
            const std::pair<std::size_t, std::size_t> at{p.bars.size() - 1, p.bars.back().steps.size() - 1};
            if (heard.empty() || heard.back().first != at) heard.push_back({at, BandStep{}});
            BandStep& s = heard.back().second;
            if (t == "BL") s.low = true;
            else s.onsets = static_cast<std::uint8_t>(t == "B_1" ? 1 : t == "B_2" ? 2 : 4);
        } else if (const auto hit = drumHitOf(t)) {
            const auto [cls, bin] = *hit;
            if (!stepOpen) {
                bar().steps.emplace_back();
                stepOpen = true;
            }
            std::uint8_t& cell = bar().steps.back()[static_cast<std::size_t>(cls)];
            cell = std::max<std::uint8_t>(cell, static_cast<std::uint8_t>(1 + bin));
        }
    }
    // A bar cut short (the sequence ended inside it, or the model wrote fewer steps) is filled to its meter; not
    // the first, which may be a pickup written with the full meter.
    for (std::size_t i = 1; i < p.bars.size(); ++i) {
        DrumBar& b = p.bars[i];
        const auto full = static_cast<std::size_t>(drumStepsInMeter(p.stepsPerQuarter, b.numerator, b.denominator));
        if (b.steps.size() < full) b.steps.resize(full, DrumStep{});
    }
    if (!p.bars.empty() && p.bars.front().steps.empty()) p.bars.front().steps.resize(1, DrumStep{});
    if (band) {
        band->clear();
        for (const DrumBar& b : p.bars) band->emplace_back(b.steps.size());
        for (const auto& [at, step] : heard) (*band)[at.first][at.second] = step;
    }
    return p;
}

std::vector<std::string> DrumTokenizer::encode(const Piece& piece) const {
    if (!hasDrumPart(piece.score))
        throw MusicError(piece.file, "no drum track (channel 10) to read for the drums representation");
    std::vector<std::string> out{"DRUMS"};
    const DrumPattern pattern = drumPatternOf(piece.score);
    // The band is read only by models that have the setting, and written only where there is one.
    std::optional<BandOnsets> band;
    if (settings().bandOnsets && hasBand(piece.score)) {
        band = bandOnsetsOf(piece.score, pattern);
        out.emplace_back("BAND");
    }
    const auto body = drumPatternTokens(pattern, band ? &*band : nullptr);
    out.insert(out.end(), body.begin(), body.end());
    out.emplace_back("END");
    return out;
}

Score DrumTokenizer::decode(const std::vector<std::string>& tokens) const {
    return drumScoreOf(drumPatternFromTokens(tokens));
}

}  // namespace nf
