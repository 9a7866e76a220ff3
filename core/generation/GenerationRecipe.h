// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "generation/GenerationSettings.h"
#include "generation/Primer.h"

namespace nf {

// Everything needed to regenerate one generated piece exactly: which model (path and fingerprint of its bytes),
// on which data it was trained, the settings, the seed and the primer's tokens. Written into the generated MIDI as
// a text meta event (and into generated ABC as a comment line): "NoteForge recipe {json}".
struct GenerationRecipe {
    static constexpr const char* kPrefix = "NoteForge recipe ";
    static constexpr int kVersion = 1;

    std::string modelPath;
    std::string modelFingerprint;
    std::string modelKind;
    std::string dataFingerprint;
    GenerationSettings settings;     // variations 1; sampling.seed is this piece's own seed
    std::vector<int> primerTokens;   // vocabulary indices: exact, and the fingerprint pins the vocabulary
    int primerContext = 0;
    bool primerInOutput = true;
    std::string primerSource;
    std::string primerText;          // the primer's tokens as text, for people (not used to regenerate)

    Primer primer() const;
    // One line: kPrefix + compact JSON.
    std::string toText() const;
    // nullopt when `text` is not a recipe; throws std::runtime_error for a recipe that is damaged or from a newer
    // NoteForge.
    static std::optional<GenerationRecipe> fromText(const std::string& text);
};

// The recipe in a generated MIDI or ABC file (by content). Throws MusicError/std::runtime_error naming the file
// when it cannot be read or holds no recipe.
GenerationRecipe readRecipeFile(const std::string& path);

}  // namespace nf
