// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

#include "abc/AbcTuneParser.h"

namespace nf::abc {

// Turns one music line (comment already removed) into events for the builder's current voice.
// Inline fields ([K:D], [V:2]) go back to the builder, so a voice switch takes effect mid-line.
void lexMusicLine(std::string_view line, int lineNumber, TuneBuilder& builder);

}  // namespace nf::abc
