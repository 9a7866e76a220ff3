// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace nf {

// The studio's command line, declared once and used twice: main() parses it with a plain QCoreApplication when the
// user only asks for --help, --version or --paths (those must work without a display, where QApplication would
// abort), and with the real QApplication otherwise.
class StudioCommandLine {
public:
    StudioCommandLine();

    // Whether argv asks only for something printed (help, version, paths): no window is needed.
    static bool wantsTextOnly(int argc, char** argv);

    QCommandLineParser parser;
    QCommandLineOption screenshot;
    QCommandLineOption size;
    QCommandLineOption piece;
    QCommandLineOption state;
    QCommandLineOption epochs;
    QCommandLineOption paths;
};

}  // namespace nf
