// SPDX-License-Identifier: GPL-3.0-or-later
// The words of the enums that files and command lines spell (util/NamedEnum.h). They are file formats: this test
// pins every one, so that renaming a word (which would stop old models, projects and recipes opening) fails here.
#include <gtest/gtest.h>

#include <sstream>

#include "evaluation/InfillMode.h"
#include "generation/DecodeMode.h"
#include "tokenize/TokenizerKind.h"
#include "training/InputInit.h"
#include "training/LrSchedule.h"
#include "training/LstmKernel.h"
#include "training/ModelFileKind.h"
#include "training/ModelInput.h"
#include "training/ModelKind.h"
#include "training/OptimizerKind.h"
#include "training/RecurrentInit.h"

using namespace nf;

namespace {

template <NamedEnum E>
void expectWords(const std::vector<std::string>& words) {
    EXPECT_EQ(enumWords<E>(), words);
    for (const auto& w : words) EXPECT_EQ(toString(parseEnum<E>(w)), w);
}

}  // namespace

TEST(NamedEnum, TheWordsOfTheFileFormatsNeverChange) {
    expectWords<TokenizerKind>({"paper-notes", "abc-chars", "events", "remi", "drums"});
    expectWords<ModelKind>({"paper-midi", "paper-abc", "lstm", "transformer", "paper-drums-gan"});
    expectWords<ModelInput>({"embedding", "scaled"});
    expectWords<InputInit>({"glorot_uniform", "torch"});
    expectWords<RecurrentInit>({"orthogonal", "torch"});
    expectWords<LstmKernel>({"auto", "fused", "aten"});
    expectWords<OptimizerKind>({"rmsprop", "adam", "adamw"});
    expectWords<LrSchedule>({"none", "cosine", "step"});
    expectWords<ModelFileKind>({"model", "checkpoint", "adapter"});
    expectWords<DecodeMode>({"incremental", "windowed"});
    expectWords<InfillMode>({"bars", "track"});
}

TEST(NamedEnum, AnUnknownWordIsNamedWithTheAcceptedOnes) {
    try {
        parseEnum<DecodeMode>("beam");
        FAIL() << "no error";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "unknown decoding mode 'beam' (expected incremental or windowed)");
    }
    // Words are exact: no case folding, no trimming (a file's word is compared as written).
    EXPECT_THROW(parseEnum<ModelKind>("LSTM"), std::invalid_argument);
    EXPECT_THROW(parseEnum<ModelKind>(" lstm"), std::invalid_argument);
    EXPECT_THROW(parseEnum<ModelKind>(""), std::invalid_argument);
    EXPECT_EQ(enumChoices<OptimizerKind>(), "rmsprop, adam or adamw");
}

TEST(NamedEnum, StreamsAsItsWord) {
    std::ostringstream out;
    out << LstmKernel::Fused << ' ' << TokenizerKind::AbcChars;
    EXPECT_EQ(out.str(), "fused abc-chars");
}
