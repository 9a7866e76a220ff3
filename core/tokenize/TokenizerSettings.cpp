// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/TokenizerSettings.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace nf {

// The one list of the settings' JSON keys (each the member's name), for both directions.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TokenizerSettings, kind, part, noteStepBeats, stepsPerBeat,
                                                maxShiftSteps, velocityBins, triplets, remiVersion, bandOnsets)

std::string TokenizerSettings::toJson() const {
    nlohmann::json j = *this;
    if (kind != TokenizerKind::Remi) {
        j.erase("triplets");
        j.erase("remiVersion");
    }
    if (kind != TokenizerKind::Drums || !bandOnsets) j.erase("bandOnsets");
    return j.dump();
}

TokenizerSettings TokenizerSettings::fromJson(const std::string& text) {
    TokenizerSettings s;
    try {
        s = nlohmann::json::parse(text).get<TokenizerSettings>();
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("malformed tokenizer settings: ") + e.what());
    }
    s.validate();
    return s;
}

void TokenizerSettings::validate() const {
    if (kind == TokenizerKind::Remi && remiVersion != 1)
        throw std::invalid_argument("remi version " + std::to_string(remiVersion) +
                                    " is newer than this NoteForge knows (1)");
    if (bandOnsets && kind != TokenizerKind::Drums)
        throw std::invalid_argument("bandOnsets is a setting of the drums representation");
    if (!(noteStepBeats > 0)) throw std::invalid_argument("noteStepBeats must be positive");
    if (stepsPerBeat < 1 || stepsPerBeat > 960) throw std::invalid_argument("stepsPerBeat must be 1..960");
    if (maxShiftSteps < 1 || maxShiftSteps > 10000) throw std::invalid_argument("maxShiftSteps must be 1..10000");
    if (velocityBins < 1 || velocityBins > 128) throw std::invalid_argument("velocityBins must be 1..128");
}

}  // namespace nf
