// SPDX-License-Identifier: GPL-3.0-or-later
// The Training panel speaks to a studio user: a pause keeps the last figures (its report carries none), the device
// line counts threads as training will use them, and the stop message points at the panel's own button instead of
// a command-line option. Without the training module (a build or an installation without it) the panel says what
// to install instead of offering a device.

#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "UiTestUtil.h"
#include "dataset/Dataset.h"
#include "dataset/BaseModels.h"
#include "training/BaseModelChoice.h"
#include "training/FineTuning.h"
#include "training/HyperparameterForm.h"
#include "training/TrainingCharts.h"
#include "training/TrainingController.h"
#include "training/TrainingModule.h"
#include "training/TrainingPanel.h"

namespace nf {

namespace {
// The form's spin box that shows `value` (the form names none of them).
QSpinBox* findSpin(const QWidget& form, int value) {
    for (QSpinBox* box : form.findChildren<QSpinBox*>())
        if (box->value() == value) return box;
    return nullptr;
}

QString labelStartingWith(const QWidget& w, const QString& start) {
    for (const QLabel* l : w.findChildren<QLabel*>())
        if (l->text().startsWith(start)) return l->text();
    return {};
}
}  // namespace

TEST(TrainingPanel, APauseKeepsTheLastFigures) {
    TrainingController controller;
    TrainingPanel panel(&controller, {});
    TrainingProgress running;
    running.epoch = 2;
    running.epochs = 10;
    running.stepInEpoch = 37;
    running.stepsPerEpoch = 120;
    running.loss = 1.234;
    emit controller.progress(running);
    EXPECT_FALSE(labelStartingWith(panel, "step 37/120").isEmpty());
    TrainingProgress paused;  // what the trainer reports on a pause: no figures
    paused.paused = true;
    emit controller.progress(paused);
    const QString text = labelStartingWith(panel, "Paused");
    EXPECT_TRUE(text.contains("step 37/120")) << text.toStdString();
    EXPECT_TRUE(text.contains("1.234")) << text.toStdString();
    EXPECT_TRUE(labelStartingWith(panel, "step 0/0").isEmpty());
}

// At 1280x720 with both side panels open the panel is about 700 px wide: three columns left the charts slivers.
TEST(TrainingPanel, ANarrowPanelTabsItsSettingsSoTheChartsKeepRoom) {
    TrainingController controller;
    TrainingPanel panel(&controller, {});
    panel.resize(panel.wideWidth() + 40, 300);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    EXPECT_FALSE(panel.isCompact());
    auto* tabs = panel.findChild<QTabWidget*>();
    ASSERT_NE(tabs, nullptr);
    auto settingsTab = [&] {
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->widget(i)->isAncestorOf(panel.form())) return i;
        return -1;
    };
    EXPECT_EQ(settingsTab(), -1);
    EXPECT_TRUE(panel.form()->isVisible());

    panel.resize(700, 300);
    QTest::qWait(20);
    EXPECT_TRUE(panel.isCompact());
    EXPECT_EQ(settingsTab(), 0);
    EXPECT_EQ(tabs->currentIndex(), 0) << "before a run the settings are shown";
    EXPECT_GE(panel.charts()->width(), 300) << "the charts get what the settings column took";

    panel.resize(panel.wideWidth() + 40, 300);
    QTest::qWait(20);
    EXPECT_FALSE(panel.isCompact());
    EXPECT_EQ(settingsTab(), -1);
    EXPECT_TRUE(panel.form()->isVisible()) << "back in its own column";
}

TEST(TrainingPanel, TheDeviceLineSaysWhetherTrainingIsInstalled) {
    TrainingController controller;
    TrainingPanel panel(&controller, {});
    // ("Device:" alone is also the label of the form's device choice.)
#ifdef NF_TEST_HAVE_TRAINING
    EXPECT_FALSE(labelStartingWith(panel, "Device: chosen at Start").isEmpty());
    EXPECT_TRUE(labelStartingWith(panel, "Training needs").isEmpty());
#else
    const QString text = labelStartingWith(panel, "Training needs");
    EXPECT_TRUE(text.contains("noteforge-training")) << text.toStdString();
    EXPECT_TRUE(labelStartingWith(panel, "Device: chosen at Start").isEmpty());
#endif
}

