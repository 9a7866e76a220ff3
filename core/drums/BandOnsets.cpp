// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/BandOnsets.h"

#include <algorithm>

namespace nf {

bool hasBand(const Score& score) {
    return std::any_of(score.tracks.begin(), score.tracks.end(),
                       [](const Track& t) { return !isDrumTrack(t) && !t.notes.empty(); });
}

BandOnsets bandOnsetsOf(const Score& score, const std::vector<BarLine>& lines, const std::vector<int>& steps,
                        int stepsPerQuarter) {
    BandOnsets out;
    const std::size_t bars = std::min(lines.size(), steps.size());
    for (std::size_t b = 0; b < bars; ++b) out.emplace_back(static_cast<std::size_t>(std::max(1, steps[b])));
    if (bars == 0) return out;
    const std::vector<BarLine> used(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(bars));
    const std::vector<int> counts(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(bars));
    const Tick end = used.back().end();
    for (const Track& t : score.tracks) {
        if (isDrumTrack(t)) continue;
        for (const Note& n : t.notes) {
            // Past the last bar is no step of this pattern (the drums ended earlier).
            if (n.start >= end) continue;
            const DrumStepIndex at = drumStepAt(used, counts, score.ppq(), stepsPerQuarter, n.start);
            BandStep& s = out[at.bar][at.step];
            if (s.onsets < 255) ++s.onsets;
            s.low = s.low || n.pitch < kBandLowPitch;
        }
    }
    return out;
}

BandOnsets bandOnsetsOf(const Score& score, const DrumPattern& pattern) {
    const std::vector<BarLine> all = barLines(score, score.endTick());
    std::vector<BarLine> lines(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), pattern.bars.size())));
    std::vector<int> steps;
    for (std::size_t b = 0; b < lines.size(); ++b) steps.push_back(static_cast<int>(pattern.bars[b].steps.size()));
    return bandOnsetsOf(score, lines, steps, pattern.stepsPerQuarter);
}

std::vector<std::string> bandStepTokens(const BandStep& s) {
    std::vector<std::string> out;
    if (s.onsets == 0) return out;
    out.emplace_back(s.onsets == 1 ? "B_1" : s.onsets <= 3 ? "B_2" : "B_3");
    if (s.low) out.emplace_back("BL");
    return out;
}

bool isBandToken(std::string_view t) { return t == "BAND" || t == "BL" || t == "B_1" || t == "B_2" || t == "B_3"; }

std::vector<bool> givenTokenMask(const TokenizerSettings& settings, const Vocabulary& v) {
    std::vector<bool> out(static_cast<std::size_t>(v.size()), false);
    if (settings.kind != TokenizerKind::Drums || !settings.bandOnsets) return out;
    for (int id = 0; id < v.size(); ++id) out[static_cast<std::size_t>(id)] = isBandToken(v.token(id));
    return out;
}

}  // namespace nf
