// SPDX-License-Identifier: GPL-3.0-or-later
// Export from the studio, read back by the engine's own readers.
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

#include "UiTestUtil.h"
#include "abc/AbcReader.h"
#include "controllers/ExportController.h"
#include "document/ScoreDocument.h"
#include "smf/MidiFileReader.h"
#ifdef NF_HAVE_AUDIO
#include "audio/AudioFileReader.h"
#include "sound/AudioExportDialog.h"
#include "sound/AudioExporter.h"
#endif

namespace nf {


TEST(Export, EditedPieceWrittenAsMidiReadsBackTheSame) {
    ScoreDocument doc;
    doc.setScore(uitest::demoScore(), "export");
    // An edit first: export writes what is on screen, not the file that was opened.
    Note extra{doc.newNoteId(), 100, 64, 960, 480};
    doc.pushNoteChanges("insert", {{0, std::nullopt, extra}});
    ExportController exporter(&doc);
    QTemporaryDir dir;
    const QString path = dir.filePath("out.mid");
    ASSERT_EQ(exporter.exportMidi(path, false), QString());
    const MidiReadResult back = readMidiFile(path.toStdString());
    Score expected = doc.score();
    expected.rescale(back.score.ppq());
    EXPECT_EQ(uitest::notesOf(back.score), uitest::notesOf(expected));

    doc.setSelection({extra.id});
    const QString sel = dir.filePath("selection.mid");
    ASSERT_EQ(exporter.exportMidi(sel, true), QString());
    const MidiReadResult part = readMidiFile(sel.toStdString());
    ASSERT_EQ(part.score.noteCount(), 1u);
    EXPECT_EQ(uitest::notesOf(part.score)[0][0], std::make_tuple(100, Tick(960) * part.score.ppq() / doc.score().ppq(),
                                                         Tick(480) * part.score.ppq() / doc.score().ppq(), 64));
    EXPECT_FALSE(exporter.exportMidi(dir.filePath("no/such/dir/x.mid"), false).isEmpty());
}

// A generated piece (events or paper model) may come without track names or a time signature; its MIDI file has
// both, so a DAW shows the instruments and the bars.
TEST(Export, MidiOfAnyPieceNamesItsTracksAndStatesTheMeter) {
    Score s(480);
    s.tracks.resize(2);
    s.tracks[0].program = 40;  // violin
    s.tracks[1].isDrum = true;
    s.tracks[1].channel = 9;
    s.addNote(0, Note{0, 67, 80, 0, 480});
    s.addNote(1, Note{0, 36, 100, 0, 240});
    ASSERT_TRUE(s.timeSignatures.empty());
    ScoreDocument doc;
    doc.setScore(s, "generated");
    ExportController exporter(&doc);
    QTemporaryDir dir;
    ASSERT_EQ(exporter.exportMidi(dir.filePath("g.mid"), false), QString());
    const Score back = readMidiFile(dir.filePath("g.mid").toStdString()).score;
    ASSERT_EQ(back.tracks.size(), 2u);
    EXPECT_EQ(back.tracks[0].name, "Violin");
    EXPECT_EQ(back.tracks[1].name, "Drums");
    ASSERT_EQ(back.timeSignatures.size(), 1u) << "no time signature in the file";
    EXPECT_EQ(back.timeSignatures[0].numerator, 4);
    EXPECT_EQ(back.timeSignatures[0].denominator, 4);
}

TEST(Export, MelodyWrittenAsAbcReadsBackTheSamePitches) {
    Score s(480);
    s.tracks.resize(1);
    int pitches[] = {62, 64, 66, 67, 69, 71, 73, 74};
    for (int i = 0; i < 8; ++i) s.addNote(0, Note{0, pitches[i], 80, i * 240, 240});
    ScoreDocument doc;
    doc.setScore(s, "scale");
    ExportController exporter(&doc);
    QTemporaryDir dir;
    const QString path = dir.filePath("scale.abc");
    ASSERT_EQ(exporter.exportAbc(path), QString());
    auto tunes = readAbcFile(path.toStdString());
    ASSERT_EQ(tunes.size(), 1u);
    ASSERT_TRUE(tunes[0].score.has_value());
    std::vector<int> back;
    for (const Note& n : tunes[0].score->tracks.at(0).notes) back.push_back(n.pitch);
    EXPECT_EQ(back, std::vector<int>(std::begin(pitches), std::end(pitches)));
}

#ifdef NF_HAVE_AUDIO
TEST(Export, AudioIsRenderedInTheBackgroundToAReadableFile) {
    Score s(480);
    s.tracks.resize(1);
    for (int i = 0; i < 4; ++i) s.addNote(0, Note{0, 60 + i * 4, 100, i * 480, 480});
    QTemporaryDir dir;
    const QString path = dir.filePath("out.wav");
    AudioExporter exporter;
    QSignalSpy progress(&exporter, &AudioExporter::progress);
    QSignalSpy finished(&exporter, &AudioExporter::finished);
    exporter.start(s, path, QString(), Mix{});
    ASSERT_TRUE(uitest::waitFor([&] { return finished.count() == 1; }, 120000));
    ASSERT_TRUE(finished.first().at(1).toBool()) << finished.first().at(2).toString().toStdString();
    const AudioBuffer audio = readAudioFile(path.toStdString());
    EXPECT_GE(audio.seconds(), s.durationSeconds());  // the music plus its release tail
    float peak = 0;
    for (float x : audio.samples) peak = std::max(peak, std::abs(x));
    EXPECT_GT(peak, 0.01f) << "silent render";
    EXPECT_GT(progress.count(), 0);
}

// Audio export keeps playback's level unless normalising was chosen: then the loudest sample is at -1 dBFS.
TEST(Export, AudioIsNormalisedOnlyWhenAsked) {
    Score s(480);
    s.tracks.resize(1);
    for (int i = 0; i < 4; ++i) s.addNote(0, Note{0, 60 + i * 4, 100, i * 480, 480});
    QTemporaryDir dir;
    QStringList said;
    auto peakOf = [&](const QString& name, bool normalize) {
        AudioExporter exporter;
        QSignalSpy finished(&exporter, &AudioExporter::finished);
        exporter.start(s, dir.filePath(name), QString(), Mix{}, normalize);
        EXPECT_TRUE(uitest::waitFor([&] { return finished.count() == 1; }, 120000));
        said << finished.first().at(2).toString();
        float peak = 0;
        for (float x : readAudioFile(dir.filePath(name).toStdString()).samples) peak = std::max(peak, std::abs(x));
        return peak;
    };
    const float plain = peakOf("plain.wav", false);
    const float normalised = peakOf("normalised.wav", true);
    EXPECT_NEAR(normalised, 0.891f, 0.01f);
    EXPECT_LT(plain, normalised) << "the plain export was raised too";
    EXPECT_GT(plain, 0.0f);
    // The Log line says the level, and how to raise a quiet one (a melody at playback's level is quiet).
    ASSERT_EQ(said.size(), 2);
    EXPECT_TRUE(said[0].contains(QString("peak %1 dBFS").arg(20 * std::log10(plain), 0, 'f', 1))) << said[0].toStdString();
    EXPECT_TRUE(said[0].contains("Normalise")) << said[0].toStdString();
    EXPECT_TRUE(said[1].contains("peak -1.0 dBFS")) << said[1].toStdString();
    EXPECT_FALSE(said[1].contains("Normalise")) << said[1].toStdString();
    // The dialog starts ticked until the musician unticks it once.
    QSettings().remove("export/normaliseAudio");
    QSettings().setValue("export/normalizeAudio", false);  // the old key, written unticked by every earlier export
    EXPECT_TRUE(AudioExportDialog::rememberedNormalize());
    QSettings().setValue("export/normaliseAudio", false);
    EXPECT_FALSE(AudioExportDialog::rememberedNormalize());
    QSettings().remove("export/normaliseAudio");
    QSettings().remove("export/normalizeAudio");
}
#endif

}  // namespace nf
