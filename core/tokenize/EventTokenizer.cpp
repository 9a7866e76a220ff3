// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/EventTokenizer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "music/PitchNames.h"
#include "music/PlaybackChannels.h"
#include "tokenize/TokenNumber.h"

namespace nf {

namespace {

struct Event {
    std::int64_t step;
    int kind;  // 0 = off, 1 = on: offs sort first within a step
    int track;
    int pitch;
    int velocity;
};

}  // namespace

std::optional<int> eventTokenNumber(const std::string& token, std::string_view prefix) {
    return tokenNumber(token, prefix);
}

int EventTokenizer::velocityBin(int velocity) const {
    const int bins = settings().velocityBins;
    return std::clamp(std::clamp(velocity, 0, 127) * bins / 128, 0, bins - 1);
}

int EventTokenizer::binVelocity(int bin) const {
    const double width = 128.0 / settings().velocityBins;
    return std::clamp(static_cast<int>(std::lround((bin + 0.5) * width)), 1, 127);
}

std::vector<std::string> EventTokenizer::encode(const Piece& piece) const {
    const Score& score = piece.score;
    const int spb = settings().stepsPerBeat;
    auto toStep = [&](Tick t) { return static_cast<std::int64_t>(std::llround(static_cast<double>(t) * spb / score.ppq())); };

    std::vector<std::string> tokens;
    const auto& tempos = score.tempoMap().changes();
    const double bpm = tempos.empty() ? 120.0 : tempos.front().bpm();
    tokens.push_back("BPM_" + std::to_string(std::clamp(static_cast<int>(std::lround(bpm / 2.0)) * 2, 20, 400)));

    std::vector<Event> events;
    int trackIndex = 0;
    for (const Track& track : score.tracks) {
        if (track.notes.empty()) continue;
        tokens.push_back(track.isDrum ? std::string("INST_DRUMS") : "INST_" + std::to_string(track.program));
        // Quantise, then resolve overlaps of one key in one track: the earlier note ends where the next starts,
        // and of two notes starting on the same step only the longer survives.
        std::map<int, std::vector<std::pair<std::int64_t, std::int64_t>>> byPitch;
        std::map<std::pair<int, std::int64_t>, int> velocityAt;
        for (const Note& n : track.notes) {
            const std::int64_t on = toStep(n.start);
            const std::int64_t off = std::max(on + 1, toStep(n.end()));
            byPitch[n.pitch].push_back({on, off});
            auto [it, fresh] = velocityAt.try_emplace({n.pitch, on}, n.velocity);
            if (!fresh) it->second = std::max(it->second, n.velocity);
        }
        for (auto& [pitch, spans] : byPitch) {
            std::sort(spans.begin(), spans.end());
            for (std::size_t i = 0; i < spans.size(); ++i) {
                if (i + 1 < spans.size() && spans[i + 1].first == spans[i].first) {
                    spans[i + 1].second = std::max(spans[i + 1].second, spans[i].second);
                    continue;
                }
                std::int64_t off = spans[i].second;
                if (i + 1 < spans.size()) off = std::min(off, spans[i + 1].first);
                const int vel = velocityAt[{pitch, spans[i].first}];
                events.push_back({spans[i].first, 1, trackIndex, pitch, vel});
                events.push_back({off, 0, trackIndex, pitch, 0});
            }
        }
        ++trackIndex;
    }
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        if (a.step != b.step) return a.step < b.step;
        if (a.kind != b.kind) return a.kind < b.kind;
        if (a.track != b.track) return a.track < b.track;
        return a.pitch < b.pitch;
    });

    std::int64_t now = 0;
    int currentTrack = -1;
    std::vector<int> currentBin(static_cast<std::size_t>(trackIndex), -1);
    for (const Event& e : events) {
        for (std::int64_t gap = e.step - now; gap > 0;) {
            const std::int64_t s = std::min<std::int64_t>(gap, settings().maxShiftSteps);
            tokens.push_back("SHIFT_" + std::to_string(s));
            gap -= s;
        }
        now = e.step;
        if (e.track != currentTrack) {
            tokens.push_back("TRK_" + std::to_string(e.track));
            currentTrack = e.track;
        }
        if (e.kind == 1) {
            const int bin = velocityBin(e.velocity);
            if (bin != currentBin[static_cast<std::size_t>(e.track)]) {
                tokens.push_back("VEL_" + std::to_string(bin));
                currentBin[static_cast<std::size_t>(e.track)] = bin;
            }
            tokens.push_back("ON_" + std::to_string(e.pitch));
        } else {
            tokens.push_back("OFF_" + std::to_string(e.pitch));
        }
    }
    tokens.emplace_back("END");
    return tokens;
}

