// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcReader.h"

#include <algorithm>
#include <fstream>
#include <span>

#include "abc/AbcAccompaniment.h"
#include "abc/AbcPerformer.h"
#include "abc/AbcRepeats.h"
#include "abc/AbcTuneParser.h"

namespace nf {

namespace {

using namespace nf::abc;

bool startsTune(std::string_view line) { return line.size() >= 2 && line[0] == 'X' && line[1] == ':'; }
bool isBlank(std::string_view line) { return trim(line).empty(); }

// A voice gets channel = its index, skipping the General MIDI drum channel.
int channelForVoice(std::size_t index) { return static_cast<int>(std::min<std::size_t>(index < 9 ? index : index + 1, 15)); }

// Appends a change, replacing one already at the same tick (a body M:6/8 right after K: overrides the header's).
template <class T>
void addChange(std::vector<T>& list, const T& change) {
    if (!list.empty() && list.back().tick == change.tick) list.back() = change;
    else list.push_back(change);
}

// A tune that starts with a pickup (its first bar line comes before a full bar) gets the pickup as a bar of its
// own short meter (a one-eighth pickup in 6/8: 1/8, then 6/8 at the bar line), as MIDI files from notation programs
// write it: the bar lines of the score then fall where the tune has them, and the pickup counts as bar 0.
void addPickupMeter(Score& score, const std::vector<Tick>& bars) {
    const auto first = std::find_if(bars.begin(), bars.end(), [](Tick t) { return t > 0; });
    if (first == bars.end() || score.timeSignatures.empty() || score.timeSignatures.front().tick != 0) return;
    const TimeSignature meter = score.timeSignatures.front();
    const Tick pickup = *first;
    const Tick full = static_cast<Tick>(score.ppq()) * 4 * meter.numerator / std::max(1, meter.denominator);
    if (pickup >= full || (score.timeSignatures.size() > 1 && score.timeSignatures[1].tick <= pickup)) return;
    // The pickup's length in the largest note value (down to a 64th) that measures it exactly.
    for (int denominator = 1; denominator <= 64; denominator *= 2) {
        const Tick unit = static_cast<Tick>(score.ppq()) * 4 / denominator;
        if (unit <= 0 || unit * denominator != static_cast<Tick>(score.ppq()) * 4 || pickup % unit != 0) continue;
        score.timeSignatures.front() = TimeSignature{0, static_cast<int>(pickup / unit), denominator};
        score.timeSignatures.insert(score.timeSignatures.begin() + 1, TimeSignature{pickup, meter.numerator, meter.denominator});
        return;
    }
}

bool hasNotes(const ParsedVoice& v) {
    return std::any_of(v.events.begin(), v.events.end(), [](const Event& e) { return e.kind == EventKind::Note; });
}

// Builds the Score of a parsed tune; returns the first error of any voice instead.
std::optional<Diagnostic> buildScore(const ParsedTune& parsed, const AbcReadOptions& options, Score& score,
                                     std::vector<Diagnostic>& warnings) {
    score.title = parsed.title;
    const int mpq = parsed.tempo ? parsed.tempo->microsPerQuarter(parsed.unitLength()) : 500000;
    std::vector<TempoChange> tempos{{0, mpq}};
    if (parsed.meter && !parsed.meter->free) {
        const int d = parsed.meter->denominator;
        if ((d & (d - 1)) == 0 && d <= 64 && parsed.meter->numerator <= 255)
            score.timeSignatures.push_back({0, parsed.meter->numerator, d});
    }
    score.keySignatures.push_back({0, parsed.key.sharps, parsed.key.minor});

    std::vector<const ParsedVoice*> voices;
    for (const ParsedVoice& v : parsed.voices)
        if (hasNotes(v)) voices.push_back(&v);
    std::size_t total = 0;
    std::vector<std::uint32_t> order;
    std::vector<Tick> melodyBars;
    for (std::size_t i = 0; i < voices.size(); ++i) {
        const ParsedVoice& v = *voices[i];
        std::string error;
        if (!playOrder(v.events, parsed.partOrder, parsed.voices.size() <= 1, order, error)) return Diagnostic{parsed.firstLine, error};
        VoicePerformance perf = performVoice(parsed, v, order, score.ppq());
        for (auto& w : perf.warnings) warnings.push_back(std::move(w));
        if (perf.error) return perf.error;
        total += perf.notes.size();
        if (total > kMaxNotesPerTune)
            return Diagnostic{parsed.firstLine, "tune has more than " + std::to_string(kMaxNotesPerTune) + " notes"};
        Track track;
        track.name = !v.name.empty() ? v.name : voices.size() > 1 ? "Voice " + v.id : parsed.title;
        // abc2midi's channels: the melody on 0 and each further voice on the next, unless %%MIDI channel says.
        track.channel = perf.channel >= 0 ? perf.channel : channelForVoice(i);
        track.isDrum = track.channel == 9;
        track.program = perf.program;
        track.notes = std::move(perf.notes);
        track.chordSymbols = std::move(perf.chordSymbols);
        track.controls = std::move(perf.controls);
        if (i == 0) {
            melodyBars = std::move(perf.bars);
            for (const auto& m : perf.meters) addChange(score.timeSignatures, m);
            for (const auto& k : perf.keys) addChange(score.keySignatures, k);
        }
        for (const auto& t : perf.tempos) tempos.push_back(t);
        score.tracks.push_back(std::move(track));
    }
    std::stable_sort(tempos.begin(), tempos.end(), [](const auto& a, const auto& b) { return a.tick < b.tick; });
    std::vector<TempoChange> unique;
    for (const auto& t : tempos) addChange(unique, t);
    score.setTempoChanges(std::move(unique));
    score.assignMissingIds();
    score.normalize();
    if (options.accompaniment) addAccompaniment(score, melodyBars);
    addPickupMeter(score, melodyBars);
    return std::nullopt;
}

AbcTune readTune(std::string_view text, std::span<const TextLine> lines, const std::string& name,
                 const AbcReadOptions& options) {
    AbcTune tune;
    const ParsedTune parsed = parseTune(lines);
    tune.number = parsed.number;
    tune.title = parsed.title;
    tune.firstLine = parsed.firstLine;
    const auto begin = static_cast<std::size_t>(lines.front().text.data() - text.data());
    const auto end = static_cast<std::size_t>(lines.back().text.data() + lines.back().text.size() - text.data());
    tune.text = std::string(text.substr(begin, end - begin));
    std::vector<Diagnostic> warnings = parsed.warnings;
    std::optional<Diagnostic> error = parsed.error;
    if (!error && !parsed.sawKey) warnings.push_back({parsed.firstLine, "tune has no K: field"});
    if (!error) {
        Score score(options.ppq > 0 ? options.ppq : 480);
        error = buildScore(parsed, options, score, warnings);
        if (!error) tune.score = std::move(score);
    }
    if (error) tune.error = MusicError::atLine(name, error->line, error->message);
    for (const auto& w : warnings) tune.warnings.push_back({MusicError::atLine(name, w.line, w.message).what()});
    return tune;
}

}  // namespace

std::vector<AbcTune> readAbcText(std::string_view text, const std::string& name, const AbcReadOptions& options) {
    std::vector<AbcTune> tunes;
    if (text.size() > kMaxAbcTextBytes) {
        AbcTune t;
        t.error = MusicError(name, "ABC text is larger than 16 MB");
        tunes.push_back(std::move(t));
        return tunes;
    }
    const std::vector<TextLine> lines = splitLines(text);
    const bool anyX = std::any_of(lines.begin(), lines.end(), [](const TextLine& l) { return startsTune(l.text); });
    std::size_t i = 0;
    if (!anyX) {
        // A fragment without X: (a single tune as some editors save it) is read as tune 1 when it has a K:.
        const bool anyK = std::any_of(lines.begin(), lines.end(),
                                      [](const TextLine& l) { return l.text.size() >= 2 && l.text[0] == 'K' && l.text[1] == ':'; });
        if (anyK && !lines.empty()) {
            std::size_t first = 0;
            while (first < lines.size() && isBlank(lines[first].text)) ++first;
            std::size_t last = first;
            while (last < lines.size() && !isBlank(lines[last].text)) ++last;
            if (last > first) {
                tunes.push_back(readTune(text, std::span(lines).subspan(first, last - first), name, options));
                if (tunes.back().number == 0) tunes.back().number = 1;
            }
        }
        return tunes;
    }
    while (i < lines.size()) {
        if (!startsTune(lines[i].text)) {
            ++i;
            continue;
        }
        // A tune runs from its X: line to the first blank line or the next X:.
        std::size_t j = i + 1;
        while (j < lines.size() && !isBlank(lines[j].text) && !startsTune(lines[j].text)) ++j;
        tunes.push_back(readTune(text, std::span(lines).subspan(i, j - i), name, options));
        i = j;
    }
    return tunes;
}

std::vector<AbcTune> readAbcFile(const std::string& path, const AbcReadOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MusicError(path, "cannot open file");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) throw MusicError(path, "cannot read file");
    if (static_cast<std::uint64_t>(size) > kMaxAbcTextBytes) throw MusicError(path, "file is larger than 16 MB");
    in.seekg(0, std::ios::beg);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (size > 0 && !in.read(text.data(), size)) throw MusicError(path, "cannot read file");
    if (const auto nul = text.find('\0'); nul != std::string::npos)
        throw MusicError::atByte(path, static_cast<std::int64_t>(nul), "not a text file (NUL byte)");
    return readAbcText(text, path, options);
}

}  // namespace nf
