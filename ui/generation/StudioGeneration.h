// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "studio/StudioModule.h"

class QDockWidget;

namespace nf {

class GenerationController;
class GenerationPanel;
struct GenerationResult;

// Connects generation to the studio window: the Generation panel as a dock, models from the Training panel,
// results opened in the piano roll with their notes' confidence, and the alternatives of a generated note on
// right-click. Generation needs no LibTorch (the decoder is NoteForge's own).
class StudioGeneration : public StudioModule {
    Q_OBJECT
public:
    StudioGeneration(StudioContext& context, QObject* window);

    GenerationController* controller() const { return controller_; }
    GenerationPanel* panel() const { return panel_; }
    QDockWidget* dock() const { return dock_; }

private:
    void open(const GenerationResult& result, int index);

    GenerationController* controller_;
    GenerationPanel* panel_;
    QDockWidget* dock_;
};

}  // namespace nf
