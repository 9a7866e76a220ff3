// SPDX-License-Identifier: GPL-3.0-or-later
// Reading speed of the codecs on the bundled demo dataset (resources/demo, the fixed list in its MANIFEST.md).
// The file list is made once, outside the timed loop; reading (file I/O included) is what is timed, as in
// bench/mido_read.py, so the two figures compare like with like.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include "abc/AbcReader.h"
#include "dataset/Dataset.h"
#include "dataset/MusicFormat.h"
#include "dataset/PieceReader.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> demoFiles(const char* sub, nf::MusicFormat format) {
    std::vector<std::string> files;
    const fs::path dir = fs::path(NF_DEMO_DIR) / sub;
    if (!fs::is_directory(dir)) return files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && nf::detectFormatFromExtension(e.path().string()) == format)
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

// The list's name from the first line of MANIFEST.md ("... (list `demo-v1`)"), so results say what they measured.
std::string demoListName() {
    std::ifstream in(fs::path(NF_DEMO_DIR) / "MANIFEST.md");
    std::string line;
    std::getline(in, line);
    std::smatch m;
    if (std::regex_search(line, m, std::regex("list `([^`]+)`"))) return m[1];
    return "unknown";
}

void BM_ReadMidiFolder(benchmark::State& state) {
    const auto files = demoFiles("midi", nf::MusicFormat::Midi);
    if (files.empty()) {
        state.SkipWithError("no demo MIDI files");
        return;
    }
    std::size_t notes = 0;
    for (auto _ : state) {
        for (const auto& f : files) {
            nf::MidiReadResult r = nf::readMidiAnyFile(f);
            notes += r.score.noteCount();
            benchmark::DoNotOptimize(r);
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * files.size()));
    state.counters["files"] = static_cast<double>(files.size());
    state.counters["notes_per_file"] =
        static_cast<double>(notes) / static_cast<double>(state.iterations() * files.size());
}
BENCHMARK(BM_ReadMidiFolder)->Unit(benchmark::kMillisecond);

void BM_ReadAbcTunes(benchmark::State& state) {
    const auto files = demoFiles("abc", nf::MusicFormat::Abc);
    if (files.empty()) {
        state.SkipWithError("no demo ABC files");
        return;
    }
    std::size_t tunes = 0;
    for (auto _ : state) {
        for (const auto& f : files) {
            auto parsed = nf::readAbcFile(f);
            tunes += parsed.size();
            benchmark::DoNotOptimize(parsed);
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(tunes));  // items = tunes
    state.counters["tunes"] = static_cast<double>(tunes) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ReadAbcTunes)->Unit(benchmark::kMillisecond);

// The whole demo folder through loadDataset (format detection, all threads), as the studio opens it.
void BM_LoadDemoDataset(benchmark::State& state) {
    std::size_t files = 0;
    for (auto _ : state) {
        nf::Dataset d = nf::loadDataset(NF_DEMO_DIR);
        files = d.files.size();
        benchmark::DoNotOptimize(d);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * files));
}
BENCHMARK(BM_LoadDemoDataset)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
    benchmark::AddCustomContext("demo_list", demoListName());
    benchmark::AddCustomContext("demo_dir", NF_DEMO_DIR);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
