// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/StudioActions.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QToolBar>
#include <QUndoStack>

#include "music/Scale.h"
#include "editing/SnapGrid.h"
#include "widgets/IconFactory.h"

namespace nf {

using IconFactory::Icon;

QAction* StudioActions::make(const QString& text, const QString& tip, const QKeySequence& key) {
    auto* a = new QAction(text, window_);
    a->setToolTip(key.isEmpty() ? tip : QString("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    a->setStatusTip(tip);
    if (!key.isEmpty()) a->setShortcut(key);
    window_->addAction(a);
    return a;
}

QAction* StudioActions::makeScoped(const QString& text, const QString& tip, const QKeySequence& key) {
    QAction* a = make(text, tip, key);
    window_->removeAction(a);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    scope_->addAction(a);
    return a;
}

QList<QKeySequence> StudioActions::redoKeys(const QList<QKeySequence>& platformRedo) {
    // Ctrl+Shift+Z and Ctrl+Y, plus whatever else the platform calls Redo, each once: GNOME's and KDE's Redo is
    // Ctrl+Shift+Z itself, and a sequence bound twice makes Qt refuse it as an ambiguous overload.
    QList<QKeySequence> keys{QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))};
    for (const QKeySequence& k : platformRedo)
        if (!k.isEmpty() && !keys.contains(k)) keys << k;
    return keys;
}

StudioActions::StudioActions(QWidget* window, QUndoStack* undoStack, QWidget* editorScope)
    : QObject(window), window_(window), scope_(editorScope) {
    openFolder = make(tr("Open &Folder..."), tr("Open a folder of MIDI files or ABC tunes as the dataset"),
                      QKeySequence::Open);
    openFolder->setIcon(IconFactory::icon(Icon::OpenFolder));
    openFile = make(tr("Open F&ile..."), tr("Open one MIDI or ABC file"), QKeySequence(tr("Ctrl+Shift+O")));
    openFile->setIcon(IconFactory::icon(Icon::OpenFile));
    saveProject = make(tr("&Save Project"), tr("Save the session (dataset, models, pieces and edits) as a project"),
                       QKeySequence::Save);
    saveProjectAs = make(tr("Save Project &As..."), tr("Save the session as a new project file"), QKeySequence::SaveAs);
    exportMidi = make(tr("Export &MIDI..."), tr("Write the piece as a Standard MIDI File (type 1, all tracks)"),
                      QKeySequence(tr("Ctrl+E")));
    exportSelection = make(tr("Export Se&lection as MIDI..."), tr("Write only the selected notes as a MIDI file"));
    exportAudio = make(tr("Export A&udio..."), tr("Render the piece to WAV, FLAC, OGG or MP3 with the soundfont"),
                       QKeySequence(tr("Ctrl+Shift+E")));
    exportAbc = make(tr("Export A&BC..."), tr("Write the melody (a monophonic track) as an ABC tune"));
    quit = make(tr("&Quit"), tr("Quit NoteForge"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    undo = undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(IconFactory::icon(Icon::Undo));
    undo->setStatusTip(tr("Undo the last edit"));
    undo->setToolTip(tr("Undo the last edit (Ctrl+Z)"));
    redo = undoStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(redoKeys(QKeySequence::keyBindings(QKeySequence::Redo)));
    redo->setIcon(IconFactory::icon(Icon::Redo));
    redo->setStatusTip(tr("Redo the edit just undone"));
    redo->setToolTip(tr("Redo the edit just undone (Ctrl+Shift+Z or Ctrl+Y)"));
    window_->addAction(undo);
    window_->addAction(redo);

    cut = makeScoped(tr("Cu&t"), tr("Copy the selected notes and delete them"), QKeySequence::Cut);
    copy = makeScoped(tr("&Copy"), tr("Copy the selected notes"), QKeySequence::Copy);
    paste = makeScoped(tr("&Paste"), tr("Paste notes at the playhead (or the left edge of the view) into the active track"),
                       QKeySequence::Paste);
    del = makeScoped(tr("De&lete"), tr("Delete the selected notes"), QKeySequence::Delete);
    selectAll = makeScoped(tr("Select &All"), tr("Select every note of every track"), QKeySequence::SelectAll);
    selectTrack = makeScoped(tr("Select All in Trac&k"), tr("Select every note of the active track"),
                             QKeySequence(tr("Ctrl+Alt+A")));
    selectNone = makeScoped(tr("Select &None"), tr("Clear the selection"), QKeySequence(tr("Ctrl+Shift+A")));
    transposeUp = makeScoped(tr("Transp&ose Up"), tr("Move the selected notes up a semitone"), QKeySequence(Qt::Key_Up));
    transposeDown = makeScoped(tr("Transpose Do&wn"), tr("Move the selected notes down a semitone"),
                               QKeySequence(Qt::Key_Down));
    octaveUp = makeScoped(tr("Octave Up"), tr("Move the selected notes up an octave"),
                          QKeySequence(Qt::SHIFT | Qt::Key_Up));
    octaveDown = makeScoped(tr("Octave Down"), tr("Move the selected notes down an octave"),
                            QKeySequence(Qt::SHIFT | Qt::Key_Down));
    quantize = makeScoped(tr("&Quantize"), tr("Snap the selected notes' starts and ends to the grid"),
                          QKeySequence(tr("Q")));
    quantize->setIcon(IconFactory::icon(Icon::Quantize));

    regenerateSelection = makeScoped(tr("&Regenerate Selection..."),
                                     tr("Let the model rewrite the selected bars of the selected tracks, with "
                                        "controls, and audition its candidates"),
                                     QKeySequence(tr("R")));
    addPart = make(tr("Add &Part..."), tr("Let the model write a new track (drums, bass, chords, melody or any "
                                          "instrument) for the piece, given all the others"));
    continuePiece = make(tr("&Continue..."), tr("Let the model write more bars from the playhead or the end"));
    for (QAction* a : {regenerateSelection, addPart, continuePiece}) a->setEnabled(false);
    callAndResponse = make(tr("Call and Respo&nse"),
                           tr("Play a phrase on a MIDI keyboard against a click; after a bar without a note the model "
                              "answers from the next downbeat (a remi model)"));
    callAndResponse->setCheckable(true);

    tools = new QActionGroup(this);
    toolSelect = makeScoped(tr("&Select Tool"), tr("Select, move and resize notes; drag on empty space for a rubber band"),
                            QKeySequence(tr("S")));
    toolDraw = makeScoped(tr("&Draw Tool"), tr("Draw notes on the grid; drag to lengthen, right-click to erase"),
                          QKeySequence(tr("D")));
    toolErase = makeScoped(tr("&Erase Tool"), tr("Click or drag over notes to delete them"), QKeySequence(tr("E")));
    toolSelect->setIcon(IconFactory::icon(Icon::Select));
    toolDraw->setIcon(IconFactory::icon(Icon::Draw));
    toolErase->setIcon(IconFactory::icon(Icon::Erase));
    for (QAction* a : {toolSelect, toolDraw, toolErase}) {
        a->setCheckable(true);
        tools->addAction(a);
    }
    toolSelect->setChecked(true);

    grid = new QActionGroup(this);
    for (int d = 0; d < SnapGrid::kDivisionCount; ++d) {
        const auto division = static_cast<SnapGrid::Division>(d);
        const QString name = SnapGrid::displayName(division);
        QAction* a = make(name, division == SnapGrid::Division::Off ? tr("Turn snapping off")
                                                                    : tr("Snap to %1 notes").arg(name));
        a->setCheckable(true);
        a->setData(d);
        grid->addAction(a);
        gridActions.push_back(a);
    }

    scaleGuide = new QActionGroup(this);
    const auto addScale = [this](const QString& text, const QString& data, const QString& tip) {
        QAction* a = make(text, tip);
        a->setCheckable(true);
        a->setData(data);
        scaleGuide->addAction(a);
        scaleGuideActions.push_back(a);
    };
    addScale(tr("Off"), QString(), tr("No scale shown; drawn notes go where you click"));
    addScale(tr("Key of the Piece"), QStringLiteral("piece"),
             tr("Light the rows of the piece's key (as NoteForge hears it) and draw notes in it"));
    for (const char* mode : {"major", "minor"})
        for (int tonic = 0; tonic < 12; ++tonic) {
            const QString name = QStringLiteral("%1 %2").arg(tonicName(tonic), mode);
            addScale(name, name, tr("Light the rows of %1 and draw notes in it").arg(name));
        }
    scaleGuideActions.front()->setChecked(true);

    zoomIn = makeScoped(tr("Zoom &In"), tr("Show less time, wider"), QKeySequence(Qt::Key_Plus));
    zoomIn->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn});
    zoomOut = makeScoped(tr("Zoom &Out"), tr("Show more time, narrower"), QKeySequence(Qt::Key_Minus));
    zoomOut->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut});
    zoomInVertically = makeScoped(tr("Taller Keys"), tr("Zoom in on pitch"), QKeySequence(Qt::SHIFT | Qt::Key_Plus));
    zoomOutVertically = makeScoped(tr("Shorter Keys"), tr("Zoom out on pitch"), QKeySequence(Qt::SHIFT | Qt::Key_Minus));
    zoomFit = makeScoped(tr("Zoom to &Fit"), tr("Fit the piece into the view"), QKeySequence(tr("Ctrl+0")));
    zoomIn->setIcon(IconFactory::icon(Icon::ZoomIn));
    zoomOut->setIcon(IconFactory::icon(Icon::ZoomOut));
    zoomFit->setIcon(IconFactory::icon(Icon::ZoomFit));
    velocityLane = make(tr("&Velocity Lane"), tr("Show or hide the velocity lane under the piano roll"));
    velocityLane->setCheckable(true);
    velocityLane->setChecked(true);
    confidenceColours = make(tr("Colour by &Confidence"),
                             tr("Colour generated notes by the model's confidence (red unsure, green sure) instead of velocity"));
    confidenceColours->setCheckable(true);
    confidenceColours->setChecked(true);
    resetLayout = make(tr("&Reset Layout"), tr("Put every panel back where it was at first start"));

    play = make(tr("&Play / Pause"), tr("Start or pause playback from the playhead"), QKeySequence(Qt::Key_Space));
    play->setIcon(IconFactory::icon(Icon::Play));
    stop = make(tr("&Stop"), tr("Stop playback and go back to where it started"), QKeySequence(tr("Ctrl+Space")));
    stop->setIcon(IconFactory::icon(Icon::Stop));
    rewind = make(tr("&To Start"), tr("Move the playhead to the beginning"), QKeySequence(Qt::Key_Home));
    rewind->setIcon(IconFactory::icon(Icon::Rewind));
    loop = make(tr("&Loop"), tr("Loop the selected notes' bars (or the bars in view)"), QKeySequence(tr("L")));
    loop->setCheckable(true);
    loop->setIcon(IconFactory::icon(Icon::Loop));
    follow = make(tr("&Follow Playhead"), tr("Scroll the piano roll with the playhead while playing"));
    follow->setCheckable(true);
    follow->setChecked(true);
    chooseSoundfont = make(tr("Choose &File..."), tr("Play and render with an SF2/SF3 soundfont file of your choice"));
    automaticSoundfont = make(tr("&Automatic"), tr("Use the installed General MIDI soundfont, else NoteForge's bundled one"));
    automaticSoundfont->setCheckable(true);

    welcome = make(tr("&Welcome Guide"), tr("Show the first steps: open data, train, generate, listen, export"));
    openDataFolder = make(tr("Open &Data Folder"),
                          tr("Show the folder with your models and autosave in the file manager"));
    shortcuts = make(tr("&Keyboard Shortcuts"), tr("List the keyboard and mouse shortcuts"), QKeySequence::HelpContents);
    about = make(tr("&About NoteForge"), tr("Version and licence"));
    about->setMenuRole(QAction::AboutRole);

    // View preferences kept across sessions.
    for (auto [action, key] : {std::pair{velocityLane, "view/velocityLane"}, std::pair{confidenceColours, "view/confidenceColours"},
                               std::pair{follow, "view/followPlayhead"}}) {
        action->setChecked(QSettings().value(key, action->isChecked()).toBool());
        connect(action, &QAction::toggled, this, [key](bool on) { QSettings().setValue(key, on); });
    }
}

