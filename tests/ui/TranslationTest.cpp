// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's language follows the locale: with German the menus read German (so a translation that is missing,
// not built into the program or not loaded fails here), with English or C they read English, and switching back and
// forth changes the menus of the next window. Every menu keeps its Alt+letter accelerators unique in each language,
// the shortcuts stay the same keys, and every message of every .ts file is translated with its placeholders.
#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <set>

#include "MainWindow.h"
#include "studio/StudioActions.h"
#include "studio/StudioTranslations.h"
#ifdef NF_HAVE_TORCH
#include "training/TrainingPanel.h"
#endif

namespace nf {

namespace {
const QLocale kGerman(QLocale::German, QLocale::Germany);

QStringList menuTitles(const MainWindow& w) {
    QStringList titles;
    for (const QAction* a : w.menuBar()->actions()) titles << a->text();
    return titles;
}

// Each entry's Alt+letter (after a single '&'; "&&" is a literal ampersand) must lead to one entry of its menu.
void expectUniqueAccelerators(const QList<QAction*>& entries, const QString& where) {
    QMap<QChar, QStringList> byLetter;
    for (const QAction* a : entries) {
        const QString text = a->text();
        for (qsizetype i = text.indexOf('&'); i >= 0 && i + 1 < text.size(); i = text.indexOf('&', i + 2)) {
            if (text[i + 1] == '&') continue;
            byLetter[text[i + 1].toLower()] << text;
            break;
        }
        if (a->menu()) expectUniqueAccelerators(a->menu()->actions(), where + " > " + text);
    }
    for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it)
        EXPECT_EQ(it.value().size(), 1) << where.toStdString() << ": Alt+" << QString(it.key()).toStdString()
                                        << " leads to " << it.value().join(", ").toStdString();
}

// The %1..%99 and %n markers of a text, which a translation must keep (a lost %2 drops a number from the message).
std::multiset<QString> placeholders(const QString& text) {
    static const QRegularExpression marker(QStringLiteral("%(\\d{1,2}|n)"));
    std::multiset<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();) found.insert(it.next().captured());
    return found;
}

// The (context, source) of every plural message ("%n piece(s)") of a .ts file.
std::set<std::pair<QString, QString>> pluralMessages(const QString& path) {
    std::set<std::pair<QString, QString>> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return out;
    QXmlStreamReader xml(&file);
    QString context;
    bool numerus = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("name")) context = xml.readElementText();
        else if (xml.name() == QLatin1String("message")) numerus = xml.attributes().value("numerus") == QLatin1String("yes");
        else if (xml.name() == QLatin1String("source") && numerus) out.insert({context, xml.readElementText()});
    }
    return out;
}

bool hasAccelerator(const QString& text) {
    return text.contains(QRegularExpression(QStringLiteral("&[^&\\s]"))) && !text.contains(QStringLiteral("&&"));
}
}  // namespace

TEST(Translations, SwitchingTheLocaleChangesTheMenus) {
    StudioTranslations language;
    ASSERT_TRUE(language.load(kGerman)) << "noteforge_de.qm is not among the program's resources";
    EXPECT_EQ(language.language(), "de");
    {
        MainWindow w;
        EXPECT_EQ(menuTitles(w), QStringList({"&Datei", "&Bearbeiten", "&Komponieren", "&Ansicht", "&Transport", "&Hilfe"}));
        EXPECT_EQ(w.actions()->openFolder->text(), QString::fromUtf8("&Ordner öffnen..."));
        EXPECT_EQ(w.actions()->gridActions.front()->text(), "Aus");  // the snap grid's own labels too
    }
    for (const QLocale& english : {QLocale(QLocale::English, QLocale::UnitedStates), QLocale::c()}) {
        EXPECT_FALSE(language.load(english)) << english.name().toStdString();
        EXPECT_TRUE(language.language().isEmpty());
        MainWindow w;
        EXPECT_EQ(menuTitles(w), QStringList({"&File", "&Edit", "&Compose", "&View", "&Transport", "&Help"}))
            << english.name().toStdString();
    }
    ASSERT_TRUE(language.load(kGerman));
    MainWindow w;
    EXPECT_EQ(menuTitles(w).value(0), "&Datei");
}

// The translators leave with their owner: the rest of test_ui (and a studio whose language object is gone) is English.
TEST(Translations, EnglishAgainOnceTheTranslationsAreGone) {
    { StudioTranslations language; ASSERT_TRUE(language.load(kGerman)); }
    MainWindow w;
    EXPECT_EQ(menuTitles(w).value(0), "&File");
}

TEST(Translations, EveryMenuKeepsItsAcceleratorsUnique) {
    for (const QLocale& locale : {kGerman, QLocale::c()}) {
        StudioTranslations language;
        language.load(locale);
        MainWindow w;
        expectUniqueAccelerators(w.menuBar()->actions(), locale.name());
    }
}

TEST(Translations, ShortcutsStayTheSameKeys) {
    auto keysOf = [](const QLocale& locale) {
        StudioTranslations language;
        language.load(locale);
        MainWindow w;
        QStringList keys;  // every action of the window, the undo stack's and the panels' included
        for (const QAction* a : w.findChildren<QAction*>())
            for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::PortableText);
        keys.sort();
        return keys;
    };
    const QStringList english = keysOf(QLocale::c());
    EXPECT_GT(english.size(), 20);
    EXPECT_EQ(keysOf(kGerman), english);
}

