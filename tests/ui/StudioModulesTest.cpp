// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's wiring: every part registers itself and the window makes it with a StudioContext; a new panel is one
// file that registers itself (the example of docs/architecture.md), and parts talk through the context's events.
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>

#include <gtest/gtest.h>

#include <string>

#include "MainWindow.h"
#include "UiTestUtil.h"
#include "controllers/LogHub.h"
#include "document/ScoreDocument.h"
#include "generation/GenerationPanel.h"
#include "generation/StudioGeneration.h"
#include "studio/StudioActions.h"
#include "studio/StudioContext.h"
#include "studio/StudioModule.h"
#include "studio/StudioShell.h"
#include "training/StudioTraining.h"
#include "welcome/StudioWelcome.h"

namespace nf {

namespace {

// A new panel, as a plugin author writes it: one class, built with the context, registered below. It shows the
// number of notes of the piece in the editor and counts the datasets loaded.
class NoteCountPanel : public StudioModule {
public:
    NoteCountPanel(StudioContext& context, QObject* window)
        : StudioModule(context, window), label_(new QLabel) {
        dock_ = context.shell().addPanel(QStringLiteral("Note Count"), "noteCountDock", label_);
        connect(context.document(), &ScoreDocument::scoreReplaced, label_, [this] {
            label_->setText(QString::number(this->context().document()->score().noteCount()));
        });
        connect(&context, &StudioContext::datasetReady, this, [this] { ++datasets; });
    }
    QLabel* label_;
    QDockWidget* dock_;
    int datasets = 0;
};

// Off unless a test asks: the other tests' windows stay as the studio ships.
bool gNoteCountPanelWanted = false;
NoteCountPanel* gNoteCountPanel = nullptr;  // the last one made (the class has no Q_OBJECT for findChild)
[[maybe_unused]] const bool kNoteCountRegistered = StudioModuleRegistry::add(
    50, "NoteCountPanel", [](StudioContext& c, QObject* w) -> StudioModule* {
        return gNoteCountPanelWanted ? gNoteCountPanel = new NoteCountPanel(c, w) : nullptr;
    });

struct WantNoteCountPanel {
    WantNoteCountPanel() { gNoteCountPanelWanted = true; }
    ~WantNoteCountPanel() { gNoteCountPanelWanted = false; }
};

}  // namespace

TEST(StudioModules, EveryPartIsRegisteredAndMadeInOrder) {
    std::vector<std::string> names;
    for (const char* n : StudioModuleRegistry::names()) names.emplace_back(n);
    auto at = [&](const std::string& name) { return std::find(names.begin(), names.end(), name) - names.begin(); };
    ASSERT_LT(at("StudioTraining"), static_cast<long>(names.size()));
    ASSERT_LT(at("StudioGeneration"), static_cast<long>(names.size()));
    ASSERT_LT(at("StudioWelcome"), static_cast<long>(names.size()));
    // Exactly one sound side: the engine, or its stand-in in a build without audio.
    const bool sound = at("StudioSound") < static_cast<long>(names.size());
    const bool without = at("StudioWithoutSound") < static_cast<long>(names.size());
    EXPECT_NE(sound, without);
    // Sound before the panels that play through it; the guide last, once there is something to guide through.
    EXPECT_LT(sound ? at("StudioSound") : at("StudioWithoutSound"), at("StudioTraining"));
    EXPECT_LT(at("StudioTraining"), at("StudioGeneration"));
    EXPECT_EQ(names.back(), "StudioWelcome");

    MainWindow w;
    EXPECT_NE(w.module<StudioTraining>(), nullptr);
    EXPECT_NE(w.module<StudioGeneration>(), nullptr);
    EXPECT_NE(w.module<StudioWelcome>(), nullptr);
}

TEST(StudioModules, ANewPanelNeedsNoChangeToTheWindow) {
    WantNoteCountPanel want;
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    NoteCountPanel* panel = gNoteCountPanel;
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(panel->parent(), &w);
    // A dock tabbed with the Log, listed under View > Panels like Training and Generation.
    EXPECT_EQ(panel->dock_->objectName(), "noteCountDock");
    EXPECT_TRUE(w.actions()->panelsMenu->actions().contains(panel->dock_->toggleViewAction()));
    EXPECT_TRUE(w.tabifiedDockWidgets(w.logDock()).contains(panel->dock_));
    // It follows the document and the studio's events.
    w.openInitial(uitest::demoDir());
    ASSERT_TRUE(uitest::waitFor([&] { return panel->datasets == 1; }));
    EXPECT_EQ(panel->label_->text().toULongLong(), w.document()->score().noteCount());
    EXPECT_GT(panel->label_->text().toInt(), 0);
}

TEST(StudioModules, PartsTalkThroughTheContextsEvents) {
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    StudioContext* ctx = w.context();
    ASSERT_NE(ctx, nullptr);
    // A model announced by a part (Training, when a run finishes) is offered by another (Generation).
    emit ctx->modelAvailable(QStringLiteral("/models/announced.nfm"));
    EXPECT_EQ(w.module<StudioGeneration>()->panel()->modelPath(), "/models/announced.nfm");
    // The Welcome guide's Generate step reaches the Generation panel without the guide knowing it.
    QDockWidget* generation = w.module<StudioGeneration>()->dock();
    w.logDock()->raise();
    ASSERT_TRUE(uitest::waitFor([&] { return generation->visibleRegion().isEmpty(); }, 5000));
    emit ctx->generationRequested();
    EXPECT_TRUE(uitest::waitFor([&] { return !generation->visibleRegion().isEmpty(); }, 5000));
    // The window's own events reach the parts through the context.
    int ready = 0;
    QObject::connect(ctx, &StudioContext::datasetReady, [&] { ++ready; });
    emit w.datasetReady();
    EXPECT_EQ(ready, 1);
}

}  // namespace nf
