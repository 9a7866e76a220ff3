// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>

namespace nf::gen {

// How a transformer's context slides once it is full (the generator's TransformerDecoder and the training engine's
// reference, SequenceModel, both follow it). A model trained on windows of `context` tokens never saw more, so when
// a new token arrives with the context full, the oldest tokens are dropped and the newest half (this many tokens,
// the new one included) is read again from scratch, at positions 0, 1, ...: every prediction is then exactly the
// trained model's forward pass over a window of at most `context` tokens that starts where a training window could
// start. Reading half a window again every half window costs about one prefill per context/2 tokens (batched, so a
// few per cent of decoding), where keeping stale keys and values (a rolling cache) would feed the model hidden states
// computed from tokens it can no longer see, which it never met in training.
inline int tokensKeptWhenSliding(int context) { return context - context / 2; }

// The window after `token` arrives, by the rule above.
inline void pushIntoContext(std::deque<int>& window, int token, int context) {
    if (static_cast<int>(window.size()) >= context) {
        const int keep = tokensKeptWhenSliding(context) - 1;  // the new token is the last one kept
        while (static_cast<int>(window.size()) > keep) window.pop_front();
    }
    window.push_back(token);
}

}  // namespace nf::gen
