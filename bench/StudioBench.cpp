// SPDX-License-Identifier: GPL-3.0-or-later
// nf_bench_studio: (1) milliseconds to paint the piano roll with 20,000 notes visible at 1920x1080, the note
// index invalidated before every frame; (2) the longest stall of the GUI thread's event loop while the studio
// loads the demo dataset (and, in builds with LibTorch, trains a small model for one epoch and generates).
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QComboBox>
#include <QPushButton>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "MainWindow.h"
#include "document/ScoreDocument.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"
#include "generation/GenerationController.h"
#include "generation/GenerationPanel.h"
#include "generation/StudioGeneration.h"
#include "music/BarGrid.h"
#include "steering/SteeringController.h"
#include "steering/SteeringStrip.h"
#include "steering/StudioSteering.h"
#include "training/HyperparameterForm.h"
#include "training/StudioTraining.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"

namespace {

nf::Score denseScore(int notes, int tracks) {
    nf::Score s(480);
    s.tracks.resize(static_cast<std::size_t>(tracks));
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> pitch(24, 100), velocity(20, 127), len(60, 960);
    const nf::Tick span = 480 * 4 * 64;  // 64 bars
    std::uniform_int_distribution<nf::Tick> start(0, span);
    for (int i = 0; i < notes; ++i)
        s.addNote(static_cast<std::size_t>(i % tracks), nf::Note{0, pitch(rng), velocity(rng), start(rng), len(rng)});
    s.normalize();
    return s;
}

double paintBenchmark() {
    nf::ScoreDocument doc;
    doc.setScore(denseScore(20000, 4), "bench");
    nf::PianoRollView view;
    view.setDocument(&doc);
    view.resize(1920, 1080);
    view.show();
    QCoreApplication::processEvents();
    // The note area itself at 1920x1080 (the keyboard, ruler, lane and scroll bars come on top).
    view.resize(1920 + view.width() - view.canvas()->width(), 1080 + view.height() - view.canvas()->height());
    QCoreApplication::processEvents();
    view.zoomToFit();
    // Everything in view: the whole 64 bars across, pitches 24..100 down.
    auto& g = view.geometry();
    g.setPixelsPerTick(view.canvas()->width() / double(480 * 4 * 65));
    g.setKeyHeight(view.canvas()->height() / 78.0);
    g.setScrollX(0);
    g.setScrollY(g.pitchToY(101) + g.scrollY());
    view.refresh();
    QImage frame(view.canvas()->size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    for (int i = 0; i < 60; ++i) {
        doc.notifyScoreChanged();  // invalidates the note index, as an edit does
        QElapsedTimer t;
        t.start();
        view.canvas()->render(&frame);
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("piano roll paint: 20000 notes visible, %dx%d canvas: median %.2f ms, max %.2f ms per frame\n",
                view.canvas()->width(), view.canvas()->height(), ms[ms.size() / 2], ms.back());
    return ms[ms.size() / 2];
}

// Measures the longest gap between 5 ms timer ticks while `run` keeps the studio busy until `done` holds.
double longestStall(const std::function<void()>& run, const std::function<bool()>& done) {
    QElapsedTimer since;
    double worst = 0;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        worst = std::max(worst, since.nsecsElapsed() / 1e6);
        since.restart();
    });
    since.start();
    tick.start();
    run();
    QElapsedTimer limit;
    limit.start();
    while (!done() && limit.elapsed() < 600000) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return worst;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("NoteForgeBench");
    paintBenchmark();
    if (argc > 1 && std::string(argv[1]) == "--paint-only") return 0;

    nf::MainWindow w;
    w.resize(1600, 1000);
    w.show();
    bool ready = false;
    QObject::connect(&w, &nf::MainWindow::datasetReady, [&] { ready = true; });
    const double load = longestStall([&] { w.openPath(NF_DEMO_DIR); }, [&] { return ready; });
    std::printf("GUI thread: longest stall while loading the demo dataset: %.1f ms\n", load);
    bool trained = false;
    QObject::connect(w.module<nf::StudioTraining>()->controller(), &nf::TrainingController::finished, [&] { trained = true; });
    QObject::connect(w.module<nf::StudioTraining>()->controller(), &nf::TrainingController::failed, [&] { trained = true; });
    nf::TrainingConfig c = nf::TrainingConfig::forModel(nf::ModelKind::Lstm);
    c.epochs = 1;
    c.model.hiddenSize = 64;
    c.model.layers = 1;
    c.metricsEverySteps = 5;
    c.tokenizer.kind = nf::TokenizerKind::Remi;  // the representation the Compose menu steers
    w.module<nf::StudioTraining>()->panel()->form()->setConfig(c);
    const double train = longestStall([&] { w.module<nf::StudioTraining>()->panel()->startTraining(); }, [&] { return trained; });
    std::printf("GUI thread: longest stall while training one epoch (live charts): %.1f ms\n", train);
    bool generated = false;
    QObject::connect(w.module<nf::StudioGeneration>()->controller(), &nf::GenerationController::finished, [&] { generated = true; });
    QObject::connect(w.module<nf::StudioGeneration>()->controller(), &nf::GenerationController::failed, [&] { generated = true; });
    const double gen = longestStall([&] { w.module<nf::StudioGeneration>()->panel()->startGeneration(); }, [&] { return generated; });
    std::printf("GUI thread: longest stall while generating (and opening the result): %.1f ms\n", gen);

    // Compose: rewrite two bars, add drums, continue four bars; each writes its candidates on a worker while the
    // first loops (the target: no stall over 50 ms).
    nf::StudioSteering* steering = w.module<nf::StudioSteering>();
    if (!steering->controller()->canSteer()) {
        std::printf("Compose: the model cannot be steered (%s)\n", qPrintable(steering->controller()->whyNot()));
        return 0;
    }
    bool steered = false;
    QObject::connect(steering->controller(), &nf::SteeringController::finished, [&] { steered = true; });
    QObject::connect(steering->controller(), &nf::SteeringController::failed,
                     [](const QString& why) { std::printf("Compose failed: %s\n", qPrintable(why)); });
    const auto steer = [&](const char* what, const std::function<void()>& open) {
        steered = false;
        open();
        const double ms = longestStall([&] { steering->strip()->generateButton()->click(); }, [&] { return steered; });
        std::printf("GUI thread: longest stall while %s (%zu candidates, the first auditioned): %.1f ms%s\n", what,
                    steering->candidates().size(), ms, ms > 50 ? "  (over the 50 ms target)" : "");
        steering->keep();
    };
    w.showPiece(96);  // a demo piece with tracks to rewrite (a young model's generated piece may be nearly empty)
    const nf::Score& piece = w.document()->score();
    const auto bars = nf::barLines(piece, piece.endTick());
    steer("rewriting two bars", [&] {
        w.pianoRoll()->setBarSelection(bars[std::min<std::size_t>(2, bars.size() - 1)].start,
                                       bars[std::min<std::size_t>(3, bars.size() - 1)].end());
        steering->openRegenerate();
    });
    steer("adding a drum part", [&] {
        steering->openAddPart();
        steering->strip()->instrumentBox()->setCurrentIndex(steering->strip()->instrumentBox()->findData(-1));
    });
    steer("continuing four bars", [&] {
        w.pianoRoll()->setPlayhead(-1);
        steering->openContinue();
    });
    return 0;
}
