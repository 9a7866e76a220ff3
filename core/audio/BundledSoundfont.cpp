// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/BundledSoundfont.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "dataset/DemoData.h"

namespace nf {

std::string bundledSoundfontPath() {
    namespace fs = std::filesystem;
    std::vector<fs::path> dirs;
    if (const char* env = std::getenv("NOTEFORGE_SOUNDFONT_DIR"); env && *env) dirs.emplace_back(env);
    const std::string installed = installedDataDir();
    if (!installed.empty()) dirs.push_back(fs::path(installed) / "soundfonts");
#ifdef NF_BUILD_SOUNDFONT_DIR
    // Not installed: the soundfont this build generated, not an older install's.
    if (installed.empty()) dirs.emplace_back(NF_BUILD_SOUNDFONT_DIR);
#endif
#ifdef NF_DATA_DIR
    dirs.push_back(fs::path(NF_DATA_DIR) / "soundfonts");
#endif
    std::error_code ec;
    for (const auto& dir : dirs) {
        const fs::path candidate = dir / kBundledSoundfontFile;
        if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    return {};
}

}  // namespace nf