Score EventTokenizer::decode(const std::vector<std::string>& tokens) const {
    // A resolution that is a multiple of the step keeps every decoded onset exactly on the grid.
    const int spb = settings().stepsPerBeat;
    Score score(spb * std::max(1, (480 + spb - 1) / spb));
    const Tick ticksPerStep = score.ppq() / spb;
    struct Open {
        Tick start;
        int velocity;
    };
    std::vector<std::map<int, Open>> open;
    std::vector<int> velocity;
    auto ensureTrack = [&](int k) {
        while (static_cast<int>(score.tracks.size()) <= k) {
            score.tracks.emplace_back();
            open.emplace_back();
            velocity.push_back(binVelocity(velocityBin(80)));
        }
    };
    auto close = [&](int track, int pitch, Tick end) {
        auto& m = open[static_cast<std::size_t>(track)];
        auto it = m.find(pitch);
        if (it == m.end()) return;
        const Tick start = it->second.start;
        score.addNote(static_cast<std::size_t>(track), Note{0, pitch, it->second.velocity, start,
                                                           std::max(ticksPerStep, end - start)});
        m.erase(it);
    };

    int declared = 0;
    int current = 0;
    Tick now = 0;
    bool sawBpm = false;
    for (const auto& token : tokens) {
        if (token == "END") break;
        if (auto bpm = eventTokenNumber(token, "BPM_")) {
            if (!sawBpm && *bpm > 0) score.setTempoChanges({{0, static_cast<int>(std::lround(60'000'000.0 / *bpm))}});
            sawBpm = true;
        } else if (token == "INST_DRUMS" || eventTokenNumber(token, "INST_")) {
            ensureTrack(declared);
            Track& t = score.tracks[static_cast<std::size_t>(declared)];
            if (token == "INST_DRUMS") {
                t.isDrum = true;
                t.name = "Drums";
            } else {
                t.program = std::clamp(*eventTokenNumber(token, "INST_"), 0, 127);
                t.name = gmProgramName(t.program);
            }
            ++declared;
        } else if (auto k = eventTokenNumber(token, "TRK_")) {
            if (*k >= 0 && *k < 64) current = *k;
        } else if (auto b = eventTokenNumber(token, "VEL_")) {
            ensureTrack(current);
            velocity[static_cast<std::size_t>(current)] = binVelocity(std::clamp(*b, 0, settings().velocityBins - 1));
        } else if (auto p = eventTokenNumber(token, "ON_")) {
            if (*p < 0 || *p > 127) continue;
            ensureTrack(current);
            close(current, *p, now);
            open[static_cast<std::size_t>(current)][*p] = Open{now, velocity[static_cast<std::size_t>(current)]};
        } else if (auto p = eventTokenNumber(token, "OFF_")) {
            if (current < static_cast<int>(open.size())) close(current, *p, now);
        } else if (auto s = eventTokenNumber(token, "SHIFT_")) {
            if (*s > 0) now += *s * ticksPerStep;
        }
    }
    for (int t = 0; t < static_cast<int>(open.size()); ++t) {
        std::vector<int> pitches;
        for (const auto& [p, o] : open[static_cast<std::size_t>(t)]) pitches.push_back(p);
        for (int p : pitches) close(t, p, now);
    }
    assignPlaybackChannels(score);
    score.normalize();
    return score;
}

}  // namespace nf
