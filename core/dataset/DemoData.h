// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

// Folder of the bundled demo dataset (resources/demo): the NOTEFORGE_DEMO_DIR environment variable when set,
// else the source tree's copy (a build run from its tree), else the installed share/noteforge/demo. Empty when
// none exists. The CLI and the studio open it when no dataset is named.
std::string demoDataPath();

}  // namespace nf
