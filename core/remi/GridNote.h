// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nf::remi {

// A note placed on the `remi` grid of one bar: position and duration in grid units (1/12 beat) from the bar's
// start. The unit the encoder, the controls and the fill decoder share.
struct GridNote {
    int position = 0;
    int pitch = 60;
    int velocity = 80;
    int duration = 1;
};

}  // namespace nf::remi
