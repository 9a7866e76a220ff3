// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataset/DemoData.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace nf {

namespace fs = std::filesystem;

std::string installedDataDir() {
    std::error_code ec;
    // /proc/self/exe, not argv[0]: it is the real file even when started through a symlink or from PATH.
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    const fs::path dir = exe.parent_path().parent_path() / "share" / "noteforge";
    return fs::is_directory(dir, ec) ? dir.lexically_normal().string() : std::string();
}

std::string demoDataPath() {
    std::error_code ec;
    if (const char* env = std::getenv("NOTEFORGE_DEMO_DIR"); env && *env && fs::is_directory(env, ec)) return env;
    std::vector<fs::path> candidates;
    const std::string installed = installedDataDir();
    if (!installed.empty()) {
        candidates.push_back(fs::path(installed) / "demo");
    } else {
        // Not installed: a developer's build must see the demo files it was built with, not an older install.
        candidates.push_back(fs::path(NF_SOURCE_DIR) / "resources" / "demo");
    }
    candidates.push_back(fs::path(NF_DATA_DIR) / "demo");
    for (const fs::path& candidate : candidates) {
        if (fs::is_directory(candidate, ec)) return candidate.string();
    }
    return {};
}

}  // namespace nf
