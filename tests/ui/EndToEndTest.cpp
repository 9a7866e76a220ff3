// SPDX-License-Identifier: GPL-3.0-or-later
// The round trip through the real main window: open a folder, train a tiny model, see the charts get points,
// generate, see the piece in the piano roll with its confidence, edit and undo, export MIDI.
#ifdef NF_TEST_HAVE_TRAINING

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QSpinBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "MainWindow.h"
#include "studio/StudioActions.h"
#include "UiTestUtil.h"
#include "controllers/ExportController.h"
#include "document/ScoreDocument.h"
#include "generation/GenerationModel.h"
#include "generation/GenerationPanel.h"
#include "generation/StudioGeneration.h"
#include "music/BarGrid.h"
#include "pianoroll/PianoRollView.h"
#include "steering/SteeringController.h"
#include "steering/SteeringForm.h"
#include "steering/SteeringStrip.h"
#include "steering/StudioSteering.h"
#include "studio/StudioFiles.h"
#include "smf/MidiFileReader.h"
#ifdef NF_HAVE_AUDIO
#include "audio/AudioFileReader.h"
#include "sound/AudioExporter.h"
#include "sound/StudioSound.h"
#endif
#include "dataset/BaseModels.h"
#include "models/DatasetTableModel.h"
#include "training/BaseModelChoice.h"
#include "training/HyperparameterForm.h"
#include "training/ModelAdapter.h"
#include "training/ModelFile.h"
#include "training/StudioTraining.h"
#include "training/TrainingCharts.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"

