// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataset/DemoData.h"

#include <cstdlib>
#include <filesystem>

namespace nf {

std::string demoDataPath() {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (const char* env = std::getenv("NOTEFORGE_DEMO_DIR"); env && *env && fs::is_directory(env, ec)) return env;
    // The source tree first: a developer's build must see the demo files it was built with, not an older install.
    for (const fs::path& candidate : {fs::path(NF_SOURCE_DIR) / "resources" / "demo", fs::path(NF_DATA_DIR) / "demo"}) {
        if (fs::is_directory(candidate, ec)) return candidate.string();
    }
    return {};
}

}  // namespace nf
