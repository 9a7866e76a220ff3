// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "tokenize/Vocabulary.h"

namespace nf {

// Keeps a generated `events` stream playable when the model forgets its note-offs (a barely trained model does:
// notes then sound to the end of the piece and pile up into a cluster). It follows the stream as it grows
// (TRK_k, ON_p, OFF_p, SHIFT_n) and says what the next token may be:
// - a note held for maxNoteBeats or longer must be released now: required() is TRK_k (when another track is
//   current) and then OFF_p, so a note lasts at most maxNoteBeats plus the one shift that passed the limit;
// - while maxPolyphony notes sound (all tracks together), banned() holds every ON_p. A note released before time
//   moves (ON_p OFF_p with no shift between) still counts until the next shift: the decoder gives it one step.
// Vocabularies without these tokens (paper-notes, abc-chars) leave it inert. 0 switches either limit off.
class HeldNoteGuard {
public:
    HeldNoteGuard(const Vocabulary& vocabulary, int stepsPerBeat, double maxNoteBeats, int maxPolyphony);

    bool inert() const { return inert_; }
    // Every token of the sequence, primer included, in order.
    void push(int token);
    // When not empty, the next token must be one of these (a release is due).
    const std::vector<int>& required() const { return required_; }
    // Tokens the next one must not be (note-ons while the polyphony limit is reached).
    const std::vector<int>& banned() const;
    // Notes the decoded score has sounding now (those released in the step they began included).
    int soundingNotes() const { return static_cast<int>(sounding_.size()) + releasedThisStep_; }

private:
    enum class Kind : std::uint8_t { Other, On, Off, Shift, Track };
    struct TokenKind {
        Kind kind = Kind::Other;
        int value = 0;  // pitch, steps or track
    };
    static int key(int track, int pitch) { return track * 128 + pitch; }
    void updateRequired();

    std::vector<TokenKind> kinds_;  // by token index
    std::vector<int> offToken_;     // by pitch; -1 when the vocabulary lacks it
    std::map<int, int> trackToken_; // track -> TRK_k token
    std::vector<int> onTokens_;
    std::int64_t maxSteps_ = 0;
    int maxPolyphony_ = 0;
    bool inert_ = true;

    std::map<int, std::int64_t> sounding_;  // key(track, pitch) -> onset step
    int current_ = 0;
    std::int64_t now_ = 0;
    int releasedThisStep_ = 0;  // notes begun and released at now_: they sound one step (EventTokenizer::decode)
    std::vector<int> required_;
    std::vector<int> none_;
};

}  // namespace nf
