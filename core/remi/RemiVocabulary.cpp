// SPDX-License-Identifier: GPL-3.0-or-later
#include "remi/RemiVocabulary.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "tokenize/TokenNumber.h"

namespace nf::remi {

namespace {

constexpr int kDenominators[] = {2, 4, 8, 16};
constexpr int kMaxNumerator = 32;

std::vector<std::string> buildVocabulary() {
    std::vector<std::string> v;
    for (auto s : {kPieceStart, kPieceEnd, kBar, kHole, kFillStart, kHoleEnd, kFillEnd, kKeyNone, kDrums})
        v.emplace_back(s);
    for (int d : kDenominators)
        for (int n = 1; n <= kMaxNumerator; ++n)
            if (meterInVocabulary(n, d)) v.push_back(timeSignatureToken(n, d));
    for (int b = 0; b < kTempoBins; ++b) v.push_back(tempoToken(b));
    for (int t = 0; t < 12; ++t) {
        v.push_back(keyToken(t, false));
        v.push_back(keyToken(t, true));
    }
    for (int p = 0; p < 128; ++p) v.push_back(instrumentToken(p, false));
    for (int b = 0; b < kDensityBins; ++b) v.push_back(densityToken(b));
    for (int b = 0; b < kPolyphonyBins; ++b) v.push_back(polyphonyToken(b));
    for (int b = 0; b < kRangeBins; ++b) v.push_back(lowToken(b));
    for (int b = 0; b < kRangeBins; ++b) v.push_back(highToken(b));
    for (int b = 0; b < kLengthBins; ++b) v.push_back(lengthToken(b));
    for (int u = 0; u < kMaxBarUnits; ++u) v.push_back(positionToken(u));
    for (int k = 0; k < 128; ++k) v.push_back(pitchToken(k));
    for (int b = 0; b < kVelocityBins; ++b) v.push_back(velocityToken(b));
    for (int u : durationTable()) v.push_back(durationToken(u));
    return v;
}

std::vector<int> buildDurations() {
    std::vector<int> d;
    for (int u = 1; u <= 4 * kUnitsPerBeat; ++u) d.push_back(u);
    for (int u = 4 * kUnitsPerBeat + 3; u <= 16 * kUnitsPerBeat; u += 3) d.push_back(u);
    return d;
}

std::string numbered(std::string_view prefix, int n) { return std::string(prefix) + std::to_string(n); }

}  // namespace

const std::vector<std::string>& vocabularyTokens() {
    static const std::vector<std::string> tokens = buildVocabulary();
    return tokens;
}

std::string timeSignatureToken(int numerator, int denominator) {
    return "TS_" + std::to_string(numerator) + "/" + std::to_string(denominator);
}
std::string tempoToken(int bin) { return numbered("TEMPO_", bin); }
std::string keyToken(int tonic, bool minor) { return numbered("KEY_", tonic) + (minor ? "m" : "M"); }
std::string instrumentToken(int program, bool drums) { return drums ? std::string(kDrums) : numbered("INST_", program); }
std::string positionToken(int units) { return numbered("POS_", units); }
std::string pitchToken(int key) { return numbered("PITCH_", key); }
std::string velocityToken(int bin) { return numbered("VEL_", bin); }
std::string durationToken(int units) { return numbered("DUR_", units); }
std::string densityToken(int bin) { return numbered("DENS_", bin); }
std::string polyphonyToken(int bin) { return numbered("POLY_", bin); }
std::string lowToken(int bin) { return numbered("LOW_", bin); }
std::string highToken(int bin) { return numbered("HIGH_", bin); }
std::string lengthToken(int bin) { return numbered("LEN_", bin); }

std::optional<int> number(std::string_view token, std::string_view prefix) { return tokenNumber(token, prefix); }

std::optional<Meter> parseTimeSignature(std::string_view token) {
    if (token.substr(0, 3) != "TS_") return std::nullopt;
    const auto slash = token.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    Meter m;
    const auto a = std::from_chars(token.data() + 3, token.data() + slash, m.numerator);
    const auto b = std::from_chars(token.data() + slash + 1, token.data() + token.size(), m.denominator);
    if (a.ec != std::errc() || b.ec != std::errc() || a.ptr != token.data() + slash ||
        b.ptr != token.data() + token.size() || !meterInVocabulary(m.numerator, m.denominator))
        return std::nullopt;
    return m;
}

std::optional<KeyToken> parseKey(std::string_view token) {
    if (token.size() < 6 || token.substr(0, 4) != "KEY_") return std::nullopt;
    const char mode = token.back();
    if (mode != 'M' && mode != 'm') return std::nullopt;
    auto tonic = number(token.substr(0, token.size() - 1), "KEY_");
    if (!tonic || *tonic < 0 || *tonic > 11) return std::nullopt;
    return KeyToken{*tonic, mode == 'm'};
}

std::optional<int> parseInstrument(std::string_view token) {
    if (token == kDrums) return -1;
    auto p = number(token, "INST_");
    if (!p || *p < 0 || *p > 127) return std::nullopt;
    return p;
}

bool meterInVocabulary(int numerator, int denominator) {
    if (std::find(std::begin(kDenominators), std::end(kDenominators), denominator) == std::end(kDenominators))
        return false;
    // The vocabulary holds numerators 1..32 (buildVocabulary()): 35/16 fits in the longest bar but has no token.
    return numerator >= 1 && numerator <= kMaxNumerator && numerator * 4 * kUnitsPerBeat / denominator <= kMaxBarUnits &&
           (numerator * 4 * kUnitsPerBeat) % denominator == 0;
}

Meter vocabularyMeter(int numerator, int denominator) {
    if (meterInVocabulary(numerator, denominator)) return {numerator, denominator};
    // Keep the bar's length in eighths where possible, else in quarters, held to the longest bar.
    const double quarters = denominator > 0 ? numerator * 4.0 / denominator : 4.0;
    const int eighths = std::clamp(static_cast<int>(std::lround(quarters * 2)), 1, 32);
    if (eighths % 2 == 0) return {eighths / 2, 4};
    return {eighths, 8};
}

int tempoBin(double bpm) {
    const double x = std::log(std::clamp(bpm, kMinTempoBpm, kMaxTempoBpm) / kMinTempoBpm) /
                     std::log(kMaxTempoBpm / kMinTempoBpm);
    return std::clamp(static_cast<int>(std::lround(x * (kTempoBins - 1))), 0, kTempoBins - 1);
}

double binTempo(int bin) {
    const double x = static_cast<double>(std::clamp(bin, 0, kTempoBins - 1)) / (kTempoBins - 1);
    return kMinTempoBpm * std::pow(kMaxTempoBpm / kMinTempoBpm, x);
}

int velocityBin(int velocity) { return std::clamp(std::clamp(velocity, 0, 127) * kVelocityBins / 128, 0, kVelocityBins - 1); }

int binVelocity(int bin) {
    const double width = 128.0 / kVelocityBins;
    return std::clamp(static_cast<int>(std::lround((std::clamp(bin, 0, kVelocityBins - 1) + 0.5) * width)), 1, 127);
}

const std::vector<int>& durationTable() {
    static const std::vector<int> table = buildDurations();
    return table;
}

int nearestDuration(int units) {
    const auto& t = durationTable();
    if (units <= t.front()) return t.front();
    if (units >= t.back()) return t.back();
    auto it = std::lower_bound(t.begin(), t.end(), units);
    if (*it == units) return units;
    const int above = *it, below = *(it - 1);
    return units - below <= above - units ? below : above;
}

}  // namespace nf::remi
