// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string>

namespace nf {

// A model file's data card as a tooltip: its description, what it learned from, and the path; a model without a
// card gives its path, a damaged file its one-line error. Reads the card only, not the tensors (fit for the GUI
// thread). Shared by the Training panel's "Start from" and the Generation panel's model list.
QString modelCardText(const std::string& path);

}  // namespace nf
