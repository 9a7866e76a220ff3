// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/GeneratedPiece.h"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

#include "abc/AbcReader.h"
#include "generation/AbcRepair.h"
#include "generation/NoteAttribution.h"
#include "music/ExportNames.h"
#include "smf/MidiFileWriter.h"
#include "tokenize/AbcCharsTokenizer.h"
#include "util/AtomicFile.h"

namespace nf {

namespace {

bool isAbcModel(const GenerationModel& model) { return model.config().tokenizer.kind == TokenizerKind::AbcChars; }

std::optional<Score> decodeAbcPrefix(const std::vector<std::string>& tokens) {
    const std::string text = AbcCharsTokenizer::decodeText(tokens);
    auto tunes = readAbcText(text, "<generated ABC>");
    if (!tunes.empty() && tunes.front().score) return std::move(*tunes.front().score);
    return repairAbcTune(text).score;
}

std::optional<Score> decodePrefix(const GenerationModel& model, const std::vector<std::string>& tokens) {
    if (isAbcModel(model)) return decodeAbcPrefix(tokens);
    try {
        return model.tokenizer().decode(tokens);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// What a type-1 file needs to play right everywhere: drums on channel 10 (index 9) and melodic parts off it, and
// no two notes of one key overlapping on a channel (the second note-on would leave the first hanging or cut short
// depending on the player), no empty notes.
void makeMidiSafe(Score& score) {
    static constexpr int kMelodic[15] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15};
    std::size_t melodic = 0;
    for (Track& track : score.tracks) {
        track.channel = track.isDrum ? 9 : kMelodic[melodic++ % 15];
        auto& notes = track.notes;
        std::stable_sort(notes.begin(), notes.end(), [](const Note& a, const Note& b) {
            return a.pitch < b.pitch || (a.pitch == b.pitch && a.start < b.start);
        });
        std::vector<Note> kept;
        kept.reserve(notes.size());
        for (Note n : notes) {
            n.pitch = std::clamp(n.pitch, 0, 127);
            n.velocity = std::clamp(n.velocity, 1, 127);
            n.duration = std::max<Tick>(1, n.duration);
            if (!kept.empty() && kept.back().pitch == n.pitch && kept.back().end() > n.start) {
                if (kept.back().start == n.start) continue;  // the same note twice
                kept.back().duration = n.start - kept.back().start;
            }
            kept.push_back(n);
        }
        notes = std::move(kept);
    }
    score.normalize();
}

// The paper kept only the continuation of its training-data primer: drop the primer's notes and move the rest to
// the start, keeping their position within the beat.
// A model declares its instruments before it plays (INST_ tokens) and may never give some of them a note; a
// musician should not get those as empty tracks in the editor and in the MIDI file. One track stays when the whole
// piece is silent, so there is still something to draw into.
void dropEmptyTracks(Score& score) {
    auto& tracks = score.tracks;
    const bool anyNotes = std::any_of(tracks.begin(), tracks.end(), [](const Track& t) { return !t.notes.empty(); });
    if (!anyNotes) {
        if (tracks.size() > 1) tracks.resize(1);
        return;
    }
    std::erase_if(tracks, [](const Track& t) { return t.notes.empty(); });
}

void dropPrimerNotes(Score& score, const std::map<NoteId, int>& owner) {
    Tick first = -1;
    for (Track& track : score.tracks) {
        std::erase_if(track.notes, [&](const Note& n) {
            const auto it = owner.find(n.id);
            return it != owner.end() && it->second < 0;
        });
        for (const Note& n : track.notes) first = first < 0 ? n.start : std::min(first, n.start);
    }
    if (first <= 0) return;
    const Tick shift = first / score.ppq() * score.ppq();
    for (Track& track : score.tracks)
        for (Note& n : track.notes) n.start -= shift;
}

std::string joinTokens(const std::vector<std::string>& tokens, bool chars) {
    std::string out;
    for (const auto& t : tokens) {
        if (!chars && !out.empty()) out += ' ';
        out += t;
    }
    return out;
}

}  // namespace

GeneratedPiece assemblePiece(const GenerationModel& model, const Primer& primer, const GenerationSettings& settings,
                             const GeneratedSequence& sequence) {
    const Vocabulary& vocab = model.vocabulary();
    GeneratedPiece piece;
    piece.sequence = sequence;
    const auto context = static_cast<std::size_t>(std::clamp<int>(primer.contextTokens, 0, static_cast<int>(primer.tokens.size())));
    for (std::size_t i = context; i < primer.tokens.size(); ++i) piece.tokens.push_back(vocab.token(primer.tokens[i]));
    piece.primerTokens = static_cast<int>(piece.tokens.size());
    for (int t : sequence.tokens) piece.tokens.push_back(vocab.token(t));

    if (isAbcModel(model)) {
        AbcRepairResult abc = repairAbcTune(AbcCharsTokenizer::decodeText(piece.tokens));
        piece.abcText = abc.text;
        piece.repairs = abc.repairs;
        piece.problems = abc.warnings;
        if (abc.score) {
            piece.score = std::move(*abc.score);
        } else {
            piece.readable = false;
            piece.problems.push_back(abc.error);
        }
    } else {
        piece.score = model.tokenizer().decode(piece.tokens);
    }
    piece.score.assignMissingIds();

    const auto owner = attributeNotes(piece.score, piece.primerTokens, static_cast<int>(piece.tokens.size()), [&](int k) {
        return decodePrefix(model, std::vector<std::string>(piece.tokens.begin(), piece.tokens.begin() + k));
    });
    if (!primer.inOutput) dropPrimerNotes(piece.score, owner);
    dropEmptyTracks(piece.score);
    makeMidiSafe(piece.score);
    piece.score.title = fmt::format("NoteForge {} seed {}", toString(model.config().model.kind), sequence.seed);

    for (const Track& track : piece.score.tracks)
        for (const Note& n : track.notes) {
            const auto it = owner.find(n.id);
            if (it == owner.end() || it->second < piece.primerTokens) continue;
            const auto step = static_cast<std::size_t>(it->second - piece.primerTokens);
            if (step >= sequence.choices.size()) continue;
            const SampledToken& choice = sequence.choices[step];
            NoteConfidence c;
            c.token = it->second;
            c.probability = choice.probability;
            for (const auto& alt : choice.alternatives) c.alternatives.push_back({vocab.token(alt.token), alt.probability});
            piece.confidence[n.id] = std::move(c);
        }

    GenerationRecipe& r = piece.recipe;
    r = recipeFor(model, settings, sequence.seed);
    r.primerTokens = primer.tokens;
    r.primerContext = primer.contextTokens;
    r.primerInOutput = primer.inOutput;
    r.primerSource = primer.source;
    r.primerText = joinTokens(vocab.decode(std::vector<std::int32_t>(primer.tokens.begin(), primer.tokens.end())),
                              isAbcModel(model));
    return piece;
}

GenerationRecipe recipeFor(const GenerationModel& model, const GenerationSettings& settings, std::uint64_t seed) {
    GenerationRecipe r;
    r.modelPath = model.path();
    r.modelFingerprint = model.fingerprint();
    r.modelKind = toString(model.config().model.kind);
    r.dataFingerprint = model.dataFingerprint();
    r.settings = settings;
    r.settings.variations = 1;
    r.settings.sampling.seed = seed;
    return r;
}

std::vector<GeneratedPiece> generatePieces(Generator& generator, const GenerationModel& model, const Primer& primer,
                                           const GenerationSettings& settings, const std::atomic<bool>* cancel,
                                           const std::function<void(int, int)>& progress) {
    const auto sequences = generator.generate(primer.tokens, settings, cancel, progress);
    std::vector<GeneratedPiece> pieces;
    pieces.reserve(sequences.size());
    for (const auto& s : sequences) pieces.push_back(assemblePiece(model, primer, settings, s));
    return pieces;
}

GeneratedPiece regenerate(Generator& generator, const GenerationModel& model, const GenerationRecipe& recipe, bool force) {
    if (!force && model.fingerprint() != recipe.modelFingerprint)
        throw std::runtime_error(model.path() + ": not the model of the recipe (fingerprint " + model.fingerprint() +
                                 ", the recipe's " + recipe.modelFingerprint + ")");
    GenerationSettings settings = recipe.settings;
    settings.variations = 1;
    const Primer primer = recipe.primer();
    // A recipe is a file someone may have edited: its values are checked here so that a bad one reads as a damaged
    // file, not as a usage error.
    try {
        settings.validate();
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(std::string("damaged recipe: ") + e.what());
    }
    for (int t : primer.tokens)
        if (t < 0 || t >= model.vocabulary().size())
            throw std::runtime_error("damaged recipe: primer token " + std::to_string(t) + " is outside the vocabulary");
    auto sequences = generator.generate(primer.tokens, settings);
    GeneratedPiece piece = assemblePiece(model, primer, settings, sequences.front());
    // The recipe names the model where it was when the piece was first made, so the file is the same bytes.
    piece.recipe.modelPath = recipe.modelPath;
    piece.recipe.primerText = recipe.primerText;
    return piece;
}

std::vector<std::uint8_t> generatedMidiBytes(const GeneratedPiece& piece) {
    MidiWriteOptions options;
    options.texts.push_back(piece.recipe.toText());
    return writeMidiBytes(piece.score, options);
}

void writeGeneratedMidi(const GeneratedPiece& piece, const std::string& path) {
    MidiWriteOptions options;
    options.texts.push_back(piece.recipe.toText());
    writeMidiFile(withTrackNamesAndMeter(piece.score), path, options);
}

std::string generatedAbcText(const GeneratedPiece& piece) {
    if (piece.abcText.empty()) throw std::runtime_error("only abc-chars models generate ABC text");
    if (!piece.readable)
        throw std::runtime_error("the generated tune does not read as ABC even after repairs: " +
                                 (piece.problems.empty() ? std::string("unknown error") : piece.problems.back()));
    return "% " + piece.recipe.toText() + "\n" + piece.abcText;
}

void writeGeneratedAbc(const GeneratedPiece& piece, const std::string& path) {
    writeFileAtomically(path, generatedAbcText(piece));
}

}  // namespace nf
