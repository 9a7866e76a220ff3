// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/RemiSteering.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

#include "generation/EqualNoteOverlaps.h"
#include "generation/Generator.h"
#include "generation/OnsetsAround.h"
#include "generation/RemiGuard.h"
#include "music/BarGrid.h"
#include "music/PitchNames.h"
#include "remi/InfillFormat.h"
#include "remi/RemiIds.h"
#include "remi/RemiLayout.h"
#include "remi/RemiTokenizer.h"
#include "remi/RemiVocabulary.h"

namespace nf {

using remi::RemiIds;
using Kind = RemiIds::Kind;

namespace {

// Tokens longer than this are not generated in one chunk of bars (a safety stop for a model that never closes).
constexpr int kMaxTokensPerChunk = 8192;
constexpr std::size_t kNoTrack = static_cast<std::size_t>(-1);

remi::TrackKey keyOf(const Score& score, std::size_t t) {
    const auto instrumentOf = [&](std::size_t i) { return score.tracks[i].isDrum ? -1 : score.tracks[i].program; };
    remi::TrackKey key{instrumentOf(t), 0};
    for (std::size_t u = 0; u < t; ++u) key.ordinal += instrumentOf(u) == key.instrument;
    return key;
}

Tick unitTicks(const Score& score, int units) {
    return static_cast<Tick>(std::llround(static_cast<double>(units) * score.ppq() / remi::kUnitsPerBeat));
}

void clearFrom(Track& track, Tick from, Tick to) {
    std::erase_if(track.notes, [&](const Note& n) { return n.start >= from && n.start < to; });
}

// Notes of a track that sound in [from, to) without starting there, as [start, end) in grid units from `from`.
std::vector<std::pair<int, int>> soundingIn(const Score& score, std::size_t track, Tick from, Tick to) {
    std::vector<std::pair<int, int>> out;
    const auto units = [&](Tick t) {
        return static_cast<int>(std::llround(static_cast<double>(t - from) * remi::kUnitsPerBeat / score.ppq()));
    };
    for (const Note& n : score.tracks[track].notes)
        if (n.start < from && n.end() > from && n.start < to) out.emplace_back(units(n.start), units(n.end()));
    return out;
}

// The request with "keep the rhythm" resolved: the rhythm lock set to `onsets` (the music around the passage), unless
// the caller gave one.
SteeringRequest withRhythm(const SteeringRequest& request, const std::function<std::vector<int>()>& onsets) {
    SteeringRequest out = request;
    if (out.controls.keepRhythm && out.controls.onsets.empty()) out.controls.onsets = onsets();
    return out;
}

// The first channel no track uses (never the drum channel), or the drum channel for drums.
int freeChannel(const Score& score, bool drums) {
    if (drums) return 9;
    std::vector<bool> used(16, false);
    for (const auto& t : score.tracks) used[static_cast<std::size_t>(t.channel & 15)] = true;
    for (int c = 0; c < 16; ++c)
        if (c != 9 && !used[static_cast<std::size_t>(c)]) return c;
    return 0;
}

// The bar lines a remi encoding of `score` up to `until` uses.
std::vector<BarLine> barsOf(const Score& score, Tick until) { return barLines(score, std::max(until, score.endTick())); }

std::size_t barIndexOfNumber(const std::vector<BarLine>& bars, int number, const char* what) {
    if (const auto index = barIndexOfNumber(bars, number)) return *index;
    throw std::invalid_argument(std::string(what) + " bar " + std::to_string(number) + " is outside the piece (bars " +
                                std::to_string(bars.front().number) + ".." + std::to_string(bars.back().number) + ")");
}

// A note the model wrote, with the probability of its pitch.
struct WrittenNote {
    remi::GridNote note;
    float probability = 0;
};

}  // namespace

RemiSteering::RemiSteering(const GenerationModel& model) : model_(model) {
    if (model.config().tokenizer.kind != TokenizerKind::Remi)
        throw std::invalid_argument(model.path() + ": this model (" + toString(model.config().model.kind) + " on " +
                                    toString(model.config().tokenizer.kind) +
                                    ") was not trained to infill or accompany; train one with --repr remi");
    if (model.vocabulary().tokens() != remi::vocabularyTokens())
        throw std::invalid_argument(model.path() + ": its remi vocabulary is not version 1's");
}

std::string RemiSteering::refusalFor(const std::string& modelPath) {
    try {
        const GenerationModel model = GenerationModel::open(modelPath);
        const RemiSteering check(model);
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::optional<int> RemiSteering::roleProgram(const std::string& role) {
    if (role == "drums") return -1;
    if (role == "bass") return 33;    // Electric Bass (finger)
    if (role == "chords") return 0;   // Acoustic Grand Piano
    if (role == "melody") return 73;  // Flute
    if (role.rfind("program:", 0) == 0) {
        auto p = remi::number(role, "program:");
        if (p && *p >= 0 && *p <= 127) return p;
    }
    return std::nullopt;
}

std::vector<SteeredPiece> RemiSteering::forEachCandidate(
    const Score& score, const SteeringRequest& request,
    const std::function<void(SteeredPiece&, std::uint64_t)>& run) const {
    if (request.candidates < 1) throw std::invalid_argument("at least one candidate is needed");
    request.controls.validate();
    request.sampling.validate();
    std::vector<SteeredPiece> out;
    for (int k = 0; k < request.candidates; ++k) {
        if (request.cancel && request.cancel->load()) break;
        SteeredPiece piece{score, {}, {}, false, request.controls};
        run(piece, variationSeed(request.sampling.seed, k));
        // What a MIDI file cannot hold (equal notes at once) would change on export: resolved in the model's notes.
        const std::set<NoteId> generated(piece.generated.begin(), piece.generated.end());
        for (Track& t : piece.score.tracks)
            for (NoteId id : resolveEqualNoteOverlaps(t, generated)) {
                std::erase(piece.generated, id);
                piece.confidence.erase(id);
            }
        const bool cancelled = piece.cancelled;
        out.push_back(std::move(piece));
        if (request.progress && !cancelled) request.progress(k + 1, request.candidates);
    }
    return out;
}

void RemiSteering::fillSpan(SteeredPiece& piece, std::size_t first, std::size_t last,
                            const std::vector<std::size_t>& trackIndices, Tick clipEnd, const SteeringRequest& request,
                            std::uint64_t seed) const {
    const RemiIds& r = RemiIds::get();
    const auto& tokenizer = static_cast<const RemiTokenizer&>(model_.tokenizer());
    Score& score = piece.score;
    const auto bars0 = barsOf(score, clipEnd);
    const Tick until = bars0[std::min(last, bars0.size() - 1)].end();
    const auto bars = barsOf(score, until);
    // The prompt is made from the piece as it stands, the span's old notes included, exactly as training examples
    // are made from whole pieces: the holes' blocks are left out of it, the bars' key tokens are the music's.
    const auto ids = model_.vocabulary().encode(tokenizer.encodeBars(score, until, false));
    const remi::RemiLayout layout = remi::layoutOf(ids);
    if (layout.bars.size() != bars.size() || last >= bars.size())
        throw std::logic_error("remi layout and bar lines disagree");

    // Holes in track-key order, as the training examples order them.
    std::vector<std::pair<remi::TrackKey, std::size_t>> keyed;
    for (std::size_t t : trackIndices) keyed.emplace_back(keyOf(score, t), t);
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::size_t> tracks;
    const auto& mix = model_.config().tasks;
    remi::InfillSpec spec;
    spec.firstBar = first;
    spec.lastBar = last;
    spec.contextFrom = first - std::min<std::size_t>(first, static_cast<std::size_t>(mix.contextBars));
    spec.contextTo = std::min(bars.size() - 1, last + static_cast<std::size_t>(mix.contextBars));
    for (const auto& [key, t] : keyed) {
        spec.tracks.push_back(key);
        tracks.push_back(t);
    }
    if (request.controls.scale)
        spec.keyId = r.id(remi::keyToken(request.controls.scale->tonic, request.controls.scale->minorThird));
    const auto fitted = remi::fitInfill(layout, spec, static_cast<std::size_t>(mix.maxTokens));
    if (!fitted && last > first) {
        // Too much music for one example even without context: halves, left to right, as training shortens spans.
        const std::size_t middle = first + (last - first) / 2;
        fillSpan(piece, first, middle, trackIndices, clipEnd, request, seed);
        if (!piece.cancelled) fillSpan(piece, middle + 1, last, trackIndices, clipEnd, request, seed + 1);
        return;
    }
    remi::InfillSpec used = fitted ? *fitted : spec;
    if (!fitted) used.contextFrom = first, used.contextTo = last;
    const auto tokens = remi::makeInfill(ids, layout, used).prompt;

    // Now the span's old notes go; the notes that stay and sound into it count against the polyphony cap.
    const Tick spanStart = bars[first].start, spanEnd = bars[last].end();
    for (std::size_t t : tracks) clearFrom(score.tracks[t], spanStart, spanEnd);
    std::vector<RemiGuard::Hole> holes;
    int barStart = 0;
    for (std::size_t b = first; b <= last; ++b) {
        for (const auto& key : spec.tracks) holes.push_back({key, layout.bars[b].units, barStart});
        barStart += layout.bars[b].units;
    }
    std::vector<std::pair<remi::TrackKey, std::vector<std::pair<int, int>>>> held;
    for (std::size_t i = 0; i < tracks.size(); ++i) held.emplace_back(spec.tracks[i], soundingIn(score, tracks[i], spanStart, spanEnd));
    const SteeringControls controls = request.controls;
    const TokenGuardFactory guards = [holes, controls, held] {
        auto guard = std::make_unique<RemiGuard>(RemiGuard::fill(holes, controls));
        for (const auto& [key, notes] : held) guard->preload(key, notes);
        return guard;
    };
    GenerationSettings settings;
    settings.length = kMaxTokensPerChunk;
    settings.sampling = request.sampling;
    settings.sampling.seed = seed;
    Generator generator(model_, request.threads);
    const std::vector<int> prompt(tokens.begin(), tokens.end());
    const auto seq = generator.generate(prompt, settings, request.cancel, {}, guards).front();

    std::size_t hole = 0;
    int position = 0, pitch = -1, velocity = 80;
    float probability = 0;
    bool closed = false;
    for (std::size_t i = 0; i < seq.tokens.size() && hole < holes.size(); ++i) {
        const int id = seq.tokens[i];
        const Kind kind = r.kind(id);
        if (id == r.fillEnd) {
            closed = true;
            break;
        }
        if (id == r.holeEnd) {
            ++hole;
        } else if (kind == Kind::Instrument) {
            position = 0;
        } else if (kind == Kind::Position) {
            position = r.value(id);
        } else if (kind == Kind::Pitch) {
            pitch = r.value(id);
            probability = seq.choices[i].probability;
        } else if (kind == Kind::Velocity) {
            velocity = remi::binVelocity(r.value(id));
        } else if (kind == Kind::Duration && pitch >= 0) {
            const std::size_t bar = first + hole / spec.tracks.size();
            const std::size_t track = tracks[hole % spec.tracks.size()];
            const Tick start = bars[bar].start + unitTicks(score, position);
            const Tick end = std::min(clipEnd, start + std::max<Tick>(1, unitTicks(score, r.value(id))));
            if (start < clipEnd) {
                const NoteId note = score.addNote(track, Note{0, pitch, velocity, start, end - start});
                piece.generated.push_back(note);
                piece.confidence[note] = probability;
            }
            pitch = -1;
        }
    }
    // Every hole written (the loop stops at the last HOLE_END, before FILL_END): only a cancel leaves one open.
    if (!closed && hole < holes.size()) piece.cancelled = true;
}

std::vector<SteeredPiece> RemiSteering::infill(const Score& score, int firstBar, int lastBar,
                                               const std::vector<int>& tracks, const SteeringRequest& request) const {
    if (tracks.empty()) throw std::invalid_argument("no track to fill: give at least one track");
    std::vector<std::size_t> indices;
    for (int t : tracks) {
        if (t < 1 || t > static_cast<int>(score.tracks.size()))
            throw std::invalid_argument("track " + std::to_string(t) + " is not in the piece (tracks 1.." +
                                        std::to_string(score.tracks.size()) + ")");
        if (std::find(indices.begin(), indices.end(), static_cast<std::size_t>(t - 1)) == indices.end())
            indices.push_back(static_cast<std::size_t>(t - 1));
    }
    std::sort(indices.begin(), indices.end());
    if (firstBar > lastBar) throw std::invalid_argument("the bar range is empty (first bar after last bar)");
    const auto bars = barsOf(score, score.endTick());
    const std::size_t a = barIndexOfNumber(bars, firstBar, "first");
    const std::size_t b = barIndexOfNumber(bars, lastBar, "last");
    const auto span = static_cast<std::size_t>(std::max(1, model_.config().tasks.maxSpanBars));
    const auto& tokenizer = static_cast<const RemiTokenizer&>(model_.tokenizer());
    const SteeringRequest resolved =
        withRhythm(request, [&] { return onsetsAround(tokenizer, score, bars, a, b, indices); });
    return forEachCandidate(score, resolved, [&](SteeredPiece& piece, std::uint64_t seed) {
        // Long spans in chunks of the span the model learned, left to right: each chunk sees the ones before.
        for (std::size_t from = a; from <= b && !piece.cancelled; from += span)
            fillSpan(piece, from, std::min(b, from + span - 1), indices, bars[b].end(), resolved, seed + from * 7919);
        piece.score.normalize();
    });
}

std::vector<SteeredPiece> RemiSteering::accompany(const Score& score, int program, const SteeringRequest& request) const {
    if (program < -1 || program > 127) throw std::invalid_argument("program must be 0..127 (or drums)");
    if (score.noteCount() == 0) throw std::invalid_argument("the piece has no notes to accompany");
    const auto bars = barsOf(score, score.endTick());
    const auto span = static_cast<std::size_t>(std::max(1, model_.config().tasks.trackSpanBars));
    // The new part has no notes of its own: the rhythm kept is the band's, over the whole piece.
    const auto& tokenizer = static_cast<const RemiTokenizer&>(model_.tokenizer());
    const SteeringRequest resolved = withRhythm(
        request, [&] { return onsetsAround(tokenizer, score, bars, 0, bars.size() - 1, {score.tracks.size()}); });
    return forEachCandidate(score, resolved, [&](SteeredPiece& piece, std::uint64_t seed) {
        Track track;
        track.isDrum = program < 0;
        track.program = std::max(program, 0);
        track.name = track.isDrum ? "Drums" : gmProgramName(track.program);
        track.channel = freeChannel(piece.score, track.isDrum);
        piece.score.tracks.push_back(track);
        const std::size_t t = piece.score.tracks.size() - 1;
        for (std::size_t from = 0; from < bars.size() && !piece.cancelled; from += span)
            fillSpan(piece, from, std::min(bars.size() - 1, from + span - 1), {t}, bars.back().end(), resolved,
                     seed + from * 7919);
        piece.score.normalize();
    });
}

void RemiSteering::generateBars(SteeredPiece& piece, const std::vector<int>& prompt, std::size_t firstBar,
                                const std::vector<RemiGuard::FreeBar>& freeBars, const HeldNotes& held,
                                const SteeringRequest& request, std::uint64_t seed) const {
    const RemiIds& r = RemiIds::get();
    Score& score = piece.score;
    const int count = static_cast<int>(freeBars.size());
    const Tick longestBar = static_cast<Tick>(score.ppq()) * remi::kMaxBarUnits / remi::kUnitsPerBeat;
    const auto bars = barLines(score, score.endTick() + longestBar * (static_cast<Tick>(firstBar) + count + 1));
    const Tick clipEnd = bars[std::min(bars.size() - 1, firstBar + static_cast<std::size_t>(count) - 1)].end();
    const SteeringControls controls = request.controls;
    // Continuing carries the piece's own parts on: the model writes for them, not for instruments of its own.
    std::map<int, int> tracks;
    for (std::size_t t = 0; t < score.tracks.size(); ++t) ++tracks[keyOf(score, t).instrument];
    const TokenGuardFactory guards = [freeBars, controls, held, tracks] {
        auto guard = std::make_unique<RemiGuard>(RemiGuard::free(freeBars, controls, tracks));
        for (const auto& [key, notes] : held) guard->preload(key, notes);
        return guard;
    };
    GenerationSettings settings;
    settings.length = std::min(kMaxTokensPerChunk * 4, 400 * count + 64);
    settings.sampling = request.sampling;
    settings.sampling.seed = seed;
    Generator generator(model_, request.threads);
    const auto seq = generator.generate(prompt, settings, request.cancel, {}, guards).front();

    const std::size_t givenTracks = score.tracks.size();
    std::map<remi::TrackKey, std::size_t> trackOf;
    for (std::size_t t = 0; t < score.tracks.size(); ++t) trackOf[keyOf(score, t)] = t;
    std::size_t bar = firstBar;
    std::map<int, int> ordinals;
    std::size_t track = kNoTrack;
    int position = 0, pitch = -1, velocity = 80;
    float probability = 0;
    bool ended = false;
    for (std::size_t i = 0; i < seq.tokens.size(); ++i) {
        const int id = seq.tokens[i];
        const Kind kind = r.kind(id);
        if (kind == Kind::PieceEnd) {
            ended = true;
            break;
        }
        if (kind == Kind::Bar) {
            if (++bar >= firstBar + static_cast<std::size_t>(count)) {
                ended = true;
                break;
            }
            ordinals.clear();
            track = kNoTrack;
        } else if (kind == Kind::Instrument) {
            const remi::TrackKey key{r.value(id), ordinals[r.value(id)]++};
            auto it = trackOf.find(key);
            if (it == trackOf.end()) {
                Track t;
                t.isDrum = key.instrument < 0;
                t.program = std::max(0, key.instrument);
                t.name = t.isDrum ? "Drums" : gmProgramName(t.program);
                t.channel = freeChannel(score, t.isDrum);
                score.tracks.push_back(t);
                it = trackOf.emplace(key, score.tracks.size() - 1).first;
            }
            track = it->second;
            position = 0;
        } else if (kind == Kind::Position) {
            position = r.value(id);
        } else if (kind == Kind::Pitch) {
            pitch = r.value(id);
            probability = seq.choices[i].probability;
        } else if (kind == Kind::Velocity) {
            velocity = remi::binVelocity(r.value(id));
        } else if (kind == Kind::Duration && track != kNoTrack && pitch >= 0) {
            const Tick start = bars[bar].start + unitTicks(score, position);
            const Tick end = std::min(clipEnd, start + std::max<Tick>(1, unitTicks(score, r.value(id))));
            if (start < clipEnd) {
                const NoteId note = score.addNote(track, Note{0, pitch, velocity, start, end - start});
                piece.generated.push_back(note);
                piece.confidence[note] = probability;
            }
            pitch = -1;
        }
    }
    if (!ended && seq.tokens.size() < static_cast<std::size_t>(settings.length) && request.cancel && request.cancel->load())
        piece.cancelled = true;
    // Tracks the model began but never played in are left out (as for events models); the musician's stay.
    score.tracks.erase(std::remove_if(score.tracks.begin() + static_cast<std::ptrdiff_t>(givenTracks), score.tracks.end(),
                                      [](const Track& t) { return t.notes.empty(); }),
                       score.tracks.end());
    score.normalize();
}

std::vector<SteeredPiece> RemiSteering::continuePiece(const Score& score, int fromBar, int count,
                                                      const SteeringRequest& request) const {
    return continuePiece(score, fromBar, count, std::nullopt, request);
}

std::vector<SteeredPiece> RemiSteering::continuePiece(const Score& score, int fromBar, int count,
                                                      const std::optional<Scale>& key,
                                                      const SteeringRequest& request) const {
    if (count < 1) throw std::invalid_argument("at least one bar must be generated");
    const RemiIds& r = RemiIds::get();
    const auto& tokenizer = static_cast<const RemiTokenizer&>(model_.tokenizer());
    auto bars = barsOf(score, score.endTick() + 1);
    const Tick longestBar = static_cast<Tick>(score.ppq()) * remi::kMaxBarUnits / remi::kUnitsPerBeat;
    const auto extended = barLines(score, bars.back().end() + longestBar);
    if (fromBar == extended[bars.size()].number) bars = extended;  // one past the last bar: continue after the end
    const std::size_t x = barIndexOfNumber(bars, fromBar, "start");
    if (bars.size() - x > 100000 || count > 100000) throw std::invalid_argument("too many bars to generate at once");
    // The prompt comes from the piece as it is (bars before x, whole, as training saw whole pieces) and the bar
    // lines of the bars to come, with their meters where they change.
    const auto ids = model_.vocabulary().encode(
        tokenizer.encodeBars(score, barLines(score, bars.back().end() + longestBar * (count + 1))[x + static_cast<std::size_t>(count) - 1].end(), false));
    const auto layout = remi::layoutOf(ids);
    if (layout.bars.size() < x + static_cast<std::size_t>(count)) throw std::logic_error("remi layout is short of the bars to generate");
    std::vector<int> prompt;
    if (x == 0) {
        prompt.push_back(r.bos);
    } else {
        // As much context as the model's examples held, leaving room for the bars to come.
        const std::size_t budget = static_cast<std::size_t>(std::max(64, model_.config().tasks.maxTokens / 2));
        std::size_t from = x - 1, length = layout.bars[x - 1].end - layout.bars[x - 1].begin;
        while (from > 0 && length + (layout.bars[from - 1].end - layout.bars[from - 1].begin) <= budget) {
            --from;
            length += layout.bars[from].end - layout.bars[from].begin;
        }
        const auto context = remi::makeContinuation(ids, layout, from, x - 1, false);
        prompt.assign(context.begin(), context.end());
    }
    // Bar x begins: BAR, its meter and tempo where it writes them (always for the first bar), then the key if asked.
    const auto& start = layout.bars[x];
    prompt.push_back(r.bar);
    for (std::size_t i = start.begin + 1; i < start.headEnd; ++i)
        if (r.kind(ids[i]) != Kind::Key) prompt.push_back(ids[i]);
    if (const auto& k = key ? key : request.controls.scale) prompt.push_back(r.id(remi::keyToken(k->tonic, k->minorThird)));
    std::vector<RemiGuard::FreeBar> freeBars;
    for (std::size_t b = x; b < x + static_cast<std::size_t>(count); ++b)
        freeBars.push_back({layout.bars[b].units, b > x && layout.bars[b].writesMeter ? layout.bars[b].meterId : -1});
    HeldNotes held;
    for (std::size_t t = 0; t < score.tracks.size(); ++t) {
        auto notes = soundingIn(score, t, bars[x].start, std::numeric_limits<Tick>::max());
        if (!notes.empty()) held.emplace_back(keyOf(score, t), std::move(notes));
    }
    // Continuing keeps the rhythm of the bars before, on every track (the bars from x on are being replaced).
    std::vector<std::size_t> all(score.tracks.size());
    for (std::size_t t = 0; t < all.size(); ++t) all[t] = t;
    const SteeringRequest resolved =
        withRhythm(request, [&] {
            return onsetsAround(tokenizer, score, bars, x, x + static_cast<std::size_t>(count) - 1, all, false);
        });
    return forEachCandidate(score, resolved, [&](SteeredPiece& piece, std::uint64_t seed) {
        for (auto& t : piece.score.tracks) clearFrom(t, bars[x].start, std::numeric_limits<Tick>::max());
        generateBars(piece, prompt, x, freeBars, held, resolved, seed);
    });
}

std::vector<SteeredPiece> RemiSteering::newPiece(int numerator, int denominator, double bpm, int count,
                                                 const std::optional<Scale>& key, const SteeringRequest& request) const {
    if (!remi::meterInVocabulary(numerator, denominator))
        throw std::invalid_argument("meter " + std::to_string(numerator) + "/" + std::to_string(denominator) +
                                    " is not one remi knows (up to 16 beats a bar, denominators 2, 4, 8, 16)");
    if (!(bpm > 0)) throw std::invalid_argument("tempo must be positive");
    Score score(480);
    score.timeSignatures = {TimeSignature{0, numerator, denominator}};
    score.setTempoChanges({TempoChange{0, static_cast<int>(std::lround(60'000'000.0 / bpm))}});
    return continuePiece(score, 1, count, key, request);
}

}  // namespace nf
