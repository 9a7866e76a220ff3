// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/HeldNoteGuard.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "tokenize/EventTokenizer.h"

namespace nf {

HeldNoteGuard::HeldNoteGuard(const Vocabulary& vocabulary, int stepsPerBeat, double maxNoteBeats, int maxPolyphony)
    : offToken_(128, -1), maxPolyphony_(maxPolyphony) {
    if (maxNoteBeats > 0 && stepsPerBeat > 0)
        maxSteps_ = std::max<std::int64_t>(1, std::llround(maxNoteBeats * stepsPerBeat));
    kinds_.resize(static_cast<std::size_t>(vocabulary.size()));
    bool anyOn = false, anyShift = false;
    for (int i = 0; i < vocabulary.size(); ++i) {
        const std::string& t = vocabulary.token(i);
        TokenKind& k = kinds_[static_cast<std::size_t>(i)];
        if (auto p = eventTokenNumber(t, "ON_"); p && *p >= 0 && *p < 128) {
            k = {Kind::On, *p};
            onTokens_.push_back(i);
            anyOn = true;
        } else if (auto q = eventTokenNumber(t, "OFF_"); q && *q >= 0 && *q < 128) {
            k = {Kind::Off, *q};
            offToken_[static_cast<std::size_t>(*q)] = i;
        } else if (auto s = eventTokenNumber(t, "SHIFT_"); s && *s > 0) {
            k = {Kind::Shift, *s};
            anyShift = true;
        } else if (auto r = eventTokenNumber(t, "TRK_"); r && *r >= 0) {
            k = {Kind::Track, *r};
            trackToken_[*r] = i;
        }
    }
    inert_ = !anyOn || !anyShift || (maxSteps_ == 0 && maxPolyphony_ <= 0);
}

void HeldNoteGuard::push(int token) {
    if (inert_ || token < 0 || static_cast<std::size_t>(token) >= kinds_.size()) return;
    const TokenKind k = kinds_[static_cast<std::size_t>(token)];
    // A note that ends where it began is given one step by the decoder, so it sounds until time moves on.
    const auto release = [&](std::map<int, std::int64_t>::iterator it) {
        if (it->second == now_) ++releasedThisStep_;
        sounding_.erase(it);
    };
    switch (k.kind) {
        case Kind::On: {
            // A re-strike ends the sounding note and starts it again.
            if (auto it = sounding_.find(key(current_, k.value)); it != sounding_.end()) release(it);
            sounding_[key(current_, k.value)] = now_;
            break;
        }
        case Kind::Off:
            if (auto it = sounding_.find(key(current_, k.value)); it != sounding_.end()) release(it);
            break;
        case Kind::Shift:
            now_ += k.value;
            releasedThisStep_ = 0;
            break;
        case Kind::Track: current_ = k.value; break;
        case Kind::Other: break;
    }
    updateRequired();
}

void HeldNoteGuard::updateRequired() {
    required_.clear();
    if (maxSteps_ == 0) return;
    while (!sounding_.empty()) {
        auto oldest = sounding_.begin();
        for (auto it = sounding_.begin(); it != sounding_.end(); ++it)
            if (it->second < oldest->second) oldest = it;
        if (now_ - oldest->second < maxSteps_) return;
        const int track = oldest->first / 128, pitch = oldest->first % 128;
        const int off = offToken_[static_cast<std::size_t>(pitch)];
        const auto trk = trackToken_.find(track);
        if (off < 0 || (track != current_ && trk == trackToken_.end())) {
            // This vocabulary cannot say the release: leave the note to the decoder, which closes it at the end.
            sounding_.erase(oldest);
            continue;
        }
        required_.push_back(track == current_ ? off : trk->second);
        return;
    }
}

const std::vector<int>& HeldNoteGuard::banned() const {
    if (inert_ || maxPolyphony_ <= 0 || soundingNotes() < maxPolyphony_) return none_;
    return onTokens_;
}

}  // namespace nf
