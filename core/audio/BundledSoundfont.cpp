// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/BundledSoundfont.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace nf {

std::string bundledSoundfontPath() {
    namespace fs = std::filesystem;
    std::vector<fs::path> dirs;
    if (const char* env = std::getenv("NOTEFORGE_SOUNDFONT_DIR"); env && *env) dirs.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) dirs.push_back(exe.parent_path().parent_path() / "share" / "noteforge" / "soundfonts");
#ifdef NF_DATA_DIR
    dirs.push_back(fs::path(NF_DATA_DIR) / "soundfonts");
#endif
#ifdef NF_BUILD_SOUNDFONT_DIR
    dirs.emplace_back(NF_BUILD_SOUNDFONT_DIR);
#endif
    for (const auto& dir : dirs) {
        const fs::path candidate = dir / kBundledSoundfontFile;
        if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    return {};
}

}  // namespace nf
