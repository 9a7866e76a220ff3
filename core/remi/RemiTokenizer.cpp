// SPDX-License-Identifier: GPL-3.0-or-later
#include "remi/RemiTokenizer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "music/PitchNames.h"
#include "music/PlaybackChannels.h"
#include "remi/BarControls.h"
#include "remi/BarKey.h"
#include "remi/RemiVocabulary.h"

namespace nf {

using namespace remi;

namespace {

// A resolution that is a multiple of the grid keeps decoded onsets exactly on it.
constexpr int kDecodePpq = 480;

double unitsOf(const Score& score, Tick ticks) {
    return static_cast<double>(ticks) * kUnitsPerBeat / score.ppq();
}

// A silent track is still written (as an empty block) when a later track of the same instrument plays in the bar:
// the n-th block of an instrument in a bar is its n-th track, so the later one must not take the silent one's rank.
bool laterSameInstrumentPlays(const Score& score, const std::vector<std::vector<std::vector<GridNote>>>& tracks,
                              std::size_t t, std::size_t bar) {
    const Track& track = score.tracks[t];
    for (std::size_t u = t + 1; u < tracks.size(); ++u) {
        const Track& other = score.tracks[u];
        if (other.isDrum == track.isDrum && (track.isDrum || other.program == track.program) && !tracks[u][bar].empty())
            return true;
    }
    return false;
}

}  // namespace

std::optional<std::vector<std::string>> RemiTokenizer::fixedVocabulary() const { return vocabularyTokens(); }

int RemiTokenizer::barUnits(const Score& score, const BarLine& bar) {
    return std::clamp(static_cast<int>(std::lround(unitsOf(score, bar.length))), 1, kMaxBarUnits);
}

int RemiTokenizer::snapPosition(int units) const {
    const int beat = units / kUnitsPerBeat * kUnitsPerBeat;
    const int within = units - beat;
    static constexpr int kWithTriplets[] = {0, 3, 4, 6, 8, 9, 12};
    static constexpr int kSixteenths[] = {0, 3, 6, 9, 12};
    const auto snap = [&](const auto& allowed) {
        int best = 0;
        for (int a : allowed)
            if (std::abs(a - within) < std::abs(best - within)) best = a;
        return beat + best;
    };
    return settings().triplets ? snap(kWithTriplets) : snap(kSixteenths);
}

std::vector<std::vector<GridNote>> RemiTokenizer::gridNotes(const Score& score, const Track& track,
                                                           const std::vector<BarLine>& bars) const {
    std::vector<std::vector<GridNote>> perBar(bars.size());
    for (const Note& n : track.notes) {
        std::size_t b = barIndexAt(bars, n.start);
        const int units = barUnits(score, bars[b]);
        int position = snapPosition(static_cast<int>(std::lround(std::max(0.0, unitsOf(score, n.start - bars[b].start)))));
        if (position >= units) {
            if (b + 1 < bars.size()) {
                ++b;
                position = 0;
            } else {
                position = units - 1;
            }
        }
        const int duration = nearestDuration(static_cast<int>(std::lround(unitsOf(score, n.duration))));
        perBar[b].push_back(GridNote{position, std::clamp(n.pitch, 0, 127), n.velocity, duration});
    }
    for (auto& notes : perBar)
        std::stable_sort(notes.begin(), notes.end(), [](const GridNote& a, const GridNote& c) {
            return a.position != c.position ? a.position < c.position : a.pitch < c.pitch;
        });
    return perBar;
}

std::vector<std::string> RemiTokenizer::encode(const Piece& piece) const {
    return encodeBars(piece.score, piece.score.endTick(), true);
}

std::vector<std::string> RemiTokenizer::encodeBars(const Score& score, Tick until, bool closed) const {
    const auto bars = barLines(score, std::max(until, score.endTick()));
    std::vector<std::vector<std::vector<GridNote>>> tracks;  // [track][bar]
    for (const Track& t : score.tracks) tracks.push_back(gridNotes(score, t, bars));
    const auto keys = barKeys(score, bars);

    std::vector<std::string> tokens{std::string(kPieceStart)};
    std::optional<Meter> lastMeter;
    int lastTempo = -1;
    for (std::size_t b = 0; b < bars.size(); ++b) {
        tokens.emplace_back(kBar);
        const Meter meter = vocabularyMeter(bars[b].numerator, bars[b].denominator);
        const int units = barUnits(score, bars[b]);
        // A bar cut short by a meter change or a pickup is written with the meter of its real length.
        Meter written = meter;
        if (units * meter.denominator != meter.numerator * 4 * kUnitsPerBeat)
            written = units % 6 == 0 ? vocabularyMeter(units / 6, 8) : vocabularyMeter(std::max(1, (units + 1) / 3), 16);
        if (!lastMeter || written.numerator != lastMeter->numerator || written.denominator != lastMeter->denominator) {
            tokens.push_back(timeSignatureToken(written.numerator, written.denominator));
            lastMeter = written;
        }
        const int tempo = tempoBin(60'000'000.0 / score.tempoMap().microsPerQuarterAt(bars[b].start));
        if (tempo != lastTempo) {
            tokens.push_back(tempoToken(tempo));
            lastTempo = tempo;
        }
        tokens.push_back(keys[b] ? keyToken(keys[b]->tonic, keys[b]->minor) : std::string(kKeyNone));
        for (std::size_t t = 0; t < tracks.size(); ++t) {
            const auto& notes = tracks[t][b];
            if (notes.empty() && !laterSameInstrumentPlays(score, tracks, t, b)) continue;
            tokens.push_back(instrumentToken(score.tracks[t].program, score.tracks[t].isDrum));
            for (auto& c : measureControls(notes, units).tokens()) tokens.push_back(std::move(c));
            int position = -1;
            for (const GridNote& n : notes) {
                if (n.position != position) {
                    tokens.push_back(positionToken(n.position));
                    position = n.position;
                }
                tokens.push_back(pitchToken(n.pitch));
                tokens.push_back(velocityToken(velocityBin(n.velocity)));
                tokens.push_back(durationToken(n.duration));
            }
        }
    }
    if (closed) tokens.emplace_back(kPieceEnd);
    return tokens;
}

Score RemiTokenizer::decode(const std::vector<std::string>& tokens) const {
    Score score(kDecodePpq);
    const Tick tick = kDecodePpq / kUnitsPerBeat;
    std::map<std::pair<int, int>, std::size_t> trackOf;  // (program or -1, ordinal in bar) -> track
    std::map<int, int> ordinalInBar;
    std::vector<TempoChange> tempos;
    Meter meter;
    bool meterWritten = false;
    Tick barStart = 0, barLength = 0;
    bool inBar = false;
    int track = -1, position = 0, velocity = binVelocity(velocityBin(80));
    int pitch = -1;  // of the note being read; -1 between notes

    for (const auto& token : tokens) {
        if (token == kPieceEnd || token == kFillStart) break;
        if (token == kBar) {
            barStart += barLength;
            barLength = static_cast<Tick>(meter.numerator) * 4 * kDecodePpq / meter.denominator;
            inBar = true;
            ordinalInBar.clear();
            track = -1;
            pitch = -1;
        } else if (auto m = parseTimeSignature(token)) {
            if (!inBar) continue;
            meter = *m;
            barLength = static_cast<Tick>(meter.numerator) * 4 * kDecodePpq / meter.denominator;
            if (!meterWritten || score.timeSignatures.back().numerator != m->numerator ||
                score.timeSignatures.back().denominator != m->denominator)
                score.timeSignatures.push_back(TimeSignature{barStart, m->numerator, m->denominator});
            meterWritten = true;
        } else if (auto t = number(token, "TEMPO_")) {
            if (!inBar) continue;
            const int micros = static_cast<int>(std::lround(60'000'000.0 / binTempo(*t)));
            if (tempos.empty() || tempos.back().microsPerQuarter != micros) tempos.push_back({barStart, micros});
        } else if (auto program = parseInstrument(token)) {
            if (!inBar) continue;
            const int ordinal = ordinalInBar[*program]++;
            auto [it, fresh] = trackOf.try_emplace({*program, ordinal}, score.tracks.size());
            if (fresh) {
                Track tr;
                tr.isDrum = *program < 0;
                tr.program = tr.isDrum ? 0 : *program;
                tr.name = tr.isDrum ? "Drums" : gmProgramName(tr.program);
                score.tracks.push_back(std::move(tr));
            }
            track = static_cast<int>(it->second);
            position = 0;
            pitch = -1;
        } else if (auto u = number(token, "POS_")) {
            position = std::clamp(*u, 0, kMaxBarUnits - 1);
        } else if (auto p = number(token, "PITCH_")) {
            pitch = std::clamp(*p, 0, 127);
            velocity = binVelocity(velocityBin(80));
        } else if (auto v = number(token, "VEL_")) {
            velocity = binVelocity(*v);
        } else if (auto d = number(token, "DUR_")) {
            if (track < 0 || pitch < 0) continue;
            score.addNote(static_cast<std::size_t>(track),
                          Note{0, pitch, velocity, barStart + position * tick, std::max(1, *d) * tick});
            pitch = -1;
        }
    }
    if (!tempos.empty()) score.setTempoChanges(std::move(tempos));
    assignPlaybackChannels(score);
    score.normalize();
    return score;
}

}  // namespace nf
