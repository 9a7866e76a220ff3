// SPDX-License-Identifier: GPL-3.0-or-later
#include "StudioCommandLine.h"

#include <cstring>

namespace nf {

StudioCommandLine::StudioCommandLine()
    : screenshot("screenshot", "Save a PNG of the window once the dataset has loaded, then quit.", "file"),
      size("size", "Window size for --screenshot, e.g. 1600x1000.", "WxH", "1600x1000"),
      piece("piece", "Show this piece (0-based index in the dataset) after loading.", "n", "0"),
      state("state", "With --screenshot: welcome, dataset, edit, training, generation, generation-bars, export, steering or addpart.", "name", "dataset"),
      epochs("epochs", "With --screenshot training/generation: epochs to train.", "n", "4"),
      paths("paths", "Print where models, projects, autosave, logs and settings are kept, then quit.") {
    parser.setApplicationDescription("NoteForge studio: train LSTMs on MIDI/ABC music, generate, edit, listen, export");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("path", "A folder of MIDI/ABC files or one file to open (default: the last "
                                         "dataset, or the bundled demo on first start)");
    parser.addOptions({screenshot, size, piece, state, epochs, paths});
}

bool StudioCommandLine::wantsTextOnly(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0) return false;  // what follows is a path, not an option
        for (const char* flag : {"-h", "-?", "--help", "--help-all", "-v", "--version", "--paths"})
            if (std::strcmp(argv[i], flag) == 0) return true;
    }
    return false;
}

}  // namespace nf
