// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nf {

struct TokenizedCorpus;
struct ModelFile;

// Which parts a remi model heard in training: how many of its training pieces had a track of each instrument.
// The trainer records it in the model file's info ("instruments"); the shipped base models, trained before it was
// recorded, carry it in their card; a fine-tune adds its base's. The studio uses it to say that a model never heard
// the part it is asked to add (the folk base asked for drums writes whistles on the drum channel).
struct LearnedInstruments {
    std::size_t pieces = 0;                        // training pieces counted
    std::map<int, std::size_t> piecesWithProgram;  // GM program 0-127, or -1 for drums -> pieces with such a track

    // Pieces with drums (program -1), or with a track of `program`'s General MIDI family (the eight programs
    // program / 8: a model that heard a fretless bass has heard a bass).
    std::size_t piecesWithPart(int program) const;
    void add(const LearnedInstruments& other);
    bool operator==(const LearnedInstruments&) const = default;
};

// Counts the INST_ tokens of these pieces of a remi corpus; nullopt for other tokenizers and for a corpus in token
// shards (read a group at a time: not counted).
std::optional<LearnedInstruments> countLearnedInstruments(const TokenizedCorpus& corpus,
                                                          const std::vector<std::size_t>& pieces);

// As JSON for the model file ({"pieces": N, "drums": n, "programs": {"33": n, ...}}) and back; fromJson throws
// std::runtime_error on anything else.
std::string learnedInstrumentsToJson(const LearnedInstruments& learned);
LearnedInstruments learnedInstrumentsFromJson(const std::string& json);

// What this model file says it learned (its info's "instruments", else its card's); nullopt when it does not say.
// Throws std::runtime_error when what it says is not valid.
std::optional<LearnedInstruments> learnedInstrumentsOf(const ModelFile& file);

// What the model file at `path` says it learned (its info's "instruments", else its card's); nullopt when it does
// not say (a model trained before this was recorded, another tokenizer) or cannot be read.
std::optional<LearnedInstruments> readLearnedInstruments(const std::string& path);

}  // namespace nf
