// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace nf {

// Where the studio keeps a user's files: under the XDG folders, so $XDG_DATA_HOME, $XDG_STATE_HOME, $XDG_CONFIG_HOME
// and the music folder of xdg-user-dirs move them, and nothing is ever written next to the program (an installed
// /usr/bin is not writable, and a build folder must not collect user data). One folder name, "noteforge", as the
// cache ($XDG_CACHE_HOME/noteforge), the soundfonts and the installed demo use too.
//   models     $XDG_DATA_HOME/noteforge/models          trained models and checkpoints
//   autosave   $XDG_DATA_HOME/noteforge/autosave.nfproject
//   takes      $XDG_DATA_HOME/noteforge/takes           every call-and-response session, as MIDI
//   projects   $XDG_MUSIC_DIR/NoteForge (~/Music/NoteForge)   where Save Project As starts: the user's own work,
//              visible beside their music, not in a hidden folder
//   logs       $XDG_STATE_HOME/noteforge/logs           studio.log (this session) and studio.log.1
//   settings   $XDG_CONFIG_HOME/NoteForge/NoteForge.conf      layout and preferences (QSettings)
// Files of older versions ($XDG_DATA_HOME/NoteForge/NoteForge) are moved to the new folder on first use.
namespace StudioPaths {
QString dataRoot();
QString models();
QString projects();
QString autosave();
QString takes();
QString logs();
QString logFile();
QString settingsFile();
// Moves an older version's data folder into place if there is one, then makes the models and logs folders; false
// when one cannot be made.
bool makeFolders();
// Where an export dialog starts: the folder of `lastExport` (pass lastExport()), else the user's Music folder (else
// home), with the piece's name and `suffix` ("wav", "mid"), e.g. ~/Music/FrereJacques.wav. Never the working
// directory, which for a program started from a menu is meaningless.
QString exportStart(const QString& lastExport, const QString& pieceName, const QString& suffix);
// The file last exported, of any kind (MIDI, audio, ABC): every export dialog starts in its folder.
QString lastExport();
void rememberExport(const QString& path);
// The list above, one "name: path" per line (noteforge --paths).
QString describe();
}  // namespace StudioPaths

}  // namespace nf
