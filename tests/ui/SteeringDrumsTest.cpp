// SPDX-License-Identifier: GPL-3.0-or-later
// Add Part with drums in the real studio window (ui/steering): a remi model adds one drum track on channel 10; a
// drums model (or a drum GAN) drums to the piece's own bars, alone or beside a remi model; a drum model file
// written again is read again. The rest of the co-writer's studio side is in SteeringTest.cpp.
#include <QComboBox>
#include <QDateTime>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "MainWindow.h"
#include "SteeringFixture.h"
#include "UiTestUtil.h"
#include "controllers/LogHub.h"
#include "document/ScoreDocument.h"
#include "drums/DrumClass.h"
#include "generation/GenerationPanel.h"
#include "steering/SteeringController.h"
#include "steering/SteeringForm.h"
#include "steering/SteeringStrip.h"
#include "steering/StudioSteering.h"
#include "studio/StudioActions.h"
#include "studio/StudioFiles.h"
#include "studio/StudioContext.h"
#include "training/ModelFile.h"

namespace nf {

using namespace steeringtest;

TEST_F(Steering, AddPartAddsOneDrumTrackOnChannelTen) {
    open(kRemiModel);
    const Score original = window_.document()->score();
    window_.actions()->addPart->trigger();
    SteeringStrip* strip = steering_->strip();
    ASSERT_TRUE(strip->isVisible());
    ASSERT_TRUE(strip->instrumentBox()->isVisible());
    strip->instrumentBox()->setCurrentIndex(strip->instrumentBox()->findData(-1));
    generate(1);
    strip->keepButton()->click();
    const Score& after = window_.document()->score();
    ASSERT_EQ(after.tracks.size(), original.tracks.size() + 1);
    const Track& drums = after.tracks.back();
    EXPECT_TRUE(drums.isDrum);
    EXPECT_EQ(drums.channel, 9);
    for (std::size_t t = 0; t < original.tracks.size(); ++t) EXPECT_EQ(after.tracks[t].notes, original.tracks[t].notes);
    window_.document()->undoStack()->undo();
    EXPECT_TRUE(window_.document()->score() == original);
}

// A model whose file says it heard no drums and no bass (the folk base's data had none): the box marks those parts,
// not the piano it heard, and the Log says why before the guess is written; a model that does not say marks none.
TEST_F(Steering, AddPartMarksThePartsTheModelNeverHeard) {
    QTemporaryDir dir;
    const std::string pianoOnly = dir.filePath("piano-only.nfm").toStdString();
    ModelFile file = readModelFile(kRemiModel.string());
    auto info = nlohmann::json::parse(file.infoJson);
    info["instruments"] = {{"pieces", 40}, {"drums", 0}, {"programs", {{"0", 40}}}};
    file.infoJson = info.dump();
    writeModelFile(file, pianoOnly);
    open(pianoOnly);
    window_.actions()->addPart->trigger();
    SteeringStrip* strip = steering_->strip();
    QComboBox* box = strip->instrumentBox();
    const auto text = [&](int program) { return box->itemText(box->findData(program)); };
    EXPECT_TRUE(text(-1).contains("(new to piano-only)")) << text(-1).toStdString();
    EXPECT_TRUE(text(33).contains("(new to piano-only)")) << text(33).toStdString();
    EXPECT_FALSE(text(0).contains("new to")) << text(0).toStdString();
    EXPECT_FALSE(box->itemText(box->findData(SteeringStrip::kDrumModelItem)).contains("new to")) << "a drum model is its own";
    EXPECT_TRUE(box->itemData(box->findData(-1), Qt::ToolTipRole).toString().contains("none of its 40 pieces"));
    QStringList warnings;
    QObject guard;  // the connections end with this test's locals, not with the window
    QObject::connect(window_.log(), &LogHub::message, &guard, [&warnings](const QDateTime&, LogHub::Level level, const QString& text) {
        if (level == LogHub::Level::Warning) warnings << text;
    });
    box->setCurrentIndex(box->findData(-1));
    generate(1);
    EXPECT_EQ(warnings.filter("heard no drums").size(), 1) << warnings.join('\n').toStdString();
    strip->discardButton()->click();

    // The test model says nothing of its parts: nothing is marked.
    bool checked = false;
    QObject::connect(steering_->controller(), &SteeringController::modelChecked, &guard, [&] { checked = true; });
    window_.findChild<GenerationPanel*>()->addModel(QString::fromStdString(kRemiModel.string()));
    ASSERT_TRUE(uitest::waitFor([&] { return checked; }));
    EXPECT_EQ(text(-1), "Drums");
    EXPECT_EQ(text(33), "Bass");
}

// Add Part -> Drums from a drums model: one drum track on channel 10 over the piece's own bars (the jig's pickup
// and 6/8 bars), every hit on a sixteenth of its bar and a GM drum note; the rest of the piece untouched; one
// undo step; the choice of model remembered for the next session.
TEST_F(Steering, AddPartWithADrumModelDrumsToThePiecesBars) {
    QSettings().remove("steering/drumModel");
    open(kRemiModel);
    const Score original = window_.document()->score();
    window_.actions()->addPart->trigger();
    SteeringStrip* strip = steering_->strip();
    strip->setDrumModelPath({});
    QComboBox* box = strip->instrumentBox();
    // Choosing the item asks for the model file; the dialog is answered here as a user would.
    bool answered = false;
    uitest::answerNextFileDialog(QString::fromStdString(kDrumsModel.string()), &answered);
    box->setCurrentIndex(box->findData(SteeringStrip::kDrumModelItem));
    emit box->activated(box->currentIndex());  // as a click on the item delivers it
    ASSERT_TRUE(answered);
    ASSERT_EQ(strip->drumModelPath().toStdString(), kDrumsModel.string());
    EXPECT_TRUE(box->currentText().contains("drums-lstm-0.1.0")) << box->currentText().toStdString();
    EXPECT_EQ(QSettings().value("steering/drumModel").toString().toStdString(), kDrumsModel.string());
    QStringList logged;
    QObject::connect(window_.log(), &LogHub::message, &window_,
                     [&logged](const QDateTime&, LogHub::Level, const QString& text) { logged << text; });
    generate(2);
    EXPECT_EQ(steering_->job().drumModelPath, kDrumsModel.string());
    // The musician is told what the model hears: this one was trained without the band.
    EXPECT_EQ(logged.filter("does not hear the other parts").size(), 1) << logged.join('\n').toStdString();
    {
        // Saved while the candidates wait and reopened: the box shows the drum model they came from, not a program.
        QTemporaryDir dir;
        const QString path = dir.filePath("drums.nfproject");
        ASSERT_EQ(window_.files()->saveProjectTo(path), QString());
        QSettings().remove("steering/drumModel");  // the box must learn it from the project, not the settings
        MainWindow again;
        again.show();
        ASSERT_EQ(again.files()->openProject(path), QString());
        StudioSteering* restored = again.findChild<StudioSteering*>();
        ASSERT_TRUE(uitest::waitFor([&] { return restored->candidates().size() == 2; })) << "no candidates offered";
        EXPECT_EQ(restored->strip()->instrumentBox()->currentData().toInt(), SteeringStrip::kDrumModelItem);
        EXPECT_EQ(restored->strip()->drumModelPath().toStdString(), kDrumsModel.string());
        EXPECT_TRUE(restored->strip()->instrumentBox()->currentText().contains("drums-lstm-0.1.0"));
    }
    strip->keepButton()->click();
    const Score& after = window_.document()->score();
    ASSERT_EQ(after.tracks.size(), original.tracks.size() + 1);
    const Track& drums = after.tracks.back();
    EXPECT_TRUE(drums.isDrum);
    EXPECT_EQ(drums.channel, 9);
    ASSERT_FALSE(drums.notes.empty());
    const auto bars = barLines(original, original.endTick());
    for (const Note& n : drums.notes) {
        EXPECT_TRUE(drumClassOf(n.pitch).has_value()) << n.pitch;
        EXPECT_LT(n.start, bars.back().end());
        const BarLine& bar = bars[barIndexAt(bars, n.start)];
        EXPECT_EQ((n.start - bar.start) % (original.ppq() / 4), 0) << "a hit off the bar's sixteenths at " << n.start;
    }
    for (std::size_t t = 0; t < original.tracks.size(); ++t) EXPECT_EQ(after.tracks[t].notes, original.tracks[t].notes);
    window_.document()->undoStack()->undo();
    EXPECT_TRUE(window_.document()->score() == original);
}

// The drums model is opened once and kept for the runs after (More, the next Add Part): More still drums after the
// file's bytes are spoilt behind its back (same time and size). A file written again (retrained or copied over it:
// another size or time) is read again: here the new file is not a drums model at all, so that run must say so
// instead of drumming with the old one.
TEST_F(Steering, ADrumModelFileWrittenAgainIsReadAgain) {
    QSettings().remove("steering/drumModel");
    QTemporaryDir dir;
    const fs::path copy = fs::path(dir.path().toStdString()) / "my-drums.nfm";
    fs::copy_file(kDrumsModel, copy);
    open(kRemiModel);
    window_.actions()->addPart->trigger();
    SteeringStrip* strip = steering_->strip();
    QComboBox* box = strip->instrumentBox();
    bool answered = false;
    uitest::answerNextFileDialog(QString::fromStdString(copy.string()), &answered);
    box->setCurrentIndex(box->findData(SteeringStrip::kDrumModelItem));
    emit box->activated(box->currentIndex());
    ASSERT_TRUE(answered);
    generate(1);
    QString failure;
    auto c = QObject::connect(steering_->controller(), &SteeringController::failed, [&](const QString& why) { failure = why; });
    const auto more = [&] {
        bool done = false;
        auto d = QObject::connect(steering_->controller(), &SteeringController::finished, [&] { done = true; });
        strip->moreButton()->click();
        EXPECT_TRUE(uitest::waitFor([&] { return done; }, 120000));
        QObject::disconnect(d);
    };
    // The file's bytes spoilt with its time and size kept: the model already open is used, not the file.
    const auto written = fs::last_write_time(copy);
    const auto size = fs::file_size(copy);
    {
        std::ofstream spoil(copy, std::ios::binary | std::ios::trunc);
        spoil << std::string(size, 'x');
    }
    fs::last_write_time(copy, written);
    ASSERT_EQ(fs::file_size(copy), size);
    more();
    EXPECT_TRUE(failure.isEmpty()) << failure.toStdString();
    EXPECT_EQ(steering_->candidates().size(), 2u) << "More wrote one more with the kept drums model";
    fs::copy_file(kRemiModel, copy, fs::copy_options::overwrite_existing);
    fs::last_write_time(copy, fs::last_write_time(copy) + std::chrono::seconds(10));
    const std::size_t before = steering_->candidates().size();
    more();
    QObject::disconnect(c);
    EXPECT_FALSE(failure.isEmpty()) << "the rewritten file (a remi model) was not read again";
    EXPECT_EQ(steering_->candidates().size(), before);
}

// With only a drums model (the Generation panel's), Compose offers Add Part alone, locked to drums from that model;
// rewriting bars and continuing say why they cannot.
TEST_F(Steering, ADrumsModelAloneCanAddADrumPart) {
    QSettings().remove("steering/drumModel");
    open(kDrumsModel);
    StudioActions* a = window_.actions();
    EXPECT_FALSE(a->regenerateSelection->isEnabled());
    EXPECT_TRUE(a->regenerateSelection->toolTip().contains("drums model")) << a->regenerateSelection->toolTip().toStdString();
    ASSERT_TRUE(a->addPart->isEnabled());
    const Score original = window_.document()->score();
    a->addPart->trigger();
    SteeringStrip* strip = steering_->strip();
    EXPECT_FALSE(strip->instrumentBox()->isEnabled());
    EXPECT_EQ(strip->instrumentBox()->currentData().toInt(), SteeringStrip::kDrumModelItem);
    EXPECT_EQ(strip->drumModelPath().toStdString(), kDrumsModel.string());
    generate(1);
    strip->keepButton()->click();
    const Score& after = window_.document()->score();
    ASSERT_EQ(after.tracks.size(), original.tracks.size() + 1);
    EXPECT_EQ(after.tracks.back().channel, 9);
    EXPECT_FALSE(after.tracks.back().notes.empty());
}

}  // namespace nf
