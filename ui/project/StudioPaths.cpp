// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/StudioPaths.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace nf {

QString StudioPaths::dataRoot() { return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation); }
QString StudioPaths::models() { return dataRoot() + "/models"; }
QString StudioPaths::projects() { return dataRoot() + "/projects"; }
QString StudioPaths::autosave() { return dataRoot() + "/autosave.nfproject"; }
QString StudioPaths::logs() { return dataRoot() + "/logs"; }
QString StudioPaths::logFile() { return logs() + "/studio.log"; }
QString StudioPaths::settingsFile() { return QSettings().fileName(); }

bool StudioPaths::makeFolders() {
    bool ok = true;
    for (const QString& dir : {models(), projects(), logs()}) ok = QDir().mkpath(dir) && ok;
    return ok;
}

QString StudioPaths::describe() {
    return QString("models: %1\nprojects: %2\nautosave: %3\nlogs: %4\nsettings: %5\n")
        .arg(models(), projects(), autosave(), logs(), settingsFile());
}

}  // namespace nf
