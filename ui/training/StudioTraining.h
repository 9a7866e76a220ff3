// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <vector>

class QDockWidget;

namespace nf {

class MainWindow;
class TrainingController;
class TrainingListener;
class TrainingPanel;
struct GenerationResult;

// Connects the training engine to the studio window: the Training panel as a dock, its messages in the Log and
// status bar. Exists only in builds with LibTorch.
class StudioTraining : public QObject {
    Q_OBJECT
public:
    explicit StudioTraining(MainWindow* window);
    ~StudioTraining() override;

    TrainingController* controller() const { return controller_; }
    TrainingPanel* panel() const { return panel_; }
    QDockWidget* dock() const { return dock_; }
    TrainingListener* listener() const { return listener_; }

private:
    TrainingController* controller_;
    TrainingPanel* panel_;
    QDockWidget* dock_;
    TrainingListener* listener_;
    std::vector<GenerationResult> samples_;
};

}  // namespace nf
