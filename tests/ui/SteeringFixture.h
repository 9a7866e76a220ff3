// SPDX-License-Identifier: GPL-3.0-or-later
// The studio steering tests' fixture: a jig in the editor and a model chosen in the Generation panel, with helpers
// to select bars and generate (SteeringTest.cpp: the strip's jobs; SteeringLocksTest.cpp: its locks).
#pragma once

#include <QSpinBox>
#include <QObject>
#include <QTest>

#include <gtest/gtest.h>

#include <filesystem>

#include "MainWindow.h"
#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "generation/GenerationPanel.h"
#include "music/BarGrid.h"
#include "pianoroll/PianoRollGeometry.h"
#include "pianoroll/PianoRollView.h"
#include "pianoroll/TimeRuler.h"
#include "smf/MidiFileReader.h"
#include "steering/SteeringController.h"
#include "steering/SteeringForm.h"
#include "steering/SteeringStrip.h"
#include "steering/StudioSteering.h"

namespace nf::steeringtest {

namespace fs = std::filesystem;
inline const fs::path kRemiModel = fs::path(NF_TEST_DATA_DIR) / "models" / "remi-lstm-0.1.0.nfm";
inline const fs::path kPaperModel = fs::path(NF_TEST_DATA_DIR) / "models" / "paper-abc-0.1.0.nfm";
inline const fs::path kDrumsModel = fs::path(NF_TEST_DATA_DIR) / "models" / "drums-lstm-0.1.0.nfm";
inline const fs::path kTune = fs::path(NF_SOURCE_DIR) / "resources" / "demo" / "midi" / "abc2midi-nottingham" / "jigs100.mid";

// The studio with a jig in the editor and `model` chosen in the Generation panel, once the steering side has
// opened it.
class Steering : public ::testing::Test {
protected:
    void open(const fs::path& model) {
        window_.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window_));
        window_.document()->setScore(readMidiFile(kTune.string()).score, "jig");
        steering_ = window_.findChild<StudioSteering*>();
        ASSERT_NE(steering_, nullptr);
        bool checked = false;
        QObject guard;  // the connection ends with `checked`: a later check must not write to a gone frame
        QObject::connect(steering_->controller(), &SteeringController::modelChecked, &guard, [&] { checked = true; });
        window_.findChild<GenerationPanel*>()->addModel(QString::fromStdString(model.string()));
        ASSERT_TRUE(uitest::waitFor([&] { return checked; }));
    }
    // Drags on the ruler from the middle of bar index `first` to the middle of bar index `last`.
    void selectBars(std::size_t first, std::size_t last) {
        PianoRollView* roll = window_.pianoRoll();
        const auto bars = barLines(window_.document()->score(), window_.document()->score().endTick());
        const auto x = [&](std::size_t i) { return roll->geometry().tickToX(bars[i].start + bars[i].length / 2); };
        roll->geometry().setScrollX(0);
        uitest::drag(roll->ruler(), QPointF(x(first), 12), QPointF(x(last), 12));
        ASSERT_TRUE(roll->hasBarSelection());
        EXPECT_EQ(roll->barSelectionStart(), bars[first].start);
        EXPECT_EQ(roll->barSelectionEnd(), bars[last].end());
    }
    // Generates with the strip as it is and waits for every candidate; one try each (Best of 1) unless asked, so
    // that tests of other things draw no more samples than they look at.
    void generate(int candidates, int tries = 1) {
        SteeringStrip* strip = steering_->strip();
        strip->form()->candidatesBox()->setValue(candidates);
        strip->form()->triesBox()->setValue(tries);
        bool done = false;
        auto c = QObject::connect(steering_->controller(), &SteeringController::finished, [&] { done = true; });
        strip->generateButton()->click();
        ASSERT_TRUE(uitest::waitFor([&] { return done; }, 120000));
        QObject::disconnect(c);
        ASSERT_EQ(static_cast<int>(steering_->candidates().size()), candidates);
    }
    MainWindow window_;
    StudioSteering* steering_ = nullptr;
};

}  // namespace nf::steeringtest
