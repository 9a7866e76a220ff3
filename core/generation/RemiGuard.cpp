// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/RemiGuard.h"

#include <algorithm>

#include "remi/RemiIds.h"

namespace nf {

using remi::RemiIds;
using Kind = RemiIds::Kind;

namespace {

constexpr Kind kControlKinds[] = {Kind::Density, Kind::Polyphony, Kind::Low, Kind::High, Kind::Length};

}  // namespace

RemiGuard RemiGuard::fill(std::vector<Hole> holes, const SteeringControls& controls) {
    return RemiGuard(true, std::move(holes), {}, controls);
}

RemiGuard RemiGuard::free(std::vector<FreeBar> bars, const SteeringControls& controls, std::map<int, int> tracks) {
    RemiGuard guard(false, {}, std::move(bars), controls);
    guard.trackLimits_ = std::move(tracks);
    return guard;
}

RemiGuard::RemiGuard(bool fillMode, std::vector<Hole> holes, std::vector<FreeBar> bars, const SteeringControls& controls)
    : fillMode_(fillMode),
      holes_(std::move(holes)),
      freeBars_(std::move(bars)),
      maxBars_(static_cast<int>(freeBars_.size())),
      controls_(controls) {
    computeAllowed();
}

void RemiGuard::preload(remi::TrackKey track, std::vector<std::pair<int, int>> notes) {
    held_[track].insert(held_[track].end(), notes.begin(), notes.end());
    auto& list = written_[track];
    list.insert(list.end(), notes.begin(), notes.end());
}

void RemiGuard::startGenerating() {
    generating_ = true;
    barsStarted_ = slot_ == Slot::Head ? 1 : 0;  // a prompt ending in BAR (and its head) has begun the first bar
    // Free mode counts generated bars from the first one: held notes are preloaded relative to its start. The
    // prompt's own notes (the bars before, read as a context) are no sound of the bars to come.
    barStart_ = 0;
    if (!fillMode_) written_ = held_;
    if (!freeBars_.empty()) meterUnits_ = freeBars_.front().units;
    computeAllowed();
}

void RemiGuard::enterBlock(remi::TrackKey track, int barUnits, int barStart) {
    instrument_ = track.instrument;
    track_ = track;
    barUnits_ = barUnits;
    barStart_ = barStart;
    position_ = -1;
    controlSlot_ = 0;
    sounding_.clear();
    for (const auto& [s, e] : written_[track])
        if (e > barStart) sounding_.emplace_back(s - barStart, e - barStart);
    slot_ = Slot::Control;
}

void RemiGuard::push(int token) {
    const RemiIds& r = RemiIds::get();
    if (finished_ || token < 0 || token >= r.size()) return;
    const Kind kind = r.kind(token);
    if (fillMode_) {
        if (!seenFill_) {
            if (token == r.fill) {
                seenFill_ = true;
                slot_ = Slot::HoleStart;
                hole_ = 0;
            }
        } else if (slot_ == Slot::HoleStart) {
            if (token == r.fillEnd) {
                finished_ = true;
                slot_ = Slot::Done;
            } else if (hole_ < holes_.size()) {
                enterBlock(holes_[hole_].track, holes_[hole_].barUnits, holes_[hole_].barStart);
            }
        } else if (token == r.holeEnd) {
            ++hole_;
            slot_ = Slot::HoleStart;
        }
    } else if (kind == Kind::Bar) {
        ordinals_.clear();
        keyWritten_ = false;
        if (generating_) {
            barStart_ += meterUnits_;
            ++barsStarted_;
            if (barsStarted_ > maxBars_) finished_ = true;
            const FreeBar& bar = freeBars_.empty() ? FreeBar{} : freeBars_[std::min<std::size_t>(
                                                                       static_cast<std::size_t>(barsStarted_ - 1), freeBars_.size() - 1)];
            meterUnits_ = bar.units;
            meterDue_ = bar.meterId >= 0;
        }
        slot_ = Slot::Head;
        position_ = -1;
    } else if (kind == Kind::Key) {
        keyWritten_ = true;
    } else if (kind == Kind::PieceEnd) {
        finished_ = generating_;
        slot_ = Slot::Top;
    } else if (kind == Kind::Meter) {
        // While generating, the bar's length is the piece's (set at BAR); the prompt's meters only matter there.
        const int v = r.value(token);
        if (!generating_) meterUnits_ = std::clamp(v / 100 * 4 * remi::kUnitsPerBeat / std::max(1, v % 100), 1, remi::kMaxBarUnits);
        meterDue_ = false;
    } else if (kind == Kind::Instrument) {
        const int instrument = r.value(token);
        enterBlock(remi::TrackKey{instrument, ordinals_[instrument]++}, meterUnits_, barStart_);
    }
    // Inside a block (both modes): controls, then notes.
    if (slot_ == Slot::Control && kind != Kind::Instrument) {
        if (++controlSlot_ == remi::kControlCount) slot_ = Slot::Body;
    } else if (slot_ == Slot::Control && controlSlot_ == 0 && kind == Kind::Instrument) {
        // The block's INST itself: its controls come next.
    } else if ((slot_ == Slot::Body || slot_ == Slot::Pitch) && kind == Kind::Position) {
        position_ = r.value(token);
        slot_ = Slot::Pitch;
    } else if ((slot_ == Slot::Body || slot_ == Slot::Pitch) && kind == Kind::Pitch) {
        slot_ = Slot::Velocity;
    } else if (slot_ == Slot::Velocity && kind == Kind::Velocity) {
        slot_ = Slot::Duration;
    } else if (slot_ == Slot::Duration && kind == Kind::Duration) {
        sounding_.emplace_back(position_, position_ + std::max(1, r.value(token)));
        written_[track_].emplace_back(barStart_ + sounding_.back().first, barStart_ + sounding_.back().second);
        slot_ = Slot::Body;
    }
    computeAllowed();
}

bool RemiGuard::barHasSound() const {
    // A young model that cannot end the piece early would otherwise fill the bars asked for with silence.
    for (const auto& [track, notes] : written_)
        for (const auto& [s, e] : notes)
            if (e > barStart_ && s < barStart_ + meterUnits_) return true;
    return false;
}

bool RemiGuard::mayEnd() const {
    // The musician asked for this many bars: a model that would end the piece sooner (a young one often does) has to
    // go on; in the last bar it may end early, which leaves that bar's rest as rest.
    return barsStarted_ >= maxBars_;
}

bool RemiGuard::anyPitchAllowed() const {
    if (instrument_ < 0) return true;
    for (int k = 0; k < 128; ++k)
        if (controls_.pitchAllowed(k)) return true;
    return false;
}

void RemiGuard::bodyOptions() {
    const RemiIds& r = RemiIds::get();
    // No pitch can be written (the scale and range leave none): the block can only end.
    if (!anyPitchAllowed()) return;
    const int cap = controls_.polyphony.value_or(1 << 20);
    const auto soundingAt = [&](int u) {
        int n = 0;
        for (const auto& [s, e] : sounding_) n += s <= u && u < e;
        return n;
    };
    for (int u = position_ + 1; u < std::min(barUnits_, remi::kMaxBarUnits); ++u)
        if (soundingAt(u) < cap && controls_.onsetAllowed(u, barUnits_)) allowed_.push_back(r.position(u));
    if (slot_ == Slot::Body && position_ >= 0 && soundingAt(position_) < cap) {
        for (int k = 0; k < 128; ++k)
            if (instrument_ < 0 || controls_.pitchAllowed(k)) allowed_.push_back(r.pitch(k));
    }
}

void RemiGuard::instrumentOptions() {
    const RemiIds& r = RemiIds::get();
    if (trackLimits_.empty()) {
        const auto& inst = r.all(Kind::Instrument);
        allowed_.insert(allowed_.end(), inst.begin(), inst.end());
        return;
    }
    for (const auto& [instrument, count] : trackLimits_) {
        const auto used = ordinals_.find(instrument);
        if ((used == ordinals_.end() ? 0 : used->second) < count) allowed_.push_back(r.instrument(instrument));
    }
}

void RemiGuard::computeAllowed() {
    const RemiIds& r = RemiIds::get();
    allowed_.clear();
    if (finished_) return;
    if (fillMode_ && !seenFill_) return;  // still reading the prompt
    if (!fillMode_ && !generating_) return;
    switch (slot_) {
    case Slot::HoleStart:
        allowed_.push_back(hole_ < holes_.size() ? r.instrument(holes_[hole_].track.instrument) : r.fillEnd);
        return;
    case Slot::Control: {
        if (controlSlot_ >= remi::kControlCount) return;
        const auto& all = r.all(kControlKinds[controlSlot_]);
        if (auto bin = controls_.bin(controlSlot_))
            allowed_.push_back(all[static_cast<std::size_t>(std::clamp(*bin, 0, static_cast<int>(all.size()) - 1))]);
        else
            allowed_ = all;
        return;
    }
    case Slot::Pitch:
        for (int k = 0; k < 128; ++k)
            if (instrument_ < 0 || controls_.pitchAllowed(k)) allowed_.push_back(r.pitch(k));
        return;
    case Slot::Velocity: allowed_ = r.all(Kind::Velocity); return;
    case Slot::Duration: allowed_ = r.all(Kind::Duration); return;
    case Slot::Body:
        bodyOptions();
        if (fillMode_) {
            allowed_.push_back(r.holeEnd);
        } else {
            instrumentOptions();
            // Nothing left (no note can start and every track of the piece has its block): the bar may close, as
            // an empty set would leave the model unconstrained. validate() makes this unreachable today.
            if (barHasSound() || allowed_.empty()) {
                allowed_.push_back(r.bar);
                if (mayEnd()) allowed_.push_back(r.eos);
            }
        }
        return;
    case Slot::Head:
        if (meterDue_) {
            allowed_.push_back(freeBars_[std::min<std::size_t>(static_cast<std::size_t>(barsStarted_ - 1), freeBars_.size() - 1)].meterId);
            return;
        }
        // Bars keep the piece's bar lines (the TS above where they change); no tempo is written.
        // One KEY a head at most: a model that likes keys more than the piece's few instruments would otherwise
        // write keys until the tokens ran out, and no notes.
        if (!keyWritten_) {
            const auto& keys = r.all(Kind::Key);
            allowed_.insert(allowed_.end(), keys.begin(), keys.end());
        }
        instrumentOptions();
        if (barHasSound()) {
            allowed_.push_back(r.bar);
            if (mayEnd()) allowed_.push_back(r.eos);
        }
        return;
    case Slot::Top: allowed_.push_back(r.bar); return;
    case Slot::Done: return;
    }
}

}  // namespace nf
