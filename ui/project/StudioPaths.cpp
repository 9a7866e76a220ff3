// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/StudioPaths.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
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
    return QString("models: %1\nprojects: %2\nautosave: %3\nlogs: %4\nsettings: %5\n")
        .arg(models(), projects(), autosave(), logs(), settingsFile());
}

}  // namespace nf
