// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace nf {

namespace {
const char* kKey = "recent/paths";
}

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {
    paths_ = QSettings().value(kKey).toStringList();
}

void RecentFiles::add(const QString& path) {
    const QString abs = QFileInfo(path).absoluteFilePath();
    paths_.removeAll(abs);
    paths_.prepend(abs);
    while (paths_.size() > kMaxEntries) paths_.removeLast();
    save();
}

void RecentFiles::remove(const QString& path) {
    paths_.removeAll(path);
    save();
}

void RecentFiles::clear() {
    paths_.clear();
    save();
}

void RecentFiles::save() {
    QSettings().setValue(kKey, paths_);
    emit changed();
}

}  // namespace nf
