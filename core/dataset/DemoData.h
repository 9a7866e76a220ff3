// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

// The data folder of an installed NoteForge: share/noteforge beside the running executable's bin/ folder
// (EXE/../share/noteforge), so an installed, extracted (dpkg -x) or moved tree finds its own files wherever it
// lies. Empty when the executable is not part of such a tree (e.g. it runs from a build folder).
std::string installedDataDir();

// Folder of the bundled demo dataset (resources/demo), first found of: the NOTEFORGE_DEMO_DIR environment variable;
// the installed tree's demo/ (installedDataDir()); the source tree's copy, only for an executable that is not
// installed (a build run from its tree sees the files it was built with, and an installed binary never silently
// uses a source tree); the configured install data dir. Empty when none exists. The CLI and the studio open it
// when no dataset is named.
std::string demoDataPath();

}  // namespace nf
