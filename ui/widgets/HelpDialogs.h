// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace nf::HelpDialogs {

// The Help menu's two windows: every keyboard and mouse shortcut, and the version and licence.
void showShortcuts(QWidget* parent);
void showAbout(QWidget* parent);

}  // namespace nf::HelpDialogs
