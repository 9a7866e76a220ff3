// SPDX-License-Identifier: GPL-3.0-or-later
// The model as a co-writer in the real studio window (ui/steering): bars chosen on the ruler are rewritten with
// the controls, the candidates are auditioned and switched with the number keys, Keep is one undo step that undo
// walks back exactly; Continue appends bars; a scale lock reaches the engine; a model that cannot infill greys the
// actions out, saying why. Add Part with drums is in SteeringDrumsTest.cpp.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QMenu>
#include <QToolButton>
#include <QPushButton>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "MainWindow.h"
#include "SteeringFixture.h"
#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "evaluation/ContextFit.h"
#include "generation/GenerationModel.h"
#include "generation/GenerationPanel.h"
#include "generation/GenerationSettings.h"
#include "generation/RemiSteering.h"
#include "music/BarGrid.h"
#include "pianoroll/PianoKeyboard.h"
#include "pianoroll/PianoRollGeometry.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"
#include "pianoroll/TimeRuler.h"
#include "project/ProjectFile.h"
#include "studio/StudioFiles.h"
#include "smf/MidiFileReader.h"
#include "steering/SteeringController.h"
#include "steering/SteeringForm.h"
#include "steering/SteeringStrip.h"
#include "steering/StudioSteering.h"
#include "studio/StudioActions.h"
#include "studio/StudioContext.h"
#include "widgets/MessageBar.h"

