// SPDX-License-Identifier: GPL-3.0-or-later
// test_ui's main: GoogleTest inside a QApplication (widgets need one), on the offscreen platform when no other
// is chosen, and with settings, data, logs and the music folder in throw-away folders so tests never read or change a user's studio layout.
#include <QApplication>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir config, data, state, music;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    qputenv("XDG_DATA_HOME", data.path().toUtf8());  // models and autosave of the tests
    qputenv("XDG_STATE_HOME", state.path().toUtf8());  // their logs
    // Projects go to the music folder of xdg-user-dirs, read from $XDG_CONFIG_HOME/user-dirs.dirs: a throw-away one.
    if (QFile dirs(config.filePath("user-dirs.dirs")); dirs.open(QIODevice::WriteOnly))
        dirs.write("XDG_MUSIC_DIR=\"" + music.path().toUtf8() + "\"\n");
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName("NoteForgeTest");
    QApplication::setApplicationName("test_ui");
    return RUN_ALL_TESTS();
}
