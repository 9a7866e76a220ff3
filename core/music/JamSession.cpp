// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/JamSession.h"

#include <algorithm>
#include <cmath>

#include "music/ClickTrack.h"

namespace nf {

namespace {

constexpr int kClickChunk = 512;  // bars of click per extension: 17 minutes of 4/4 at 120 bpm
constexpr int kClickMargin = 32;

Track partTrack(const char* name, int channel, int program) {
    Track t;
    t.name = name;
    t.channel = channel;
    t.program = program;
    return t;
}

}  // namespace

JamSession::JamSession(const JamOptions& options)
    : options_(options),
      listener_(options.clock, std::max(0.0, options.silenceBars) * options.clock.barSeconds()),
      clickBars_(kClickChunk) {
    options_.answerBars = std::max(1, options_.answerBars);
    options_.stepsPerQuarter = std::clamp(options_.stepsPerQuarter, 1, options_.ppq);
}

std::optional<HeardPhrase> JamSession::poll(double now) {
    auto phrase = listener_.poll(now);
    if (!phrase) return std::nullopt;
    HeardPhrase heard;
    heard.call = quantizePhrase(phrase->notes, options_.clock, options_.ppq, options_.stepsPerQuarter, options_.program);
    heard.answerBar = std::max(options_.clock.barAt(phrase->endedAt) + 1, freeBar_);
    heard.answerAt = options_.clock.downbeat(heard.answerBar);
    freeBar_ = heard.answerBar + options_.answerBars;  // a phrase played meanwhile is answered after this one
    calls_.push_back(*phrase);
    heard.phrase = std::move(*phrase);
    return heard;
}

JamAnswer JamSession::placeAnswer(const HeardPhrase& heard, std::vector<Note> notes, double now) {
    const JamClock& clock = options_.clock;
    // Never over an answer already placed: one that came late pushes those planned behind it.
    int bar = std::max(heard.answerBar, placedEnd_);
    while (clock.downbeat(bar) - now < options_.leadSeconds) ++bar;
    const Tick length = static_cast<Tick>(options_.answerBars) * clock.barTicks(options_.ppq);
    std::erase_if(notes, [length](const Note& n) { return n.start < 0 || n.start >= length; });
    for (Note& n : notes) n.duration = std::max<Tick>(1, std::min(n.duration, length - n.start));

    JamAnswer a;
    a.bar = bar;
    a.plannedBar = heard.answerBar;
    a.callBar = heard.call.firstBar;
    a.notes = static_cast<int>(notes.size());
    a.phraseEndedAt = heard.phrase.endedAt;
    a.readyAt = now;
    a.downbeatAt = heard.answerAt;
    answerNotes_.emplace_back(bar, std::move(notes));
    answers_.push_back(a);
    placedEnd_ = bar + options_.answerBars;
    freeBar_ = std::max(freeBar_, placedEnd_);
    while (clickBars_ < freeBar_ + kClickMargin) clickBars_ += kClickChunk;
    return a;
}

bool JamSession::extendClick(double now) {
    if (options_.clock.barAt(now) < clickBars_ - kClickMargin) return false;
    clickBars_ += kClickChunk;
    return true;
}

Score JamSession::emptyScore() const {
    Score s(options_.ppq);
    s.setTempoChanges({{0, static_cast<int>(std::lround(60'000'000.0 / options_.clock.bpm))}});
    s.timeSignatures = {{0, options_.clock.numerator, options_.clock.denominator}};
    return s;
}

Score JamSession::playing() const {
    Score s = emptyScore();
    s.title = "Call and response";
    s.tracks.push_back(clickTrack(options_.clock, options_.ppq, clickBars_));
    // No notes: it sets the program of the channel the keyboard is heard on.
    s.tracks.push_back(partTrack("You", kJamCallChannel, options_.program));
    s.tracks.push_back(partTrack("Answer", kJamAnswerChannel, options_.program));
    const Tick barTicks = options_.clock.barTicks(options_.ppq);
    for (const auto& [bar, notes] : answerNotes_)
        for (Note n : notes) {
            n.id = 0;
            n.start += static_cast<Tick>(bar) * barTicks;
            s.tracks[2].notes.push_back(n);
        }
    s.assignMissingIds();
    s.normalize();
    return s;
}

Score JamSession::take(double now) const {
    std::vector<PlayedNote> played;
    for (const Phrase& p : calls_) played.insert(played.end(), p.notes.begin(), p.notes.end());
    const auto pending = listener_.pending(now);
    played.insert(played.end(), pending.begin(), pending.end());
    const PhraseScore calls = quantizePhrase(played, options_.clock, options_.ppq, options_.stepsPerQuarter, options_.program);
    int first = calls.firstBar;  // answers always come after the first call
    if (played.empty()) {
        first = answerNotes_.empty() ? 0 : answerNotes_.front().first;
        for (const auto& a : answerNotes_) first = std::min(first, a.first);
    }

    Score s = emptyScore();
    s.title = "Call and response";
    Track you = partTrack("You", kJamCallChannel, options_.program);
    const Tick callShift = static_cast<Tick>(calls.firstBar - first) * options_.clock.barTicks(options_.ppq);
    for (Note n : calls.score.tracks.front().notes) {
        n.id = 0;
        n.start += callShift;
        you.notes.push_back(n);
    }
    Track answer = partTrack("NoteForge", kJamAnswerChannel, options_.program);
    for (const auto& [bar, notes] : answerNotes_)
        for (Note n : notes) {
            n.id = 0;
            n.start += static_cast<Tick>(bar - first) * options_.clock.barTicks(options_.ppq);
            answer.notes.push_back(n);
        }
    s.tracks.push_back(std::move(you));
    s.tracks.push_back(std::move(answer));
    s.assignMissingIds();
    s.normalize();
    return s;
}

}  // namespace nf
