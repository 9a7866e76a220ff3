// SPDX-License-Identifier: GPL-3.0-or-later
// Generated pieces as files: MIDI that reads back without hanging notes, drums on channel 10, per-note confidence,
// ABC checked with the ABC reader, and recipes that regenerate byte-identical files.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "GenerationTestModels.h"
#include "abc/AbcReader.h"
#include "generation/GeneratedPiece.h"
#include "smf/MidiFileReader.h"
#include "smf/MidiFileWriter.h"

using namespace nf;

namespace {

std::vector<std::uint8_t> fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

GenerationSettings settings(int length, std::uint64_t seed) {
    GenerationSettings s;
    s.length = length;
    s.sampling.seed = seed;
    return s;
}

// Every note-on has its note-off: mido's view of the file, when python3-mido is installed.
void expectNoHangingNotesWithMido(const std::string& path) {
    if (!std::filesystem::exists("/usr/bin/python3") || std::system("/usr/bin/python3 -c 'import mido' 2>/dev/null") != 0)
        return;
    const std::string script =
        "import mido,sys\n"
        "m=mido.MidiFile(sys.argv[1]);bad=0\n"
        "for t in m.tracks:\n"
        " on={}\n"
        " for e in t:\n"
        "  if e.type=='note_on' and e.velocity>0: on[(e.channel,e.note)]=on.get((e.channel,e.note),0)+1\n"
        "  elif e.type in('note_off','note_on'):\n"
        "   k=(e.channel,e.note)\n"
        "   if on.get(k,0)<=0: bad+=1\n"
        "   else: on[k]-=1\n"
        " bad+=sum(v for v in on.values() if v)\n"
        "sys.exit(1 if bad else 0)\n";
    const std::string scriptPath = path + ".check.py";
    std::ofstream(scriptPath) << script;
    EXPECT_EQ(std::system(("/usr/bin/python3 " + scriptPath + " " + path).c_str()), 0) << path;
}

}  // namespace

TEST(GenerationOutput, MidiReadsBackWithoutHangingNotesAndDrumsOnChannel10) {
    test::TempDir dir("gen-midi");
    const auto model = GenerationModel::open(test::generationTestModel("lstm"));
    Generator generator(model, 2);
    const Primer primer = dataPrimer(model, test::generationTestData("lstm"), 0, 4);
    auto s = settings(400, 9);
    s.variations = 3;
    bool sawDrums = false;
    for (const auto& piece : generatePieces(generator, model, primer, s)) {
        ASSERT_GT(piece.score.noteCount(), 0u);
        // Instruments the model declared but never played are not handed to the musician as empty tracks.
        for (const auto& t : piece.score.tracks) EXPECT_FALSE(t.notes.empty()) << "empty track " << t.name;
        const std::string path = dir.file(test::numberedName("p", static_cast<long long>(piece.sequence.seed), ".mid"));
        writeGeneratedMidi(piece, path);
        const auto back = readMidiFile(path);
        EXPECT_EQ(back.format, 1);
        EXPECT_TRUE(back.warnings.empty()) << back.warnings.front().text;
        EXPECT_EQ(back.score.noteCount(), piece.score.noteCount());
        for (const auto& t : back.score.tracks) {
            if (t.notes.empty()) continue;
            EXPECT_EQ(t.isDrum, t.channel == 9) << t.name;
            sawDrums |= t.isDrum;
        }
        expectNoHangingNotesWithMido(path);
        // Every generated note knows its token, probability and alternatives; the primer's are not in the piece.
        std::size_t notes = 0;
        for (const auto& t : piece.score.tracks)
            for (const auto& n : t.notes) {
                ++notes;
                const auto it = piece.confidence.find(n.id);
                ASSERT_NE(it, piece.confidence.end()) << "note " << n.pitch << " at " << n.start;
                EXPECT_GE(it->second.token, piece.primerTokens);
                EXPECT_GT(it->second.probability, 0.0f);
                ASSERT_FALSE(it->second.alternatives.empty());
                for (std::size_t i = 1; i < it->second.alternatives.size(); ++i)
                    EXPECT_GE(it->second.alternatives[i - 1].probability, it->second.alternatives[i].probability);
            }
        EXPECT_EQ(piece.confidence.size(), notes);
    }
    EXPECT_TRUE(sawDrums) << "the openmsx-trained model never played drums in 3 x 400 tokens";
}

TEST(GenerationOutput, ContinuesAMusiciansFileKeepingItsNotes) {
    test::TempDir dir("gen-cont");
    const auto model = GenerationModel::open(test::generationTestModel("paper-midi"));
    Score phrase;
    phrase.tracks.emplace_back();
    const std::vector<int> pitches = {60, 62, 64, 65, 67, 65, 64, 62};
    for (std::size_t i = 0; i < pitches.size(); ++i) phrase.addNote(0, Note{0, pitches[i], 90, Tick(i) * 240, 240});
    writeMidiFile(phrase, dir.file("phrase.mid"));
    const Primer p = filePrimer(model, dir.file("phrase.mid"));
    ASSERT_EQ(p.tokens.size() + std::size_t(p.unknownTokens), pitches.size());
    Generator generator(model, 1);
    const auto piece = generatePieces(generator, model, p, settings(30, 2)).front();
    std::vector<int> first;
    for (const auto& n : piece.score.tracks.at(0).notes)
        if (first.size() < pitches.size() && !piece.confidence.count(n.id)) first.push_back(n.pitch);
    EXPECT_EQ(first.size(), p.tokens.size());  // the phrase's known notes lead the piece, without confidence
    EXPECT_EQ(piece.score.noteCount(), p.tokens.size() + 30);
    // The GUI's way: the same phrase as a Score.
    EXPECT_EQ(scorePrimer(model, phrase).tokens, p.tokens);
}

