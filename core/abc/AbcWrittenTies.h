// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "abc/AbcEvent.h"

namespace nf::abc {

// abc2midi joins a tied note with the note written right after it, before it expands repeats: "A2- :|" holds
// the A for the length of the next A as written (even when the repeat goes back elsewhere), and that next A
// stays silent wherever it is reached from another place. A tie to a note of another pitch joins nothing.
// WrittenTies finds these pairs among a voice's resolved events (single notes only; chords keep their ties as
// played, and so does a note tied into a chord), so that the performer can follow abc2midi where the play order leaves the written one.
class WrittenTies {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;
    static constexpr std::uint32_t kChord = UINT32_MAX - 1;  // tied into the chord written next: joined as played

    explicit WrittenTies(const std::vector<Event>& events);

    // The note event that the tied single note `event` is joined with, kChord when a chord is written next,
    // or kNone.
    std::uint32_t partnerOf(std::uint32_t event) const;
    // Whether `event` is the second note of such a pair.
    bool isPartner(std::uint32_t event) const;

private:
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs_;  // (tied note, partner), by tied note
    std::vector<std::uint32_t> partners_;                          // sorted
};

}  // namespace nf::abc