#ifdef NF_TEST_HAVE_TRAINING
TEST(TrainingPanel, TheDeviceLineCountsThreadsAsTrainingWill) {
    TrainingController controller;
    TrainingPanel panel(&controller, {});
    const QString device = labelStartingWith(panel, "Device:");
    ASSERT_FALSE(device.isEmpty());
    EXPECT_FALSE(device.contains("1 threads")) << device.toStdString();
    EXPECT_FALSE(device.contains("cpu,")) << device.toStdString();
}
#endif

// A GPU module that failed to load must not look like a slow GPU: the panel names the LibTorch and the module
// that trains, and what it passed over.
#ifdef NF_TEST_HAVE_TRAINING
TEST(TrainingPanel, TheDeviceLineNamesTheModuleThatTrainsAndTheOneRefused) {
    if (TrainingModule::loaded()) GTEST_SKIP() << "needs a process that has not loaded the training module yet";
    const std::filesystem::path user = TrainingModule::userModulePath();  // in the test's own XDG_DATA_HOME
    std::filesystem::create_directories(user.parent_path());
    std::ofstream(user) << "a half-copied module\n";
    TrainingController controller;
    TrainingPanel panel(&controller, {});
    const TrainingModule& module = TrainingModule::load();
    EXPECT_EQ(module.origin(), TrainingModule::Origin::Packaged);
    TrainingStart start;
    start.device = "cpu";
    start.threads = 1;
    start.torchVersion = module.torchVersion();
    emit controller.started(start);
    const QString text = labelStartingWith(panel, "Device: CPU");
    EXPECT_TRUE(text.contains(QString::fromStdString("LibTorch " + module.torchVersion() + ", packaged module")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromStdString("Not used: " + user.string()))) << text.toStdString();
    std::filesystem::remove(user);
}
#endif

TEST(TrainingPanel, TheStopMessageNamesTheResumeButtonNotACommandLineOption) {
    TrainingResult r;
    r.message = "stopped at epoch 3, step 410; checkpoint saved (continue with --resume /m/tunes.nfmodel.ckpt)";
    const QString text = TrainingPanel::studioMessage(r);
    EXPECT_FALSE(text.contains("--resume")) << text.toStdString();
    EXPECT_TRUE(text.contains("Resume from Checkpoint")) << text.toStdString();
    EXPECT_TRUE(text.contains("/m/tunes.nfmodel.ckpt"));
    EXPECT_TRUE(text.startsWith("stopped at epoch 3"));
}

// With a base model chosen the form shows what the fine-tune will use (the base's network, representation and
// gentle learning rate), greyed, instead of the musician's values that it would ignore; a new model gives them back,
// and a preset leaves the base.
TEST(TrainingPanel, ABaseModelShowsItsNetworkGreyedAndANewModelGivesTheMusiciansBack) {
    TrainingController controller;
    TrainingPanel panel(&controller, {});
    HyperparameterForm* form = panel.form();
    BaseModelChoice* from = panel.startFrom();
    from->chooseNothing();
    TrainingConfig mine = TrainingConfig::forModel(ModelKind::Lstm);
    mine.model.hiddenSize = 321;
    mine.epochs = 7;
    form->setConfig(mine);
    const auto hidden = form->findChildren<QSpinBox*>();
    const QString folk = QString::fromStdString(resolveBaseModel("folk"));
    ASSERT_FALSE(folk.isEmpty());
    from->setCurrentIndex(from->findData(folk));
    const TrainingConfig tuning = fineTuningConfig(folk.toStdString(), 7);
    EXPECT_EQ(form->config().model.kind, ModelKind::Transformer);
    EXPECT_EQ(form->config().model.embedDim, tuning.model.embedDim);
    EXPECT_EQ(form->config().tokenizer.kind, TokenizerKind::Remi);
    EXPECT_NEAR(form->config().optimizer.learningRate, tuning.optimizer.learningRate, 1e-6) << "shown to 6 decimals";
    EXPECT_EQ(form->config().epochs, 7) << "how long it trains stays the musician's";
    EXPECT_FALSE(form->representationBox()->isEnabled());
    EXPECT_TRUE(form->representationBox()->toolTip().contains("folk")) << form->representationBox()->toolTip().toStdString();
    int greyed = 0;
    for (QSpinBox* box : hidden) greyed += !box->isEnabled();
    EXPECT_GE(greyed, 4) << "batch, window, hidden units, layers, embedding";
    // Adapters train at the base's own learning rate: the form says so.
    panel.adaptersOnly()->setChecked(true);
    EXPECT_NEAR(form->config().optimizer.learningRate,
                fineTuningConfig(folk.toStdString(), 7, TrainingPanel::kAdapterRank).optimizer.learningRate, 1e-6);
    panel.adaptersOnly()->setChecked(false);
    // Epochs changed while the base shows, then a new model: the musician's network, and the new epochs.
    findSpin(*form, 7)->setValue(9);
    EXPECT_EQ(form->ownConfig().model.hiddenSize, 321) << "saved for the next session as the musician set it";
    from->chooseNothing();
    EXPECT_EQ(form->config().model.kind, ModelKind::Lstm);
    EXPECT_EQ(form->config().model.hiddenSize, 321);
    EXPECT_EQ(form->config().epochs, 9);
    EXPECT_TRUE(form->representationBox()->isEnabled());
    // A preset chosen while a base shows: a new model of that preset, every field the musician's again.
    from->setCurrentIndex(from->findData(folk));
    form->presetBox()->setCurrentIndex(0);
    emit form->presetBox()->activated(0);
    EXPECT_TRUE(from->initPath().isEmpty());
    EXPECT_TRUE(form->representationBox()->isEnabled());
    EXPECT_EQ(form->config().model.kind, HyperparameterForm::presetKind(0));
}

