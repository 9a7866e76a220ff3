// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/GenerationSettings.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace nf {

std::string decodeModeName(DecodeMode mode) { return mode == DecodeMode::Windowed ? "windowed" : "incremental"; }

DecodeMode parseDecodeMode(const std::string& name) {
    if (name == "incremental") return DecodeMode::Incremental;
    if (name == "windowed") return DecodeMode::Windowed;
    throw std::invalid_argument("unknown decoding mode '" + name + "' (expected incremental or windowed)");
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

std::string GenerationSettings::toJson() const {
    nlohmann::ordered_json j;
    j["length"] = length;
    j["bars"] = bars ? nlohmann::ordered_json(*bars) : nlohmann::ordered_json(nullptr);
    j["seconds"] = seconds ? nlohmann::ordered_json(*seconds) : nlohmann::ordered_json(nullptr);
    j["mode"] = decodeModeName(mode);
    j["window"] = window;
    j["stop_at_end"] = stopAtEnd;
    return j.dump();
}

GenerationSettings GenerationSettings::fromJson(const std::string& json) {
    GenerationSettings s;
    try {
        const auto j = nlohmann::json::parse(json);
        s.length = j.value("length", s.length);
        if (j.contains("bars") && j["bars"].is_number()) s.bars = j["bars"].get<double>();
        if (j.contains("seconds") && j["seconds"].is_number()) s.seconds = j["seconds"].get<double>();
        s.mode = parseDecodeMode(j.value("mode", std::string("incremental")));
        s.window = j.value("window", s.window);
        s.stopAtEnd = j.value("stop_at_end", s.stopAtEnd);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("generation settings: ") + e.what());
    }
    return s;
}

}  // namespace nf
