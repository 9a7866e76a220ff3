// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge: the studio (Qt 6 Widgets).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>

#include "MainWindow.h"
#include "common/PassiveOpenMp.h"
#include "ScreenshotScript.h"
#include "StudioCommandLine.h"
#include "studio/StudioTranslations.h"
#include "controllers/LogHub.h"
#include "project/StudioPaths.h"

namespace {
void setNames() {
    QCoreApplication::setOrganizationName("NoteForge");
    QCoreApplication::setApplicationName("NoteForge");
    QCoreApplication::setApplicationVersion(NF_STUDIO_VERSION);
}

// --help, --version and --paths print and quit without opening a window, so they work without a display: a plain
// QCoreApplication is enough, and QApplication would abort on a machine with no screen.
int printOnly(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    setNames();
    nf::StudioCommandLine cli;
    cli.parser.process(app);  // prints and exits for --help and --version
    if (cli.parser.isSet(cli.paths)) {
        const char* omp = std::getenv("OMP_WAIT_POLICY");
        std::printf("%sOMP_WAIT_POLICY: %s\n", qPrintable(nf::StudioPaths::describe()), omp ? omp : "(unset)");
    }
    return 0;
}
}  // namespace

int main(int argc, char** argv) {
    nf::ensurePassiveOpenMp(argv);
    if (nf::StudioCommandLine::wantsTextOnly(argc, argv)) return printOnly(argc, argv);
    QApplication app(argc, argv);
    setNames();
    QApplication::setDesktopFileName("io.noteforge.NoteForge");
    // The system's language (LANGUAGE, LC_ALL, LANG), before any widget takes its text; English when NoteForge has
    // no translation for it.
    nf::StudioTranslations translations;
    translations.load();

    nf::StudioCommandLine cli;
    QCommandLineParser& parser = cli.parser;
    const QCommandLineOption &screenshot = cli.screenshot, &size = cli.size, &piece = cli.piece, &state = cli.state,
                             &epochs = cli.epochs;
    parser.process(app);

    nf::MainWindow window;
    window.log()->installQtMessageHandler();
    nf::StudioPaths::makeFolders();
    if (!window.log()->writeTo(nf::StudioPaths::logFile()))
        window.log()->warning(QObject::tr("%1: cannot write the log file").arg(nf::StudioPaths::logFile()));
    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split('x');
        if (wh.size() == 2) window.resize(wh[0].toInt(), wh[1].toInt());
        nf::ScreenshotRequest request;
        request.file = QFileInfo(parser.value(screenshot)).absoluteFilePath();
        request.state = parser.value(state);
        request.piece = parser.value(piece).toInt();
        request.epochs = parser.value(epochs).toInt();
        if (!nf::armScreenshot(window, request)) {
            std::fprintf(stderr, "noteforge: unknown --state '%s'\n", qPrintable(request.state));
            return 2;
        }
    } else if (parser.value(piece).toInt() > 0) {
        const int p = parser.value(piece).toInt();
        QObject::connect(
            &window, &nf::MainWindow::datasetReady, &window, [&window, p] { window.showPiece(p); },
            Qt::SingleShotConnection);
    }
    window.show();
    const QStringList args = parser.positionalArguments();
    window.openInitial(args.isEmpty() ? QString() : QDir::current().absoluteFilePath(args.first()));
    return app.exec();
}
