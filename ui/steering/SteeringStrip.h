// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <optional>
#include <vector>

#include "generation/SteeringJob.h"
#include "training/LearnedInstruments.h"

class QButtonGroup;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace nf {

class SteeringForm;

// The strip above the piano roll where a musician steers the model: what it will write (title; the instrument of
// Add Part, the bar count of Continue), Generate and Cancel with progress, the candidates as numbered buttons (keys
// 1-9 switch while the passage loops), More, Keep and Close on one row; the controls (SteeringForm) below. Narrow
// enough for the piano roll of a 1280-pixel window with both side panels open. It holds no
// music: StudioSteering runs the model and applies the kept candidate.
class SteeringStrip : public QFrame {
    Q_OBJECT
public:
    explicit SteeringStrip(QWidget* parent = nullptr);

    // Opens the strip for a new job of `kind` (clears the candidates).
    void begin(SteeringJob::Kind kind, const QString& title);
    SteeringJob::Kind kind() const { return kind_; }
    SteeringForm* form() const { return form_; }
    // Add Part: the GM program chosen (-1 drums); Continue: the bars to write.
    int program() const;
    // Add Part -> "Drums from a drum model": the model file chosen (remembered by StudioSteering), or empty when
    // the piece's model writes the drums.
    QString drumModelPath() const;
    void setDrumModelPath(const QString& path);
    // Shows the part a job added (a reopened project): its drum model when it had one, else its program.
    void showPart(int program, const QString& drumModelPath);
    // Add Part without a model that can steer: only "Drums from a drum model" is possible; the box shows it, greyed,
    // with `why` as its tooltip. Unlocked, the box offers every part again.
    void lockToDrumModel(bool locked, const QString& why = {});
    // Marks the parts `model` never heard in training ("Drums (new to folk)", the tooltip says more); nullopt
    // marks none.
    void markUnheardParts(const QString& model, const std::optional<LearnedInstruments>& learned);
    static constexpr int kDrumModelItem = -2;  // the instrument box's data for that item
    int bars() const;
    // Regenerate: the tracks offered (names, by index) and which are ticked; ticking more or fewer emits
    // tracksChanged.
    void setTracks(const QStringList& names, const std::vector<std::size_t>& ticked);
    std::vector<std::size_t> tickedTracks() const;
    QToolButton* tracksButton() const { return tracks_; }

    void setRunning(bool running);
    void setProgress(int permille);
    // A candidate arrived: adds its button (numbered index + 1). `contextFit` (evaluation/ContextFit.h), when the
    // job has one, is in its tooltip, and the button of the candidate most like the music around it carries a star.
    void addCandidate(int index, std::optional<double> contextFit = std::nullopt);
    // The candidate marked as the best fit (-1: none).
    int bestFit() const;
    int candidateCount() const;
    // The candidate heard and shown (-1: none); checks its button without emitting candidateChosen.
    void setCurrent(int index);
    int current() const;

    QPushButton* generateButton() const { return generate_; }
    QPushButton* keepButton() const { return keep_; }
    QPushButton* moreButton() const { return more_; }
    QPushButton* discardButton() const { return discard_; }
    QComboBox* instrumentBox() const { return instrument_; }
    QSpinBox* barsBox() const { return bars_; }

signals:
    void generateRequested();
    void moreRequested();
    void cancelRequested();
    void candidateChosen(int index);
    void keepRequested();
    void discardRequested();
    void tracksChanged();
    // "Drums from a drum model" was chosen: StudioSteering asks for the model file (the last one offered first).
    void drumModelWanted();

private:
    void updateButtons();
    void markBestFit();

    SteeringJob::Kind kind_ = SteeringJob::Kind::Regenerate;
    bool running_ = false;
    QLabel* title_;
    QComboBox* instrument_;
    QString drumModelPath_;
    bool lockedToDrums_ = false;
    QSpinBox* bars_;
    QToolButton* tracks_;
    SteeringForm* form_;
    QPushButton* generate_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QHBoxLayout* candidateRow_;
    QButtonGroup* candidates_;
    std::vector<std::optional<double>> fits_;  // by candidate index
    QPushButton* more_;
    QPushButton* keep_;
    QPushButton* discard_;
};

}  // namespace nf
