// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

namespace nf {

// The studio's language: NoteForge's own translation (ui/translations/noteforge_<lang>.ts, built into the program)
// and Qt's (qtbase_<lang>.qm of the system's Qt: standard buttons, file dialogs, key names such as "Strg"), both
// chosen from a locale. At start-up that is the system's, which LANGUAGE, LC_ALL, LC_MESSAGES and LANG decide.
// Widgets take their text when they are made, so load() comes before the main window is built.
class StudioTranslations {
public:
    StudioTranslations() = default;
    ~StudioTranslations();
    StudioTranslations(const StudioTranslations&) = delete;
    StudioTranslations& operator=(const StudioTranslations&) = delete;

    // Installs the translations for `locale` in the application, replacing those of an earlier call. Returns
    // whether NoteForge has a translation for it; English, the source language, needs none and returns false.
    bool load(const QLocale& locale = QLocale::system());
    // The language NoteForge speaks now ("de"), empty for its source English.
    QString language() const { return studio_.language(); }

private:
    void unload();

    QTranslator qt_;
    QTranslator studio_;
    QTranslator englishPlurals_;  // one and many of the "%n ...(s)" messages, when the studio speaks English
};

}  // namespace nf
