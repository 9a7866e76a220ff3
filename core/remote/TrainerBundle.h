// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

// The sources of the trainer-only noteforge-cli as one tarball (packaging/trainer-bundle.sh, made with every build
// of the studio and installed to share/noteforge/): what the studio copies to a machine without a trainer of its
// version, to build one there. Empty when there is none (a build without it).
std::string trainerBundlePath();

}  // namespace nf
