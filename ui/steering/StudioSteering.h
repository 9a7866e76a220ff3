// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include "generation/RemiSteering.h"
#include "generation/SteeringJob.h"
#include "studio/StudioModule.h"

class QShortcut;

namespace nf {

class SteeringController;
class SteeringStrip;

// The model as a co-writer in the piano roll: Compose > Regenerate Selection (R) rewrites the bars chosen on the
// ruler in the selected notes' tracks (or the active track), Add Part writes a new track given the others, Continue
// writes more bars from the playhead or the end. Each opens the steering strip above the notes; candidates are
// written in the background, the first is heard at once looping its bars with a bar of context either side, keys
// 1-9 switch, Keep applies one as a single undo step. The actions are greyed out, saying why, for models that
// cannot do it (the paper's) and while no model is chosen.
class StudioSteering : public StudioModule {
    Q_OBJECT
public:
    StudioSteering(StudioContext& context, QObject* window);

    SteeringStrip* strip() const { return strip_; }
    SteeringController* controller() const { return controller_; }
    // The job whose candidates the strip shows, and its candidates so far (index order).
    const SteeringJob& job() const { return job_; }
    const std::vector<std::shared_ptr<const SteeredPiece>>& candidates() const { return candidates_; }

    // Offers candidates read from a project again (the strip open on them, nothing playing).
    void restoreCandidates(const SteeringJob& job, const std::vector<Score>& candidates, int current);

public slots:
    void openRegenerate();
    void openAddPart();
    void openContinue();
    void generate();
    void generateMore();
    void choose(int index);
    void keep();
    void close();
    // Add Part -> "Drums from a drum model": asks for the drums model file (remembered in the settings).
    void chooseDrumModel();

private:
    void updateActions();
    // "Rewrite bars 4-5 of Melody", "Add a part", "Continue from bar 9".
    QString titleFor(const SteeringJob& job) const;
    void open(SteeringJob::Kind kind, const QString& title);
    void startRun(int firstIndex);
    void onCandidate(int index, std::shared_ptr<const SteeredPiece> piece);
    // Where a candidate loops: its bars with one bar of context either side.
    std::pair<Tick, Tick> auditionLoop() const;

    static constexpr const char* kDrumModelKey = "steering/drumModel";
    SteeringController* controller_;
    SteeringStrip* strip_;
    SteeringJob job_;
    QString title_;
    std::vector<std::shared_ptr<const SteeredPiece>> candidates_;
    std::vector<QShortcut*> candidateKeys_;
    QShortcut* closeKey_ = nullptr;  // Esc, while the strip is open
};

}  // namespace nf
