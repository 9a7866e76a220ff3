// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/GenerationRecipe.h"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "generation/MidiTextEvents.h"
#include "music/MusicError.h"

namespace nf {

Primer GenerationRecipe::primer() const {
    Primer p;
    p.tokens = primerTokens;
    p.contextTokens = primerContext;
    p.inOutput = primerInOutput;
    p.source = primerSource;
    return p;
}

std::string GenerationRecipe::toText() const {
    nlohmann::ordered_json j;
    j["version"] = kVersion;
    j["model"] = {{"path", modelPath}, {"fingerprint", modelFingerprint}, {"kind", modelKind}};
    j["data_fingerprint"] = dataFingerprint;
    j["generation"] = nlohmann::ordered_json::parse(settings.toJson());
    j["sampling"] = nlohmann::ordered_json::parse(settings.sampling.toJson());
    j["primer"] = {{"source", primerSource},
                   {"context", primerContext},
                   {"in_output", primerInOutput},
                   {"tokens", primerTokens},
                   {"text", primerText}};
    // Token text may hold any bytes (abc-chars splits invalid UTF-8 into single bytes): replace, never throw.
    return kPrefix + j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::optional<GenerationRecipe> GenerationRecipe::fromText(const std::string& text) {
    const std::string prefix(kPrefix);
    if (text.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    GenerationRecipe r;
    try {
        const auto j = nlohmann::json::parse(text.substr(prefix.size()));
        const int version = j.at("version").get<int>();
        if (version > kVersion)
            throw std::runtime_error("recipe version " + std::to_string(version) + " is from a newer NoteForge");
        const auto& model = j.at("model");
        r.modelPath = model.at("path").get<std::string>();
        r.modelFingerprint = model.at("fingerprint").get<std::string>();
        r.modelKind = model.value("kind", "");
        r.dataFingerprint = j.value("data_fingerprint", "");
        r.settings = GenerationSettings::fromJson(j.at("generation").dump());
        r.settings.sampling = SamplingSettings::fromJson(j.at("sampling").dump());
        const auto& primer = j.at("primer");
        r.primerSource = primer.value("source", "");
        r.primerContext = primer.value("context", 0);
        r.primerInOutput = primer.value("in_output", true);
        r.primerTokens = primer.at("tokens").get<std::vector<int>>();
        r.primerText = primer.value("text", "");
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("damaged recipe: ") + e.what());
    }
    if (r.primerTokens.empty()) throw std::runtime_error("damaged recipe: no primer tokens");
    return r;
}

GenerationRecipe readRecipeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MusicError(path, "cannot open the file");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> candidates;
    if (bytes.rfind("MThd", 0) == 0) {
        candidates = midiTextEvents(
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), path);
    } else {
        // ABC: "% NoteForge recipe {...}" comment lines.
        std::size_t pos = 0;
        while (pos < bytes.size()) {
            std::size_t end = bytes.find('\n', pos);
            if (end == std::string::npos) end = bytes.size();
            std::string line = bytes.substr(pos, end - pos);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.rfind("% ", 0) == 0) candidates.push_back(line.substr(2));
            pos = end + 1;
        }
    }
    for (const auto& text : candidates) {
        try {
            if (auto r = GenerationRecipe::fromText(text)) return *r;
        } catch (const std::runtime_error& e) {
            throw MusicError(path, e.what());
        }
    }
    throw MusicError(path, "holds no NoteForge recipe (only files written by 'noteforge-cli generate' do)");
}

}  // namespace nf
