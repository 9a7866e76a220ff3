// SPDX-License-Identifier: GPL-3.0-or-later
#include "remi/RemiIds.h"

#include <stdexcept>
#include <string>

#include "remi/RemiVocabulary.h"

namespace nf::remi {

const RemiIds& RemiIds::get() {
    static const RemiIds ids;
    return ids;
}

RemiIds::RemiIds() {
    const auto& tokens = vocabularyTokens();
    byKind_.resize(static_cast<std::size_t>(Kind::Duration) + 1);
    const std::pair<std::string_view, Kind> numbered[] = {
        {"TEMPO_", Kind::Tempo}, {"INST_", Kind::Instrument}, {"DENS_", Kind::Density}, {"POLY_", Kind::Polyphony},
        {"LOW_", Kind::Low},     {"HIGH_", Kind::High},       {"LEN_", Kind::Length},   {"POS_", Kind::Position},
        {"PITCH_", Kind::Pitch}, {"VEL_", Kind::Velocity},    {"DUR_", Kind::Duration}};
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        Kind k = Kind::PieceStart;
        int v = 0;
        if (t == kPieceStart) k = Kind::PieceStart;
        else if (t == kPieceEnd) k = Kind::PieceEnd;
        else if (t == kBar) k = Kind::Bar;
        else if (t == kHole) k = Kind::Hole;
        else if (t == kFillStart) k = Kind::FillStart;
        else if (t == kHoleEnd) k = Kind::HoleEnd;
        else if (t == kFillEnd) k = Kind::FillEnd;
        else if (t == kDrums) { k = Kind::Instrument; v = -1; }
        else if (t == kKeyNone) { k = Kind::Key; v = -1; }
        else if (auto m = parseTimeSignature(t)) { k = Kind::Meter; v = m->numerator * 100 + m->denominator; }
        else if (auto key = parseKey(t)) { k = Kind::Key; v = key->tonic + (key->minor ? 12 : 0); }
        else {
            bool found = false;
            for (const auto& [prefix, kind] : numbered)
                if (auto n = number(t, prefix)) {
                    k = kind;
                    v = *n;
                    found = true;
                    break;
                }
            if (!found) throw std::logic_error("remi vocabulary token '" + t + "' has no kind");
        }
        kind_.push_back(k);
        value_.push_back(v);
        byKind_[static_cast<std::size_t>(k)].push_back(static_cast<int>(i));
    }
    bos = id(kPieceStart);
    eos = id(kPieceEnd);
    bar = id(kBar);
    hole = id(kHole);
    fill = id(kFillStart);
    holeEnd = id(kHoleEnd);
    fillEnd = id(kFillEnd);
}

int RemiIds::id(std::string_view token) const {
    const auto& tokens = vocabularyTokens();
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (tokens[i] == token) return static_cast<int>(i);
    throw std::out_of_range("'" + std::string(token) + "' is not a remi token");
}

bool RemiIds::isHead(int id) const {
    const Kind k = kind(id);
    return k == Kind::Meter || k == Kind::Tempo || k == Kind::Key;
}

int RemiIds::instrument(int program) const {
    const auto& all = this->all(Kind::Instrument);
    // INST_DRUMS comes first in the vocabulary, then INST_0..INST_127.
    return program < 0 ? all.front() : all[static_cast<std::size_t>(program) + 1];
}

}  // namespace nf::remi