// The form offers the transformer's two sizes beside the LSTMs; each preset gives a configuration that trains.
TEST(HyperparameterForm, OffersTheTransformerPresets) {
    HyperparameterForm form;
    ASSERT_EQ(form.presetBox()->count(), HyperparameterForm::presetNames().size());
    int transformers = 0;
    for (int i = 0; i < form.presetBox()->count(); ++i) {
        form.applyPreset(i);
        TrainingConfig c = form.config();
        EXPECT_EQ(c.model.kind, HyperparameterForm::presetKind(i));
        c.model.vocabSize = 100;
        EXPECT_NO_THROW(c.validate()) << i;
        if (c.model.isTransformer()) {
            ++transformers;
            EXPECT_EQ(c.model.embedDim, HyperparameterForm::presetSize(i) == ModelSize::Base ? 512 : 192);
        }
    }
    EXPECT_EQ(transformers, 2);
    // Then the drum presets: the drums model (the lstm on drum patterns) and the drum GAN with the paper's
    // generator and with NoteForge's.
    form.applyPreset(HyperparameterForm::presetNames().indexOf("Drums (LSTM)"));
    EXPECT_EQ(form.config().model.kind, ModelKind::Lstm);
    EXPECT_EQ(form.config().tokenizer.kind, TokenizerKind::Drums);
    EXPECT_FALSE(form.config().tokenizer.bandOnsets);
    // The drums model that hears the band: the same network, the band's onsets in its representation; another
    // representation chosen after it drops the setting (it is the drums representation's).
    form.applyPreset(HyperparameterForm::presetNames().indexOf("Drums following the band"));
    EXPECT_EQ(form.config().model.kind, ModelKind::Lstm);
    EXPECT_EQ(form.config().tokenizer.kind, TokenizerKind::Drums);
    EXPECT_TRUE(form.config().tokenizer.bandOnsets);
    form.representationBox()->setCurrentText("events");
    EXPECT_EQ(form.config().tokenizer.kind, TokenizerKind::Events);
    EXPECT_FALSE(form.config().tokenizer.bandOnsets);
    EXPECT_NO_THROW(form.config().tokenizer.validate());
    form.applyPreset(HyperparameterForm::presetNames().indexOf("Paper: drum LSTM-GAN"));
    EXPECT_EQ(form.config().model.kind, ModelKind::DrumGan);
    EXPECT_EQ(form.config().model.gan.generator, DrumGanGenerator::Paper);
    EXPECT_EQ(form.config().tokenizer.kind, TokenizerKind::Drums);
    form.applyPreset(HyperparameterForm::presetNames().indexOf("Drum GAN (LSTM generator)"));
    EXPECT_EQ(form.config().model.gan.generator, DrumGanGenerator::Lstm) << "the generator survives the form";
    EXPECT_FALSE(form.config().model.gan.band);
    EXPECT_FALSE(form.config().model.gan.primer);
    // The GAN that hears the band: NoteForge's generator, conditioned on the band (its data has the band's onsets)
    // and on the bar before.
    form.applyPreset(HyperparameterForm::presetNames().indexOf("Drum GAN following the band"));
    EXPECT_EQ(form.config().model.kind, ModelKind::DrumGan);
    EXPECT_EQ(form.config().model.gan.generator, DrumGanGenerator::Lstm);
    EXPECT_TRUE(form.config().model.gan.band);
    EXPECT_TRUE(form.config().tokenizer.bandOnsets);
    EXPECT_TRUE(form.config().model.gan.primer);
}