namespace nf {

using namespace steeringtest;

namespace {

std::set<NoteId> idsOf(const Score& s) {
    std::set<NoteId> ids;
    for (const Track& t : s.tracks)
        for (const Note& n : t.notes) ids.insert(n.id);
    return ids;
}

}  // namespace

TEST_F(Steering, RegenerateAuditionKeepThenUndoAndRedo) {
    open(kRemiModel);
    StudioActions* a = window_.actions();
    ASSERT_TRUE(a->regenerateSelection->isEnabled()) << a->regenerateSelection->toolTip().toStdString();
    const Score original = window_.document()->score();
    selectBars(2, 3);
    a->regenerateSelection->trigger();
    SteeringStrip* strip = steering_->strip();
    ASSERT_TRUE(strip->isVisible());
    // The controls start at what the chosen bars are like.
    EXPECT_GE(strip->form()->densityBox()->value(), 1);
    EXPECT_GE(strip->form()->lowestBox()->value(), 0);
    EXPECT_EQ(steering_->job().tracks, std::vector<std::size_t>{0});
    // More tracks are ticked in the strip's Tracks menu; the last tick cannot go.
    QMenu* tracks = strip->tracksButton()->menu();
    ASSERT_GE(tracks->actions().size(), 2);
    tracks->actions()[1]->setChecked(true);
    EXPECT_EQ(steering_->job().tracks, (std::vector<std::size_t>{0, 1}));
    tracks->actions()[1]->setChecked(false);
    tracks->actions()[0]->setChecked(false);
    EXPECT_TRUE(tracks->actions()[0]->isChecked());
    EXPECT_EQ(steering_->job().tracks, std::vector<std::size_t>{0});
    // The range can be dragged on the keyboard; the keyboard shows it.
    PianoRollView* roll = window_.pianoRoll();
    roll->ensurePitchesVisible(55, 79);
    const auto keyY = [&](int pitch) { return roll->geometry().pitchToY(pitch) + roll->geometry().keyHeight() / 2; };
    uitest::drag(roll->keyboard(), QPointF(20, keyY(57)), QPointF(20, keyY(76)));
    EXPECT_EQ(strip->form()->lowestBox()->value(), 57);
    EXPECT_EQ(strip->form()->highestBox()->value(), 76);
    ASSERT_TRUE(roll->pitchRange().has_value());
    EXPECT_EQ(*roll->pitchRange(), std::make_pair(57, 76));

    generate(3);
    EXPECT_EQ(strip->current(), 0) << "the first candidate is heard as soon as it exists";
    // The candidate most like the bars around the span carries a star; each says how alike in its tooltip.
    std::vector<double> fits;
    for (const auto& c : steering_->candidates()) {
        const auto fit = jobContextFit(steering_->job(), c->score);
        ASSERT_TRUE(fit.has_value());
        fits.push_back(*fit);
    }
    const bool alike = std::all_of(fits.begin(), fits.end(), [&](double f) { return f == fits.front(); });
    const int best = alike ? -1 : static_cast<int>(bestFitFirst(fits).front());
    EXPECT_EQ(strip->bestFit(), best);
    int starred = 0;
    for (QPushButton* b : strip->findChildren<QPushButton*>()) {
        if (!b->isCheckable()) continue;
        const bool star = b->text().endsWith(QChar(0x2605));
        starred += star;
        EXPECT_EQ(star, b->text() == QString::number(best + 1) + QChar(0x2605)) << b->text().toStdString();
        EXPECT_TRUE(b->toolTip().contains("Like the music around it")) << b->toolTip().toStdString();
    }
    EXPECT_EQ(starred, alike ? 0 : 1);
    QTest::keyClick(&window_, Qt::Key_3);
    EXPECT_EQ(strip->current(), 2);
    QTest::keyClick(&window_, Qt::Key_2);
    EXPECT_EQ(strip->current(), 1);
    EXPECT_TRUE(window_.document()->score() == original) << "auditioning never changes the piece";
    EXPECT_FALSE(window_.pianoRoll()->candidateOverlay().empty()) << "the auditioned candidate is drawn over it";

    const int undoBefore = window_.document()->undoStack()->count();
    strip->keepButton()->click();
    EXPECT_FALSE(strip->isVisible());
    EXPECT_TRUE(window_.pianoRoll()->candidateOverlay().empty());
    EXPECT_EQ(window_.document()->undoStack()->count(), undoBefore + 1) << "Keep is one undo step";
    const Score kept = window_.document()->score();
    EXPECT_FALSE(kept == original);
    // Only bars 2-3 of track 1 changed: everything outside the span is as it was.
    const Tick from = window_.pianoRoll()->barSelectionStart(), to = window_.pianoRoll()->barSelectionEnd();
    const auto outside = [&](const Score& s) {
        std::vector<Note> notes;
        for (const Note& n : s.tracks[0].notes)
            if (n.start < from || n.start >= to) notes.push_back(n);
        return notes;
    };
    EXPECT_EQ(outside(kept), outside(original));

    window_.document()->undoStack()->undo();
    EXPECT_TRUE(window_.document()->score() == original) << "undo restores the piece exactly";
    window_.document()->undoStack()->redo();
    EXPECT_TRUE(window_.document()->score() == kept) << "redo re-applies the kept candidate";
}

// The smallest screen the layout is made for: at 1280 x 720, with both side panels open, the strip with its
// candidates fits the window instead of widening it past the screen (its controls once made it 1313 pixels wide).
TEST_F(Steering, TheStripFitsA1280PixelWindow) {
    window_.resize(1280, 720);
    open(kRemiModel);
    window_.pianoRoll()->setPlayhead(-1);
    window_.actions()->continuePiece->trigger();
    steering_->strip()->barsBox()->setValue(1);
    generate(3);
    QApplication::processEvents();
    EXPECT_LE(window_.minimumSizeHint().width(), 1280);
    EXPECT_LE(window_.width(), 1280);
}

// Esc closes the strip as its close button does: the candidates dropped, the piece untouched, nothing to undo.
TEST_F(Steering, EscapeDropsTheCandidates) {
    open(kRemiModel);
    const Score original = window_.document()->score();
    selectBars(2, 3);
    window_.actions()->regenerateSelection->trigger();
    SteeringStrip* strip = steering_->strip();
    ASSERT_TRUE(strip->isVisible());
    generate(2);
    ASSERT_FALSE(window_.pianoRoll()->candidateOverlay().empty());
    const int undoBefore = window_.document()->undoStack()->count();
    // Esc in another panel's field is that field's: the candidates stay.
    QLineEdit* elsewhere = nullptr;
    for (QLineEdit* e : window_.findChildren<QLineEdit*>())
        if (!elsewhere && e->isVisible() && !window_.pianoRoll()->isAncestorOf(e)) elsewhere = e;
    ASSERT_NE(elsewhere, nullptr);
    elsewhere->setFocus();
    QTest::keyClick(elsewhere, Qt::Key_Escape);
    EXPECT_TRUE(strip->isVisible()) << "Esc in " << elsewhere->objectName().toStdString();
    window_.pianoRoll()->canvas()->setFocus();
    QTest::keyClick(window_.pianoRoll()->canvas(), Qt::Key_Escape);
    EXPECT_FALSE(strip->isVisible());
    EXPECT_TRUE(window_.pianoRoll()->candidateOverlay().empty());
    EXPECT_TRUE(window_.document()->score() == original);
    EXPECT_EQ(window_.document()->undoStack()->count(), undoBefore);
}

// Each candidate is the best fit of its tries: the strip's "Best of" draws that many samples per candidate (seeds
// trySeedIndex(k, j)) and keeps the one most like the music around the span. Drawn again here with the engine, the
// samples' fits show the kept one is the first of the best; one try is the sample of seed + k, as before tries.
TEST_F(Steering, EachCandidateIsTheBestFitOfItsTries) {
    open(kRemiModel);
    selectBars(2, 3);
    window_.actions()->regenerateSelection->trigger();
    SteeringStrip* strip = steering_->strip();
    EXPECT_EQ(strip->form()->triesBox()->value(), 4) << "four tries a candidate by default";
    EXPECT_TRUE(strip->form()->triesBox()->isEnabled());
    const GenerationModel model = GenerationModel::open(kRemiModel.string());
    const RemiSteering engine(model);
    const auto notesOf = [](const Score& s) {
        std::vector<std::tuple<int, Tick, Tick>> notes;
        for (const Note& n : s.tracks[0].notes) notes.emplace_back(n.pitch, n.start, n.duration);
        return notes;
    };
    // The sample of seed `seed` for the job, as the controller draws it.
    const auto sample = [&](const SteeringJob& job, std::uint64_t seed) {
        SteeringRequest request;
        request.sampling = job.sampling;
        request.sampling.seed = seed;
        request.controls = job.controls;
        request.threads = std::max(1, QThread::idealThreadCount() - 1);
        const auto bars = barLines(job.base, std::max(job.base.endTick(), job.spanEnd) + 1);
        const int first = bars[barIndexAt(bars, job.spanStart)].number, last = bars[barIndexAt(bars, job.spanEnd - 1)].number;
        std::vector<int> tracks;
        for (const std::size_t t : job.tracks) tracks.push_back(static_cast<int>(t) + 1);  // the engine counts from 1
        return engine.infill(job.base, first, last, tracks, request).front().score;
    };
    EXPECT_EQ(trySeedIndex(2, 0), 2) << "a first try is the candidate's seed, as before tries";
    EXPECT_NE(trySeedIndex(0, 1), trySeedIndex(1, 0));
    // Each Generate draws a fresh seed: rounds until a candidate whose first try was not its best has been seen
    // (about two in three are, for three distinct tries), so the ranking is exercised whatever the seeds.
    for (const int tries : {3, 1}) {
        int differ = 0;
        for (int round = 0; round < (tries > 1 ? 8 : 1) && differ == 0; ++round) {
            ASSERT_NO_FATAL_FAILURE(generate(2, tries));
            const SteeringJob& job = steering_->job();
            EXPECT_EQ(job.tries, tries);
            for (int k = 0; k < 2; ++k) {
                std::vector<Score> samples;
                std::vector<double> fits;
                for (int j = 0; j < tries; ++j) {
                    samples.push_back(sample(job, variationSeed(job.sampling.seed, trySeedIndex(k, j))));
                    fits.push_back(jobContextFit(job, samples.back()).value_or(-1));
                }
                const std::size_t best = bestFitFirst(fits).front();
                EXPECT_EQ(notesOf(steering_->candidates()[static_cast<std::size_t>(k)]->score), notesOf(samples[best]))
                    << tries << " tries, candidate " << k + 1;
                differ += notesOf(samples[0]) != notesOf(samples[best]);
            }
        }
        if (tries > 1) {
            EXPECT_GT(differ, 0) << "in eight rounds no candidate differs from its first try: the tries were not ranked";
        }
    }
}

TEST_F(Steering, ContinueAppendsBarsAfterTheEnd) {
    open(kRemiModel);
    const Score original = window_.document()->score();
    window_.pianoRoll()->setPlayhead(-1);
    window_.pianoRoll()->geometry().setScrollX(0);  // the opening zoom (16 bars or so) at the start: the end is out of view
    window_.actions()->continuePiece->trigger();
    SteeringStrip* strip = steering_->strip();
    ASSERT_TRUE(strip->barsBox()->isVisible());
    strip->barsBox()->setValue(2);
    // Best of 4 does not apply to a continuation (its fit is not measured): the box is off, and the candidate is the
    // first try's sample.
    EXPECT_FALSE(strip->form()->triesBox()->isEnabled());
    generate(1, 4);
    {
        const SteeringJob& job = steering_->job();
        const GenerationModel model = GenerationModel::open(kRemiModel.string());
        SteeringRequest request;
        request.sampling = job.sampling;
        request.controls = job.controls;
        request.threads = std::max(1, QThread::idealThreadCount() - 1);
        const auto bars = barLines(job.base, std::max(job.base.endTick(), job.spanStart + 1) + 1);
        const auto first = RemiSteering(model).continuePiece(job.base, bars[barIndexAt(bars, job.spanStart)].number,
                                                             job.bars, request);
        ASSERT_FALSE(first.empty());
        EXPECT_TRUE(steering_->candidates().front()->score == first.front().score);
    }
    // The candidate's bars lie past the end of the piece: the view goes there, or it would look as if nothing came.
    {
        PianoRollView* roll = window_.pianoRoll();
        const auto& added = roll->candidateOverlay().added;
        ASSERT_FALSE(added.empty());
        const double width = roll->canvas()->width();
        const Tick first = std::min_element(added.begin(), added.end(), [](const auto& a, const auto& b) {
                               return a.second.start < b.second.start;
                           })->second.start;
        const double x = roll->geometry().tickToX(first);
        EXPECT_TRUE(x >= 0 && x < width * 0.9) << "the continuation starts at x " << x << " of a view " << width << " wide";
    }
    strip->keepButton()->click();
    const Score& after = window_.document()->score();
    EXPECT_GT(after.endTick(), original.endTick());
    // Nothing before the end was touched.
    const std::set<NoteId> before = idsOf(original), now = idsOf(after);
    EXPECT_TRUE(std::includes(now.begin(), now.end(), before.begin(), before.end()));
    window_.document()->undoStack()->undo();
    EXPECT_TRUE(window_.document()->score() == original);
}

// Candidates waiting for a decision are saved with the project (version 2) and offered again on reopening; Keep
// then changes exactly what the model changed, and undo gives back the piece as saved.
TEST_F(Steering, WaitingCandidatesTravelWithTheProject) {
    open(kRemiModel);
    selectBars(2, 3);
    window_.actions()->regenerateSelection->trigger();
    steering_->strip()->form()->keepRhythmBox()->setChecked(true);
    generate(2);
    QTest::keyClick(&window_, Qt::Key_2);
    const Score original = window_.document()->score();
    const std::vector<Score> offered = {steering_->candidates()[0]->score, steering_->candidates()[1]->score};

    QTemporaryDir dir;
    const QString path = dir.filePath("co-written.nfproject");
    ASSERT_EQ(window_.files()->saveProjectTo(path), QString());
    ASSERT_TRUE(ProjectFile::read(path).steering.has_value());
    EXPECT_TRUE(ProjectFile::read(path).steering->job.controls.keepRhythm) << "the rhythm lock is saved with the job";
    window_.document()->undoStack()->setClean();

    MainWindow again;
    again.show();
    ASSERT_EQ(again.files()->openProject(path), QString());
    StudioSteering* restored = again.findChild<StudioSteering*>();
    ASSERT_TRUE(uitest::waitFor([&] { return restored->candidates().size() == 2; })) << "no candidates offered";
    EXPECT_FALSE(restored->strip()->isHidden());
    EXPECT_EQ(restored->strip()->current(), 1);
    EXPECT_TRUE(restored->strip()->form()->keepRhythmBox()->isChecked()) << "the form shows what More will ask for";
    EXPECT_TRUE(restored->strip()->form()->controls().keepRhythm);
    EXPECT_EQ(uitest::notesOf(restored->candidates()[1]->score), uitest::notesOf(offered[1]));
    const Score reopened = again.document()->score();
    EXPECT_EQ(uitest::notesOf(reopened), uitest::notesOf(original));
    restored->strip()->keepButton()->click();
    EXPECT_EQ(uitest::notesOf(again.document()->score()), uitest::notesOf(offered[1]))
        << "Keep after reopening puts in exactly the candidate";
    again.document()->undoStack()->undo();
    EXPECT_TRUE(again.document()->score() == reopened);
    EXPECT_FALSE(ProjectFile::read(path).steering->candidates.empty());
}

// Generate pressed again while the model writes replaces the run (its late candidates never join the new list);
// Keep refuses when the piece's tracks changed since; bars after the end are refused (Continue writes those).
TEST_F(Steering, ASupersededRunChangedTracksAndBarsAfterTheEndAreSafe) {
    open(kRemiModel);
    selectBars(1, 2);
    window_.actions()->regenerateSelection->trigger();
    SteeringStrip* strip = steering_->strip();
    strip->form()->candidatesBox()->setValue(3);
    strip->generateButton()->click();
    strip->generateButton()->click();  // at once, while the first run writes
    bool done = false;
    QObject::connect(steering_->controller(), &SteeringController::finished, [&] { done = true; });
    ASSERT_TRUE(uitest::waitFor([&] { return done; }, 120000));
    ASSERT_EQ(steering_->candidates().size(), 3u) << "the first run's candidates were dropped";
    ASSERT_GE(strip->current(), 0);

    const Score before = window_.document()->score();
    Score more = before;
    more.tracks.push_back(Track{});
    window_.document()->pushScoreSnapshot("Add track", more);
    strip->keepButton()->click();
    EXPECT_EQ(window_.document()->score().tracks.size(), before.tracks.size() + 1) << "nothing kept";
    EXPECT_FALSE(strip->isHidden()) << "the candidates stay offered";
    window_.document()->undoStack()->undo();
    strip->keepButton()->click();
    EXPECT_TRUE(strip->isHidden()) << "with the tracks as they were, Keep works";

    PianoRollView* roll = window_.pianoRoll();
    const Score& piece = window_.document()->score();
    const Tick bar = piece.ticksPerBar(piece.endTick());
    roll->setBarSelection(piece.endTick() + 4 * bar, piece.endTick() + 6 * bar);
    window_.actions()->regenerateSelection->trigger();
    EXPECT_TRUE(strip->isHidden()) << "bars after the end are Continue's";
}

TEST_F(Steering, APaperModelGreysTheActionsOutSayingWhy) {
    open(kPaperModel);
    StudioActions* a = window_.actions();
    for (QAction* action : {a->regenerateSelection, a->addPart, a->continuePiece}) {
        EXPECT_FALSE(action->isEnabled());
        EXPECT_TRUE(action->toolTip().contains("remi")) << action->toolTip().toStdString();
    }
    open(kRemiModel);
    EXPECT_TRUE(a->regenerateSelection->isEnabled());
    // A piece without notes (a young model's empty result) gives the model nothing to work from.
    Score silent;
    silent.tracks.resize(1);
    window_.document()->setScore(silent, "silence");
    EXPECT_FALSE(a->addPart->isEnabled());
    EXPECT_TRUE(a->addPart->toolTip().contains("with notes")) << a->addPart->toolTip().toStdString();
}

}  // namespace nf

