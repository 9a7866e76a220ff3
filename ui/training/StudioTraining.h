// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QDockWidget;

namespace nf {

class MainWindow;
class TrainingController;
class TrainingPanel;

// Connects the training engine to the studio window: the Training panel as a dock, its messages in the Log and
// status bar. Exists only in builds with LibTorch.
class StudioTraining : public QObject {
    Q_OBJECT
public:
    explicit StudioTraining(MainWindow* window);

    TrainingController* controller() const { return controller_; }
    TrainingPanel* panel() const { return panel_; }
    QDockWidget* dock() const { return dock_; }

private:
    TrainingController* controller_;
    TrainingPanel* panel_;
    QDockWidget* dock_;
};

}  // namespace nf