void StudioActions::buildMenus(QMenuBar* bar, const std::vector<QAction*>& panelToggles) {
    QMenu* file = bar->addMenu(tr("&File"));
    file->addAction(openFolder);
    file->addAction(openFile);
    recentMenu = file->addMenu(tr("Open &Recent"));
    recentMenu->setToolTipsVisible(true);
    file->addSeparator();
    file->addAction(saveProject);
    file->addAction(saveProjectAs);
    file->addSeparator();
    for (QAction* a : {exportMidi, exportSelection, exportAudio, exportAbc}) file->addAction(a);
    file->addSeparator();
    file->addAction(quit);

    QMenu* edit = bar->addMenu(tr("&Edit"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    for (QAction* a : {cut, copy, paste, del}) edit->addAction(a);
    edit->addSeparator();
    edit->addAction(selectAll);
    edit->addAction(selectTrack);
    edit->addAction(selectNone);
    edit->addSeparator();
    for (QAction* a : {transposeUp, transposeDown, octaveUp, octaveDown, quantize}) edit->addAction(a);
    edit->addSeparator();
    for (QAction* a : {toolSelect, toolDraw, toolErase}) edit->addAction(a);
    QMenu* gridMenu = edit->addMenu(tr("Snap &Grid"));
    for (QAction* a : gridActions) gridMenu->addAction(a);

    QMenu* compose = bar->addMenu(tr("&Compose"));
    for (QAction* a : {regenerateSelection, addPart, continuePiece}) compose->addAction(a);
    compose->addSeparator();
    compose->addAction(callAndResponse);
    callResponseMenu = compose->addMenu(tr("Call and Response &Settings"));
    callResponseMenu->menuAction()->setStatusTip(
        tr("How long the model's answer is, and how much silence ends a phrase"));

    QMenu* view = bar->addMenu(tr("&View"));
    for (QAction* a : {zoomIn, zoomOut, zoomInVertically, zoomOutVertically, zoomFit}) view->addAction(a);
    view->addSeparator();
    view->addAction(velocityLane);
    view->addAction(confidenceColours);
    scaleGuideMenu = view->addMenu(tr("&Scale Guide"));
    scaleGuideMenu->menuAction()->setStatusTip(tr("Light a scale's rows in the piano roll; the draw tool keeps to it"));
    for (std::size_t i = 0; i < scaleGuideActions.size(); ++i) {
        scaleGuideMenu->addAction(scaleGuideActions[i]);
        if (i == 1) scaleGuideMenu->addSeparator();
    }
    panelsMenu = view->addMenu(tr("&Panels"));
    for (QAction* a : panelToggles) panelsMenu->addAction(a);
    view->addAction(resetLayout);

    QMenu* transport = bar->addMenu(tr("&Transport"));
    for (QAction* a : {play, stop, rewind, loop, follow}) transport->addAction(a);
    transport->addSeparator();
    outputMenu = transport->addMenu(tr("&Output"));
    outputMenu->menuAction()->setStatusTip(tr("Play through the internal synthesizer or to an external MIDI port"));
    audioDriverMenu = transport->addMenu(tr("Audio &Driver"));
    audioDriverMenu->menuAction()->setStatusTip(tr("How the internal synthesizer reaches the speakers: automatic, "
                                                   "PipeWire/PulseAudio, JACK or ALSA"));
    soundfontMenu = transport->addMenu(tr("So&undfont"));
    soundfontMenu->menuAction()->setStatusTip(tr("The soundfont that plays and renders: automatic, an installed one, "
                                                 "or a file"));
    soundfontMenu->addAction(automaticSoundfont);  // the sound side lists the installed ones when it opens
    soundfontMenu->addAction(chooseSoundfont);

    QMenu* help = bar->addMenu(tr("&Help"));
    help->addAction(welcome);
    help->addAction(openDataFolder);
    help->addAction(shortcuts);
    help->addAction(about);
    recentMenu->menuAction()->setStatusTip(tr("Open a folder, file or project used recently"));
    gridMenu->menuAction()->setStatusTip(tr("The grid that drawing, moving, resizing and quantizing snap to"));
    panelsMenu->menuAction()->setStatusTip(tr("Show or hide the dockable panels"));
    for (QMenu* m : {file, edit, compose, view, transport, help, recentMenu, gridMenu, panelsMenu, scaleGuideMenu, outputMenu, soundfontMenu,
                     audioDriverMenu, callResponseMenu})
        m->setToolTipsVisible(true);
    for (QMenu* m : {file, edit, compose, view, transport, help})
        m->menuAction()->setStatusTip(tr("The %1 menu").arg(m->title().remove('&')));
}

QToolBar* StudioActions::buildToolBar(QWidget* parent) {
    auto* bar = new QToolBar(tr("Main Toolbar"), parent);
    bar->setObjectName("mainToolBar");
    bar->setIconSize(QSize(20, 20));
    bar->addAction(openFolder);
    bar->addSeparator();
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    bar->addAction(toolSelect);
    bar->addAction(toolDraw);
    bar->addAction(toolErase);
    bar->addAction(quantize);
    bar->addSeparator();
    bar->addAction(zoomIn);
    bar->addAction(zoomOut);
    bar->addAction(zoomFit);
    return bar;
}

QToolBar* StudioActions::buildTransportBar(QWidget* parent) {
    auto* bar = new QToolBar(tr("Transport"), parent);
    bar->setObjectName("transportToolBar");
    bar->setIconSize(QSize(20, 20));
    for (QAction* a : {rewind, play, stop, loop}) bar->addAction(a);
    return bar;
}

void StudioActions::disableSound(const QString& why) {
    if (outputMenu) outputMenu->setEnabled(false);
    if (audioDriverMenu) audioDriverMenu->setEnabled(false);
    if (soundfontMenu) soundfontMenu->setEnabled(false);
    if (callResponseMenu) callResponseMenu->setEnabled(false);
    for (QAction* a : {play, stop, rewind, loop, exportAudio, chooseSoundfont, automaticSoundfont, callAndResponse}) {
        a->setEnabled(false);
        a->setToolTip(why);
        a->setStatusTip(why);
    }
}

}  // namespace nf
