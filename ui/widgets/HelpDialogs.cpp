// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/HelpDialogs.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace nf::HelpDialogs {

void showShortcuts(QWidget* parent) {
    QMessageBox::information(
        parent, QObject::tr("Keyboard and mouse shortcuts"),
        QObject::tr("<table>"
                    "<tr><td><b>Ctrl+O / Ctrl+Shift+O</b></td><td>Open a folder / a file or project</td></tr>"
                    "<tr><td><b>Ctrl+S / Ctrl+Shift+S</b></td><td>Save the project / save as</td></tr>"
                    "<tr><td><b>Space / Ctrl+Space / Home / L</b></td><td>Play-pause / stop / to start / loop</td></tr>"
                    "<tr><td><b>Ctrl+E / Ctrl+Shift+E</b></td><td>Export MIDI / audio</td></tr>"
                    "<tr><td><b>Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y</b></td><td>Undo / redo</td></tr>"
                    "<tr><td><b>S, D, E</b></td><td>Select, draw, erase tool</td></tr>"
                    "<tr><td><b>Up / Down</b></td><td>Transpose selection a semitone (Shift: an octave)</td></tr>"
                    "<tr><td><b>Q</b></td><td>Quantize selection to the grid</td></tr>"
                    "<tr><td><b>Del</b></td><td>Delete selection</td></tr>"
                    "<tr><td><b>Ctrl+A / Ctrl+Alt+A</b></td><td>Select every note / every note of the active track</td></tr>"
                    "<tr><td><b>Ctrl+C / Ctrl+V</b></td><td>Copy, paste</td></tr>"
                    "<tr><td><b>+ / -</b></td><td>Zoom time; Ctrl+0 fits the piece</td></tr>"
                    "<tr><td><b>Wheel</b></td><td>Scroll pitch; Shift+wheel scrolls time</td></tr>"
                    "<tr><td><b>Ctrl+wheel</b></td><td>Zoom time; Ctrl+Shift+wheel zooms pitch</td></tr>"
                    "<tr><td><b>Shift+click, drag</b></td><td>Add to selection; rubber-band select</td></tr>"
                    "<tr><td><b>Right-click a generated note</b></td><td>The model's alternatives</td></tr>"
                    "</table>"));
}

void showAbout(QWidget* parent) {
    QMessageBox::about(parent, QObject::tr("About NoteForge"),
                       QObject::tr("<h3>NoteForge %1</h3><p>Train LSTMs on MIDI and ABC music, generate, edit, "
                                   "listen and export.</p><p>Licensed under the GNU GPL version 3 or later.</p>")
                               .arg(QCoreApplication::applicationVersion()) +
                           // The base models' data asks for credit (CC BY 4.0) and states its licences.
                           QObject::tr("<p>The base models learned from the Nottingham Music Database (GPL 3.0), "
                                       "the Polifonia CRE Irish dance tunes (CC BY 4.0), Freedoom's music (BSD), "
                                       "the Groove MIDI Dataset by Gillick, Roberts, Engel, Eck and Bamman "
                                       "(CC BY 4.0) and the OpenScore Lieder (CC0). The demo data is from the "
                                       "Nottingham Music Database (GPL 3.0).</p>"));
}

}  // namespace nf::HelpDialogs
