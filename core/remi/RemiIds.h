// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nf::remi {

// What each index of the fixed vocabulary is, looked up once: the example builder and the generation guard work
// on indices, never on strings, in their inner loops.
class RemiIds {
public:
    static const RemiIds& get();

    int id(std::string_view token) const;  // throws std::out_of_range for a token not in the vocabulary
    int size() const { return static_cast<int>(kind_.size()); }

    enum class Kind : std::uint8_t {
        PieceStart, PieceEnd, Bar, Hole, FillStart, HoleEnd, FillEnd,
        Meter, Tempo, Key, Instrument, Density, Polyphony, Low, High, Length, Position, Pitch, Velocity, Duration
    };
    Kind kind(int id) const { return kind_[static_cast<std::size_t>(id)]; }
    // The number a token carries: program (-1 drums), bin, position, key number or duration in units.
    int value(int id) const { return value_[static_cast<std::size_t>(id)]; }
    bool isHead(int id) const;  // TS, TEMPO or KEY: what follows BAR before the first track
    // Every index of one kind, in index order.
    const std::vector<int>& all(Kind kind) const { return byKind_[static_cast<std::size_t>(kind)]; }

    int bos, eos, bar, hole, fill, holeEnd, fillEnd;
    int instrument(int program) const;  // -1 = drums
    int position(int units) const { return all(Kind::Position)[static_cast<std::size_t>(units)]; }
    int pitch(int key) const { return all(Kind::Pitch)[static_cast<std::size_t>(key)]; }

private:
    RemiIds();
    std::vector<Kind> kind_;
    std::vector<int> value_;
    std::vector<std::vector<int>> byKind_;
};

}  // namespace nf::remi
