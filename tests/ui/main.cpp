// SPDX-License-Identifier: GPL-3.0-or-later
// test_ui's main: GoogleTest inside a QApplication (widgets need one), on the offscreen platform when no other
// is chosen, and with settings and data in throw-away folders so tests never read or change a user's studio layout.
#include <QApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir config, data;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    qputenv("XDG_DATA_HOME", data.path().toUtf8());  // models, projects, autosave and logs of the tests
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName("NoteForgeTest");
    QApplication::setApplicationName("test_ui");
    return RUN_ALL_TESTS();
}