// Qt's own translation comes with the studio's: key names in menus and tooltips, standard buttons, file dialogs.
TEST(Translations, QtSpeaksTheStudiosLanguage) {
    const QString qtGerman = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + "/qtbase_de.qm";
    if (!QFile::exists(qtGerman)) GTEST_SKIP() << qtGerman.toStdString() << " is not installed (qt6-translations-l10n)";
    StudioTranslations language;
    ASSERT_TRUE(language.load(kGerman));
    EXPECT_EQ(QKeySequence("Ctrl+O").toString(QKeySequence::NativeText), "Strg+O");
    language.load(QLocale::c());
    EXPECT_EQ(QKeySequence("Ctrl+O").toString(QKeySequence::NativeText), "Ctrl+O");
}

#ifdef NF_HAVE_TORCH
// The trainer's English report of a stopped training reaches the status bar in German, its resume hint pointing at
// the panel's button.
TEST(Translations, TheTrainersReportIsSaidInTheStudiosLanguage) {
    TrainingResult r;
    r.message = "stopped at epoch 3, step 410; checkpoint saved (continue with --resume /m/tunes.nfmodel.ckpt)";
    StudioTranslations language;
    ASSERT_TRUE(language.load(kGerman));
    const QString text = TrainingPanel::studioMessage(r);
    EXPECT_TRUE(text.startsWith("angehalten in Epoche 3, Schritt 410; Checkpoint gespeichert")) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromUtf8("„Ab Checkpoint fortsetzen...“"))) << text.toStdString();
    EXPECT_TRUE(text.contains("/m/tunes.nfmodel.ckpt"));
}
#endif

// Run by ctest's ui_translations_from_environment_* with a locale in the environment, as a user's session sets it:
// load() with no argument reads it through QLocale::system().
TEST(Translations, TheEnvironmentChoosesTheLanguage) {
    const QString expected = qEnvironmentVariable("NF_TEST_LANGUAGE");
    if (expected.isEmpty()) GTEST_SKIP() << "run by ctest with LANGUAGE/LC_ALL/LANG set";
    StudioTranslations language;
    EXPECT_EQ(language.load(), expected != "en") << QLocale::system().name().toStdString();
    MainWindow w;
    EXPECT_EQ(menuTitles(w).value(0), expected == "de" ? "&Datei" : "&File");
}

// Every message of every translation is finished, keeps the source's %1..%n markers, and keeps an accelerator where
// the source has one; lupdate (cmake --build build --target update_translations) adds new messages unfinished.
TEST(Translations, EveryMessageIsTranslatedWithItsPlaceholders) {
    const QDir folder(QStringLiteral(NF_SOURCE_DIR "/ui/translations"));
    QStringList files = folder.entryList({"noteforge_*.ts"}, QDir::Files);
    ASSERT_FALSE(files.isEmpty()) << folder.path().toStdString();
    files << QStringLiteral("plurals/noteforge_en.ts");  // English's plural forms alone
    for (const QString& name : files) {
        QFile file(folder.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
        QXmlStreamReader xml(&file);
        int messages = 0;
        bool numerus = false;
        QString context, source;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                numerus = xml.attributes().value("numerus") == QLatin1String("yes");
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const std::string where = (name + " " + context + ": " + source).toStdString();
                const QString type = xml.attributes().value("type").toString();
                EXPECT_TRUE(type.isEmpty()) << where << " is " << type.toStdString();
                QStringList forms;
                if (!numerus) forms << xml.readElementText();
                while (numerus && xml.readNextStartElement()) forms << xml.readElementText();  // the <numerusform>s
                for (const QString& form : forms) {
                    EXPECT_FALSE(form.isEmpty()) << where << " has no translation";
                    std::multiset<QString> wanted = placeholders(source);
                    if (numerus && !form.contains(QStringLiteral("%n"))) wanted.erase(QStringLiteral("%n"));  // "eine Note"
                    EXPECT_EQ(placeholders(form), wanted) << where << " -> " << form.toStdString();
                    EXPECT_EQ(hasAccelerator(form), hasAccelerator(source)) << where << " -> " << form.toStdString();
                }
                EXPECT_FALSE(forms.isEmpty()) << where << " has no plural forms";
            }
        }
        EXPECT_FALSE(xml.hasError()) << name.toStdString() << ": " << xml.errorString().toStdString();
        EXPECT_GT(messages, name.startsWith("plurals/") ? 10 : 400) << name.toStdString();
    }
}

// English is the source language, but "%n piece(s)" needs its two forms too: the studio said "done: 2 epoch(s)".
// Every plural message has them (ui/translations/plurals/noteforge_en.ts, checked like the translations above), so
// a new one without English forms fails here.
TEST(Translations, EnglishSaysOneAndManyWhereTheSourceSaysPieceS) {
    const auto epochs = [](int n) { return QCoreApplication::translate("nf::TrainingPanel", "done: %n epoch(s)", nullptr, n); };
    {
        StudioTranslations language;
        EXPECT_FALSE(language.load(QLocale::c())) << "English is still no translation";
        EXPECT_EQ(epochs(1), "done: 1 epoch");
        EXPECT_EQ(epochs(2), "done: 2 epochs");
        EXPECT_EQ(QCoreApplication::translate("nf::StudioFiles", "%n generated piece(s) are not in a saved project", nullptr, 1),
                  "1 generated piece is not in a saved project");
        ASSERT_TRUE(language.load(kGerman));
        EXPECT_EQ(epochs(1), "fertig: 1 Epoche") << "German's own forms, not English's";
    }
    const QString folder = QStringLiteral(NF_SOURCE_DIR "/ui/translations");
    const auto english = pluralMessages(folder + "/plurals/noteforge_en.ts");
    EXPECT_FALSE(english.empty());
    EXPECT_EQ(english, pluralMessages(folder + "/noteforge_de.ts")) << "the same plural messages in English as in German";
}

}  // namespace nf
