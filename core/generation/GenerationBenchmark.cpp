// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/GenerationBenchmark.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "generation/Generator.h"
#include "generation/SimdKernels.h"
#include "tokenize/SplitMix64.h"

namespace nf {

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

template <typename F>
double timeMs(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

GenerationBenchmarkResult benchmarkGeneration(const GenerationModel& model, const GenerationBenchmarkOptions& o) {
    if (o.length < 1 || o.variations < 1 || o.repeats < 1)
        throw std::invalid_argument("length, variations and repeats must be at least 1");
    GenerationBenchmarkResult r;
    Generator generator(model, o.threads);
    r.kernel = gen::kernelName();
    r.threads = generator.threads();
    r.length = o.length;
    r.variations = o.variations;
    r.primerLength = o.primerLength > 0 ? o.primerLength : model.config().seqLength;
    r.window = model.config().seqLength;
    r.weightMegabytes = model.weightBytesPerToken() / 1e6;

    std::vector<int> primer;
    SplitMix64 rng(o.seed);
    for (int i = 0; i < r.primerLength; ++i)
        primer.push_back(static_cast<int>(rng.below(static_cast<std::uint64_t>(model.vocabulary().size()))));
    GenerationSettings settings;
    settings.length = o.length;
    settings.stopAtEnd = false;  // every run generates exactly `length` tokens
    settings.sampling.seed = o.seed;
    settings.sampling.alternatives = 5;

    if (!o.windowedOnly) {
        GenerationSettings primeOnly = settings;
        primeOnly.length = 1;
        generator.generate(primer, settings);  // warm-up: page in the weights, start the workers
        std::vector<double> primes;
        for (int i = 0; i < o.repeats; ++i) {
            primes.push_back(timeMs([&] { generator.generate(primer, primeOnly); }));
            r.singleRuns.push_back(timeMs([&] { generator.generate(primer, settings); }));
        }
        r.singleMs = median(r.singleRuns);
        r.primeMs = median(primes);
        r.gigabytesPerSecond =
            model.weightBytesPerToken() * (o.length + r.primerLength) / (r.singleMs / 1e3) / 1e9;
        GenerationSettings batch = settings;
        batch.variations = o.variations;
        std::vector<double> runs;
        for (int i = 0; i < o.repeats; ++i) runs.push_back(timeMs([&] { generator.generate(primer, batch); }));
        r.batchMs = median(runs);
        r.batchRatio = r.batchMs / r.singleMs;
    }

    GenerationSettings windowed = settings;
    windowed.mode = DecodeMode::Windowed;
    const bool full = o.windowedOnly || o.windowedTokens <= 0 || o.windowedTokens >= o.length;
    windowed.length = full ? o.length : o.windowedTokens;
    r.windowedTokensTimed = windowed.length;
    const double ms = timeMs([&] { generator.generate(primer, windowed); });
    r.windowedMs = ms * o.length / windowed.length;
    if (r.singleMs > 0) r.windowedRatio = r.windowedMs / r.singleMs;
    return r;
}

}  // namespace nf
