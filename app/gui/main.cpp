// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge: the studio (Qt 6 Widgets).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

#include "MainWindow.h"
#include "ScreenshotScript.h"
#include "controllers/LogHub.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("NoteForge");
    QApplication::setApplicationName("NoteForge");
    QApplication::setApplicationVersion(NF_STUDIO_VERSION);
    QApplication::setDesktopFileName("noteforge");

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
    QCommandLineOption state("state", "With --screenshot: dataset, edit, training or generation.", "name", "dataset");
    QCommandLineOption epochs("epochs", "With --screenshot training/generation: epochs to train.", "n", "4");
    parser.addOptions({screenshot, size, piece, state, epochs});
    parser.process(app);

    nf::MainWindow window;
    window.log()->installQtMessageHandler();
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
