// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcResolver.h"

#include <algorithm>
#include <array>

namespace nf::abc {

namespace {

class Resolver {
public:
    explicit Resolver(const ParsedTune& tune)
        : tune_(tune), key_(tune.key), unit_(tune.unit), transpose_(tune.headerTranspose) {
        if (tune.meter) meter_ = *tune.meter;
        barAcc_.fill(kNoAccidental);
    }

    void resolve(Event& e) {
        switch (e.kind) {
            case EventKind::Note: note(e); break;
            case EventKind::Rest: scale(e); break;
            case EventKind::MultiRest: {
                const int bars = e.a;
                e.a = meter_.free ? bars : bars * meter_.numerator;
                e.b = meter_.free ? 1 : meter_.denominator;
                break;
            }
            case EventKind::Bar: barAcc_.fill(kNoAccidental); break;
            case EventKind::Key:
                key_ = tune_.keys[static_cast<std::size_t>(e.a)];
                barAcc_.fill(kNoAccidental);
                break;
            case EventKind::UnitLength: unit_ = AbcFraction{e.a, e.b}; break;
            case EventKind::Meter: meter_ = AbcMeter{e.a, e.b, (e.flags & flag::FreeMeter) != 0}; break;
            case EventKind::Transpose: transpose_ = e.a; break;
            case EventKind::Tempo: e.b = tune_.tempos[static_cast<std::size_t>(e.a)].microsPerQuarter(unit_.value()); break;
            default: break;
        }
    }

private:
    // Written length (in unit lengths) to whole notes, unreduced: 1/1 at L:1/8 becomes 1/8.
    void scale(Event& e) const {
        e.a *= unit_.num;
        e.b *= unit_.den;
    }

    int accidentalOf(int letter) const {
        const auto l = static_cast<std::size_t>(letter);
        return barAcc_[l] != kNoAccidental ? barAcc_[l] : key_.accidental[l];
    }

    int midiKey(int step) const {
        const int letter = ((step % 7) + 7) % 7;
        const int octave = (step - letter) / 7;
        return 60 + 12 * octave + kLetterSemitone[static_cast<std::size_t>(letter)] + accidentalOf(letter) + transpose_;
    }

    void note(Event& e) {
        const int step = e.step;
        const int letter = ((step % 7) + 7) % 7;
        // An accidental holds for the rest of the bar, for that letter in every octave (as abc2midi plays it).
        if (e.accidental != kNoAccidental) barAcc_[static_cast<std::size_t>(letter)] = e.accidental;
        const int pitch = midiKey(step);
        if (e.a == 3 && e.b == 1) e.flags |= flag::ThreeUnits;
        e.upper = static_cast<std::int8_t>(std::clamp(midiKey(step + 1) - pitch, 0, 6));
        e.lower = static_cast<std::int8_t>(std::clamp(pitch - midiKey(step - 1), 0, 6));
        e.step = static_cast<std::int16_t>(pitch >= 0 && pitch <= 127 ? pitch : -1);
        scale(e);
    }

    const ParsedTune& tune_;
    AbcKey key_;
    AbcFraction unit_;
    AbcMeter meter_;
    int transpose_;
    std::array<int, 7> barAcc_{};
};

}  // namespace

void resolveVoice(const ParsedTune& tune, ParsedVoice& voice) {
    Resolver r(tune);
    for (Event& e : voice.events) r.resolve(e);
}

}  // namespace nf::abc
