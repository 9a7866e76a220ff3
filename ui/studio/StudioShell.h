// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QDockWidget;
class QMainWindow;
class QString;
class QWidget;

namespace nf {

// What the studio's parts may ask of the window itself, and nothing more: a dock for their panel, opening data,
// the status line. MainWindow implements it; the parts never see MainWindow (it creates them, so including it
// would be an include cycle, and the window's 25 getters would become everyone's business again).
class StudioShell {
public:
    virtual ~StudioShell() = default;

    // The window: the parent of dialogs, and the host of docks a part adds itself (the Welcome guide's banner).
    virtual QMainWindow* mainWindow() = 0;
    // Adds an engine panel as a dock tabbed with the Log, listed under View > Panels.
    virtual QDockWidget* addPanel(const QString& title, const char* objectName, QWidget* panel) = 0;
    // Opens a folder, file or project after asking about unsaved edits; loadPath() does it without asking.
    virtual void openPath(const QString& path) = 0;
    virtual void loadPath(const QString& path) = 0;
    // The dataset piece in the editor (-1 when the editor holds something else), and showing another one.
    virtual int shownPiece() const = 0;
    virtual void showPiece(int index) = 0;
    // A passing message in the status bar.
    virtual void showStatus(const QString& text, int milliseconds) = 0;
};

}  // namespace nf