namespace nf {

namespace {
// A few short demo pieces: enough to learn from for two epochs in seconds.
QString smallDataset(const QTemporaryDir& dir) {
    const QString src = uitest::demoDir() + "/midi/pianobooster/";
    for (const char* f : {"BeginnerCourse-01-StartWithMiddleC.mid", "BeginnerCourse-03-UpAndDown.mid",
                          "BoosterMusic-04-FrereJacques.mid"})
        QFile::copy(src + f, dir.filePath(f));
    return dir.path();
}

// Shows the window with smallDataset() loaded; false when the load never finished.
bool showSmallDataset(MainWindow& w, const QTemporaryDir& data) {
    w.show();
    bool ready = false;
    QObject::connect(&w, &MainWindow::datasetReady, [&] { ready = true; });
    w.openInitial(smallDataset(data));
    return uitest::waitFor([&] { return ready; });
}

// Presses Start on the Training panel as it is set and waits for the run to end: its result, or the message of a
// run that failed ("ended" stays false when it hung).
struct StudioTrainingRun {
    bool ended = false;
    TrainingResult result;
    QString failure;
};
StudioTrainingRun trainInStudio(MainWindow& w) {
    StudioTrainingRun run;
    TrainingController* controller = w.module<StudioTraining>()->controller();
    const auto finished = QObject::connect(controller, &TrainingController::finished, [&](const TrainingResult& r) {
        run.result = r;
        run.ended = true;
    });
    const auto failed = QObject::connect(controller, &TrainingController::failed, [&](const QString& m) {
        run.failure = m;
        run.ended = true;
    });
    w.module<StudioTraining>()->panel()->startTraining();
    uitest::waitFor([&] { return run.ended; }, 300000);
    QObject::disconnect(finished);
    QObject::disconnect(failed);
    return run;
}

TrainingConfig tinyConfig() {
    TrainingConfig c = TrainingConfig::forModel(ModelKind::Lstm);
    c.epochs = 2;
    c.batchSize = 4;
    c.seqLength = 32;
    c.model.hiddenSize = 24;
    c.model.layers = 1;
    c.model.embedDim = 8;
    c.valShare = 0.34;
    c.metricsEverySteps = 2;
    c.checkpointEvery = 1;
    c.device = "cpu";
    c.threads = 1;
    return c;
}
}  // namespace

TEST(EndToEnd, OpenTrainGenerateEditUndoExport) {
    QTemporaryDir data, out;
    MainWindow w;
    ASSERT_TRUE(showSmallDataset(w, data));
    ASSERT_NE(w.module<StudioTraining>(), nullptr);
    ASSERT_NE(w.module<StudioGeneration>(), nullptr);

    // Train.
    TrainingPanel* tp = w.module<StudioTraining>()->panel();
    tp->form()->setConfig(tinyConfig());
    tp->startFrom()->chooseNothing();  // a new model from the form, not the base that fits the data
    const StudioTrainingRun run = trainInStudio(w);
    ASSERT_TRUE(run.ended) << "training hung";
    ASSERT_TRUE(run.failure.isEmpty()) << run.failure.toStdString();
    const TrainingResult& result = run.result;
    EXPECT_EQ(result.outcome, TrainingOutcome::Finished) << result.message;
    EXPECT_EQ(result.epochsDone, 2);
    ASSERT_TRUE(QFile::exists(QString::fromStdString(result.modelPath)));
    const auto points = tp->charts()->pointCounts();
    EXPECT_EQ(points[0], 2) << "one training-loss point per epoch";
    EXPECT_EQ(points[1], 2) << "one validation-loss point per epoch";
    EXPECT_GT(points[2], 0) << "per-step loss points";
    EXPECT_GE(tp->models()->count(), 1);
    // Listen while it trains: the default takes a sample every 2 epochs, measured for copying (overfit meter).
    ASSERT_TRUE(uitest::waitFor([&] { return tp->samples()->count() >= 1; }, 120000)) << "no sample while training";
    EXPECT_NE(tp->samples()->item(0)->text().indexOf("longest copy"), -1);
    // The weights each sample was taken from were a copy beside the model: gone once the sample is made, not piled
    // up in the user's models folder.
    const QStringList leftOver =
        QFileInfo(QString::fromStdString(result.modelPath)).dir().entryList({"*.sample"}, QDir::Files);
    EXPECT_TRUE(leftOver.isEmpty()) << leftOver.join(", ").toStdString();

    // Generate with the model the training just wrote (handed to the Generation panel by itself).
    GenerationPanel* gp = w.module<StudioGeneration>()->panel();
    EXPECT_EQ(gp->modelPath(), QString::fromStdString(result.modelPath));
    gp->lengthBox()->setValue(80);
    gp->variationsBox()->setValue(2);
    const Score before = w.document()->score();
    gp->startGeneration();
    ASSERT_TRUE(uitest::waitFor([&] { return gp->generateButton()->isEnabled(); }, 120000));
    ASSERT_EQ(gp->results().size(), 2u);
    EXPECT_EQ(gp->table()->rowCount(), 2);
    EXPECT_TRUE(gp->results()[0].evaluation.has_value()) << "results are evaluated against the loaded data";
    // The first result is in the piano roll, its generated notes with the model's confidence.
    EXPECT_TRUE(w.document()->name().startsWith("Generated 1"));
    EXPECT_FALSE(w.document()->score() == before);
    EXPECT_EQ(w.document()->score().noteCount(), gp->results()[0].piece.score.noteCount());
    if (w.document()->score().noteCount() > 0) {
        EXPECT_TRUE(w.document()->hasInsights());
    }

    // Edit and undo.
    const Score generated = w.document()->score();
    if (generated.noteCount() > 0) {
        w.actions()->selectAll->trigger();
        w.actions()->transposeUp->trigger();
        EXPECT_FALSE(w.document()->score() == generated);
        w.actions()->undo->trigger();
        EXPECT_TRUE(w.document()->score() == generated);
    }

    // Export MIDI, read back.
    const QString midi = out.filePath("generated.mid");
    ASSERT_EQ(w.exporter()->exportMidi(midi, false), QString());
    EXPECT_EQ(readMidiFile(midi.toStdString()).score.noteCount(), generated.noteCount());

#ifdef NF_HAVE_AUDIO
    // Export WAV in the background.
    if (generated.noteCount() > 0) {
        ASSERT_NE(w.module<StudioSound>(), nullptr);
        const QString wav = out.filePath("generated.wav");
        bool rendered = false, ok = false;
        QObject::connect(w.module<StudioSound>()->exporter(), &AudioExporter::finished, [&](const QString&, bool good, const QString&) {
            rendered = true;
            ok = good;
        });
        w.module<StudioSound>()->exporter()->start(w.document()->score(), wav, QString(), Mix{});
        ASSERT_TRUE(uitest::waitFor([&] { return rendered; }, 120000));
        EXPECT_TRUE(ok);
        EXPECT_GT(readAudioFile(wav.toStdString()).seconds(), 0.0);
    }
#endif

    // Save the session and reopen it in a fresh window: the generated pieces and the piece in the editor return.
    const QString project = out.filePath("session.nfproject");
    ASSERT_EQ(w.files()->saveProjectTo(project), QString());
    w.document()->undoStack()->setClean();
    MainWindow again;
    bool reloaded = false;
    QObject::connect(&again, &MainWindow::datasetReady, [&] { reloaded = true; });
    ASSERT_EQ(again.files()->openProject(project), QString());
    ASSERT_TRUE(uitest::waitFor([&] { return reloaded && again.document()->name() == w.document()->name(); }));
    EXPECT_EQ(uitest::notesOf(again.document()->score()), uitest::notesOf(generated));
    EXPECT_EQ(again.module<StudioGeneration>()->panel()->table()->rowCount(), 2);
    EXPECT_TRUE(again.module<StudioTraining>()->panel()->modelPaths().contains(QString::fromStdString(result.modelPath)));
}

// The studio trains a transformer (the Training panel's preset, made tiny) and the Generation panel writes pieces
// with it through the torch-free decoder.
TEST(EndToEnd, TheStudioTrainsAndGeneratesWithATransformer) {
    QTemporaryDir data;
    MainWindow w;
    ASSERT_TRUE(showSmallDataset(w, data));

    TrainingPanel* tp = w.module<StudioTraining>()->panel();
    TrainingConfig c = TrainingConfig::forModel(ModelKind::Transformer, ModelSize::Small);
    c.epochs = 2;
    c.batchSize = 4;
    c.seqLength = 32;
    c.model.embedDim = 32;
    c.model.heads = 2;
    c.model.layers = 1;
    c.model.hiddenSize = 64;
    c.optimizer.warmupSteps = 2;
    c.valShare = 0.34;
    c.device = "cpu";
    c.threads = 1;
    tp->form()->setConfig(c);
    ASSERT_TRUE(tp->form()->config().model.isTransformer()) << "the form keeps the model kind";
    tp->startFrom()->chooseNothing();  // a new model from the form, not the base that fits the data
    const StudioTrainingRun run = trainInStudio(w);
    ASSERT_TRUE(run.ended) << "training hung";
    ASSERT_TRUE(run.failure.isEmpty()) << run.failure.toStdString();
    const TrainingResult& result = run.result;
    EXPECT_EQ(result.outcome, TrainingOutcome::Finished) << result.message;

    GenerationPanel* gp = w.module<StudioGeneration>()->panel();
    ASSERT_EQ(gp->modelPath(), QString::fromStdString(result.modelPath));
    gp->lengthBox()->setValue(120);
    gp->variationsBox()->setValue(2);
    gp->startGeneration();
    ASSERT_TRUE(uitest::waitFor([&] { return gp->generateButton()->isEnabled(); }, 120000));
    ASSERT_EQ(gp->results().size(), 2u);
    EXPECT_TRUE(w.document()->name().startsWith("Generated 1"));
    EXPECT_EQ(w.document()->score().noteCount(), gp->results()[0].piece.score.noteCount());
}

// The Drums preset trains the drums model on the drum parts of the loaded data (issue 19), and the Generation panel
// writes a drum track on channel 10 with it.
TEST(EndToEnd, TheStudioTrainsADrumsModelAndGeneratesDrums) {
    QTemporaryDir data;
    MainWindow w;
    ASSERT_TRUE(showSmallDataset(w, data));
    TrainingPanel* tp = w.module<StudioTraining>()->panel();
    tp->form()->applyPreset(HyperparameterForm::presetNames().indexOf("Drums (LSTM)"));
    TrainingConfig c = tp->form()->config();
    ASSERT_EQ(c.tokenizer.kind, TokenizerKind::Drums);
    c.epochs = 2;
    c.model.hiddenSize = 24;
    c.model.layers = 1;
    c.valShare = 0.34;
    c.device = "cpu";
    c.threads = 1;
    tp->form()->setConfig(c);
    tp->startFrom()->chooseNothing();
    const StudioTrainingRun run = trainInStudio(w);
    ASSERT_TRUE(run.ended) << "training hung";
    ASSERT_TRUE(run.failure.isEmpty()) << run.failure.toStdString();
    const TrainingResult& result = run.result;
    EXPECT_EQ(result.outcome, TrainingOutcome::Finished) << result.message;

    GenerationPanel* gp = w.module<StudioGeneration>()->panel();
    ASSERT_EQ(gp->modelPath(), QString::fromStdString(result.modelPath));
    gp->lengthBox()->setValue(150);
    gp->variationsBox()->setValue(1);
    gp->startGeneration();
    ASSERT_TRUE(uitest::waitFor([&] { return gp->generateButton()->isEnabled(); }, 120000));
    ASSERT_EQ(gp->results().size(), 1u);
    const Score& drums = gp->results()[0].piece.score;
    ASSERT_EQ(drums.tracks.size(), 1u);
    EXPECT_TRUE(drums.tracks[0].isDrum);
    EXPECT_EQ(drums.tracks[0].channel, 9);
}

// The preset "Paper: drum LSTM-GAN" trains the drum GAN on the drum parts of the loaded data (issue 19): the charts
// show the generator's and the critic's losses while it trains, and the Generation panel writes whole bars of drums
// on channel 10 with it.
TEST(EndToEnd, TheStudioTrainsThePapersDrumGanWithBothLossesLiveAndDrumsWithIt) {
    QTemporaryDir data;
    MainWindow w;
    ASSERT_TRUE(showSmallDataset(w, data));
    TrainingPanel* tp = w.module<StudioTraining>()->panel();
    tp->form()->applyPreset(HyperparameterForm::presetNames().indexOf("Paper: drum LSTM-GAN"));
    TrainingConfig c = tp->form()->config();
    ASSERT_EQ(c.model.kind, ModelKind::DrumGan);
    c.epochs = 2;
    c.model.hiddenSize = 16;
    c.model.gan.criticSteps = 1;
    c.batchSize = 16;
    c.valShare = 0.34;
    c.metricsEverySteps = 1;
    c.device = "cpu";
    c.threads = 1;
    tp->form()->setConfig(c);
    tp->startFrom()->chooseNothing();
    const StudioTrainingRun run = trainInStudio(w);
    ASSERT_TRUE(run.ended) << "training hung";
    ASSERT_TRUE(run.failure.isEmpty()) << run.failure.toStdString();
    EXPECT_EQ(run.result.outcome, TrainingOutcome::Finished) << run.result.message;
    EXPECT_TRUE(tp->charts()->adversarial());
    const auto points = tp->charts()->pointCounts();
    EXPECT_EQ(points[0], 2) << "the generator's loss per epoch";
    EXPECT_EQ(points[1], 2) << "the critic's loss per epoch";
    EXPECT_GT(points[5], 0) << "the critic's loss per step";
    EXPECT_EQ(points[4], 2) << "the held-out figure distance per epoch";

    GenerationPanel* gp = w.module<StudioGeneration>()->panel();
    ASSERT_EQ(gp->modelPath(), QString::fromStdString(run.result.modelPath));
    gp->variationsBox()->setValue(1);
    gp->startGeneration();
    ASSERT_TRUE(uitest::waitFor([&] { return gp->generateButton()->isEnabled(); }, 120000));
    ASSERT_EQ(gp->results().size(), 1u);
    const Score& drums = gp->results()[0].piece.score;
    ASSERT_EQ(drums.tracks.size(), 1u);
    EXPECT_TRUE(drums.tracks[0].isDrum);
    EXPECT_EQ(drums.tracks[0].channel, 9);
    EXPECT_GT(drums.noteCount(), 0u);
}

// A first training in the studio starts from the base model that fits the loaded data (issue 18): "Start from"
// shows it before Start, and the model written is that base fine-tuned, its data card saying so.
TEST(EndToEnd, TheStudioFineTunesTheBaseModelThatFitsTheData) {
    QTemporaryDir data;
    MainWindow w;
    ASSERT_TRUE(showSmallDataset(w, data));
    TrainingPanel* tp = w.module<StudioTraining>()->panel();
    std::vector<const Score*> scores;
    const auto dataset = w.datasetModel()->dataset();
    ASSERT_TRUE(dataset);
    for (const Piece& p : dataset->pieces) scores.push_back(&p.score);
    const std::string expected = fittingBaseModel(scores);
    ASSERT_EQ(tp->startFrom()->initPath().toStdString(), resolveBaseModel(expected)) << "Start from follows the data";
    ASSERT_FALSE(tp->startFrom()->initPath().isEmpty());
    EXPECT_EQ(tp->startFrom()->currentText(), QStringLiteral("Base model: %1").arg(QString::fromStdString(expected)));

    TrainingConfig c = tinyConfig();  // the form's run settings apply; its network does not
    c.epochs = 1;
    tp->form()->setConfig(c);
    const StudioTrainingRun run = trainInStudio(w);
    ASSERT_TRUE(run.ended) << "training hung";
    ASSERT_TRUE(run.failure.isEmpty()) << run.failure.toStdString();
    const TrainingResult& result = run.result;
    EXPECT_TRUE(QFileInfo(QString::fromStdString(result.modelPath)).fileName().contains(QString::fromStdString(expected) + "-tuned"))
        << result.modelPath << ": named after its base";
    const ModelFile model = readModelFile(result.modelPath);
    EXPECT_EQ(TrainingConfig::fromJson(model.configJson).model.kind, ModelKind::Transformer) << "the base's network";
    EXPECT_EQ(nlohmann::json::parse(model.cardJson).at("fine_tuned_from").at("name"), expected);
    // The base's period of step rows (50) is longer than this epoch: the studio asks for rows of its own, so the
    // chart's per-step curve shows (it was empty in a short fine-tune).
    const auto stepRows = std::count_if(result.history.begin(), result.history.end(), [](const MetricsRow& r) { return r.step.has_value(); });
    EXPECT_EQ(stepRows, result.steps) << "an epoch of fewer than 20 steps: a row every step";
    EXPECT_EQ(tp->charts()->pointCounts()[2], static_cast<int>(stepRows)) << "drawn as the per-step curve";

    // Picking a preset means a new network: Start from goes back to nothing and stays there.
    tp->form()->presetBox()->activated(0);
    EXPECT_TRUE(tp->startFrom()->initPath().isEmpty());
    tp->suggestBaseModel();
    EXPECT_TRUE(tp->startFrom()->initPath().isEmpty()) << "the musician's choice is kept";
}

// "Adapters only" (issue 18's stretch goal): the studio trains low-rank adapters on the fitting base; the model
// written is a small adapter file that opens on top of that base, and the box is offered only with a base.
TEST(EndToEnd, TheStudioTrainsAdaptersOnTheBaseIntoASmallFileThatOpensOnIt) {
    QTemporaryDir data;
    MainWindow w;
    ASSERT_TRUE(showSmallDataset(w, data));
    TrainingPanel* tp = w.module<StudioTraining>()->panel();
    const QString base = tp->startFrom()->initPath();
    ASSERT_FALSE(base.isEmpty());
    ASSERT_TRUE(tp->adaptersOnly()->isEnabled());
    tp->adaptersOnly()->setChecked(true);

    TrainingConfig c = tinyConfig();
    c.epochs = 1;
    tp->form()->setConfig(c);
    const StudioTrainingRun run = trainInStudio(w);
    ASSERT_TRUE(run.ended) << "training hung";
    ASSERT_TRUE(run.failure.isEmpty()) << run.failure.toStdString();
    const QString path = QString::fromStdString(run.result.modelPath);
    EXPECT_TRUE(QFileInfo(path).fileName().contains("-adapter")) << path.toStdString();
    const ModelFile adapter = readModelFile(run.result.modelPath);
    EXPECT_EQ(adapter.kind, ModelFileKind::Adapter);
    const auto settings = TrainingConfig::fromJson(adapter.configJson).model.adapter;
    EXPECT_EQ(settings.rank, TrainingPanel::kAdapterRank);
    EXPECT_EQ(settings.base, QFileInfo(base).completeBaseName().toStdString()) << "a base model is named, not its path";
    EXPECT_LT(QFileInfo(path).size() * 4, QFileInfo(base).size());
    // Opened, it is its base with the adapters folded in: the base's network, some weights moved by the training.
    const ModelFile opened = openModelFile(run.result.modelPath);
    const ModelFile plain = readModelFile(base.toStdString());
    ASSERT_EQ(opened.tensors.size(), plain.tensors.size());
    std::size_t moved = 0;
    for (std::size_t i = 0; i < plain.tensors.size(); ++i) {
        ASSERT_EQ(opened.tensors[i].name, plain.tensors[i].name);
        moved += opened.tensors[i].values != plain.tensors[i].values;
    }
    EXPECT_GT(moved, 0u);
    EXPECT_NO_THROW(GenerationModel::open(run.result.modelPath));

    tp->startFrom()->chooseNothing();
    EXPECT_FALSE(tp->adaptersOnly()->isEnabled()) << "a new model has no base to adapt";
}

// The co-writer path without a terminal: the studio trains a remi model, Compose rewrites two bars of one track
// (three candidates, one kept) and adds a drum part, the piece is exported as MIDI with the drums on channel 10,
// and undo walks all of it back.
TEST(EndToEnd, TheStudioTrainsARemiModelThenRewritesBarsAddsDrumsAndExports) {
    QTemporaryDir data;
    MainWindow w;
    ASSERT_TRUE(showSmallDataset(w, data));

    TrainingConfig c = tinyConfig();
    c.tokenizer.kind = TokenizerKind::Remi;
    w.module<StudioTraining>()->panel()->form()->setConfig(c);
    ASSERT_EQ(w.module<StudioTraining>()->panel()->form()->config().tokenizer.kind, TokenizerKind::Remi)
        << "the Training panel offers remi";
    w.module<StudioTraining>()->panel()->startFrom()->chooseNothing();
    const StudioTrainingRun run = trainInStudio(w);
    ASSERT_TRUE(run.ended) << "training hung";
    ASSERT_TRUE(run.failure.isEmpty()) << run.failure.toStdString();

    StudioSteering* steering = w.module<StudioSteering>();
    ASSERT_TRUE(uitest::waitFor([&] { return steering->controller()->canSteer(); }))
        << steering->controller()->whyNot().toStdString();
    StudioActions* a = w.actions();
    ASSERT_TRUE(a->regenerateSelection->isEnabled());
    const Score original = w.document()->score();
    const auto bars = barLines(original, original.endTick());
    ASSERT_GE(bars.size(), 4u);
    w.pianoRoll()->setBarSelection(bars[1].start, bars[2].end());
    const auto runAndKeep = [&](int candidates) {
        bool done = false;
        auto c = QObject::connect(steering->controller(), &SteeringController::finished, [&] { done = true; });
        steering->strip()->form()->candidatesBox()->setValue(candidates);
        steering->strip()->generateButton()->click();
        const bool finished = uitest::waitFor([&] { return done; }, 120000);
        QObject::disconnect(c);
        if (!finished || static_cast<int>(steering->candidates().size()) != candidates) return false;
        QTest::keyClick(&w, Qt::Key_1 + candidates - 1);  // audition the last, then keep it
        steering->strip()->keepButton()->click();
        return true;
    };
    a->regenerateSelection->trigger();
    ASSERT_TRUE(runAndKeep(3));
    const Score rewritten = w.document()->score();
    EXPECT_FALSE(rewritten == original);

    a->addPart->trigger();
    steering->strip()->instrumentBox()->setCurrentIndex(steering->strip()->instrumentBox()->findData(-1));
    ASSERT_TRUE(runAndKeep(1));
    ASSERT_EQ(w.document()->score().tracks.size(), original.tracks.size() + 1);
    EXPECT_TRUE(w.document()->score().tracks.back().isDrum);

    QTemporaryDir out;
    const QString midi = out.filePath("co-written.mid");
    ASSERT_EQ(w.exporter()->exportMidi(midi, false), QString());
    const Score exported = readMidiFile(midi.toStdString()).score;
    EXPECT_EQ(uitest::notesOf(exported), uitest::notesOf(w.document()->score()));
    bool drumsOnTen = false;
    for (const Track& t : exported.tracks) drumsOnTen = drumsOnTen || (t.isDrum && t.channel == 9 && !t.notes.empty());
    EXPECT_TRUE(drumsOnTen) << "the added drums are on MIDI channel 10";

    w.document()->undoStack()->undo();
    EXPECT_TRUE(w.document()->score() == rewritten);
    w.document()->undoStack()->undo();
    EXPECT_TRUE(w.document()->score() == original);
}

}  // namespace nf

#endif  // NF_TEST_HAVE_TRAINING
