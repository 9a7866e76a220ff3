// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/InfillEvaluator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

#include "evaluation/ContextFit.h"
#include "evaluation/HeldOutLoss.h"
#include "evaluation/KeyFinder.h"
#include "evaluation/NewPieceShape.h"
#include "evaluation/PieceMetrics.h"
#include "generation/SpanControls.h"
#include "generation/TokenDecoder.h"
#include "generation/RemiSteering.h"
#include "generation/WorkerPool.h"
#include "remi/BarControls.h"
#include "remi/BarKey.h"
#include "remi/InfillFormat.h"
#include "remi/RemiLayout.h"
#include "remi/RemiTokenizer.h"
#include "tokenize/SplitMix64.h"

namespace nf {

namespace {

struct Span {
    std::size_t piece = 0, track = 0, first = 0, last = 0;
};

bool hasNotes(const Score& s, std::size_t track, const std::vector<BarLine>& bars, std::size_t first, std::size_t last) {
    for (const Note& n : s.tracks[track].notes)
        if (n.start >= bars[first].start && n.start < bars[last].end()) return true;
    return false;
}

// Spans of `length` bars with notes on the chosen track, `before` bars of music before them, and (track mode)
// another track playing there to accompany.
std::vector<Span> chooseSpans(const std::vector<Score>& pieces, const std::vector<std::vector<BarLine>>& bars,
                              std::size_t length, std::size_t before, bool needOthers, int count, SplitMix64& rng) {
    std::vector<Span> out;
    for (int attempt = 0; attempt < count * 200 && static_cast<int>(out.size()) < count; ++attempt) {
        Span s;
        s.piece = static_cast<std::size_t>(rng.below(pieces.size()));
        const Score& score = pieces[s.piece];
        const auto& b = bars[s.piece];
        if (score.tracks.empty() || b.size() < length + before) continue;
        s.track = static_cast<std::size_t>(rng.below(score.tracks.size()));
        s.first = before + static_cast<std::size_t>(rng.below(b.size() - length - before + 1));
        s.last = s.first + length - 1;
        if (!hasNotes(score, s.track, b, s.first, s.last)) continue;
        if (needOthers) {
            bool others = false;
            for (std::size_t t = 0; t < score.tracks.size() && !others; ++t)
                others = t != s.track && hasNotes(score, t, b, s.first, s.last);
            if (!others) continue;
        }
        out.push_back(s);
    }
    return out;
}

// How likely the model found a candidate's notes: the mean log-probability of its generated pitches (a candidate
// without notes scores lowest).
double meanLogProbability(const SteeredPiece& p) {
    if (p.confidence.empty()) return -1e9;
    double sum = 0;
    for (const auto& [id, probability] : p.confidence) sum += std::log(std::max(1e-9, static_cast<double>(probability)));
    return sum / static_cast<double>(p.confidence.size());
}

// The candidate whose notes the model found likeliest. Chosen from the model's own view, never from the truth.
std::size_t likeliest(const std::vector<SteeredPiece>& candidates) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < candidates.size(); ++i)
        if (meanLogProbability(candidates[i]) > meanLogProbability(candidates[best])) best = i;
    return best;
}

// The notes as (bar, position, pitch), in order: two spans with the same list play the same notes at the same places.
std::vector<std::tuple<int, int, int>> noteList(const SpanNotes& span) {
    std::vector<std::tuple<int, int, int>> list;
    for (const auto& n : span.notes) list.emplace_back(n.bar, n.position, n.pitch);
    std::sort(list.begin(), list.end());
    return list;
}

Scale keyScale(const remi::KeyToken& key) {
    // Minor keys lock to harmonic minor's notes plus the natural seventh, as KeyFinder's minor scale does.
    auto scale = *parseScale(std::string(tonicName(key.tonic)) + (key.minor ? " harmonic minor" : " major"));
    if (key.minor) scale.pitchClasses[static_cast<std::size_t>((key.tonic + 10) % 12)] = true;
    return scale;
}

