// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "generation/SteeringControls.h"
#include "generation/TokenGuard.h"
#include "remi/RemiLayout.h"

namespace nf {

// Keeps a remi model's output well formed and inside the musician's controls, step by step.
//
// Fill mode (infill, accompaniment): after the prompt's FILL, exactly the given holes are written in order: the
// hole's INST token, its five controls (the requested bins where set), then notes (POS strictly rising inside the
// bar, PITCH VEL DUR) and HOLE_END; after the last hole FILL_END, and the sequence is finished.
// Free mode (new pieces, continuation): bars of any tracks laid on the piece's own bar lines: each generated bar
// has the length it has in the piece, and where its meter differs from the bar before, its TS token is required
// right after BAR (as the encoder writes it); no other TS or TEMPO is written. EOS is allowed only in the last
// bar, and a bar ends (BAR, EOS) only once a note starts or sounds in it: the piece has the bars asked for, none of
// them silent. Finished at EOS or when all bars are complete (the BAR that would start one more ends it).
// In both, pitches of pitched tracks obey the scale lock and the range, notes start only where the rhythm lock lets
// them, and no note starts while `polyphony` notes of the track sound. These limits are `required` sets, which the sampler never leaves.
class RemiGuard final : public TokenGuard {
public:
    struct Hole {
        remi::TrackKey track;
        int barUnits = 48;
        int barStart = 0;  // units from the start of the fill's first bar: notes held over a bar line still count
    };
    // A generated bar in free mode: its length, and the TS token to write after its BAR (-1: none).
    struct FreeBar {
        int units = 48;
        int meterId = -1;
    };
    static RemiGuard fill(std::vector<Hole> holes, const SteeringControls& controls);
    // `tracks`: the piece's tracks, as how many of each instrument (-1 drums). When given (continuing a piece), the
    // bars are written for those tracks only, each instrument at most as often a bar as the piece has it: the
    // musician's parts carry on and none is invented. Empty (a new piece): any instrument.
    static RemiGuard free(std::vector<FreeBar> bars, const SteeringControls& controls, std::map<int, int> tracks = {});

    // Notes of the piece that already sound where generation happens (kept notes held into a span, notes of an
    // earlier chunk), [start, end) in units from the first generated bar's start: they count against the
    // polyphony cap of their track.
    void preload(remi::TrackKey track, std::vector<std::pair<int, int>> notes);

    void push(int token) override;
    TokenLimits limits() const override { return {allowed_, {}}; }
    bool finished() const override { return finished_; }
    // Once generation starts: bars begun so far (free mode).
    int barsStarted() const { return barsStarted_; }
    // Counting of bars starts here.
    void startGenerating() override;

private:
    enum class Slot { Top, Head, Control, Body, Pitch, Velocity, Duration, HoleStart, Done };
    RemiGuard(bool fillMode, std::vector<Hole> holes, std::vector<FreeBar> bars, const SteeringControls& controls);
    bool anyPitchAllowed() const;
    bool mayEnd() const;  // free mode: EOS allowed (the last bar has begun)
    bool barHasSound() const;  // free mode: a note starts in the current bar or sounds into it
    void enterBlock(remi::TrackKey track, int barUnits, int barStart);
    void computeAllowed();
    void bodyOptions();
    void instrumentOptions();  // free mode: the INST tokens that may start a block now

    bool fillMode_;
    std::vector<Hole> holes_;
    std::vector<FreeBar> freeBars_;
    std::map<int, int> trackLimits_;  // free mode: instrument -> tracks of it (empty: any)
    int maxBars_;
    bool meterDue_ = false;  // free mode: the current bar's TS token must come next
    bool keyWritten_ = false;  // free mode: the current bar's head has its KEY (one at most, as the encoder writes)
    SteeringControls controls_;
    bool generating_ = false;
    bool finished_ = false;
    Slot slot_ = Slot::Top;
    std::size_t hole_ = 0;
    bool seenFill_ = false;
    int controlSlot_ = 0;
    int instrument_ = 0;  // of the current block: -1 drums
    int barUnits_ = 48;
    int meterUnits_ = 48;  // free mode: from the last TS token
    int position_ = -1;
    int barsStarted_ = 0;
    std::vector<std::pair<int, int>> sounding_;  // notes of this track sounding in this bar: [start, end), bar units
    // Every note written so far per track, [start, end) in units from the first generated bar: notes held over a
    // bar line count against the next bar's polyphony cap.
    std::map<remi::TrackKey, std::vector<std::pair<int, int>>> written_;
    std::map<remi::TrackKey, std::vector<std::pair<int, int>>> held_;  // preloaded: sounding into the span
    remi::TrackKey track_;
    int barStart_ = 0;
    std::map<int, int> ordinals_;  // free mode: blocks of each instrument in this bar
    std::vector<int> allowed_;
};

}  // namespace nf
