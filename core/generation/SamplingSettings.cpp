// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/SamplingSettings.h"

#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

#include "generation/JsonFields.h"

namespace nf {

namespace {

// The recipe's "sampling" keys, in the order they are written. The held-note limits read as off when missing, so
// recipes written before they existed regenerate exactly.
using S = SamplingSettings;
const auto kFields = std::make_tuple(
    jsonField("greedy", &S::greedy), jsonField("temperature", &S::temperature), jsonField("top_k", &S::topK),
    jsonField("top_p", &S::topP), jsonField("repetition_penalty", &S::repetitionPenalty),
    jsonField("repetition_window", &S::repetitionWindow), jsonField("no_repeat_ngram", &S::noRepeatNgram),
    jsonField("max_note_beats", &S::maxNoteBeats, 0.0), jsonField("max_polyphony", &S::maxPolyphony, 0),
    jsonField("seed", &S::seed), jsonField("alternatives", &S::alternatives));

}  // namespace

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

std::string SamplingSettings::toJson() const { return fieldsToJson(*this, kFields); }
SamplingSettings SamplingSettings::fromJson(const std::string& json) {
    return fieldsFromJson<SamplingSettings>(json, kFields, "sampling settings");
}

}  // namespace nf
