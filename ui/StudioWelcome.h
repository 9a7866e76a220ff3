// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QDockWidget;

namespace nf {

class MainWindow;
class WelcomePanel;

// The first-start guide as a banner dock across the top of the window: shown until the user closes it (remembered in the
// settings), back from Help > Welcome Guide. Each step's button does the step in the real studio, and the step
// is ticked when the studio reports it done (a dataset loaded, a training finished, pieces generated, playback
// started, a file exported).
class StudioWelcome : public QObject {
    Q_OBJECT
public:
    explicit StudioWelcome(MainWindow* window);

    WelcomePanel* panel() const { return panel_; }
    QDockWidget* dock() const { return dock_; }
    // After the layout was restored: shows the guide unless it was dismissed.
    void showIfFirstRun();

public slots:
    void open();
    void dismiss();

private:
    void connectSteps();
    void connectTicks();
    // Ticks a step and remembers it, so the guide shows the same progress after a restart.
    void tick(int step);

    MainWindow* window_;
    WelcomePanel* panel_;
    QDockWidget* dock_;
};

}  // namespace nf
