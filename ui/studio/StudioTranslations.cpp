// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/StudioTranslations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace nf {

namespace {
// Loads the first of the locale's languages (in the user's order, e.g. LANGUAGE=de_AT:de) that has a file
// <base>_<lang>.qm in `folder`. Stops at English, which is NoteForge's source language: someone who lists English
// before German wants English, and Qt's own English needs no file either.
bool loadFirst(QTranslator& translator, const QLocale& locale, const QString& base, const QString& folder) {
    for (const QString& name : locale.uiLanguages()) {
        const QLocale language(name);
        if (language.language() == QLocale::English) return false;
        if (translator.load(language, base, QStringLiteral("_"), folder)) return true;
    }
    return false;
}
}  // namespace

StudioTranslations::~StudioTranslations() { unload(); }

bool StudioTranslations::load(const QLocale& locale) {
    unload();
    // NoteForge's own are resources (ui/CMakeLists.txt), so the build tree, the tests and the package find them alike.
    const bool studio = loadFirst(studio_, locale, QStringLiteral("noteforge"), QStringLiteral(":/i18n"));
    if (studio) QCoreApplication::installTranslator(&studio_);
    // English, the source language, still needs its plural forms: "1 piece", "2 pieces" for the sources' "%n piece(s)".
    else if (englishPlurals_.load(QStringLiteral(":/i18n/plurals/noteforge_en.qm")))
        QCoreApplication::installTranslator(&englishPlurals_);
    // Qt's come from the system (Debian's qt6-translations-l10n), where every Qt program finds them; without that
    // package the studio still speaks its language, with Qt's buttons in English. In the studio's language when it
    // has one, so that LANGUAGE=fr:de does not mix French dialogs into a German studio.
    const QLocale qtLocale = studio ? QLocale(studio_.language()) : locale;
    if (loadFirst(qt_, qtLocale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt_);
    return studio;
}

void StudioTranslations::unload() {
    // Removing a translator that was never installed is harmless; load() on an empty translator empties it.
    QCoreApplication::removeTranslator(&studio_);
    QCoreApplication::removeTranslator(&qt_);
    QCoreApplication::removeTranslator(&englishPlurals_);
    (void)studio_.load(QString());
    (void)qt_.load(QString());
    (void)englishPlurals_.load(QString());
}

}  // namespace nf
