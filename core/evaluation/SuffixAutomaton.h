// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace nf {

// A generalized suffix automaton over many token sequences: it recognises exactly the contiguous runs of tokens
// that occur inside one of the added sequences (never across two), and answers, for every position of a query, the
// longest run ending there that occurs in some added sequence and where. Building and querying take time linear in
// the total length, which is what lets a whole training set be checked for copied passages in milliseconds instead
// of comparing every generated n-gram with every training piece.
class SuffixAutomaton {
public:
    SuffixAutomaton();

    // Adds one sequence and returns its id (0, 1, ... in the order added). Tokens are any non-negative ints.
    int addSequence(const std::vector<int>& tokens);
    int sequenceCount() const { return sequences_; }

    // Where the longest run that occurs in the added sequences and ends at one query position was found.
    struct Match {
        int length = 0;        // tokens; 0 when the query token occurs nowhere
        int sequence = -1;     // an added sequence containing the run (the first one added that does)
        int sequenceEnd = -1;  // index in that sequence of the run's last token
    };
    // One Match per query position.
    std::vector<Match> matchAll(const std::vector<int>& query) const;

private:
    struct State {
        int len = 0;
        int link = -1;
        int owner = -1;     // id of a sequence in which all of this state's strings occur
        int firstEnd = -1;  // end position, in `owner`, of their first occurrence there
        std::vector<std::pair<int, int>> next;  // (token, state); out-degrees are small (< 128)
    };
    int transition(int state, int token) const;
    void setTransition(int state, int token, int target);
    int cloneState(int q, int len);
    int extend(int last, int token, int sequence, int position);

    std::vector<State> states_;
    int sequences_ = 0;
};

}  // namespace nf
