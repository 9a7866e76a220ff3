// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/TrainerBundle.h"

#include <filesystem>

#include "dataset/DemoData.h"

namespace nf {

std::string trainerBundlePath() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const char* name = "noteforge-trainer-src.tar.gz";
    // An installed tree's own copy first; a build run from its tree has it in its packaging/ folder.
    if (const std::string installed = installedDataDir(); !installed.empty())
        if (const fs::path p = fs::path(installed) / name; fs::is_regular_file(p, ec)) return p.string();
#ifdef NF_TRAINER_BUNDLE_BUILD_PATH
    if (fs::is_regular_file(NF_TRAINER_BUNDLE_BUILD_PATH, ec)) return NF_TRAINER_BUNDLE_BUILD_PATH;
#endif
    return {};
}

}  // namespace nf
