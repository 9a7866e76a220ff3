// SPDX-License-Identifier: GPL-3.0-or-later
// The Host lines of ssh_config(5) by hand: no Debian library parses OpenSSH's client configuration (libssh reads it
// for its own connections, but NoteForge runs the system's ssh), and only the names are needed.
#include "remote/SshHosts.h"

#include <glob.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace nf {

namespace {
std::string homeDir() {
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) return pw->pw_dir;  // as ssh finds it
    const char* home = std::getenv("HOME");
    return home ? home : "";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Splits a configuration line into keyword and arguments ("Host a b", "Host=a", quoted arguments).
std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false, any = false;
    for (char c : line) {
        if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (!quoted && (std::isspace(static_cast<unsigned char>(c)) || (c == '=' && out.empty()))) {
            if (any) out.push_back(cur);
            cur.clear();
            any = false;
        } else if (!quoted && c == '#' && !any) {
            break;
        } else {
            cur += c;
            any = true;
        }
    }
    if (any) out.push_back(cur);
    return out;
}

void readHosts(const std::string& path, const std::string& sshDir, int depth, std::vector<std::string>& hosts) {
    if (depth > 8) return;  // Include loops
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> w = words(line);
        if (w.size() > 1 && w[1] == "=") w.erase(w.begin() + 1);  // "Host = name"
        if (w.empty()) continue;
        const std::string key = lower(w[0]);
        if (key == "host") {
            for (std::size_t i = 1; i < w.size(); ++i) {
                const std::string& name = w[i];
                if (name.find_first_of("*?!") != std::string::npos) continue;
                if (std::find(hosts.begin(), hosts.end(), name) == hosts.end()) hosts.push_back(name);
            }
        } else if (key == "include") {
            for (std::size_t i = 1; i < w.size(); ++i) {
                std::string pattern = w[i];
                if (pattern.starts_with("~/")) pattern = homeDir() + pattern.substr(1);
                else if (!pattern.starts_with("/")) pattern = sshDir + "/" + pattern;
                glob_t g{};
                if (glob(pattern.c_str(), 0, nullptr, &g) == 0)
                    for (std::size_t k = 0; k < g.gl_pathc; ++k) readHosts(g.gl_pathv[k], sshDir, depth + 1, hosts);
                globfree(&g);
            }
        }
    }
}
}  // namespace

std::vector<std::string> sshConfigHosts(const std::string& configPath) {
    std::vector<std::string> hosts;
    readHosts(configPath, homeDir() + "/.ssh", 0, hosts);
    return hosts;
}

std::string defaultSshConfigPath() {
    if (const char* own = std::getenv("NF_SSH_CONFIG"); own && *own) return own;
    return homeDir() + "/.ssh/config";
}

}  // namespace nf