// The piece without the span's notes on its track: what the model is given, so that nothing of the truth -- not even
// through the bars' key tokens, which are estimated from the notes around each bar -- reaches it.
Score withoutSpan(const Score& score, const Span& s, const std::vector<BarLine>& bars) {
    Score masked = score;
    const Tick start = bars[s.first].start, end = bars[s.last].end();
    std::erase_if(masked.tracks[s.track].notes, [&](const Note& n) { return n.start >= start && n.start < end; });
    // A span at the very end must stay inside the piece: an empty lyric keeps its length (remi encodes no text).
    if (masked.endTick() < end) masked.tracks[s.track].lyrics.push_back({end - 1, " "});
    return masked;
}

// Controls like the bars before the span on its track (as many as the span has), the key from the piece without the
// span (`masked`): what is known without the truth. Minor keys lock as keyScale does, leading tone included.
SteeringControls contextControls(const Score& masked, const Span& s, const std::vector<BarLine>& bars, bool lockKey,
                                 bool lockNotes) {
    const std::size_t length = s.last - s.first + 1;
    const bool drums = masked.tracks[s.track].isDrum;
    const SpanControlValues values =
        measureSpan(masked, bars[s.first - length].start, bars[s.first].start, static_cast<int>(length), {s.track});
    SteeringControls c = controlsLike(values, false);
    if (drums) c.lowest = c.highest = std::nullopt;  // drum keys are instruments, not pitches
    if (lockKey && !drums && values.key) c.scale = keyScale({values.key->tonic, values.key->minorThird});
    if (lockNotes && !drums) c.scale = pieceNotesScale(masked, {s.track});
    return c;
}

// The notes of the same track `length` bars earlier, as if played again in the span.
SpanNotes repeatBefore(const Score& score, const Span& s, const std::vector<BarLine>& bars) {
    const std::size_t length = s.last - s.first + 1;
    return spanNotes(score, s.track, bars, s.first - length, s.last - length);
}

std::optional<SpanNotes> randomBars(const std::vector<Score>& training, const std::vector<std::vector<BarLine>>& bars,
                                    bool drums, std::size_t length, SplitMix64& rng) {
    for (int attempt = 0; attempt < 500 && !training.empty(); ++attempt) {
        const std::size_t p = static_cast<std::size_t>(rng.below(training.size()));
        const Score& score = training[p];
        if (score.tracks.empty() || bars[p].size() < length) continue;
        const std::size_t t = static_cast<std::size_t>(rng.below(score.tracks.size()));
        if (score.tracks[t].isDrum != drums) continue;
        const std::size_t first = static_cast<std::size_t>(rng.below(bars[p].size() - length + 1));
        if (!hasNotes(score, t, bars[p], first, first + length - 1)) continue;
        return spanNotes(score, t, bars[p], first, first + length - 1);
    }
    return std::nullopt;
}

}  // namespace

void SpanFigures::add(const SpanComparison& c) {
    pitch += c.pitchOverlap;
    density += c.densityError;
    groove += c.grooveSimilarity;
    range += c.rangeOverlap;
    ++count;
}

SpanFigures SpanFigures::mean() const {
    if (count == 0) return *this;
    return {pitch / count, density / count, groove / count, range / count, count};
}

