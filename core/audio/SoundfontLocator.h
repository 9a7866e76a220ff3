// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "audio/SoundfontInfo.h"

namespace nf {

// Where soundfonts are looked for. Injectable so tests can point discovery at their own folders (or none).
struct SoundfontSearch {
    std::vector<std::string> directories;  // searched in order, two levels deep
    std::string bundled;                   // NoteForge's own soundfont; "" = none

    // sounds/sf2, sounds/sf3 and soundfonts under the user's data folder ($XDG_DATA_HOME, plus its
    // noteforge/soundfonts), then under every folder of $XDG_DATA_DIRS, /usr/local/share and /usr/share; plus the
    // bundled chip soundfont.
    static SoundfontSearch systemDefault();
};

struct SoundfontScan {
    std::vector<SoundfontInfo> found;  // readable soundfonts, each file once (symlinks resolved), bundled last
    std::vector<std::string> errors;   // one line per soundfont-named file that could not be read
};

// Why a soundfont was picked, for the status line and `noteforge-cli soundfonts`.
struct SoundfontChoice {
    enum class Reason { UserChoice, InstalledGeneralMidi, Bundled, None };
    std::string path;   // "" when nothing usable exists
    Reason reason = Reason::None;
    std::string note;   // e.g. why the user's choice could not be used
};

const char* toString(SoundfontChoice::Reason reason);

// Finds soundfonts and applies the default rule. Holds no settings: the caller (studio settings, CLI option)
// remembers the user's choice and passes it back in.
class SoundfontLocator {
public:
    explicit SoundfontLocator(SoundfontSearch search = SoundfontSearch::systemDefault());

    SoundfontScan scan() const;
    // The user's choice when it reads as a soundfont; else an installed General MIDI soundfont (a file named
    // default-GM.* first, which is the system's chosen default on Debian, then the one with most presets);
    // else the bundled one.
    SoundfontChoice choose(const std::string& userChoice = {}) const;

    const SoundfontSearch& search() const { return search_; }

private:
    SoundfontSearch search_;
};

}  // namespace nf
