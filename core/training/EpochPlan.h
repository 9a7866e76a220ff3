// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace nf {

// What one epoch feeds the network, decided before it starts from (seed, epoch) alone, so a run resumed in the
// middle of an epoch replays exactly the same batches.
//
// Many-to-many (paper-abc, lstm): the pieces, in an order shuffled per epoch, are joined into one stream, which is
// cut into `rows` equal rows read in parallel; batch w is window w (T tokens, plus the next token as the last
// target) of every row. Consecutive batches continue the same rows, so the hidden state carries over between
// consecutive windows of a piece (truncated back-propagation through time). A random start offset below T varies
// where windows begin from one epoch to the next.
struct StreamPlan {
    std::int64_t rows = 0;
    std::int64_t windows = 0;     // batches this epoch
    std::int64_t length = 0;      // T (shorter than asked only for a tiny corpus)
    std::vector<std::int32_t> data;  // rows x (windows * length + 1)
};

// pieces: token sequences; shuffle=false keeps their order and offset 0 (validation).
StreamPlan planStreams(const std::vector<const std::vector<std::int32_t>*>& pieces, std::int64_t batch,
                       std::int64_t length, bool shuffle, std::uint64_t seed, int epoch);

// Many-to-one (paper-midi), as the paper's code did it: the pieces joined into one stream, every window of T
// tokens (stride apart) predicts the token after it; window order is shuffled per epoch like Keras's fit().
struct WindowPlan {
    std::int64_t length = 0;
    std::vector<std::int32_t> stream;
    std::vector<std::int64_t> starts;  // in batch order
};

WindowPlan planWindows(const std::vector<const std::vector<std::int32_t>*>& pieces, std::int64_t length,
                       std::int64_t stride, bool shuffle, std::uint64_t seed, int epoch);

}  // namespace nf
