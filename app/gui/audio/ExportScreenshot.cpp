// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportScreenshot.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

#include "MainWindow.h"
#include "document/ScoreDocument.h"
#include "sound/AudioExporter.h"
#include "sound/StudioSound.h"
#include "studio/StudioActions.h"

namespace nf {

// The picture is taken at the first progress report, while the render runs; the menu is drawn where it pops up.
void exportInProgress(MainWindow& w, const QString& file) {
    QMenu* menu = w.menuBar()->actions().first()->menu();
    const QPoint at = w.menuBar()->mapTo(&w, w.menuBar()->actionGeometry(w.menuBar()->actions().first()).bottomLeft());
    menu->popup(w.mapToGlobal(at));
    menu->setActiveAction(w.actions()->exportAudio);
    auto target = std::make_shared<QTemporaryDir>();
    StudioSound* sound = w.module<StudioSound>();
    QTimer::singleShot(700, &w, [&w, sound, file, menu, at, target] {
        auto taken = std::make_shared<bool>(false);
        auto shoot = [&w, sound, file, menu, at, taken, target] {
            if (*taken) return;
            *taken = true;
            QPixmap picture = w.grab();
            QPainter(&picture).drawPixmap(at, menu->grab());
            const bool ok = picture.save(file);
            std::fprintf(ok ? stdout : stderr, "%s %s\n", ok ? "screenshot saved:" : "noteforge: cannot write", qPrintable(file));
            sound->exporter()->cancel();
            QTimer::singleShot(300, qApp, [ok] { QApplication::exit(ok ? 0 : 1); });
        };
        QObject::connect(sound->exporter(), &AudioExporter::progress, &w, [shoot](int percent) {
            if (percent >= 5) shoot();
        });
        QObject::connect(sound->exporter(), &AudioExporter::finished, &w, shoot);
        sound->exportAudioTo(target->filePath(w.document()->name().section(' ', 0, 0).section('.', 0, 0) + ".flac"));
    });
}

}  // namespace nf
