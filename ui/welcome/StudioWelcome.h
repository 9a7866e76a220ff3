// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "studio/StudioModule.h"

class QDockWidget;

namespace nf {

class WelcomePanel;

// The first-start guide as a banner dock across the top of the window (compact in short windows): shown until the user closes it (remembered in the
// settings), back from Help > Welcome Guide. Each step's button does the step in the real studio, and the step
// is ticked when the studio reports it done (a dataset loaded, a training finished, pieces generated, playback
// started, a file exported).
class StudioWelcome : public StudioModule {
    Q_OBJECT
public:
    StudioWelcome(StudioContext& context, QObject* window);

    WelcomePanel* panel() const { return panel_; }
    QDockWidget* dock() const { return dock_; }
    // After the layout was restored: shows the guide unless it was dismissed.
    void layoutRestored() override;
    // Windows shorter than this get the compact guide (titles only): at 1280x720 the full one took a quarter of
    // the height from the piano roll.
    static constexpr int kCompactBelowHeight = 1000;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

public slots:
    void open();
    void dismiss();

private:
    void connectSteps();
    void connectTicks();
    // Ticks a step and remembers it, so the guide shows the same progress after a restart.
    void tick(int step);

    WelcomePanel* panel_;
    QDockWidget* dock_;
};

}  // namespace nf
