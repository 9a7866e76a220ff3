// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge: the studio (Qt 6 Widgets).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "MainWindow.h"
#include "common/PassiveOpenMp.h"
#include "ScreenshotScript.h"
#include "controllers/LogHub.h"
#include "project/StudioPaths.h"

namespace {
void setNames() {
    QCoreApplication::setOrganizationName("NoteForge");
    QCoreApplication::setApplicationName("NoteForge");
    QCoreApplication::setApplicationVersion(NF_STUDIO_VERSION);
}

// --paths: where this user's files go, without opening a window (works without a display).
int printPaths(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    setNames();
    const char* omp = std::getenv("OMP_WAIT_POLICY");
    std::printf("%sOMP_WAIT_POLICY: %s\n", qPrintable(nf::StudioPaths::describe()), omp ? omp : "(unset)");
    return 0;
}
}  // namespace

int main(int argc, char** argv) {
    nf::ensurePassiveOpenMp(argv);
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--paths") == 0) return printPaths(argc, argv);
    QApplication app(argc, argv);
    setNames();
    QApplication::setDesktopFileName("io.noteforge.NoteForge");

    QCommandLineParser parser;
    parser.setApplicationDescription("NoteForge studio: train LSTMs on MIDI/ABC music, generate, edit, listen, export");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("path", "A folder of MIDI/ABC files or one file to open (default: the last "
                                         "dataset, or the bundled demo on first start)");
    QCommandLineOption screenshot("screenshot", "Save a PNG of the window once the dataset has loaded, then quit.",
                                  "file");
    QCommandLineOption size("size", "Window size for --screenshot, e.g. 1600x1000.", "WxH", "1600x1000");
    QCommandLineOption piece("piece", "Show this piece (0-based index in the dataset) after loading.", "n", "0");
    QCommandLineOption state("state", "With --screenshot: welcome, dataset, edit, training, generation or export.",
                             "name", "dataset");
    QCommandLineOption epochs("epochs", "With --screenshot training/generation: epochs to train.", "n", "4");
    QCommandLineOption paths("paths", "Print where models, projects, autosave, logs and settings are kept, then quit.");
    parser.addOptions({screenshot, size, piece, state, epochs, paths});
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
