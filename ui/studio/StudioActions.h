// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QObject>

#include <vector>

class QAction;
class QActionGroup;
class QMenu;
class QMenuBar;
class QToolBar;
class QUndoStack;
class QWidget;

namespace nf {

// Every command of the studio as a QAction with its shortcut, tooltip and status-bar hint, and the menus and
// toolbar made from them. The main window connects them to what they do; keeping them here keeps the
// window's code about behaviour, not about menu plumbing.
class StudioActions : public QObject {
    Q_OBJECT
public:
    // `editorScope` receives the actions whose keys (arrows, Delete, letters) must only act while the piano roll
    // has focus, so they never steal keys from the dataset table or text fields.
    StudioActions(QWidget* window, QUndoStack* undo, QWidget* editorScope);

    // Redo's key sequences: Ctrl+Shift+Z, Ctrl+Y and the platform's own (`platformRedo`), none twice.
    static QList<QKeySequence> redoKeys(const QList<QKeySequence>& platformRedo);

    void buildMenus(QMenuBar* bar, const std::vector<QAction*>& panelToggles);
    QToolBar* buildToolBar(QWidget* parent);
    QToolBar* buildTransportBar(QWidget* parent);
    // Greys out what needs the sound engine, saying why (a build without audio).
    void disableSound(const QString& why);

    // File
    QAction* openFolder;
    QAction* openFile;
    QMenu* recentMenu = nullptr;
    QMenu* panelsMenu = nullptr;  // View > Panels: engine panels add their dock's toggle here
    QMenu* outputMenu = nullptr;  // Transport > Output: filled by the sound side with the MIDI ports when shown
    QMenu* soundfontMenu = nullptr;  // Transport > Soundfont: automatic, the installed ones, or a file
    QMenu* audioDriverMenu = nullptr;  // Transport > Audio Driver: automatic, PipeWire/Pulse, JACK, ALSA
    QMenu* scaleGuideMenu = nullptr;   // View > Scale Guide: off, the piece's key, or a major/minor key
    QMenu* callResponseMenu = nullptr;  // Compose > Call and Response Settings: filled by the sound side
    QAction* saveProject;
    QAction* saveProjectAs;
    QAction* exportMidi;
    QAction* exportSelection;
    QAction* exportAudio;
    QAction* exportAbc;
    QAction* quit;
    // Edit
    QAction* undo;
    QAction* redo;
    QAction* cut;
    QAction* copy;
    QAction* paste;
    QAction* del;
    QAction* selectAll;    // every track
    QAction* selectTrack;  // the active track only
    QAction* selectNone;
    QAction* transposeUp;
    QAction* transposeDown;
    QAction* octaveUp;
    QAction* octaveDown;
    QAction* quantize;
    // Compose: the model writes into the piece (ui/steering); disabled, with a tooltip saying why, until a model
    // that can do it is chosen.
    QAction* regenerateSelection;
    QAction* addPart;
    QAction* continuePiece;
    // Compose > Call and Response (checkable; ui/sound): the model answers phrases played on a MIDI keyboard.
    QAction* callAndResponse;
    QActionGroup* tools;
    QAction* toolSelect;
    QAction* toolDraw;
    QAction* toolErase;
    QActionGroup* grid;
    // View > Scale Guide: rows of the scale lit in the piano roll, drawn notes put on it. Data: "" off, "piece" the
    // piece's key, else the scale's name ("D minor").
    QActionGroup* scaleGuide;
    std::vector<QAction*> scaleGuideActions;
    std::vector<QAction*> gridActions;  // index = SnapGrid::Division
    // View
    QAction* zoomIn;
    QAction* zoomOut;
    QAction* zoomInVertically;
    QAction* zoomOutVertically;
    QAction* zoomFit;
    QAction* velocityLane;
    QAction* confidenceColours;
    QAction* resetLayout;
    // Transport
    QAction* play;
    QAction* stop;
    QAction* rewind;
    QAction* loop;
    QAction* follow;
    QAction* chooseSoundfont;
    QAction* automaticSoundfont;
    // Help
    QAction* welcome;
    QAction* openDataFolder;
    QAction* shortcuts;
    QAction* about;

private:
    QAction* make(const QString& text, const QString& tip, const QKeySequence& key = {});
    QAction* makeScoped(const QString& text, const QString& tip, const QKeySequence& key);
    QWidget* window_;
    QWidget* scope_;
};

}  // namespace nf
