// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace nf {

class MainWindow;

// --screenshot: drives the studio into one of its main states, saves the window as a PNG and quits. Used by
// docs/screenshots.sh (under Xvfb) for the README and docs pictures, and as a smoke test of the whole window.
// States: "welcome" (the first-start guide), "dataset" (the loaded data and a piece), "edit" (a selection, the draw
// tool, a loop), "training" (a short training with its live charts), "generation" (train, generate, a result
// coloured by confidence), "export" (the File menu at Export Audio and a render in progress), "steering" (train,
// then bars chosen on the ruler rewritten into three candidates), "addpart" (train, then Add Part writing drums).
struct ScreenshotRequest {
    QString file;
    QString state = "dataset";
    int piece = 0;
    int epochs = 4;
};

// Saves the window as it is to `file` after a moment (for the layout to settle) and quits.
void saveScreenshot(MainWindow& window, const QString& file);

// Arms the script; it runs when the window's dataset is ready. Returns false for an unknown state.
bool armScreenshot(MainWindow& window, const ScreenshotRequest& request);

}  // namespace nf
