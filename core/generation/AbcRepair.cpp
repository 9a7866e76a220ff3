// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/AbcRepair.h"

#include <algorithm>
#include <cctype>

#include "abc/AbcReader.h"

namespace nf {

namespace {

constexpr int kMaxDroppedLines = 4;

struct Attempt {
    std::string text;
    std::optional<Score> score;
    std::vector<std::string> warnings;
    std::string error;
    std::int64_t errorLine = 0;  // 1-based line of `text` the error names, 0 when none
};

Attempt check(const std::string& text) {
    Attempt a{text, std::nullopt, {}, {}, 0};
    auto tunes = readAbcText(text, "<generated ABC>");
    if (tunes.empty()) {
        a.error = "<generated ABC>: no tune (no X: line)";
        return a;
    }
    auto& tune = tunes.front();
    for (const auto& w : tune.warnings) a.warnings.push_back(w.text);
    if (tune.score) a.score = std::move(*tune.score);
    else a.error = tune.error ? tune.error->what() : "<generated ABC>: the tune does not read";
    if (tune.error && tune.error->where() == MusicError::Where::Line) a.errorLine = tune.error->position();
    return a;
}

bool isFieldLine(const std::string& line) {
    return line.size() >= 2 && std::isalpha(static_cast<unsigned char>(line[0])) && line[1] == ':';
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) {
            if (pos < text.size()) lines.push_back(text.substr(pos));
            break;
        }
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

// Adds X: and K: when the header lacks them. Returns the index of the first body line.
std::size_t repairHeader(std::vector<std::string>& lines, std::vector<std::string>& repairs) {
    bool hasX = false, hasK = false;
    std::size_t headerEnd = 0;
    while (headerEnd < lines.size() && (isFieldLine(lines[headerEnd]) || lines[headerEnd].rfind('%', 0) == 0)) {
        if (lines[headerEnd].rfind("X:", 0) == 0) hasX = true;
        if (lines[headerEnd].rfind("K:", 0) == 0) {
            hasK = true;
            ++headerEnd;
            break;  // K: ends the header
        }
        ++headerEnd;
    }
    if (!hasK) {
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(headerEnd), "K:C");
        ++headerEnd;
        repairs.push_back("added the missing K: line (C major)");
    }
    if (!hasX) {
        lines.insert(lines.begin(), "X:1");
        ++headerEnd;
        repairs.push_back("added the missing X: line");
    }
    return headerEnd;
}

// Closes or cuts what the generator left open at the very end of the body.
void repairTail(std::string& body, std::vector<std::string>& repairs) {
    std::size_t quote = std::string::npos, deco = std::string::npos;
    bool chord = false, grace = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (quote != std::string::npos) {
            if (c == '"') quote = std::string::npos;
            continue;
        }
        if (deco != std::string::npos) {
            if (c == '!' || c == '\n') deco = std::string::npos;
            continue;
        }
        if (c == '%') {  // comment to the end of the line
            while (i < body.size() && body[i] != '\n') ++i;
            continue;
        }
        if (c == '"') quote = i;
        else if (c == '!') deco = i;
        else if (c == '[' && !(i + 2 < body.size() && std::isalpha(static_cast<unsigned char>(body[i + 1])) && body[i + 2] == ':') &&
                 !(i + 1 < body.size() && body[i + 1] == '|'))
            chord = true;
        else if (c == ']') chord = false;
        else if (c == '{') grace = true;
        else if (c == '}') grace = false;
    }
    if (quote != std::string::npos) {
        body.erase(quote);
        repairs.push_back("cut an unterminated chord symbol or annotation at the end");
    }
    if (deco != std::string::npos) {
        body.erase(deco);
        repairs.push_back("cut an unterminated decoration at the end");
    }
    if (grace) {
        body += '}';
        repairs.push_back("closed an unterminated grace-note group");
    }
    if (chord) {
        body += ']';
        repairs.push_back("closed an unterminated chord");
    }
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.pop_back();
    if (!body.empty() && body.back() != '|' && body.back() != ']' && body.back() != ':') {
        body += "|]";
        repairs.push_back("closed the unterminated last bar");
    }
}

