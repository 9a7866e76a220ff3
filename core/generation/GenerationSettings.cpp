// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/GenerationSettings.h"

#include <fmt/format.h>
#include <stdexcept>

#include "generation/JsonFields.h"

namespace nf {

namespace {

// The recipe's "generation" keys, in the order they are written. `variations` and `sampling` are not among them.
const auto kFields = std::make_tuple(
    jsonField("length", &GenerationSettings::length), jsonField("bars", &GenerationSettings::bars),
    jsonField("seconds", &GenerationSettings::seconds), jsonField("mode", &GenerationSettings::mode),
    jsonField("window", &GenerationSettings::window), jsonField("stop_at_end", &GenerationSettings::stopAtEnd));

}  // namespace

std::string GenerationSettings::toJson() const { return fieldsToJson(*this, kFields); }
GenerationSettings GenerationSettings::fromJson(const std::string& json) {
    return fieldsFromJson<GenerationSettings>(json, kFields, "generation settings");
}

void GenerationSettings::validate() const {
    if (length < 1 || length > 1'000'000)
        throw std::invalid_argument(fmt::format("length must be 1..1000000 tokens (got {})", length));
    if (bars && !(*bars > 0)) throw std::invalid_argument(fmt::format("bars must be above 0 (got {})", *bars));
    if (seconds && !(*seconds > 0)) throw std::invalid_argument(fmt::format("seconds must be above 0 (got {})", *seconds));
    if (variations < 1 || variations > 256)
        throw std::invalid_argument(fmt::format("variations must be 1..256 (got {})", variations));
    if (window < 0) throw std::invalid_argument(fmt::format("window must be 0 (the model's) or more (got {})", window));
    sampling.validate();
}

}  // namespace nf
