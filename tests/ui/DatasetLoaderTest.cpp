// SPDX-License-Identifier: GPL-3.0-or-later
// The background loader and the table model, checked against the files on disk: one row per file, and for
// ABC files one piece per X: line (counted here independently of the engine's parser).
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "UiTestUtil.h"
#include "controllers/DatasetLoader.h"
#include "models/DatasetTableModel.h"

namespace nf {

namespace {

std::shared_ptr<const Dataset> loadWith(DatasetLoader& loader, const QString& path) {
    std::shared_ptr<const Dataset> result;
    QObject::connect(&loader, &DatasetLoader::loaded, [&](std::shared_ptr<const Dataset> d) { result = d; });
    loader.load(path);
    EXPECT_TRUE(uitest::waitFor([&] { return result != nullptr; })) << "loading " << path.toStdString() << " hung";
    return result;
}

QStringList musicFilesUnder(const QString& root) {
    QStringList out;
    QDirIterator it(root, {"*.mid", "*.abc"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) out << it.next();
    return out;
}

int countXFields(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return -1;
    int n = 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("X:")) ++n;
    return n;
}

}  // namespace

TEST(DatasetLoader, LoadsTheDemoInTheBackgroundAndTheTableShowsEveryFile) {
    DatasetLoader loader;
    QSignalSpy progress(&loader, &DatasetLoader::progress);
    auto ds = loadWith(loader, uitest::demoDir());
    ASSERT_NE(ds, nullptr);
    EXPECT_FALSE(ds->cancelled);
    EXPECT_GT(progress.count(), 0) << "no progress reached the GUI thread";
    const QList<QVariant> last = progress.last();
    EXPECT_EQ(last.at(0).toInt(), last.at(1).toInt()) << "the last progress report must say done == total";

    DatasetTableModel model;
    model.setDataset(ds);
    const QStringList music = musicFilesUnder(uitest::demoDir());
    ASSERT_EQ(music.size(), 42);  // demo-v1: 2 ABC files + 40 MIDI files
    int musicRows = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const FileStatus* f = model.fileAt(row);
        ASSERT_NE(f, nullptr);
        if (f->skipped) continue;
        ++musicRows;
        EXPECT_TRUE(f->ok) << f->error;
        const QString name = QString::fromStdString(f->file);
        const int expectedPieces = name.endsWith(".abc") ? countXFields(name) : 1;
        EXPECT_EQ(model.data(model.index(row, DatasetTableModel::Pieces)).toInt(), expectedPieces) << f->file;
        EXPECT_EQ(static_cast<int>(model.piecesOfRow(row).size()), expectedPieces) << f->file;
        std::size_t notes = 0;
        for (int p : model.piecesOfRow(row)) notes += ds->pieces[static_cast<std::size_t>(p)].score.noteCount();
        EXPECT_EQ(model.data(model.index(row, DatasetTableModel::Notes)).toULongLong(), notes) << f->file;
        EXPECT_EQ(model.data(model.index(row, DatasetTableModel::Status)).toString(), "OK");
    }
    EXPECT_EQ(musicRows, music.size());
    EXPECT_EQ(model.totals().pieces, 100u);  // 60 tunes + 40 MIDI files
}

TEST(DatasetLoader, BadFilesAreRowsWithTheirErrors) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString good = uitest::demoDir() + "/midi/pianobooster/BoosterMusic-04-FrereJacques.mid";
    ASSERT_TRUE(QFile::copy(good, dir.filePath("good.mid")));
    QFile in(good);
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QFile truncated(dir.filePath("truncated.mid"));
    ASSERT_TRUE(truncated.open(QIODevice::WriteOnly));
    truncated.write(bytes.left(30));
    truncated.close();
    QFile junk(dir.filePath("junk.mid"));
    ASSERT_TRUE(junk.open(QIODevice::WriteOnly));
    junk.write("MThd this is not a MIDI file at all");
    junk.close();

    DatasetLoader loader;
    auto ds = loadWith(loader, dir.path());
    ASSERT_NE(ds, nullptr);
    DatasetTableModel model;
    model.setDataset(ds);
    ASSERT_EQ(model.rowCount(), 3);
    int failed = 0;
    for (int row = 0; row < 3; ++row) {
        const QString name = model.data(model.index(row, DatasetTableModel::File)).toString();
        const QString error = model.data(model.index(row, DatasetTableModel::Error)).toString();
        if (name == "good.mid") {
            EXPECT_TRUE(error.isEmpty());
            continue;
        }
        ++failed;
        EXPECT_EQ(model.data(model.index(row, DatasetTableModel::Status)).toString(), "Failed");
        EXPECT_TRUE(error.contains(name)) << "the error names the file: " << error.toStdString();
    }
    EXPECT_EQ(failed, 2);
    EXPECT_EQ(model.totals().filesFailed, 2u);
    EXPECT_EQ(model.piecesOfRow(0).size() + model.piecesOfRow(1).size() + model.piecesOfRow(2).size(), 1u);
}

TEST(DatasetLoader, ANewLoadSupersedesTheRunningOneAndEachLoadEndsOnce) {
    DatasetLoader loader;
    QSignalSpy loaded(&loader, &DatasetLoader::loaded);
    loader.load(QStringLiteral(NF_SHARED_DATA));
    loader.load(uitest::demoDir());
    ASSERT_TRUE(uitest::waitFor([&] { return loaded.count() >= 1 && !loader.isLoading(); }));
    QTest::qWait(50);
    ASSERT_EQ(loaded.count(), 1);
    auto ds = loaded.first().at(0).value<std::shared_ptr<const Dataset>>();
    EXPECT_NE(QString::fromStdString(ds->root).indexOf("resources/demo"), -1);
}

TEST(DatasetLoader, CancelStopsALargeLoad) {
    if (!QFileInfo::exists(QStringLiteral(NF_SHARED_DATA))) GTEST_SKIP() << "no shared data";
    DatasetLoader loader;
    QSignalSpy loaded(&loader, &DatasetLoader::loaded);
    loader.load(QStringLiteral(NF_SHARED_DATA));
    loader.cancel();
    ASSERT_TRUE(uitest::waitFor([&] { return loaded.count() == 1; }));
    auto ds = loaded.first().at(0).value<std::shared_ptr<const Dataset>>();
    // Either the cancel came in time (marked, and files not reached are left out) or the load had already
    // finished every file.
    std::size_t onDisk = 0;
    const QString root = QDir(QStringLiteral(NF_SHARED_DATA)).canonicalPath();
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) onDisk += it.next().mid(root.size()).contains("/.") ? 0 : 1;  // hidden: not visited
    if (ds->cancelled)
        EXPECT_LT(ds->files.size(), onDisk);
    else
        EXPECT_EQ(ds->files.size(), onDisk);
}

TEST(DatasetLoader, MissingPathFailsWithAMessage) {
    DatasetLoader loader;
    QSignalSpy loaded(&loader, &DatasetLoader::loaded);
    QSignalSpy failed(&loader, &DatasetLoader::failed);
    loader.load("/nonexistent/noteforge/folder");
    ASSERT_TRUE(uitest::waitFor([&] { return loaded.count() + failed.count() == 1; }));
    if (failed.count() == 1) EXPECT_FALSE(failed.first().at(1).toString().isEmpty());
    else {
        auto ds = loaded.first().at(0).value<std::shared_ptr<const Dataset>>();
        ASSERT_FALSE(ds->files.empty());
        EXPECT_FALSE(ds->files.front().ok);
    }
}

}  // namespace nf
