// SPDX-License-Identifier: GPL-3.0-or-later
#include "SteeringScreenshot.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>

#include <cstdio>

#include "MainWindow.h"
#include "ScreenshotScript.h"
#include "document/ScoreDocument.h"
#include "music/BarGrid.h"
#include "pianoroll/PianoRollView.h"
#include "steering/SteeringController.h"
#include "steering/SteeringForm.h"
#include "steering/SteeringStrip.h"
#include "steering/StudioSteering.h"
#include "studio/StudioActions.h"

namespace nf {

namespace {

void whenReady(MainWindow& w, const std::function<void()>& act) {
    SteeringController* c = w.module<StudioSteering>()->controller();
    if (c->canSteer()) return act();
    QObject::connect(c, &SteeringController::modelChecked, &w, [act](bool can, const QString& why) {
        if (can) return act();
        std::fprintf(stderr, "noteforge: the model cannot be steered: %s\n", qPrintable(why));
        QApplication::exit(1);
    });
}

}  // namespace

void steeringScreenshot(MainWindow& w, const QString& state, const QString& file) {
    whenReady(w, [&w, state, file] {
        StudioSteering* s = w.module<StudioSteering>();
        SteeringStrip* strip = s->strip();
        QObject::connect(s->controller(), &SteeringController::finished, &w, [&w, s, file](bool) {
            if (s->candidates().size() > 1) s->choose(1);
            saveScreenshot(w, file);
        });
        if (state == "addpart") {
            w.actions()->addPart->trigger();
            strip->instrumentBox()->setCurrentIndex(strip->instrumentBox()->findData(-1));
            strip->form()->candidatesBox()->setValue(2);
        } else {
            const Score& score = w.document()->score();
            const auto bars = barLines(score, score.endTick());
            const std::size_t first = std::min<std::size_t>(3, bars.size() - 1);
            const std::size_t last = std::min<std::size_t>(4, bars.size() - 1);
            w.pianoRoll()->setBarSelection(bars[first].start, bars[last].end());
            w.actions()->regenerateSelection->trigger();
            strip->form()->keyLockBox()->setChecked(true);
            strip->form()->keepRhythmBox()->setChecked(true);
            strip->form()->candidatesBox()->setValue(3);
        }
        strip->generateButton()->click();
    });
}

}  // namespace nf
