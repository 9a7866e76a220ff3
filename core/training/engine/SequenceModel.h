// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tokenize/Vocabulary.h"
#include "training/TrainingConfig.h"
#include "training/TrainingMetrics.h"

namespace nf {

// A trained model opened for generation: feed it tokens one at a time and it returns the logits (unnormalised
// log-probabilities over the vocabulary) of the next token. Plain C++ over a private LibTorch implementation.
//
//   auto model = SequenceModel::load("tunes.nfm");
//   auto state = model.initialState();
//   auto logits = model.prime(promptIds, state);      // or step() per token
//   for (...) { int next = sample(logits); logits = model.step(next, state); }
//
// Many-to-many LSTMs carry their LSTM state in State; paper-midi (many-to-one) keeps its last seqLength tokens
// there and re-reads that window each step, exactly as it was trained; the transformer keeps its context there and
// reads all of it again each call (no key/value cache: this is the reference the generator's cache is tested against). Not thread-safe per instance; use one
// instance per thread, or serialise calls.
class SequenceModel {
public:
    // The recurrent state of one generated sequence. Copying it forks the sequence (beam search, alternatives).
    class State {
    public:
        State();
        ~State();
        State(const State& other);
        State& operator=(const State& other);
        State(State&&) noexcept;
        State& operator=(State&&) noexcept;
        struct Impl;

    private:
        friend class SequenceModel;
        std::unique_ptr<Impl> impl_;
    };

    // Throws ModelFileError for a file that is not a usable NoteForge model (see ModelFile.h), std::runtime_error
    // for a device that is not there. Checkpoints load too (their weights).
    static SequenceModel load(const std::string& path, const std::string& device = "cpu");
    ~SequenceModel();
    SequenceModel(SequenceModel&&) noexcept;
    SequenceModel& operator=(SequenceModel&&) noexcept;

    const TrainingConfig& config() const;
    const TokenizerSettings& tokenizer() const { return config().tokenizer; }
    const Vocabulary& vocabulary() const;
    int vocabSize() const { return vocabulary().size(); }
    const std::vector<MetricsRow>& history() const;
    // Provenance as stored (JSON): versions, data fingerprint, best epoch.
    const std::string& infoJson() const;

    State initialState() const;
    // Feeds one token (an index into vocabulary()) and returns the next token's logits.
    std::vector<float> step(int token, State& state) const;
    // Feeds several tokens at once (faster than step() per token); returns the logits after the last one.
    std::vector<float> prime(const std::vector<int>& tokens, State& state) const;

private:
    struct Impl;
    explicit SequenceModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace nf
