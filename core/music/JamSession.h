// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include "music/JamClock.h"
#include "music/PhraseListener.h"
#include "music/Score.h"

namespace nf {

// MIDI channels (0-based) of the musician's keyboard and of the model's answers; the click is on 9 (drums).
inline constexpr int kJamCallChannel = 0;
inline constexpr int kJamAnswerChannel = 1;

struct JamOptions {
    JamClock clock;
    int ppq = 480;
    double silenceBars = 1;  // a phrase ends when no key was down for this long
    int answerBars = 2;
    int stepsPerQuarter = 4;  // the grid the phrase is quantized to before the model reads it
    int program = 0;          // General MIDI program of the call (and of the answer)
    // The answer must be placed this long before its downbeat for the player to have it: one audio buffer and the
    // hand-over to the audio thread, with room to spare.
    double leadSeconds = 0.05;
};

// A phrase heard, on the grid, with the downbeat its answer is planned for.
struct HeardPhrase {
    Phrase phrase;
    PhraseScore call;
    int answerBar = 0;      // click bar; the first downbeat after the phrase ended and after the last answer
    double answerAt = 0;    // seconds of that downbeat
};

// An answer placed in the session, with its timing: what the call-and-response benchmark and the studio report.
struct JamAnswer {
    int bar = 0;             // the click bar it starts at
    int plannedBar = 0;      // where it was planned; later when it was not ready in time
    int callBar = 0;         // the click bar where the phrase it answers began
    int notes = 0;
    double phraseEndedAt = 0;
    double readyAt = 0;      // when the model's notes were placed
    double downbeatAt = 0;   // of the planned bar
    double readySeconds() const { return readyAt - phraseEndedAt; }
    double budgetSeconds() const { return downbeatAt - phraseEndedAt; }
    bool late() const { return bar != plannedBar; }
};

// Call and response on a click, as data: the musician's notes come in with jam-clock times, a phrase ends after a
// silence, the model's answer (from whoever computes it) is placed from the next downbeat, and the session gives
// the score to play (the click and the answers) and, at the end, the take (calls and answers as two tracks). No
// clock, thread or device of its own, so tests drive it with made-up times.
class JamSession {
public:
    explicit JamSession(const JamOptions& options);

    const JamOptions& options() const { return options_; }
    void noteOn(int pitch, int velocity, double seconds) { listener_.noteOn(pitch, velocity, seconds); }
    void noteOff(int pitch, double seconds) { listener_.noteOff(pitch, seconds); }

    // A phrase that has just ended (once), with the bar its answer is planned at.
    std::optional<HeardPhrase> poll(double now);
    // Places the model's answer (`notes` in ticks from its first downbeat, cut at answerBars) at the planned bar, or,
    // when `now` is less than leadSeconds before it or an earlier answer still plays there, at the first downbeat
    // that leaves that much time after that answer.
    JamAnswer placeAnswer(const HeardPhrase& heard, std::vector<Note> notes, double now);

    // What plays: the click for clickBars() bars, an empty track for the keyboard's channel, the answers so far.
    Score playing() const;
    int clickBars() const { return clickBars_; }
    // Lengthens the click when `now` is within 32 bars of its end; true when it did (play the new score).
    bool extendClick(double now);
    // The calls (every note played, quantized; a phrase not yet over included) and the answers, as two tracks, from
    // the bar of the first note; no click.
    Score take(double now) const;
    const std::vector<JamAnswer>& answers() const { return answers_; }

private:
    Score emptyScore() const;

    JamOptions options_;
    PhraseListener listener_;
    std::vector<Phrase> calls_;
    std::vector<std::pair<int, std::vector<Note>>> answerNotes_;  // click bar, notes from its downbeat
    std::vector<JamAnswer> answers_;
    int freeBar_ = 0;    // the first bar after the last answer planned
    int placedEnd_ = 0;  // the first bar after the last answer placed
    int clickBars_ = 512;
};

}  // namespace nf
