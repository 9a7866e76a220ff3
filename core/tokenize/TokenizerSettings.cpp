// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/TokenizerSettings.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace nf {

std::string TokenizerSettings::toJson() const {
    nlohmann::json j;
    j["kind"] = kind;
    j["part"] = part;
    j["noteStepBeats"] = noteStepBeats;
    j["stepsPerBeat"] = stepsPerBeat;
    j["maxShiftSteps"] = maxShiftSteps;
    j["velocityBins"] = velocityBins;
    if (kind == "remi") {
        // Only remi models carry these keys, so the settings (and the token-cache keys) of other models are as before.
        j["triplets"] = triplets;
        j["remiVersion"] = remiVersion;
    }
    return j.dump();
}

TokenizerSettings TokenizerSettings::fromJson(const std::string& text) {
    TokenizerSettings s;
    try {
        const auto j = nlohmann::json::parse(text);
        s.kind = j.value("kind", s.kind);
        s.part = j.value("part", s.part);
        s.noteStepBeats = j.value("noteStepBeats", s.noteStepBeats);
        s.stepsPerBeat = j.value("stepsPerBeat", s.stepsPerBeat);
        s.maxShiftSteps = j.value("maxShiftSteps", s.maxShiftSteps);
        s.velocityBins = j.value("velocityBins", s.velocityBins);
        s.triplets = j.value("triplets", s.triplets);
        s.remiVersion = j.value("remiVersion", s.remiVersion);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("malformed tokenizer settings: ") + e.what());
    }
    s.validate();
    return s;
}

void TokenizerSettings::validate() const {
    if (kind != "paper-notes" && kind != "abc-chars" && kind != "events" && kind != "remi")
        throw std::invalid_argument("unknown representation '" + kind +
                                    "' (expected paper-notes, abc-chars, events or remi)");
    if (kind == "remi" && remiVersion != 1)
        throw std::invalid_argument("remi version " + std::to_string(remiVersion) +
                                    " is newer than this NoteForge knows (1)");
    if (!(noteStepBeats > 0)) throw std::invalid_argument("noteStepBeats must be positive");
    if (stepsPerBeat < 1 || stepsPerBeat > 960) throw std::invalid_argument("stepsPerBeat must be 1..960");
    if (maxShiftSteps < 1 || maxShiftSteps > 10000) throw std::invalid_argument("maxShiftSteps must be 1..10000");
    if (velocityBins < 1 || velocityBins > 128) throw std::invalid_argument("velocityBins must be 1..128");
}

}  // namespace nf
