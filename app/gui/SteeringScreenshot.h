// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace nf {

class MainWindow;

// The "steering" and "addpart" states of --screenshot, once a remi model is chosen: bars chosen on the ruler with
// the key lock's rows lit and three candidates written (the second one auditioned), or Add Part writing drums.
void steeringScreenshot(MainWindow& window, const QString& state, const QString& file);

}  // namespace nf
