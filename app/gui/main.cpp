// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge: the studio (Qt 6 Widgets).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

#include "MainWindow.h"
#include "controllers/LogHub.h"
#include "controllers/ScoreDocument.h"
#include "pianoroll/PianoRollView.h"

namespace {

// --screenshot: once the dataset has loaded and the piano roll shows its first piece, save the window as a
// PNG and quit. Used for the README and docs pictures (scripted under Xvfb) and as a smoke test.
void scheduleScreenshot(nf::MainWindow& window, const QString& file, int pieceIndex, bool selectSome) {
    auto take = [&window, file] {
        const bool ok = window.grab().save(file);
        std::fprintf(ok ? stdout : stderr, "%s %s\n", ok ? "screenshot saved:" : "noteforge: cannot write",
                     qPrintable(file));
        QApplication::exit(ok ? 0 : 1);
    };
    QObject::connect(&window, &nf::MainWindow::datasetReady, &window, [&window, take, pieceIndex, selectSome] {
        if (pieceIndex > 0) window.showPiece(pieceIndex);
        if (selectSome) {
            // Select the notes of the first two bars of the active track, to show what a selection looks like.
            const auto& score = window.document()->score();
            std::set<nf::NoteId> ids;
            const int t = window.document()->activeTrack();
            if (t >= 0 && t < static_cast<int>(score.tracks.size()))
                for (const auto& n : score.tracks[static_cast<std::size_t>(t)].notes)
                    if (n.start < 2 * score.ticksPerBar(0)) ids.insert(n.id);
            window.document()->setSelection(ids);
        }
        QTimer::singleShot(500, &window, take);
    });
    QTimer::singleShot(120'000, &window, take);  // never hang a script: take whatever is there
}

}  // namespace

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
    QCommandLineOption select("select", "With --screenshot: select the notes of the first two bars.");
    parser.addOptions({screenshot, size, piece, select});
    parser.process(app);

    nf::MainWindow window;
    window.log()->installQtMessageHandler();
    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split('x');
        if (wh.size() == 2) window.resize(wh[0].toInt(), wh[1].toInt());
        scheduleScreenshot(window, QFileInfo(parser.value(screenshot)).absoluteFilePath(), parser.value(piece).toInt(),
                           parser.isSet(select));
    } else if (parser.value(piece).toInt() > 0) {
        const int p = parser.value(piece).toInt();
        QObject::connect(&window, &nf::MainWindow::datasetReady, &window, [&window, p] { window.showPiece(p); }, Qt::SingleShotConnection);
    }
    window.show();
    const QStringList args = parser.positionalArguments();
    window.openInitial(args.isEmpty() ? QString() : QDir::current().absoluteFilePath(args.first()));
    return app.exec();
}