// Drops every chord-symbol quote of the body: unbalanced quotes are the commonest wreck of an undertrained
// character model, and chord symbols are only accompaniment, so the melody survives.
std::string withoutQuotes(const std::string& body) {
    std::string plain;
    for (char c : body)
        if (c != '"') plain += c;
    return plain;
}

// Removes the lines the reader names in its errors, a few at most, so a hopeless text is reported rather than
// emptied. Returns the best attempt; `body` and `repairs` follow it.
Attempt dropUnreadableLines(const std::string& header, std::string& body, std::vector<std::string>& repairs, Attempt attempt) {
    const std::size_t headerLines = static_cast<std::size_t>(std::count(header.begin(), header.end(), '\n'));
    std::string tryBody = body;
    std::vector<std::string> tryRepairs = repairs;
    for (int dropped = 0; !attempt.score && attempt.errorLine > 0 && dropped < kMaxDroppedLines; ++dropped) {
        auto lines = splitLines(tryBody);
        const auto at = static_cast<std::size_t>(attempt.errorLine - 1);
        if (at < headerLines || at - headerLines >= lines.size()) break;
        tryRepairs.push_back("removed unreadable line " + std::to_string(attempt.errorLine) + " (" + attempt.error + ")");
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(at - headerLines));
        tryBody.clear();
        for (const auto& l : lines) tryBody += l + '\n';
        repairTail(tryBody, tryRepairs);
        attempt = check(header + tryBody + '\n');
    }
    if (attempt.score) {
        body = tryBody;
        repairs = tryRepairs;
    }
    return attempt;
}

}  // namespace

AbcRepairResult repairAbcTune(const std::string& original) {
    std::string text = original;
    if (text.empty() || text.back() != '\n') text += '\n';
    AbcRepairResult result;
    Attempt best = check(text);
    if (best.score && best.warnings.empty()) {
        result.text = best.text;
        result.score = std::move(best.score);
        return result;
    }

    std::vector<std::string> repairs;
    auto lines = splitLines(text);
    const std::size_t bodyStart = repairHeader(lines, repairs);
    std::string header, body;
    for (std::size_t i = 0; i < lines.size(); ++i) (i < bodyStart ? header : body) += lines[i] + '\n';
    repairTail(body, repairs);
    Attempt repaired = check(header + body + '\n');
    if (!repaired.score && body.find('"') != std::string::npos) {
        Attempt unquoted = check(header + withoutQuotes(body) + '\n');
        if (unquoted.score || unquoted.errorLine > 0) {
            body = withoutQuotes(body);
            repairs.push_back("removed the chord symbols (their quotes did not pair up)");
            repaired = std::move(unquoted);
        }
    }
    if (!repaired.score) repaired = dropUnreadableLines(header, body, repairs, std::move(repaired));
    const auto better = [](const Attempt& a, const Attempt& b) {
        return a.score && (!b.score || a.warnings.size() < b.warnings.size());
    };
    if (better(repaired, best)) {
        best = std::move(repaired);
        result.repairs = repairs;
    }
    if (!best.score || !best.warnings.empty()) {
        // Last resort: keep the body up to its last complete bar line.
        const std::size_t bar = body.find_last_of('|', body.size() >= 2 ? body.size() - 3 : 0);
        if (bar != std::string::npos && bar > 0) {
            std::string cut = body.substr(0, bar) + "|]";
            Attempt shorter = check(header + cut + '\n');
            if (better(shorter, best)) {
                best = std::move(shorter);
                result.repairs = repairs;
                result.repairs.push_back("cut the text back to its last complete bar");
            }
        }
    }
    result.text = best.text;
    result.warnings = best.warnings;
    result.error = best.error;
    result.score = std::move(best.score);
    if (!result.score) result.repairs.clear();
    return result;
}

}  // namespace nf