// Resume from Checkpoint continues the checkpoint's own model (M.nfm beside M.nfm.ckpt), not a new file: the best
// model so far and the one the resumed run improves on are the same.
TEST(TrainingPanel, AResumeContinuesTheCheckpointsModel) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString checkpoint = dir.filePath("reels.nfm.ckpt");
    std::ofstream(checkpoint.toStdString()) << "not really a checkpoint";
    auto dataset = std::make_shared<Dataset>(loadDataset(std::string(NF_SOURCE_DIR) + "/resources/demo/abc"));
    TrainingController controller;
    TrainingPanel panel(&controller, [dataset] { return dataset; });
    panel.runOnBox()->setCurrentIndex(0);
    panel.startTraining(checkpoint);
    EXPECT_EQ(controller.modelPath(), dir.filePath("reels.nfm"));
    ASSERT_TRUE(uitest::waitFor([&] { return panel.startButton()->isEnabled(); }, 60000)) << "the bad checkpoint ends it";
    QSettings().remove("training/runOn");
}

// "Run on" offers this computer and the hosts of the user's ssh configuration; a host chosen sends the run there
// (every core there: no thread count of this computer's), and a host that cannot be reached fails in the panel's
// state line with the buttons back. The run itself over a real sshd: RemoteTrainingTest.
TEST(TrainingPanel, RunOnListsTheSshHostsAndSendsTheRunThere) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    std::ofstream(dir.filePath("ssh_config").toStdString()) << "Host gpu-box\n  HostName nonexistent.invalid\n"
                                                                "  BatchMode yes\nHost *.lab\n  User me\n";
    setenv("NF_SSH_CONFIG", dir.filePath("ssh_config").toLocal8Bit().constData(), 1);
    QSettings().remove("training/runOn");
    auto dataset = std::make_shared<Dataset>(loadDataset(std::string(NF_SOURCE_DIR) + "/resources/demo/abc"));
    TrainingController controller;
    TrainingPanel panel(&controller, [dataset] { return dataset; });
    QComboBox* runOn = panel.runOnBox();
    ASSERT_EQ(runOn->count(), 2) << "this computer and gpu-box; no pattern";
    EXPECT_EQ(runOn->itemText(1), "gpu-box");
    EXPECT_TRUE(panel.remoteHost().isEmpty());
    runOn->setCurrentIndex(1);
    EXPECT_EQ(panel.remoteHost(), "gpu-box");
    EXPECT_FALSE(labelStartingWith(panel, "Device: chosen on gpu-box").isEmpty());

    panel.startTraining();
    EXPECT_EQ(controller.remoteHost(), "gpu-box");
    EXPECT_FALSE(panel.startButton()->isEnabled());
    EXPECT_FALSE(runOn->isEnabled()) << "no change of machine during a run";
    ASSERT_TRUE(uitest::waitFor([&] { return panel.startButton()->isEnabled(); }, 60000));
    EXPECT_FALSE(labelStartingWith(panel, "Cannot reach gpu-box over ssh").isEmpty());
    EXPECT_TRUE(runOn->isEnabled());
    EXPECT_EQ(QSettings().value("training/runOn").toString(), "gpu-box") << "remembered for the next session";

    runOn->setEditText("me@workstation.local");
    EXPECT_EQ(panel.remoteHost(), "me@workstation.local") << "a machine typed in";
    runOn->setCurrentIndex(0);
    EXPECT_TRUE(panel.remoteHost().isEmpty());
    EXPECT_FALSE(labelStartingWith(panel, "Device: chosen at Start").isEmpty() &&
                 labelStartingWith(panel, "Training needs").isEmpty());
    QSettings().remove("training/runOn");
    unsetenv("NF_SSH_CONFIG");
}

}  // namespace nf
