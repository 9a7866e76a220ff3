// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "abc/AbcEvent.h"

namespace nf::abc {

constexpr std::size_t kMaxPlayedEvents = 16'000'000;
constexpr std::size_t kMaxPartsPlayed = 1000;

// "ABAC", "A2B", "(AB)3C", "A.B.C": the labels of the header's P: field in play order (at most
// kMaxPartsPlayed).
std::string expandPartOrder(std::string_view partOrder);

// The indices of `events` in play order: the parts in the order the header's P: field gives (when the body
// labels its parts), repeats |: :| :: and variant endings [1 [2 |1 :|2 expanded the way abc2midi 4.84 plays
// them, the oracle NoteForge is compared with (tests/abc_oracle). A :| with no |: before it goes back to the
// start of the tune, or, in a tune of `oneVoice` without a P: field, to the last double bar or :| before it;
// after the tune's first variant ending abc2midi no longer does that, and its pass counter decides (so a later
// strain's :| goes back to the last |: or the start, and endings not numbered for that pass are skipped).
// Ending and Part events are left out; bar lines stay in, since they end the reach of accidentals.
// Returns false with `error` set when the expansion would exceed kMaxPlayedEvents.
bool playOrder(const std::vector<Event>& events, std::string_view partOrder, bool oneVoice,
               std::vector<std::uint32_t>& out, std::string& error);

}  // namespace nf::abc
