// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

// A hash of a data file or folder: every regular, non-hidden file below it (sorted by relative path), its path
// and its bytes. Any edit, addition, removal or rename changes it; timestamps do not. Throws std::runtime_error
// naming the path when it does not exist or cannot be read.
std::string dataFingerprint(const std::string& path);

}  // namespace nf
