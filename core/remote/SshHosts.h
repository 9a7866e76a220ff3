// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace nf {

// The hosts a user has named in an OpenSSH client configuration (~/.ssh/config): every `Host` name without a
// wildcard or negation, in file order, following `Include` (relative paths from ~/.ssh, globs allowed), each name
// once. What the Training panel offers under "Run on"; ssh itself resolves them (HostName, User, keys, jumps), so
// nothing else of the file is read here. A missing or unreadable file gives no hosts.
std::vector<std::string> sshConfigHosts(const std::string& configPath);

// The user's client configuration: $NF_SSH_CONFIG when set (tests and unusual set-ups; then also passed to ssh
// with -F), else ~/.ssh/config of the user's home.
std::string defaultSshConfigPath();

}  // namespace nf
