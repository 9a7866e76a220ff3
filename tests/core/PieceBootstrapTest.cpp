// SPDX-License-Identifier: GPL-3.0-or-later
// pieceBootstrap(): the interval evaluate-infill gives the model's lead over a baseline. Spans of one piece move
// together, so the interval must come from resampling pieces: ten pieces, each with thirty equal values, are ten
// observations, not three hundred.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "evaluation/PieceBootstrap.h"

namespace nf {

TEST(PieceBootstrap, AConstantDifferenceHasNoSpread) {
    const MeanInterval r = pieceBootstrap({0.2, 0.2, 0.2, 0.2}, {0, 0, 1, 2});
    EXPECT_DOUBLE_EQ(r.mean, 0.2);
    EXPECT_DOUBLE_EQ(r.low, 0.2);
    EXPECT_DOUBLE_EQ(r.high, 0.2);
}

TEST(PieceBootstrap, ResamplesPiecesNotSpans) {
    // Ten pieces, thirty spans each; every span of a piece has that piece's value, +1 or -1 by turns: mean 0.
    std::vector<double> values;
    std::vector<std::size_t> pieces;
    for (std::size_t p = 0; p < 10; ++p)
        for (int s = 0; s < 30; ++s) {
            values.push_back(p % 2 == 0 ? 1.0 : -1.0);
            pieces.push_back(p);
        }
    const MeanInterval byPiece = pieceBootstrap(values, pieces);
    EXPECT_NEAR(byPiece.mean, 0.0, 1e-12);
    EXPECT_LT(byPiece.low, -0.3) << "ten observations of +-1: the interval is wide";
    EXPECT_GT(byPiece.high, 0.3);
    // The same values as 300 independent pieces: a far narrower interval.
    std::vector<std::size_t> own(values.size());
    for (std::size_t i = 0; i < own.size(); ++i) own[i] = i;
    const MeanInterval bySpan = pieceBootstrap(values, own);
    EXPECT_LT(bySpan.high - bySpan.low, (byPiece.high - byPiece.low) / 2);
    EXPECT_LT(bySpan.low, 0.0);
    EXPECT_GT(bySpan.high, 0.0);
}

// The mean is of spans, not of piece means: a piece with more spans weighs more, in the mean and in each resample.
TEST(PieceBootstrap, WeighsPiecesByTheirSpans) {
    // One piece with three spans of 1, another with one span of 0: mean 0.75 (not 0.5); resamples of two pieces give
    // 1 (both the first), 0.75 (one of each) or 0 (both the second).
    const MeanInterval r = pieceBootstrap({1, 1, 1, 0}, {0, 0, 0, 1}, 4000, 3);
    EXPECT_DOUBLE_EQ(r.mean, 0.75);
    EXPECT_DOUBLE_EQ(r.low, 0.0);
    EXPECT_DOUBLE_EQ(r.high, 1.0);
}

TEST(PieceBootstrap, IsRepeatableForASeedAndRefusesMismatchedInput) {
    const std::vector<double> v{0.1, 0.5, -0.2, 0.3, 0.0, 0.4};
    const std::vector<std::size_t> p{0, 1, 1, 2, 3, 3};
    const MeanInterval a = pieceBootstrap(v, p, 500, 7), b = pieceBootstrap(v, p, 500, 7);
    EXPECT_EQ(a.low, b.low);
    EXPECT_EQ(a.high, b.high);
    EXPECT_LE(a.low, a.high);
    EXPECT_THROW(pieceBootstrap({1.0}, {}), std::invalid_argument);
    EXPECT_THROW(pieceBootstrap({1.0, std::nan("")}, {0, 1}), std::invalid_argument);
    const MeanInterval none = pieceBootstrap({}, {});
    EXPECT_EQ(none.mean, 0.0);
}

}  // namespace nf
