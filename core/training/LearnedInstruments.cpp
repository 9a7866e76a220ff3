// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/LearnedInstruments.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "remi/RemiVocabulary.h"
#include "tokenize/TokenizedCorpus.h"
#include "training/ModelFile.h"

namespace nf {

std::size_t LearnedInstruments::piecesWithPart(int program) const {
    if (program < 0) {
        const auto it = piecesWithProgram.find(-1);
        return it == piecesWithProgram.end() ? 0 : it->second;
    }
    // The sum of the family's programs' counts, at most the pieces: a piece with two basses of different programs
    // counts twice. Only "none" (0) is asked of it, which the sum answers exactly.
    std::size_t sum = 0;
    for (const auto& [p, n] : piecesWithProgram)
        if (p >= 0 && p / 8 == program / 8) sum += n;
    return std::min(sum, pieces);
}

void LearnedInstruments::add(const LearnedInstruments& other) {
    pieces += other.pieces;
    for (const auto& [p, n] : other.piecesWithProgram) piecesWithProgram[p] += n;
}

std::optional<LearnedInstruments> countLearnedInstruments(const TokenizedCorpus& corpus,
                                                          const std::vector<std::size_t>& pieces) {
    if (corpus.tokenizer.kind != TokenizerKind::Remi || corpus.shards) return std::nullopt;
    std::vector<std::optional<int>> programOf(corpus.vocab.size());
    for (std::size_t id = 0; id < programOf.size(); ++id) programOf[id] = remi::parseInstrument(corpus.vocab.tokens()[id]);
    LearnedInstruments out;
    for (std::size_t index : pieces) {
        std::set<int> seen;
        for (std::int32_t id : corpus.pieces.at(index).ids)
            if (id >= 0 && static_cast<std::size_t>(id) < programOf.size() && programOf[id]) seen.insert(*programOf[id]);
        ++out.pieces;
        for (int p : seen) ++out.piecesWithProgram[p];
    }
    return out;
}

std::string learnedInstrumentsToJson(const LearnedInstruments& learned) {
    nlohmann::json j;
    j["pieces"] = learned.pieces;
    nlohmann::json programs = nlohmann::json::object();
    j["drums"] = 0;
    for (const auto& [p, n] : learned.piecesWithProgram) {
        if (p < 0)
            j["drums"] = n;
        else
            programs[std::to_string(p)] = n;
    }
    j["programs"] = programs;
    return j.dump();
}

LearnedInstruments learnedInstrumentsFromJson(const std::string& json) {
    try {
        const auto j = nlohmann::json::parse(json);
        LearnedInstruments out;
        out.pieces = j.at("pieces").get<std::size_t>();
        if (const auto drums = j.value("drums", std::size_t{0}); drums > 0) out.piecesWithProgram[-1] = drums;
        for (const auto& [key, n] : j.at("programs").items()) {
            const int p = std::stoi(key);
            if (p < 0 || p > 127) throw std::runtime_error("program " + key + " is not a General MIDI program");
            out.piecesWithProgram[p] = n.get<std::size_t>();
        }
        return out;
    } catch (const std::runtime_error&) {
        throw;
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("instruments: ") + e.what());
    }
}

std::optional<LearnedInstruments> learnedInstrumentsOf(const ModelFile& file) {
    for (const std::string* text : {&file.infoJson, &file.cardJson}) {
        if (text->empty()) continue;
        const auto j = nlohmann::json::parse(*text, nullptr, false);
        if (!j.is_object() || !j.contains("instruments")) continue;
        // null: the trainer could not count them (token shards, or a base that does not say); a card may still
        // say (a base model trained on shards carries its data's parts there; a fine-tune's card keeps its
        // base's under "fine_tuned_from", not here).
        if (j["instruments"].is_null()) continue;
        return learnedInstrumentsFromJson(j["instruments"].dump());
    }
    return std::nullopt;
}

std::optional<LearnedInstruments> readLearnedInstruments(const std::string& path) {
    try {
        // The two text sections alone: the tensors (megabytes) are not read.
        ModelFile file;
        file.infoJson = readModelInfo(path);
        file.cardJson = readModelCard(path);
        return learnedInstrumentsOf(file);
    } catch (const std::exception&) {
        // A model that cannot be read says nothing here; opening it for generation says why.
    }
    return std::nullopt;
}

}  // namespace nf
