// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace nf {

class MainWindow;

// The "export" state of --screenshot: the File menu open at Export Audio and a render in progress in the status bar.
// app/gui/audio/ has it; a build without audio (app/gui/noaudio/) shows the studio as it is.
void exportInProgress(MainWindow& window, const QString& file);

}  // namespace nf
