// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "generation/RemiSteering.h"
#include "music/PhraseListener.h"

namespace nf {

// The model's answer to a phrase of call and response: `bars` bars that continue the phrase, as if they followed
// its last bar at once (the silence that ended the phrase is not given to the model: it would answer with rests).
// Notes are in the phrase score's ticks from the answer's first downbeat; empty when the request was cancelled.
// Throws as RemiSteering::continuePiece does.
std::vector<Note> answerPhrase(const RemiSteering& steering, const PhraseScore& call, int bars,
                               const SteeringRequest& request);

}  // namespace nf
