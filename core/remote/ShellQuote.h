// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace nf {

// `text` as one word for a POSIX shell: in single quotes, each ' written as '\''. What the remote scripts
// (remote/RemoteTrainingScripts.h) put around every path and argument they did not write themselves.
std::string shellQuote(std::string_view text);

}  // namespace nf
