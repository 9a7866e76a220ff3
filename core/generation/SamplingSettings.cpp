// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/SamplingSettings.h"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace nf {

void SamplingSettings::validate() const {
    if (!greedy && !(temperature > 0.0 && std::isfinite(temperature)))
        throw std::invalid_argument(fmt::format("temperature must be above 0 (got {}); use greedy for argmax", temperature));
    if (topK < 0) throw std::invalid_argument(fmt::format("top-k must be 0 (off) or more (got {})", topK));
    if (!(topP > 0.0 && topP <= 1.0)) throw std::invalid_argument(fmt::format("top-p must be in (0, 1] (got {})", topP));
    if (!(repetitionPenalty >= 1.0 && std::isfinite(repetitionPenalty)))
        throw std::invalid_argument(fmt::format("repetition penalty must be 1 (off) or more (got {})", repetitionPenalty));
    if (repetitionWindow < 1) throw std::invalid_argument(fmt::format("repetition window must be 1 or more (got {})", repetitionWindow));
    if (noRepeatNgram < 0 || noRepeatNgram == 1)
        throw std::invalid_argument(fmt::format("no-repeat n-gram size must be 0 (off) or 2 or more (got {})", noRepeatNgram));
    if (!(maxNoteBeats >= 0.0 && maxNoteBeats <= 1000.0))
        throw std::invalid_argument(fmt::format("longest note must be 0 (off) to 1000 beats (got {})", maxNoteBeats));
    if (maxPolyphony < 0 || maxPolyphony > 2048)
        throw std::invalid_argument(fmt::format("polyphony limit must be 0 (off) to 2048 notes (got {})", maxPolyphony));
    if (alternatives < 0 || alternatives > 64)
        throw std::invalid_argument(fmt::format("alternatives must be 0..64 (got {})", alternatives));
}

std::string SamplingSettings::describe() const {
    std::string s = greedy ? "greedy" : fmt::format("temperature {:g}", temperature);
    if (!greedy && topK > 0) s += fmt::format(", top-k {}", topK);
    if (!greedy && topP < 1.0) s += fmt::format(", top-p {:g}", topP);
    if (repetitionPenalty > 1.0) s += fmt::format(", repetition penalty {:g} over {}", repetitionPenalty, repetitionWindow);
    if (noRepeatNgram > 0) s += fmt::format(", no repeated {}-grams", noRepeatNgram);
    if (maxNoteBeats > 0) s += fmt::format(", notes held at most {:g} beats", maxNoteBeats);
    if (maxPolyphony > 0) s += fmt::format(", at most {} notes at once", maxPolyphony);
    if (!greedy) s += fmt::format(", seed {}", seed);
    return s;
}

std::string SamplingSettings::toJson() const {
    nlohmann::ordered_json j;
    j["greedy"] = greedy;
    j["temperature"] = temperature;
    j["top_k"] = topK;
    j["top_p"] = topP;
    j["repetition_penalty"] = repetitionPenalty;
    j["repetition_window"] = repetitionWindow;
    j["no_repeat_ngram"] = noRepeatNgram;
    j["max_note_beats"] = maxNoteBeats;
    j["max_polyphony"] = maxPolyphony;
    j["seed"] = seed;
    j["alternatives"] = alternatives;
    return j.dump();
}

SamplingSettings SamplingSettings::fromJson(const std::string& json) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("sampling settings: ") + e.what());
    }
    SamplingSettings s;
    try {
        s.greedy = j.value("greedy", s.greedy);
        s.temperature = j.value("temperature", s.temperature);
        s.topK = j.value("top_k", s.topK);
        s.topP = j.value("top_p", s.topP);
        s.repetitionPenalty = j.value("repetition_penalty", s.repetitionPenalty);
        s.repetitionWindow = j.value("repetition_window", s.repetitionWindow);
        s.noRepeatNgram = j.value("no_repeat_ngram", s.noRepeatNgram);
        s.maxNoteBeats = j.value("max_note_beats", 0.0);
        s.maxPolyphony = j.value("max_polyphony", 0);
        s.seed = j.value("seed", s.seed);
        s.alternatives = j.value("alternatives", s.alternatives);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("sampling settings: ") + e.what());
    }
    return s;
}

}  // namespace nf
