// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "music/Score.h"

namespace nf {

// What a new piece is asked for when its texture is compared with a held-out piece's (evaluate-infill's structure
// figure): that piece's meter at its last bar (past any pickup), as remi writes it, and its main tempo, the one in
// force for most of its length (a closing ritardando is not the piece's tempo). The tempo belongs to the request as
// much as the meter does: in the demo data a 4/4 piano piece at 90 bpm and a 4/4 folk tune at ABC's default 120
// differ in texture, and a remi model reads its tempo token before it writes a note.
struct NewPieceShape {
    int numerator = 4, denominator = 4;
    double bpm = 120;
};

NewPieceShape newPieceLike(const Score& piece);

}  // namespace nf
