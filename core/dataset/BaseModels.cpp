// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataset/BaseModels.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "dataset/DemoData.h"

namespace nf {

namespace fs = std::filesystem;

std::vector<std::string> baseModelDirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("NF_BASE_MODELS"); env && *env) dirs.emplace_back(env);
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) dirs.push_back((fs::path(xdg) / "noteforge" / "base-models").string());
    else if (const char* home = std::getenv("HOME"); home && *home)
        dirs.push_back((fs::path(home) / ".local" / "share" / "noteforge" / "base-models").string());
    const std::string installed = installedDataDir();
    // As for the demo: a build run from its tree sees the models it was built with, an installed one never a tree's.
    dirs.push_back(installed.empty() ? (fs::path(NF_SOURCE_DIR) / "resources" / "models").string()
                                     : (fs::path(installed) / "models").string());
    dirs.push_back((fs::path(NF_DATA_DIR) / "models").string());
    return dirs;
}

std::vector<BaseModelFile> findBaseModels() {
    std::vector<BaseModelFile> found;
    std::set<std::string> names;
    for (const std::string& dir : baseModelDirs()) {
        std::error_code ec;
        std::vector<fs::path> files;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code fileEc;  // one unreadable entry does not end the folder's scan
            if (it->path().extension() == ".nfm" && it->is_regular_file(fileEc)) files.push_back(it->path());
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files)
            if (names.insert(f.stem().string()).second) found.push_back({f.stem().string(), f.string()});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return found;
}

std::string fittingBaseModel(const std::vector<const Score*>& pieces) {
    std::size_t ensembles = 0;
    for (const Score* s : pieces) {
        const bool drums = std::any_of(s->tracks.begin(), s->tracks.end(), [](const auto& t) { return t.isDrum && !t.notes.empty(); });
        const auto playing = std::count_if(s->tracks.begin(), s->tracks.end(), [](const auto& t) { return !t.notes.empty(); });
        ensembles += drums || playing >= 4;
    }
    return !pieces.empty() && ensembles * 4 >= pieces.size() ? "multitrack" : "folk";
}

std::string resolveBaseModel(const std::string& nameOrPath) {
    std::error_code ec;
    if (fs::is_regular_file(nameOrPath, ec)) return nameOrPath;
    for (const BaseModelFile& b : findBaseModels())
        if (b.name == nameOrPath) return b.path;
    return {};
}

std::string baseModelReference(const std::string& path) {
    std::error_code ec;
    for (const BaseModelFile& base : findBaseModels())
        if (fs::equivalent(base.path, path, ec)) return base.name;
    return fs::absolute(path, ec).string();
}

}  // namespace nf