TEST(GenerationOutput, AbcOutputReadsWithTheAbcReaderOrIsReported) {
    test::TempDir dir("gen-abc");
    const auto model = GenerationModel::open(test::generationTestModel("paper-abc"));
    Generator generator(model, 2);
    auto s = settings(300, 21);
    s.variations = 8;
    s.sampling.temperature = 0.6;
    int readable = 0, repaired = 0;
    const Primer primer = dataPrimer(model, test::generationTestData("paper-abc"), 0, 4);
    for (const auto& piece : generatePieces(generator, model, primer, s)) {
        const std::string path = dir.file(test::numberedName("t", static_cast<long long>(piece.sequence.seed), ".abc"));
        if (!piece.readable) {
            // Never written silently broken: the reason is reported and writing refuses.
            EXPECT_FALSE(piece.problems.empty());
            EXPECT_THROW(writeGeneratedAbc(piece, path), std::runtime_error);
            continue;
        }
        ++readable;
        repaired += !piece.repairs.empty();
        writeGeneratedAbc(piece, path);
        const auto tunes = readAbcFile(path);
        ASSERT_FALSE(tunes.empty());
        ASSERT_TRUE(tunes.front().score) << tunes.front().error->what() << "\n" << piece.abcText;
        EXPECT_EQ(tunes.front().score->noteCount(), piece.score.noteCount());
        EXPECT_EQ(readRecipeFile(path).toText(), piece.recipe.toText());
    }
    EXPECT_GE(readable, 4);
    std::cout << readable << " of 8 tunes read, " << repaired << " of them after repairs\n";
}

TEST(GenerationOutput, RecipeRegeneratesByteIdenticalFiles) {
    test::TempDir dir("gen-recipe");
    for (const char* kind : {"paper-midi", "lstm", "paper-abc"}) {
        const auto model = GenerationModel::open(test::generationTestModel(kind));
        Generator generator(model, 2);
        auto s = settings(150, 31);
        s.variations = 4;
        s.sampling.topK = 20;
        s.sampling.repetitionPenalty = 1.2;
        s.sampling.noRepeatNgram = 6;
        if (std::string(kind) == "paper-midi") s.mode = DecodeMode::Windowed;
        const Primer primer = dataPrimer(model, test::generationTestData(kind), 0, 5);
        const auto pieces = generatePieces(generator, model, primer, s);
        std::size_t pick = 2;
        while (pick + 1 < pieces.size() && !pieces[pick].readable) ++pick;
        const auto& third = pieces.at(pick);
        const std::string original = dir.file(std::string(kind) + ".mid");
        writeGeneratedMidi(third, original);
        // Anew, with another generator and from the file alone.
        const auto recipe = readRecipeFile(original);
        EXPECT_EQ(recipe.settings.sampling.seed, variationSeed(31, static_cast<int>(pick)));
        Generator other(model, 1);
        writeGeneratedMidi(regenerate(other, model, recipe), dir.file(std::string(kind) + "-again.mid"));
        EXPECT_EQ(fileBytes(original), fileBytes(dir.file(std::string(kind) + "-again.mid"))) << kind;
        if (std::string(kind) == "paper-abc") {
            writeGeneratedAbc(third, dir.file("t.abc"));
            const auto again = regenerate(other, model, readRecipeFile(dir.file("t.abc")));
            EXPECT_EQ(generatedAbcText(again), generatedAbcText(third));
        }
    }
}

TEST(GenerationOutput, RecipeRefusesAnotherModel) {
    test::TempDir dir("gen-recipe-other");
    const auto events = GenerationModel::open(test::generationTestModel("lstm"));
    const auto notes = GenerationModel::open(test::generationTestModel("paper-midi"));
    Generator generator(events, 1);
    const auto piece = generatePieces(generator, events, silentPrimer(events, 1), settings(20, 1)).front();
    Generator other(notes, 1);
    EXPECT_THROW(regenerate(other, notes, piece.recipe), std::runtime_error);
    // An edited recipe reads as a damaged file, not as a crash or a usage error.
    auto edited = piece.recipe;
    edited.primerTokens.push_back(events.vocabulary().size() + 5);
    EXPECT_THROW(regenerate(generator, events, edited), std::runtime_error);
    edited = piece.recipe;
    edited.settings.sampling.topP = 7;
    EXPECT_THROW(regenerate(generator, events, edited), std::runtime_error);
}

TEST(GenerationOutput, TrainingWindowPrimerIsNotPartOfThePiece) {
    const auto model = GenerationModel::open(test::generationTestModel("paper-midi"));
    Generator generator(model, 1);
    const Primer primer = dataPrimer(model, test::generationTestData("paper-midi"), 0, 3);
    ASSERT_FALSE(primer.inOutput);
    const auto piece = generatePieces(generator, model, primer, settings(40, 3)).front();
    EXPECT_EQ(piece.score.noteCount(), piece.confidence.size());  // generated notes only
    Tick first = -1;
    for (const auto& n : piece.score.tracks.at(0).notes) first = first < 0 ? n.start : std::min(first, n.start);
    EXPECT_LT(first, piece.score.ppq());  // moved to the start
}
