// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCheckBox>
#include <QWidget>

#include <functional>
#include <memory>

#include "dataset/Dataset.h"
#include "training/BaseModelChoice.h"
#include "training/TrainingMetrics.h"

class QComboBox;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTabWidget;

namespace nf {

class HyperparameterForm;
class TrainingCharts;
class TrainingController;

// The Training dock: preset and hyper-parameters, the device, Start / Pause / Stop / Resume-from-checkpoint,
// epoch progress with ETA and tokens per second, live loss and accuracy charts, and the model files written.
// Wide, it shows three columns (settings, controls, charts); narrower than that (a 1280x720 screen with both side
// panels open) the settings become the first tab beside Models and Listen, so the charts keep room to be read.
class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    // The trainer's closing message for a studio user: its command-line advice ("continue with --resume PATH")
    // becomes the panel's own button.
    static QString studioMessage(const TrainingResult& result);
    // `dataset` gives the loaded dataset at the moment Start is pressed.
    TrainingPanel(TrainingController* controller, std::function<std::shared_ptr<const Dataset>()> dataset,
                  QWidget* parent = nullptr);

    HyperparameterForm* form() const { return form_; }
    BaseModelChoice* startFrom() const { return startFrom_; }
    // "Adapters only": train low-rank adapters on the frozen base instead of all its weights.
    QCheckBox* adaptersOnly() const { return adaptersOnly_; }
    // The rank of the studio's adapters (the CLI's --adapter-rank chooses any).
    static constexpr int kAdapterRank = 8;
    // The loaded data changed: "Start from" follows it until the musician chooses.
    void suggestBaseModel();
    // The form as the chosen starting point trains: a base's network and schedule, or the musician's own.
    void showStartingPoint();
    TrainingCharts* charts() const { return charts_; }
    QListWidget* models() const { return models_; }
    QListWidget* samples() const { return samples_; }
    QSpinBox* listenEvery() const { return listenEvery_; }
    // A sample generated while training, listed with the overfit meter (longest passage copied from the data).
    void addSample(int epoch, std::size_t notes, int longestCopy, int warnAt);
    QPushButton* startButton() const { return start_; }
    // "Run on": this computer or a machine over SSH; the host chosen, empty for this computer.
    QComboBox* runOnBox() const { return runOn_; }
    QString remoteHost() const;
    QProgressBar* progressBar() const { return progress_; }
    // Where the next model is written: the models folder, named after the dataset, model kind and time.
    QString nextModelPath() const;
    // Model files listed (newest first); restoring adds those that still exist.
    QStringList modelPaths() const;
    void restoreModels(const QStringList& paths);
    // Whether the settings sit in a tab (narrow panel) rather than in their own column.
    bool isCompact() const { return compact_; }
    // The width from which the three columns fit with readable charts.
    int wideWidth() const;

public slots:
    void startTraining(const QString& resumeFrom = {});

signals:
    // The user picked a model file to generate with.
    void modelChosen(const QString& path);
    // The user picked the sample of row `index` (0 = the first taken) to hear.
    void sampleChosen(int index);
    void status(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    bool adversarial_ = false;  // the run is a drum GAN's
    void setCompact(bool compact);
    void onStarted(const TrainingStart& start);
    void onProgress(const TrainingProgress& progress);
    void onFinished(const TrainingResult& result);
    void setRunning(bool running);
    void addModel(const QString& path, const QString& label);
    void resumeFromCheckpoint();
    void showDeviceChoice();

    TrainingController* controller_;
    std::function<std::shared_ptr<const Dataset>()> dataset_;
    HyperparameterForm* form_;
    BaseModelChoice* startFrom_;
    QCheckBox* adaptersOnly_;
    TrainingCharts* charts_;
    QComboBox* runOn_;
    QLabel* device_;
    QLabel* state_;
    QProgressBar* progress_;
    QPushButton* start_;
    QPushButton* pause_;
    QPushButton* stop_;
    QPushButton* resume_;
    QListWidget* models_;
    QListWidget* samples_;
    QSpinBox* listenEvery_;
    QScrollArea* settings_;
    QTabWidget* lists_;
    QHBoxLayout* columns_;
    bool compact_ = false;
};

}  // namespace nf
