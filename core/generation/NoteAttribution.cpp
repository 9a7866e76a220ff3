// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/NoteAttribution.h"

#include <set>
#include <tuple>
#include <vector>

namespace nf {

namespace {

using Key = std::tuple<std::size_t, int, Tick>;  // track, pitch, onset

std::set<Key> keysOf(const std::optional<Score>& score) {
    std::set<Key> keys;
    if (!score) return keys;
    for (std::size_t t = 0; t < score->tracks.size(); ++t)
        for (const Note& n : score->tracks[t].notes) keys.emplace(t, n.pitch, n.start);
    return keys;
}

struct Bisection {
    const std::function<std::optional<Score>(int)>& decode;
    std::map<Key, int> owner;

    // `keys` are present after `hi` tokens and absent after `lo`.
    void run(int lo, int hi, std::vector<Key> keys) {
        if (keys.empty()) return;
        if (hi - lo <= 1) {
            for (const auto& k : keys) owner[k] = hi - 1;
            return;
        }
        const int mid = lo + (hi - lo) / 2;
        const auto present = keysOf(decode(mid));
        std::vector<Key> early, late;
        for (const auto& k : keys) (present.count(k) ? early : late).push_back(k);
        run(lo, mid, std::move(early));
        run(mid, hi, std::move(late));
    }
};

}  // namespace

std::map<NoteId, int> attributeNotes(const Score& score, int firstToken, int tokenCount,
                                     const std::function<std::optional<Score>(int)>& decodePrefix) {
    const auto all = keysOf(score);
    const auto primer = firstToken > 0 ? keysOf(decodePrefix(firstToken)) : std::set<Key>{};
    Bisection b{decodePrefix, {}};
    std::vector<Key> generated;
    for (const auto& k : all) {
        if (primer.count(k)) b.owner[k] = -1;
        else generated.push_back(k);
    }
    b.run(firstToken, tokenCount, std::move(generated));
    std::map<NoteId, int> out;
    for (std::size_t t = 0; t < score.tracks.size(); ++t)
        for (const Note& n : score.tracks[t].notes) {
            const auto it = b.owner.find(Key{t, n.pitch, n.start});
            if (it != b.owner.end()) out[n.id] = it->second;
        }
    return out;
}

}  // namespace nf