InfillEvaluation evaluateInfill(const GenerationModel& model, const std::vector<Score>& heldOut,
                                const std::vector<Score>& training, const InfillEvaluationOptions& o) {
    o.fitWeights.validate();
    const RemiSteering steering(model);
    const auto& tokenizer = static_cast<const RemiTokenizer&>(model.tokenizer());
    const bool trackMode = o.mode == InfillMode::Track;
    InfillEvaluation r;
    r.mode = o.mode;
    r.spanBars = o.spanBars > 0 ? o.spanBars : (trackMode ? 8 : 2);
    r.heldOutPieces = static_cast<int>(heldOut.size());
    const auto L = static_cast<std::size_t>(r.spanBars);
    const auto say = [&](const std::string& line) {
        if (o.progress) o.progress(line);
    };

    std::vector<std::vector<BarLine>> heldBars, trainBars;
    for (const auto& s : heldOut) heldBars.push_back(barLines(s, s.endTick()));
    for (const auto& s : training) trainBars.push_back(barLines(s, s.endTick()));
    SplitMix64 rng(o.seed);
    const auto spans = chooseSpans(heldOut, heldBars, L, L, trackMode, o.spans, rng);
    if (spans.empty()) throw std::invalid_argument("no held-out piece has " + std::to_string(2 * L) + " bars to test on");

    SteeringRequest request;
    request.sampling = o.sampling;
    request.threads = o.threads;
    gen::WorkerPool pool(gen::resolveThreadCount(o.threads));
    SpanFigures written, repeat, random;
    double nll = 0, fit = 0;
    int copies = 0;
    struct {
        std::vector<double> pitch, density, groove, range;
    } versusRepeat;
    std::vector<std::size_t> spanPieces;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const Span& s = spans[i];
        const Score& score = heldOut[s.piece];
        const auto& bars = heldBars[s.piece];
        const SpanNotes truth = spanNotes(score, s.track, bars, s.first, s.last);
        // The span's own request: its controls and candidates must not leak into the control and structure runs.
        SteeringRequest spanRequest = request;
        spanRequest.sampling.seed = o.seed + 1000 + i;
        const Score masked = withoutSpan(score, s, bars);
        if (o.contextControls) spanRequest.controls = contextControls(masked, s, bars, o.lockKey, o.lockPieceNotes);
        spanRequest.controls.keepRhythm = o.keepRhythm;
        spanRequest.candidates = std::max(1, o.bestOf);
        const auto result = steering.infill(masked, bars[s.first].number, bars[s.last].number,
                                            {static_cast<int>(s.track) + 1}, spanRequest);
        // Each candidate's fit to the bars around the span (spans have bars before: there is always one); the pick
        // that looks at the context takes the best, neither ever sees the truth. The comparisons are made out to the
        // phrase places for every pick, so that --candidates-out lists them; a neighbours-only fit leaves those out.
        std::vector<std::vector<ContextComparison>> comparisons;
        std::vector<double> fits;
        for (const auto& c : result) {
            comparisons.push_back(contextComparisons(c.score, {s.track}, bars, s.first, s.last, ContextReach::Phrases));
            auto used = comparisons.back();
            if (o.pick != InfillEvaluationOptions::Pick::PhraseFit)
                std::erase_if(used, [](const ContextComparison& k) { return !k.neighbour; });
            fits.push_back(contextFit(used, o.fitWeights).value_or(0));
        }
        const std::size_t chosen =
            o.pick == InfillEvaluationOptions::Pick::Likeliest ? likeliest(result) : bestFitFirst(fits).front();
        const SpanNotes mine = spanNotes(result[chosen].score, s.track, bars, s.first, s.last);
        const SpanNotes before = repeatBefore(score, s, bars);
        const SpanComparison ours = compareSpans(truth, mine), theirs = compareSpans(truth, before);
        written.add(ours);
        versusRepeat.pitch.push_back(ours.pitchOverlap - theirs.pitchOverlap);
        versusRepeat.density.push_back(ours.densityError - theirs.densityError);
        versusRepeat.groove.push_back(ours.grooveSimilarity - theirs.grooveSimilarity);
        versusRepeat.range.push_back(ours.rangeOverlap - theirs.rangeOverlap);
        spanPieces.push_back(s.piece);
        fit += fits[chosen];
        copies += !mine.notes.empty() && noteList(mine) == noteList(before);
        if (o.candidates) {
            SpanCandidates all{i, s.piece, s.track, s.first, s.last, chosen, theirs, {}};
            for (std::size_t k = 0; k < result.size(); ++k) {
                const SpanNotes notes = spanNotes(result[k].score, s.track, bars, s.first, s.last);
                all.candidates.push_back({compareSpans(truth, notes), std::move(comparisons[k]),
                                          meanLogProbability(result[k]),
                                          !notes.notes.empty() && noteList(notes) == noteList(before)});
            }
            o.candidates(all);
        }
        repeat.add(theirs);
        if (auto other = randomBars(training, trainBars, truth.drums, L, rng)) random.add(compareSpans(truth, *other));

        const auto ids = model.vocabulary().encode(tokenizer.encodeBars(score, score.endTick(), false));
        const auto layout = remi::layoutOf(ids);
        remi::InfillSpec spec{s.first, s.last, s.first - std::min<std::size_t>(s.first, 4),
                              std::min(layout.bars.size() - 1, s.last + 4),
                              {remi::TrackKey{score.tracks[s.track].isDrum ? -1 : score.tracks[s.track].program, 0}}};
        for (std::size_t t = 0; t < s.track; ++t)
            spec.tracks[0].ordinal += (score.tracks[t].isDrum ? -1 : score.tracks[t].program) == spec.tracks[0].instrument;
        if (auto fitted = remi::fitInfill(layout, spec, static_cast<std::size_t>(model.config().tasks.maxTokens))) {
            const auto t = remi::makeInfill(ids, layout, *fitted);
            nll += continuationLoss(model, pool, t.prompt, t.fill);
            r.lossTokens += static_cast<int>(t.fill.size());
            r.lossNotes += static_cast<int>(truth.notes.size());
        }
        if ((i + 1) % 10 == 0) say("spans: " + std::to_string(i + 1) + " of " + std::to_string(spans.size()));
    }
    r.model = written.mean();
    const auto interval = [&](const std::vector<double>& v) { return pieceBootstrap(v, spanPieces, 2000, o.seed); };
    r.modelMinusRepeat = {interval(versusRepeat.pitch), interval(versusRepeat.density), interval(versusRepeat.groove),
                          interval(versusRepeat.range)};
    r.modelContextFit = fit / static_cast<double>(spans.size());
    r.modelCopies = copies / static_cast<double>(spans.size());
    r.repeat = repeat.mean();
    r.random = random.mean();
    r.lossPerToken = r.lossTokens > 0 ? nll / r.lossTokens : 0;
    r.lossPerNote = r.lossNotes > 0 ? nll / r.lossNotes : 0;

    // Controls: one-bar spans asked for exactly the true bar's bins; then the hard constraints on the same bars.
    const auto controlSpans = chooseSpans(heldOut, heldBars, 1, 0, false, o.controlSpans, rng);
    std::array<int, 5> hits{};
    int notes = 0, inScale = 0, inRange = 0, bars = 0, underCap = 0, onRhythm = 0;
    for (std::size_t i = 0; i < controlSpans.size(); ++i) {
        const Span& s = controlSpans[i];
        const Score& score = heldOut[s.piece];
        const auto& lines = heldBars[s.piece];
        const int units = RemiTokenizer::barUnits(score, lines[s.first]);
        const auto truthNotes = tokenizer.gridNotes(score, score.tracks[s.track], lines)[s.first];
        const auto truth = remi::measureControls(truthNotes, units);
        SteeringRequest asked = request;
        asked.sampling.seed = o.seed + 5000 + i;
        asked.controls.bins = {truth.density, truth.polyphony, truth.low, truth.high, truth.length};
        const auto result = steering.infill(score, lines[s.first].number, lines[s.first].number,
                                            {static_cast<int>(s.track) + 1}, asked);
        const auto got = remi::measureControls(
            tokenizer.gridNotes(result.front().score, result.front().score.tracks[s.track], lines)[s.first], units);
        hits[0] += got.density == truth.density;
        hits[1] += got.polyphony == truth.polyphony;
        hits[2] += got.low == truth.low;
        hits[3] += got.high == truth.high;
        hits[4] += got.length == truth.length;
        ++r.controlBars;

        if (score.tracks[s.track].isDrum) continue;
        SteeringRequest locked = request;
        locked.sampling.seed = o.seed + 9000 + i;
        const auto keys = remi::barKeys(score, lines);
        if (keys[s.first]) locked.controls.scale = keyScale(*keys[s.first]);
        int lo = 127, hi = 0;
        for (const auto& n : truthNotes) lo = std::min(lo, n.pitch), hi = std::max(hi, n.pitch);
        locked.controls.lowest = lo;
        locked.controls.highest = hi;
        const int cap = std::max(1, remi::maxPolyphony(truthNotes, units));
        locked.controls.polyphony = cap;
        for (const auto& n : truthNotes) locked.controls.onsets.push_back(n.position);
        std::sort(locked.controls.onsets.begin(), locked.controls.onsets.end());
        locked.controls.onsets.erase(std::unique(locked.controls.onsets.begin(), locked.controls.onsets.end()),
                                     locked.controls.onsets.end());
        try {
            locked.controls.validate();
        } catch (const std::invalid_argument&) {
            continue;  // the true bar's own notes lie outside its key's scale in its range: nothing to ask
        }
        const auto out = steering.infill(score, lines[s.first].number, lines[s.first].number,
                                         {static_cast<int>(s.track) + 1}, locked);
        const auto written = tokenizer.gridNotes(out.front().score, out.front().score.tracks[s.track], lines)[s.first];
        for (const auto& n : written) {
            ++notes;
            inScale += !locked.controls.scale || locked.controls.scale->contains(n.pitch);
            inRange += n.pitch >= lo && n.pitch <= hi;
            onRhythm += std::binary_search(locked.controls.onsets.begin(), locked.controls.onsets.end(), n.position);
        }
        ++bars;
        underCap += remi::maxPolyphony(written, units) <= cap;
    }
    for (std::size_t k = 0; k < 5; ++k)
        r.controlAccuracy[k] = r.controlBars > 0 ? static_cast<double>(hits[k]) / r.controlBars : 0;
    r.constrainedNotes = notes;
    r.inScale = notes > 0 ? static_cast<double>(inScale) / notes : 1;
    r.inRange = notes > 0 ? static_cast<double>(inRange) / notes : 1;
    r.underCap = bars > 0 ? static_cast<double>(underCap) / bars : 1;
    r.onRhythm = notes > 0 ? static_cast<double>(onRhythm) / notes : 1;
    say("controls: " + std::to_string(r.controlBars) + " bars");

    // Structure: how much held-out pieces repeat themselves at bar level, and new pieces of the model.
    double held = 0;
    for (const auto& s : heldOut) held += barRepetition(s);
    r.heldOutRepetition = heldOut.empty() ? 0 : held / static_cast<double>(heldOut.size());
    double generated = 0, generatedPolyphony = 0, heldPolyphony = 0;
    int polyphonyPairs = 0;
    for (int i = 0; i < o.structurePieces; ++i) {
        const std::size_t source = static_cast<std::size_t>(i) % heldBars.size();
        SteeringRequest fresh = request;
        fresh.sampling.seed = o.seed + 20000 + static_cast<std::uint64_t>(i);
        const NewPieceShape like = newPieceLike(heldOut[source]);
        const auto pieces = steering.newPiece(like.numerator, like.denominator, like.bpm, 16, std::nullopt, fresh);
        generated += barRepetition(pieces.front().score);
        // Pairs with a drums-only side (no pitched notes, no polyphony) are left out of both means.
        const double mine = rhythmFigures(pieces.front().score).meanPolyphony;
        const double theirs = rhythmFigures(heldOut[source]).meanPolyphony;
        if (!std::isnan(mine) && !std::isnan(theirs)) {
            generatedPolyphony += mine;
            heldPolyphony += theirs;
            ++polyphonyPairs;
        }
        ++r.generatedPieces;
    }
    r.generatedRepetition = r.generatedPieces > 0 ? generated / r.generatedPieces : 0;
    r.generatedPolyphony = polyphonyPairs > 0 ? generatedPolyphony / polyphonyPairs : 0;
    r.heldOutPolyphony = polyphonyPairs > 0 ? heldPolyphony / polyphonyPairs : 0;
    return r;
}

}  // namespace nf
