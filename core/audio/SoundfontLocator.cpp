// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/SoundfontLocator.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "audio/BundledSoundfont.h"
#include "audio/SoundfontReader.h"

namespace nf {

namespace fs = std::filesystem;

namespace {

bool hasSoundfontExtension(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".sf2" || ext == ".sf3";
}

bool isSystemDefaultName(const fs::path& p) { return p.stem().string() == "default-GM"; }

// Files of one folder and its subfolders (one level), system default names first, then by name.
std::vector<fs::path> soundfontFiles(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it.depth() >= 1) it.disable_recursion_pending();
        if (hasSoundfontExtension(it->path()) && fs::is_regular_file(it->path(), ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
        if (isSystemDefaultName(a) != isSystemDefaultName(b)) return isSystemDefaultName(a);
        return a < b;
    });
    return files;
}

std::string xdgDataHome() {
    if (const char* v = std::getenv("XDG_DATA_HOME"); v && *v) return v;
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share";
    return {};
}

}  // namespace

const char* toString(SoundfontChoice::Reason reason) {
    switch (reason) {
    case SoundfontChoice::Reason::UserChoice: return "chosen by the user";
    case SoundfontChoice::Reason::InstalledGeneralMidi: return "installed General MIDI soundfont";
    case SoundfontChoice::Reason::Bundled: return "NoteForge's bundled chip soundfont";
    case SoundfontChoice::Reason::None: return "no soundfont";
    }
    return "";
}

SoundfontSearch SoundfontSearch::systemDefault() {
    SoundfontSearch s;
    auto addRoot = [&s](const std::string& root) {
        // sounds/sf2 and sounds/sf3 are where Debian's packages put General MIDI fonts (fluid-r3 and MuseScore's).
        for (const char* sub : {"/sounds/sf2", "/sounds/sf3", "/soundfonts"}) {
            const std::string dir = root + sub;
            if (std::find(s.directories.begin(), s.directories.end(), dir) == s.directories.end())
                s.directories.push_back(dir);
        }
    };
    if (const std::string home = xdgDataHome(); !home.empty()) {
        addRoot(home);
        s.directories.push_back(home + "/noteforge/soundfonts");
    }
    // Every data folder of $XDG_DATA_DIRS (Flatpak, Nix and /opt installs add theirs), then the usual two.
    std::vector<std::string> roots;
    if (const char* dirs = std::getenv("XDG_DATA_DIRS"); dirs && *dirs) {
        std::string all = dirs;
        for (std::size_t start = 0; start <= all.size();) {
            const std::size_t end = std::min(all.find(':', start), all.size());
            std::string dir = all.substr(start, end - start);
            while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
            if (!dir.empty()) roots.push_back(dir);
            start = end + 1;
        }
    }
    roots.insert(roots.end(), {"/usr/local/share", "/usr/share"});
    for (const std::string& root : roots) addRoot(root);
    s.bundled = bundledSoundfontPath();
    return s;
}

SoundfontLocator::SoundfontLocator(SoundfontSearch search) : search_(std::move(search)) {}

SoundfontScan SoundfontLocator::scan() const {
    SoundfontScan scan;
    std::set<fs::path> seen;
    std::error_code ec;
    const fs::path bundled = search_.bundled.empty() ? fs::path{} : fs::weakly_canonical(search_.bundled, ec);
    auto consider = [&](const fs::path& file) {
        const fs::path real = fs::weakly_canonical(file, ec);
        if (!seen.insert(ec ? file : real).second) return;
        try {
            scan.found.push_back(readSoundfontInfo(file.string()));
        } catch (const std::exception& e) {
            scan.errors.emplace_back(e.what());
        }
    };
    for (const auto& dir : search_.directories)
        for (const auto& file : soundfontFiles(dir))
            if (bundled.empty() || fs::weakly_canonical(file, ec) != bundled) consider(file);
    if (!search_.bundled.empty()) consider(search_.bundled);
    return scan;
}

SoundfontChoice SoundfontLocator::choose(const std::string& userChoice) const {
    SoundfontChoice choice;
    if (!userChoice.empty()) {
        try {
            readSoundfontInfo(userChoice);
            choice.path = userChoice;
            choice.reason = SoundfontChoice::Reason::UserChoice;
            return choice;
        } catch (const std::exception& e) {
            choice.note = std::string(e.what()) + " (using the default soundfont instead)";
        }
    }
    const SoundfontScan scan = this->scan();
    const SoundfontInfo* best = nullptr;
    for (const auto& info : scan.found) {
        if (info.path == search_.bundled || !info.isGeneralMidi()) continue;
        const bool systemDefault = isSystemDefaultName(info.path);
        if (!best || (systemDefault && !isSystemDefaultName(best->path)) ||
            (systemDefault == isSystemDefaultName(best->path) && info.presets.size() > best->presets.size()))
            best = &info;
    }
    if (best) {
        choice.path = best->path;
        choice.reason = SoundfontChoice::Reason::InstalledGeneralMidi;
    } else if (!search_.bundled.empty() && fs::is_regular_file(search_.bundled)) {
        choice.path = search_.bundled;
        choice.reason = SoundfontChoice::Reason::Bundled;
    }
    return choice;
}

}  // namespace nf
