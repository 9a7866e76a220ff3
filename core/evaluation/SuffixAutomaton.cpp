// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/SuffixAutomaton.h"

namespace nf {

SuffixAutomaton::SuffixAutomaton() { states_.emplace_back(); }

int SuffixAutomaton::transition(int state, int token) const {
    for (const auto& [t, target] : states_[state].next)
        if (t == token) return target;
    return -1;
}

void SuffixAutomaton::setTransition(int state, int token, int target) {
    for (auto& [t, old] : states_[state].next) {
        if (t == token) {
            old = target;
            return;
        }
    }
    states_[state].next.emplace_back(token, target);
}

// A copy of q that stands for q's strings of length <= len; q keeps the longer ones. The clone's strings are
// suffixes of q's, so they occur wherever q's occur and q's owner stays a valid witness.
int SuffixAutomaton::cloneState(int q, int len) {
    State clone = states_[q];
    clone.len = len;
    states_.push_back(std::move(clone));
    const int id = static_cast<int>(states_.size()) - 1;
    states_[q].link = id;
    return id;
}

int SuffixAutomaton::extend(int last, int token, int sequence, int position) {
    // The run already exists from an earlier sequence: reuse its state, splitting it if it also holds longer runs
    // that do not end here.
    if (const int q = transition(last, token); q >= 0) {
        if (states_[last].len + 1 == states_[q].len) return q;
        const int clone = cloneState(q, states_[last].len + 1);
        for (int p = last; p >= 0 && transition(p, token) == q; p = states_[p].link) setTransition(p, token, clone);
        return clone;
    }
    State fresh;
    fresh.len = states_[last].len + 1;
    fresh.owner = sequence;
    fresh.firstEnd = position;
    states_.push_back(std::move(fresh));
    const int cur = static_cast<int>(states_.size()) - 1;
    int p = last;
    while (p >= 0 && transition(p, token) < 0) {
        setTransition(p, token, cur);
        p = states_[p].link;
    }
    if (p < 0) {
        states_[cur].link = 0;
        return cur;
    }
    const int q = transition(p, token);
    if (states_[p].len + 1 == states_[q].len) {
        states_[cur].link = q;
        return cur;
    }
    const int clone = cloneState(q, states_[p].len + 1);
    for (; p >= 0 && transition(p, token) == q; p = states_[p].link) setTransition(p, token, clone);
    states_[cur].link = clone;
    return cur;
}

int SuffixAutomaton::addSequence(const std::vector<int>& tokens) {
    const int id = sequences_++;
    int last = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) last = extend(last, tokens[i], id, static_cast<int>(i));
    return id;
}

std::vector<SuffixAutomaton::Match> SuffixAutomaton::matchAll(const std::vector<int>& query) const {
    std::vector<Match> out(query.size());
    int state = 0;
    int length = 0;
    for (std::size_t i = 0; i < query.size(); ++i) {
        const int token = query[i];
        while (state != 0 && transition(state, token) < 0) {
            state = states_[state].link;
            length = states_[state].len;
        }
        if (const int next = transition(state, token); next >= 0) {
            state = next;
            ++length;
            out[i] = Match{length, states_[state].owner, states_[state].firstEnd};
        } else {
            state = 0;
            length = 0;
        }
    }
    return out;
}

}  // namespace nf
