// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QDockWidget;

namespace nf {

class GenerationController;
class GenerationPanel;
class MainWindow;
struct GenerationResult;

// Connects generation to the studio window: the Generation panel as a dock, models from the Training panel,
// results opened in the piano roll with their notes' confidence, and the alternatives of a generated note on
// right-click. Exists only in builds with the LibTorch engine.
class StudioGeneration : public QObject {
    Q_OBJECT
public:
    explicit StudioGeneration(MainWindow* window);

    GenerationController* controller() const { return controller_; }
    GenerationPanel* panel() const { return panel_; }
    QDockWidget* dock() const { return dock_; }

private:
    void open(const GenerationResult& result, int index);
    void record();

    MainWindow* window_;
    GenerationController* controller_;
    GenerationPanel* panel_;
    QDockWidget* dock_;
};

}  // namespace nf
