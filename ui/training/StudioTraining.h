// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "studio/StudioModule.h"

class QDockWidget;

namespace nf {

class TrainingController;
class TrainingListener;
class TrainingPanel;
struct GenerationResult;

// Connects the training engine to the studio window: the Training panel as a dock, its messages in the Log and
// status bar. Training itself loads the training module when it starts.
class StudioTraining : public StudioModule {
    Q_OBJECT
public:
    StudioTraining(StudioContext& context, QObject* window);
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
