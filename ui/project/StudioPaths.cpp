// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/StudioPaths.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace nf {

namespace {
const char* kFolder = "noteforge";

// $XDG_STATE_HOME, else ~/.local/state (the XDG default; this Qt has no StateLocation).
QString stateHome() {
    const QString env = qEnvironmentVariable("XDG_STATE_HOME");
    return env.startsWith('/') ? env : QDir::homePath() + "/.local/state";
}

// Before this layout, everything lived in Qt's application folder ($XDG_DATA_HOME/NoteForge/NoteForge): its
// models, projects, autosave and logs move over once, so nobody loses a trained model to an update.
void moveOlderDataFolder() {
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString old = data + "/NoteForge/NoteForge";
    if (data.isEmpty() || !QFileInfo(old).isDir() || QFileInfo::exists(StudioPaths::dataRoot())) return;
    QDir().mkpath(data);
    QDir().rename(old, StudioPaths::dataRoot());
    QDir(data).rmdir("NoteForge");  // only when empty
}
}  // namespace

QString StudioPaths::dataRoot() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/" + kFolder;
}
QString StudioPaths::models() { return dataRoot() + "/models"; }
QString StudioPaths::projects() {
    QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    if (music.isEmpty()) music = QDir::homePath() + "/Music";
    return music + "/NoteForge";
}
QString StudioPaths::autosave() { return dataRoot() + "/autosave.nfproject"; }
QString StudioPaths::takes() { return dataRoot() + "/takes"; }
QString StudioPaths::logs() { return stateHome() + "/" + kFolder + "/logs"; }
QString StudioPaths::logFile() { return logs() + "/studio.log"; }
QString StudioPaths::settingsFile() { return QSettings().fileName(); }

bool StudioPaths::makeFolders() {
    moveOlderDataFolder();
    bool ok = true;
    // Not the projects folder: it is in the user's Music folder and made only when a project is saved there.
    for (const QString& dir : {models(), logs()}) ok = QDir().mkpath(dir) && ok;
    return ok;
}

QString StudioPaths::exportStart(const QString& lastExport, const QString& pieceName, const QString& suffix) {
    QString dir = lastExport.isEmpty() ? QString() : QFileInfo(lastExport).absolutePath();
    if (dir.isEmpty() || !QFileInfo(dir).isDir()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
        if (dir.isEmpty() || !QFileInfo(dir).isDir()) dir = QDir::homePath();
    }
    // "jigs.abc X:3 – Title" -> "jigs"; a name with nothing usable -> "piece".
    QString base = QFileInfo(pieceName.section(' ', 0, 0)).completeBaseName();
    base.replace(QRegularExpression("[^\\w.-]+"), "_");
    if (base.isEmpty()) base = "piece";
    return QString("%1/%2.%3").arg(dir, base, suffix);
}

QString StudioPaths::lastExport() { return QSettings().value("export/last").toString(); }

void StudioPaths::rememberExport(const QString& path) { QSettings().setValue("export/last", path); }

QString StudioPaths::describe() {
    return QString("models: %1\nprojects: %2\nautosave: %3\ntakes: %4\nlogs: %5\nsettings: %6\n")
        .arg(models(), projects(), autosave(), takes(), logs(), settingsFile());
}

}  // namespace nf
