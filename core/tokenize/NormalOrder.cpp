// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/NormalOrder.h"

#include <algorithm>
#include <set>

namespace nf {

std::vector<int> normalOrder(const std::vector<int>& pitches) {
    std::set<int> classes;
    for (int p : pitches) classes.insert(((p % 12) + 12) % 12);
    const std::vector<int> pcs(classes.begin(), classes.end());
    const std::size_t n = pcs.size();
    if (n == 0) return {};

    // Intervals of rotation r measured from its first element; comparing these vectors from the back (span)
    // and then from the front (left packing) selects the normal order.
    auto intervals = [&](std::size_t r) {
        std::vector<int> iv(n);
        for (std::size_t k = 0; k < n; ++k) iv[k] = ((pcs[(r + k) % n] - pcs[r]) % 12 + 12) % 12;
        return iv;
    };
    std::size_t best = 0;
    std::vector<int> bestIv = intervals(0);
    for (std::size_t r = 1; r < n; ++r) {
        const std::vector<int> iv = intervals(r);
        bool better = false;
        if (iv.back() != bestIv.back()) {
            better = iv.back() < bestIv.back();
        } else {
            // Equal span: left packing; identical shapes keep the earlier rotation, which starts on the lower
            // pitch class because pcs is sorted.
            better = std::lexicographical_compare(iv.begin(), iv.end(), bestIv.begin(), bestIv.end());
        }
        if (better) {
            best = r;
            bestIv = iv;
        }
    }
    std::vector<int> out(n);
    for (std::size_t k = 0; k < n; ++k) out[k] = pcs[(best + k) % n];
    return out;
}

std::string chordToken(const std::vector<int>& pitches) {
    std::string out;
    for (int pc : normalOrder(pitches)) {
        if (!out.empty()) out += '.';
        out += std::to_string(pc);
    }
    return out;
}

}  // namespace nf
