// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportScreenshot.h"

#include "ScreenshotScript.h"

namespace nf {

// No audio export in this build: the studio as it is.
void exportInProgress(MainWindow& w, const QString& file) { saveScreenshot(w, file); }

}  // namespace nf
