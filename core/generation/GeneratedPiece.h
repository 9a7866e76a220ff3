// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "generation/GenerationModel.h"
#include "generation/GenerationRecipe.h"
#include "generation/Generator.h"
#include "generation/Primer.h"
#include "music/Score.h"

namespace nf {

struct TokenOption {
    std::string token;
    float probability = 0;
};

// What the model thought of one generated note: the GUI colours notes by `probability` and offers `alternatives`.
struct NoteConfidence {
    int token = -1;                          // index into GeneratedPiece::tokens of the token that made the note
    float probability = 0;                   // the model's probability of that token when it was chosen
    std::vector<TokenOption> alternatives;   // the most likely tokens at that point, most likely first
};

// One generated variation, ready for the piano roll, a MIDI file or (abc-chars) an ABC file.
struct GeneratedPiece {
    std::vector<std::string> tokens;   // the primer's (context tokens left out), then the generated ones
    int primerTokens = 0;              // leading entries of `tokens` that came from the primer
    GeneratedSequence sequence;
    Score score;                       // type-1 ready: drums on channel 10, no overlapping equal notes
    std::map<NoteId, NoteConfidence> confidence;  // generated notes of `score` (primer notes have none)
    std::string abcText;               // abc-chars: the tune as written (after repairs)
    std::vector<std::string> repairs;  // what was fixed in the generated ABC
    std::vector<std::string> problems; // what is still wrong (reader warnings, a tune that does not read)
    GenerationRecipe recipe;

    // False for an abc-chars piece whose tune does not read even after repairs: it must not be written as if fine.
    bool readable = true;
};

// The recipe's model and settings part for one piece of `seed`: which model (path, fingerprints, kind) and the
// settings with that seed, one variation. The primer fields are the caller's.
GenerationRecipe recipeFor(const GenerationModel& model, const GenerationSettings& settings, std::uint64_t seed);

// Decodes a generated sequence into a piece: Score, per-note confidence, ABC text checked and repaired, recipe.
GeneratedPiece assemblePiece(const GenerationModel& model, const Primer& primer, const GenerationSettings& settings,
                             const GeneratedSequence& sequence);

// Generates settings.variations pieces from `primer` (see Generator::generate for cancel/progress).
std::vector<GeneratedPiece> generatePieces(Generator& generator, const GenerationModel& model, const Primer& primer,
                                           const GenerationSettings& settings,
                                           const std::atomic<bool>* cancel = nullptr,
                                           const std::function<void(int, int)>& progress = {});

// Regenerates the piece a recipe describes. Throws std::runtime_error when `model` is not the recipe's model
// (fingerprint) and `force` is false.
GeneratedPiece regenerate(Generator& generator, const GenerationModel& model, const GenerationRecipe& recipe,
                          bool force = false);

// SMF type 1 with the recipe in a text event; writing is atomic. Throws MusicError on I/O failure.
std::vector<std::uint8_t> generatedMidiBytes(const GeneratedPiece& piece);
void writeGeneratedMidi(const GeneratedPiece& piece, const std::string& path);
// The ABC text with the recipe as a comment line; refuses (std::runtime_error) a tune that does not read.
std::string generatedAbcText(const GeneratedPiece& piece);
void writeGeneratedAbc(const GeneratedPiece& piece, const std::string& path);

}  // namespace nf