namespace nf {

// Generate takes bars for a bar-structured model: the panel swaps its token length for bars, meter, tempo and key,
// and the pieces have exactly the bars asked for; a model of the paper's gets its token length back.
TEST_F(Steering, TheGenerationPanelAsksARemiModelForBars) {
    open(kRemiModel);
    auto* panel = window_.findChild<GenerationPanel*>();
    ASSERT_TRUE(uitest::waitFor([&] { return panel->barStructured(); }, 30000));
    EXPECT_TRUE(panel->barsBox()->isVisibleTo(panel));
    EXPECT_FALSE(panel->lengthBox()->isVisibleTo(panel));
    panel->barsBox()->setValue(4);
    panel->variationsBox()->setValue(2);
    const auto request = panel->request();
    ASSERT_TRUE(request.barPiece);
    EXPECT_EQ(request.barPiece->bars, 4);
    const std::size_t before = panel->results().size();
    panel->generateButton()->click();
    ASSERT_TRUE(uitest::waitFor([&] { return panel->results().size() == before + 2; }, 120000));
    std::size_t notes = 0;
    for (std::size_t i = before; i < panel->results().size(); ++i) {
        const Score& s = panel->results()[i].piece.score;
        const Tick end = 4 * s.ticksPerBar(0);
        for (const Track& t : s.tracks)
            for (const Note& n : t.notes) {
                EXPECT_LE(n.end(), end) << "a note past the fourth bar";
                ++notes;
            }
    }
    EXPECT_GT(notes, 0u);

    panel->addModel(QString::fromStdString(kPaperModel.string()));
    ASSERT_TRUE(uitest::waitFor([&] { return !panel->barStructured() && panel->lengthBox()->isVisibleTo(panel); }, 30000));
    EXPECT_FALSE(panel->request().barPiece);
}

#ifdef NF_HAVE_AUDIO
// Call and response is greyed out for a model that cannot continue bars, the tooltip saying why; a remi model
// makes it available. Started anyway (a model changed under it), it refuses in one line and is left off.
TEST_F(Steering, CallAndResponseNeedsARemiModel) {
    open(kPaperModel);
    QAction* jam = window_.actions()->callAndResponse;
    ASSERT_TRUE(uitest::waitFor([&] { return !jam->isEnabled(); }, 30000));
    EXPECT_TRUE(jam->toolTip().contains("paper-abc-0.1.0.nfm")) << jam->toolTip().toStdString();
    jam->setChecked(true);
    ASSERT_TRUE(uitest::waitFor([&] { return !jam->isChecked(); }, 30000));
    // The engine's own reason, naming the file.
    EXPECT_TRUE(window_.findChild<MessageBar*>()->text().contains("paper-abc-0.1.0.nfm"))
        << window_.findChild<MessageBar*>()->text().toStdString();
    window_.findChild<GenerationPanel*>()->addModel(QString::fromStdString(kRemiModel.string()));
    ASSERT_TRUE(uitest::waitFor([&] { return jam->isEnabled(); }, 30000));
    EXPECT_EQ(jam->toolTip(), jam->statusTip());
}
#endif

}  // namespace nf
